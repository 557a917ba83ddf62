//! The one place where every failure becomes an RFC 9457 `application/problem+json` answer.
//!
//! Handlers and use cases return [`ApiError`]; its [`ApiError::problem`] is an exhaustive match to status and
//! stable `code`. 5xx causes are logged here and never sent.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

/// One field-level validation failure.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq, Eq)]
pub struct FieldError {
    /// The JSON field (dotted for nested fields, e.g. `delivery.postal_code`).
    #[schema(example = "delivery.postal_code")]
    pub field: String,
    /// Stable machine code, e.g. `required`, `invalid_format`, `too_long`.
    #[schema(example = "invalid_format")]
    pub code: String,
    /// English explanation for developers; clients translate `code`.
    #[schema(example = "2 to 12 letters, digits, spaces or hyphens")]
    pub message: String,
    /// In a CSV upload: the data row (1 is the first row after the header; 0 is the header itself).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false, example = 3)]
    pub row: Option<u32>,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: impl Into<String>, message: impl Into<String>) -> Self {
        Self { field: field.into(), code: code.into(), message: message.into(), row: None }
    }
}

/// RFC 9457 problem details with Sitecard's stable `code`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// A URL naming the problem type, `https://sitecard.dev/problems/<code>`: an identifier (it need not
    /// resolve); `code` carries the same name without the prefix.
    #[serde(rename = "type")]
    #[schema(example = "https://sitecard.dev/problems/stale_version")]
    pub type_: String,
    #[schema(example = "The request conflicts with the current state")]
    pub title: String,
    #[schema(example = 409)]
    pub status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "the order changed since you loaded it; reload and try again")]
    pub detail: Option<String>,
    /// Stable machine-readable code; clients switch on this, never on `title` or `detail`.
    #[schema(example = "stale_version")]
    pub code: String,
    /// Field-level errors for validation problems.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub errors: Vec<FieldError>,
    /// Tries left before a lock (`card_number_mismatch`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = 3)]
    pub remaining_attempts: Option<i32>,
    /// Seconds to wait before retrying (also sent as the `Retry-After` header).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = 42)]
    pub retry_after: Option<u64>,
    /// On `POST /oauth/token` only: the RFC 6749 section 5.2 error (`invalid_request`, `invalid_client`,
    /// `unsupported_grant_type`, ...), so that standard OAuth client libraries recognise the failure.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "invalid_client")]
    pub error: Option<String>,
}

