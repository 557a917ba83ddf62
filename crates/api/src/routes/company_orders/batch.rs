//! `POST /companies/{company_id}/card-orders/batch`: a crew's orders from one CSV file, all or nothing.

use actix_web::{HttpRequest, HttpResponse, post, web};
use serde::Serialize;
use sitecard_app::AppError;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::{ApiError, FieldError, Fields};
use sitecard_app::order_input::{CreateOrder, DeliveryInput, parse_order};
use sitecard_app::state::AppState;
use sitecard_app::use_cases::place_card_order::ParsedOrder;
use sitecard_app::use_cases::place_card_orders_from_csv::{PlaceCardOrdersFromCsv, place_card_orders_from_csv};

/// At most this many orders per file.
pub const MAX_ROWS: usize = 500;
/// A file of 500 ordinary rows is well under this (actix's default body limit for raw bodies).
const MAX_BYTES: usize = 256 * 1024;

/// The header row, in this order in the template (any order is read).
pub const COLUMNS: [&str; 12] = [
    "given_names",
    "surname",
    "date_of_birth",
    "nationality",
    "email",
    "phone",
    "recipient",
    "address_line1",
    "address_line2",
    "postal_code",
    "city",
    "country",
];
const OPTIONAL: [&str; 3] = ["nationality", "phone", "address_line2"];

/// The CSV file, UTF-8 (with or without a byte order mark), `,` or `;` between fields.
#[derive(ToSchema)]
#[schema(value_type = String, example = "given_names;surname;date_of_birth;nationality;email;phone;recipient;address_line1;address_line2;postal_code;city;country\nJan Piotr;Kowalski;1990-04-12;POL;jan.kowalski@example.com;+48601234567;Site office;Storgatan 12;;114 55;Stockholm;SE\n")]
#[allow(dead_code)]
pub struct OrdersCsv(String);

#[derive(Serialize, ToSchema)]
pub struct BatchCreated {
    /// The new orders' ids, in the file's row order (empty for a `dry_run`).
    #[schema(example = json!(["01a22242-4c60-719a-a092-42ce5320dff0", "01a22242-4c61-7a1b-8c2d-3e4f5a6b7c8d"]))]
    pub created: Vec<Uuid>,
    /// How many orders the file holds.
    #[schema(example = 2)]
    pub rows: u32,
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
pub struct BatchOptions {
    /// Only check the file: 200 when every row is right, the same 422 otherwise; nothing is created.
    #[param(example = true)]
    pub dry_run: Option<bool>,
}

/// Order cards for a crew from a CSV file.
///
/// Company administrators of this company only. The header row names the columns (`given_names, surname,
/// date_of_birth, nationality, email, phone, recipient, address_line1, address_line2, postal_code, city,
/// country`; `nationality`, `phone` and `address_line2` may be left empty); then one order per row, at most 500.
/// All or nothing: when any row is wrong nothing is created and every error is reported at once with its row
/// (1 is the first row after the header) and field; `dry_run=true` checks a file without ordering (a preview).
/// Each worker is emailed as for a single order; audited.
#[utoipa::path(tag = "company", security(("bearer" = [])),
    params(("company_id" = Uuid, Path, description = "The company's id", example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c1"), BatchOptions),
    request_body(description = "The orders as CSV", content((OrdersCsv = "text/csv"))),
    responses(
    (status = 200, description = "`dry_run`: every row is right; nothing was created", body = BatchCreated),
    (status = 201, description = "Every row ordered", body = BatchCreated),
    (status = 403, description = "Not an administrator of this company"),
    (status = 413, description = "`too_many_rows`: more than 500 orders, or `payload_too_large`: over 256 KB"),
    (status = 415, description = "`unsupported_media_type`: send `Content-Type: text/csv`"),
    (status = 422, description = "`batch_invalid`: nothing was created; `errors` lists every `{row, field, code}`"),
))]
#[post("/companies/{company_id}/card-orders/batch")]
pub async fn create_orders_from_csv(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    company_id: web::Path<Uuid>,
    options: web::Query<BatchOptions>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let company_id = company_id.into_inner();
    crate::auth::require_company_admin(&state, &user, company_id).await?;
    let content_type = req.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_ascii_lowercase();
    if !content_type.starts_with("text/csv") {
        return Err(ApiError::UnsupportedMediaType);
    }
    if body.len() > MAX_BYTES {
        return Err(too_many_rows());
    }
    let parsed = check_rows(&read_rows(&body)?)?;
    let count = parsed.len() as u32;
    if options.dry_run.unwrap_or(false) {
        return Ok(HttpResponse::Ok().json(BatchCreated { created: vec![], rows: count }));
    }
    let cmd = PlaceCardOrdersFromCsv { actor_id: user.account_id, company_id: company_id.into(), orders: parsed };
    let created = place_card_orders_from_csv(&state, cmd).await?;
    Ok(HttpResponse::Created().json(BatchCreated { created, rows: count }))
}

/// Every row checked with the single order's rules: the orders, or every row's errors at once.
fn check_rows(rows: &[CreateOrder]) -> Result<Vec<ParsedOrder>, ApiError> {
    let mut errors = Vec::new();
    let mut parsed = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let mut f = Fields::new();
        let order = parse_order(&mut f, row);
        for mut e in f.into_errors() {
            e.field = e.field.trim_start_matches("delivery.").to_owned();
            e.row = Some(i as u32 + 1);
            errors.push(e);
        }
        parsed.extend(order);
    }
    if rows.is_empty() {
        errors.push(row_error(0, "given_names", "required", "the file has no orders under its header row"));
    }
    if errors.is_empty() { Ok(parsed) } else { Err(batch_invalid(errors)) }
}

