//! `GET /identity-verifications/{id}`: a verification record for verifiers, document number masked.

use actix_web::{get, web};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use sitecard_app::AppError;
use sitecard_domain::Role;
use sitecard_domain::document::mask_document_number;
use sitecard_persistence::{ConnectionTrait, persons};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::right_to_work::RightToWorkView;
use sitecard_app::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct VerificationView {
    #[schema(example = "01a1f873-5370-7063-8277-9b947d2c44b5")]
    pub id: Uuid,
    /// A short reference to read out or note down: the record id's last eight characters, e.g. `7D2C-44B5`.
    #[schema(example = "7D2C-44B5")]
    pub reference: String,
    #[schema(example = "01a1f872-de40-7e67-9fc2-99d33ce0216c")]
    pub person_id: Uuid,
    #[schema(value_type = sitecard_app::schema_enums::DocumentTypeValue)]
    pub document_type: String,
    /// Only the last three characters, e.g. `••••••567`.
    #[schema(example = "••••••567")]
    pub document_number_masked: String,
    /// ISO 3166-1 alpha-3 (or an ICAO code), as recorded.
    #[schema(pattern = "^[A-Z]{3}$", example = "POL")]
    pub issuing_country: String,
    #[schema(example = "2031-06-30")]
    pub document_expiry: NaiveDate,
    #[schema(example = "Anna Maria")]
    pub given_names: String,
    #[schema(example = "Kowalska")]
    pub surname: String,
    #[schema(example = "1990-04-12")]
    pub date_of_birth: NaiveDate,
    /// ISO 3166-1 alpha-3 (or an ICAO code such as `XXA`), as recorded.
    #[schema(pattern = "^[A-Z]{3}$", example = "POL")]
    pub nationality: String,
    #[schema(example = "anna.kowalska@example.com")]
    pub email: String,
    /// The verifier's account.
    #[schema(example = "019bc0e2-1280-75ef-800c-395999e90c3b")]
    pub verified_by: Uuid,
    #[schema(example = "2026-11-20T10:14:30Z")]
    pub verified_at: DateTime<Utc>,
    /// True for a nationality outside the EU/EEA and Switzerland: the holder shows a residence or work permit.
    #[schema(example = false)]
    pub right_to_work_required: bool,
    /// The person's current permit (the newest recorded, possibly at a later visit); `null` when none.
    pub right_to_work: Option<RightToWorkView>,
}

/// Read a verification record (verifiers).
///
/// Verifiers only. The document number is masked to its last three characters; `reference` is a short form of the id
/// to read out at the desk; `right_to_work` is the person's current permit. Read-only.
#[utoipa::path(tag = "identity", security(("bearer" = [])), params(("id" = Uuid, Path, description = "Verification record id", example = "01a1f873-5370-7063-8277-9b947d2c44b5")), responses(
    (status = 200, description = "The record", body = VerificationView),
    (status = 403, description = "Not a verifier"),
    (status = 404, description = "No such record"),
))]
#[get("/identity-verifications/{id}")]
pub async fn show_verification(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> Result<web::Json<VerificationView>, ApiError> {
    user.require(Role::Verifier)?;
    let v = persons::find_verification(&state.db, *id).await?.ok_or(AppError::NotFound)?;
    Ok(web::Json(view(&state.db, v).await?))
}

/// A record as verifiers see it, with the person's current permit: the document number masked.
pub async fn view<C: ConnectionTrait>(conn: &C, v: persons::Verification) -> Result<VerificationView, ApiError> {
    let permit = sitecard_persistence::right_to_work::current(conn, v.person_id).await?;
    let right_to_work_required = sitecard_app::right_to_work::required_for(&v.nationality);
    let tail: String = v.id.simple().to_string().to_uppercase().chars().skip(24).collect();
    Ok(VerificationView {
        reference: format!("{}-{}", &tail[..4], &tail[4..]),
        id: v.id,
        person_id: v.person_id,
        document_type: v.document_type,
        document_number_masked: mask_document_number(&format!("000000{}", v.document_last3)),
        issuing_country: v.issuing_country,
        document_expiry: v.document_expiry,
        given_names: v.given_names,
        surname: v.surname,
        date_of_birth: v.date_of_birth,
        nationality: v.nationality,
        email: v.email,
        verified_by: v.verifier_id,
        verified_at: v.created_at,
        right_to_work_required,
        right_to_work: permit.map(RightToWorkView::from),
    })
}