/// Every failure an API call can end in.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("malformed JSON: {0}")]
    MalformedJson(String),
    #[error("invalid request body: {0}")]
    InvalidBody(String),
    #[error("invalid query: {0}")]
    InvalidQuery(String),
    #[error("invalid path: {0}")]
    InvalidPath(String),
    #[error("unsupported media type")]
    UnsupportedMediaType,
    #[error("payload too large")]
    PayloadTooLarge,
    #[error("unsupported image")]
    UnsupportedImage,
    #[error("photo too large")]
    PhotoTooLarge,
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    #[error("bad request: {0}")]
    BadRequest(&'static str, String),
    #[error("weak password")]
    WeakPassword(Vec<FieldError>),
    #[error("card number mismatch")]
    CardNumberMismatch { remaining_attempts: i32 },
    #[error("unprocessable: {code}")]
    Unprocessable { code: &'static str, detail: String, errors: Vec<FieldError> },
    #[error("unauthenticated: {0}")]
    Unauthorized(&'static str),
    #[error("forbidden")]
    Forbidden,
    /// Allowed in principle, not as things stand (e.g. `step_up_required`): the code says what is missing.
    #[error("{0}: {1}")]
    ForbiddenReason(&'static str, String),
    #[error("not found")]
    NotFound,
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("conflict: {0}")]
    Conflict(&'static str, String),
    #[error("precondition failed")]
    PreconditionFailed,
    #[error("too large: {0}")]
    TooLarge(&'static str, String),
    #[error("gone: {0}")]
    Gone(&'static str, String),
    #[error("rate limited: {code}")]
    TooManyRequests { code: &'static str, retry_after: u64 },
    #[error("service unavailable: {0}")]
    Unavailable(String),
    #[error("internal error: {0}")]
    Internal(String),
}

impl ApiError {
    pub fn internal(e: impl std::fmt::Display) -> Self {
        Self::Internal(e.to_string())
    }

    /// Logs what a 5xx hides from the client; once per error, where it becomes a response.
    pub fn log_cause(&self) {
        match self {
            Self::Unavailable(cause) => tracing::warn!(cause = %cause, "service unavailable"),
            Self::Internal(cause) => tracing::error!(cause = %cause, "internal error"),
            _ => {}
        }
    }

    /// The exhaustive mapping from error to status, code and public text (pure: `log_cause` logs).
    pub fn problem(&self) -> Problem {
        let (status, code, title, detail, errors, retry_after): (StatusCode, &str, &str, Option<String>, Vec<FieldError>, Option<u64>) =
            match self {
                Self::MalformedJson(d) => {
                    (StatusCode::BAD_REQUEST, "malformed_json", "The request body is not valid JSON", Some(d.clone()), vec![], None)
                }
                Self::InvalidBody(d) => (
                    StatusCode::BAD_REQUEST,
                    "invalid_body",
                    "The request body does not have the expected shape",
                    Some(d.clone()),
                    vec![],
                    None,
                ),
                Self::InvalidQuery(d) => {
                    (StatusCode::BAD_REQUEST, "invalid_query", "The query string is not valid", Some(d.clone()), vec![], None)
                }
                Self::InvalidPath(d) => {
                    (StatusCode::BAD_REQUEST, "invalid_path", "A path parameter is not valid", Some(d.clone()), vec![], None)
                }
                Self::UnsupportedMediaType => (
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_media_type",
                    "The Content-Type is not supported here",
                    None,
                    vec![],
                    None,
                ),
                Self::PayloadTooLarge => {
                    (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", "The request body is too large", None, vec![], None)
                }
                Self::UnsupportedImage => (
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_image",
                    "Only JPEG and PNG portraits are accepted",
                    None,
                    vec![],
                    None,
                ),
                Self::PhotoTooLarge => (
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "photo_too_large",
                    "The photo is larger than 5 MB, 16 megapixels or 8000 pixels a side",
                    None,
                    vec![],
                    None,
                ),
                Self::Validation(errs) => {
                    (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", "Some fields are not valid", None, errs.clone(), None)
                }
                Self::BadRequest(code, d) => {
                    (StatusCode::BAD_REQUEST, code, "The request cannot be carried out", Some(d.clone()), vec![], None)
                }
                Self::WeakPassword(errs) => (
                    StatusCode::BAD_REQUEST,
                    "weak_password",
                    "The password is too weak",
                    Some("Use at least 8 characters; a few unrelated words make a strong password.".into()),
                    errs.clone(),
                    None,
                ),
                Self::CardNumberMismatch { remaining_attempts } => (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "card_number_mismatch",
                    "The number does not match this card",
                    Some(format!("{remaining_attempts} tries left")),
                    vec![FieldError::new("card_number", "mismatch", "does not match the card")],
                    None,
                ),
                Self::Unprocessable { code, detail, errors } => (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    code,
                    "The request cannot be carried out",
                    Some(detail.clone()),
                    errors.clone(),
                    None,
                ),
                Self::Unauthorized(code) => (StatusCode::UNAUTHORIZED, code, "Authentication failed or is required", None, vec![], None),
                Self::Forbidden => (StatusCode::FORBIDDEN, "forbidden", "You are not allowed to do this", None, vec![], None),
                Self::ForbiddenReason(code, d) => {
                    (StatusCode::FORBIDDEN, code, "Not allowed until you prove it is you", Some(d.clone()), vec![], None)
                }
                Self::NotFound => (StatusCode::NOT_FOUND, "not_found", "Nothing was found here", None, vec![], None),
                Self::MethodNotAllowed => {
                    (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", "This method is not allowed on this path", None, vec![], None)
                }
                Self::Conflict(code, d) => {
                    (StatusCode::CONFLICT, code, "The request conflicts with the current state", Some(d.clone()), vec![], None)
                }
                Self::PreconditionFailed => {
                    (StatusCode::PRECONDITION_FAILED, "precondition_failed", "The resource has changed", None, vec![], None)
                }
                Self::TooLarge(code, d) => {
                    (StatusCode::PAYLOAD_TOO_LARGE, code, "The request is larger than allowed", Some(d.clone()), vec![], None)
                }
                Self::Gone(code, d) => (StatusCode::GONE, code, "This is no longer valid", Some(d.clone()), vec![], None),
                Self::TooManyRequests { code, retry_after } => {
                    (StatusCode::TOO_MANY_REQUESTS, code, "Too many attempts; wait before trying again", None, vec![], Some(*retry_after))
                }
                Self::Unavailable(_) => (
                    StatusCode::SERVICE_UNAVAILABLE,
                    "service_unavailable",
                    "The service is temporarily unavailable",
                    None,
                    vec![],
                    Some(5),
                ),
                Self::Internal(_) => {
                    (StatusCode::INTERNAL_SERVER_ERROR, "internal_error", "Something went wrong on our side", None, vec![], None)
                }
            };
        let remaining_attempts = match self {
            Self::CardNumberMismatch { remaining_attempts } => Some(*remaining_attempts),
            _ => None,
        };
        Problem {
            remaining_attempts,
            type_: format!("https://sitecard.dev/problems/{code}"),
            title: title.to_owned(),
            status: status.as_u16(),
            detail,
            code: code.to_owned(),
            errors,
            retry_after,
            error: None,
        }
    }
}

/// The problem this API answers with `code` at `status`, for the OpenAPI examples: the title is the one the
/// server sends, the detail the documented one (or a typical one).
pub fn example_problem(status: u16, code: &str, detail: Option<&str>) -> Problem {
    let detail = |typical: &str| detail.unwrap_or(typical).to_owned();
    let error = match (status, code) {
        (400, "malformed_json") => ApiError::MalformedJson("expected value at line 1 column 1".into()),
        (400, "invalid_body") => ApiError::InvalidBody(detail("missing field `email` at line 1 column 2")),
        (400, "invalid_query") => ApiError::InvalidQuery(detail("invalid digit found in string")),
        (400, "invalid_path") => ApiError::InvalidPath(detail("UUID parsing failed")),
        (400, "weak_password") => ApiError::WeakPassword(vec![FieldError::new("password", "too_weak", "easy to guess")]),
        (400, _) => ApiError::BadRequest("bad_request", detail("the request cannot be carried out")),
        (401, _) => ApiError::Unauthorized("unauthenticated"),
        (403, "forbidden") => ApiError::Forbidden,
        (403, _) => ApiError::ForbiddenReason("forbidden", detail("prove it is you with your second factor first")),
        (404, _) => ApiError::NotFound,
        (409, _) => ApiError::Conflict("conflict", detail("the resource changed since you loaded it")),
        (410, _) => ApiError::Gone("gone", detail("the link or code has expired")),
        (412, _) => ApiError::PreconditionFailed,
        (413, "photo_too_large") => ApiError::PhotoTooLarge,
        (413, _) => ApiError::PayloadTooLarge,
        (415, "unsupported_image") => ApiError::UnsupportedImage,
        (415, _) => ApiError::UnsupportedMediaType,
        (422, "validation_failed") => ApiError::Validation(vec![FieldError::new("email", "invalid_format", "not an email address")]),
        (422, "card_number_mismatch") => ApiError::CardNumberMismatch { remaining_attempts: 4 },
        (422, _) => ApiError::Unprocessable { code: "unprocessable", detail: detail("the request cannot be carried out"), errors: vec![] },
        (429, _) => ApiError::TooManyRequests { code: "rate_limited", retry_after: 60 },
        (503, _) => ApiError::Unavailable(String::new()),
        _ => ApiError::Internal(String::new()),
    };
    let mut problem = error.problem();
    problem.status = status;
    problem.code = code.to_owned();
    problem.type_ = format!("https://sitecard.dev/problems/{code}");
    problem
}

pub fn problem_response(problem: &Problem) -> HttpResponse {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut builder = HttpResponse::build(status);
    builder.insert_header((header::CONTENT_TYPE, "application/problem+json"));
    builder.insert_header((header::CACHE_CONTROL, "no-store"));
    if let Some(secs) = problem.retry_after {
        builder.insert_header((header::RETRY_AFTER, secs.to_string()));
    }
    if status == StatusCode::UNAUTHORIZED {
        // RFC 6750 section 3: a refused token says so; RFC 6749 section 5.2: a refused client is asked for its
        // credentials in the scheme it may use.
        let challenge = match problem.code.as_str() {
            "invalid_token" | "session_ended" => r#"Bearer realm="sitecard", error="invalid_token""#,
            _ => r#"Bearer realm="sitecard""#,
        };
        builder.append_header((header::WWW_AUTHENTICATE, challenge));
        if problem.code == "invalid_client" {
            builder.append_header((header::WWW_AUTHENTICATE, r#"Basic realm="sitecard""#));
        }
    }
    let body = serde_json::to_vec(problem).unwrap_or_else(|_| b"{}".to_vec());
    builder.body(body)
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.problem().status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
    fn error_response(&self) -> HttpResponse {
        self.log_cause();
        problem_response(&self.problem())
    }
}

/// Collects field errors while parsing a request into domain types, then fails once with all of them.
#[derive(Default)]
pub struct Fields {
    errors: Vec<FieldError>,
}

impl Fields {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records the error (if any) and passes the value on.
    pub fn check<T, E: std::fmt::Display>(&mut self, field: &str, code: &str, r: Result<T, E>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.errors.push(FieldError::new(field, code, e.to_string()));
                None
            }
        }
    }

    pub fn push(&mut self, field: &str, code: &str, message: &str) {
        self.errors.push(FieldError::new(field, code, message));
    }

    /// Trimmed text of 1..=max characters.
    pub fn text(&mut self, field: &str, value: &str, max: usize) -> Option<String> {
        use sitecard_domain::address::{TextError, text_line};
        match text_line(value, max) {
            Ok(v) => Some(v),
            Err(TextError::Required) => {
                self.push(field, "required", "this field is required");
                None
            }
            Err(TextError::InvalidFormat) => {
                self.push(field, "invalid_format", &format!("at most {max} characters, no control characters"));
                None
            }
        }
    }

    /// A postal code (see `sitecard_domain::address::PostalCode`); on error the raw value is returned with the
    /// field error recorded, so the caller can go on collecting errors.
    pub fn postal_code(&mut self, field: &str, raw: &str) -> String {
        match sitecard_domain::address::PostalCode::parse(raw) {
            Ok(p) => p.as_str().to_owned(),
            Err(why) => {
                self.push(field, "invalid_format", why);
                raw.trim().to_uppercase()
            }
        }
    }

    /// An ISO 8601 calendar date (`YYYY-MM-DD`); impossible dates (`2031-02-31`) are field errors.
    pub fn date(&mut self, field: &str, value: &str) -> Option<chrono::NaiveDate> {
        let r = chrono::NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").map_err(|_| "a real date as YYYY-MM-DD");
        self.check(field, "invalid_date", r)
    }

    /// The errors recorded so far (a batch collects them per row).
    pub fn into_errors(self) -> Vec<FieldError> {
        self.errors
    }

    /// Fails with every field error recorded, or gives the value parsed alongside them (a parse that recorded
    /// no error always has one).
    pub fn finish_with<T>(self, value: Option<T>) -> Result<T, ApiError> {
        self.finish()?;
        value.ok_or_else(|| ApiError::internal("a parse recorded no field error but gave no value"))
    }

    pub fn finish(self) -> Result<(), ApiError> {
        if self.errors.is_empty() { Ok(()) } else { Err(ApiError::Validation(self.errors)) }
    }
}

/// Turns `validator` failures into field errors.
pub fn from_validator(e: validator::ValidationErrors) -> ApiError {
    let mut out = Vec::new();
    for (field, errs) in e.field_errors() {
        for err in errs {
            out.push(FieldError::new(
                field.to_string(),
                err.code.to_string(),
                err.message.as_deref().unwrap_or("invalid value").to_owned(),
            ));
        }
    }
    out.sort_by(|a, b| a.field.cmp(&b.field));
    ApiError::Validation(out)
}

impl From<sitecard_persistence::DbErr> for ApiError {
    fn from(e: sitecard_persistence::DbErr) -> Self {
        sitecard_persistence::DbError::from(e).into()
    }
}

impl From<sitecard_persistence::DbError> for ApiError {
    fn from(e: sitecard_persistence::DbError) -> Self {
        match e {
            sitecard_persistence::DbError::Unavailable(c) => Self::Unavailable(c),
            // The database's own message names tables and indexes: log it, never send it.
            sitecard_persistence::DbError::Conflict(c) => {
                tracing::info!(cause = %c, "unique constraint");
                Self::Conflict("conflict", "this conflicts with data that already exists".into())
            }
            other => Self::Internal(other.to_string()),
        }
    }
}

/// Turns actix's extractor failures (bad JSON, wrong content type, oversized body, bad query or path)
/// into problems, so no client ever sees actix's plain-text errors.
pub mod extractors {
    use super::ApiError;
    use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError, UrlencodedError};
    use actix_web::{HttpRequest, web};

    pub const JSON_LIMIT: usize = 64 * 1024;

    pub fn json_config() -> web::JsonConfig {
        web::JsonConfig::default().limit(JSON_LIMIT).error_handler(|err: JsonPayloadError, _req: &HttpRequest| {
            match err {
                JsonPayloadError::ContentType => ApiError::UnsupportedMediaType,
                JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => ApiError::PayloadTooLarge,
                JsonPayloadError::Deserialize(e) if e.is_data() => ApiError::InvalidBody(e.to_string()),
                JsonPayloadError::Deserialize(e) => ApiError::MalformedJson(e.to_string()),
                other => ApiError::MalformedJson(other.to_string()),
            }
            .into()
        })
    }

    pub fn form_config() -> web::FormConfig {
        web::FormConfig::default().limit(16 * 1024).error_handler(|err: UrlencodedError, _req: &HttpRequest| {
            match err {
                UrlencodedError::ContentType => ApiError::UnsupportedMediaType,
                UrlencodedError::Overflow { .. } => ApiError::PayloadTooLarge,
                other => ApiError::InvalidBody(other.to_string()),
            }
            .into()
        })
    }

    pub fn query_config() -> web::QueryConfig {
        web::QueryConfig::default()
            .error_handler(|err: QueryPayloadError, _req: &HttpRequest| ApiError::InvalidQuery(err.to_string()).into())
    }

    pub fn path_config() -> web::PathConfig {
        web::PathConfig::default().error_handler(|err: PathError, _req: &HttpRequest| ApiError::InvalidPath(err.to_string()).into())
    }
}