/// The rows as order inputs; a header that misses a required column, or a file that is not CSV, is one
/// `batch_invalid` with row 0.
fn read_rows(body: &[u8]) -> Result<Vec<CreateOrder>, ApiError> {
    let text =
        std::str::from_utf8(body).map_err(|_| batch_invalid(vec![row_error(0, "file", "invalid_encoding", "save the file as UTF-8")]))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header_line = text.lines().next().unwrap_or_default();
    // Excel in Sweden separates with `;`; elsewhere `,`. The header row decides.
    let separator = if header_line.matches(';').count() > header_line.matches(',').count() { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new().delimiter(separator).flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|_| batch_invalid(vec![row_error(0, "file", "invalid_csv", "not a CSV file")]))?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let missing: Vec<FieldError> = COLUMNS
        .iter()
        .filter(|c| !OPTIONAL.contains(c) && !header.iter().any(|h| h == *c))
        .map(|c| row_error(0, c, "missing_column", "the header row needs this column"))
        .collect();
    if !missing.is_empty() {
        return Err(batch_invalid(missing));
    }
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|_| batch_invalid(vec![row_error(i as u32 + 1, "file", "invalid_csv", "this row cannot be read")]))?;
        if record.iter().all(|v| v.trim().is_empty()) {
            continue; // Spreadsheets often end with empty rows.
        }
        if rows.len() == MAX_ROWS {
            return Err(too_many_rows());
        }
        let get = |name: &str| header.iter().position(|h| h == name).and_then(|i| record.get(i)).unwrap_or_default().to_owned();
        let optional = |name: &str| Some(get(name)).filter(|v| !v.is_empty());
        rows.push(CreateOrder {
            given_names: get("given_names"),
            surname: get("surname"),
            date_of_birth: get("date_of_birth"),
            nationality: optional("nationality"),
            email: get("email"),
            phone: optional("phone"),
            delivery: DeliveryInput {
                recipient: get("recipient"),
                address_line1: get("address_line1"),
                address_line2: optional("address_line2"),
                postal_code: get("postal_code"),
                city: get("city"),
                country: get("country"),
            },
        });
    }
    Ok(rows)
}

fn row_error(row: u32, field: &str, code: &str, message: &str) -> FieldError {
    FieldError { row: Some(row), ..FieldError::new(field, code, message) }
}

fn batch_invalid(errors: Vec<FieldError>) -> ApiError {
    let detail = format!("nothing was created: {} problem(s) in the file", errors.len());
    AppError::Unprocessable { code: "batch_invalid", detail, errors }.into()
}

fn too_many_rows() -> ApiError {
    AppError::TooLarge("too_many_rows", format!("at most {MAX_ROWS} orders per file; split it")).into()
}
