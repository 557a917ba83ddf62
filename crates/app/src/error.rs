//! What a use case can fail with, and the field-error collector commands are parsed with.
//!
//! No HTTP here: `sitecard_api::error` maps every [`AppError`] to a status and a stable problem `code`.

use serde::Serialize;

/// One field-level validation failure.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// The JSON field (dotted for nested fields, e.g. `delivery.postal_code`).
    #[cfg_attr(feature = "openapi", schema(example = "delivery.postal_code"))]
    pub field: String,
    /// Stable machine code, e.g. `required`, `invalid_format`, `too_long`.
    #[cfg_attr(feature = "openapi", schema(example = "invalid_format"))]
    pub code: String,
    /// English explanation for developers; clients translate `code`.
    #[cfg_attr(feature = "openapi", schema(example = "2 to 12 letters, digits, spaces or hyphens"))]
    pub message: String,
    /// In a CSV upload: the data row (1 is the first row after the header; 0 is the header itself).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false, example = 3))]
    pub row: Option<u32>,
}

/// `field: message; …`, for a message that stands alone (no secret or typed value is in a field error).
fn field_list(errors: &[FieldError]) -> String {
    errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect::<Vec<_>>().join("; ")
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: impl Into<String>, message: impl Into<String>) -> Self {
        Self { field: field.into(), code: code.into(), message: message.into(), row: None }
    }
}

/// Every way a use case can fail; `sitecard_api` maps each to its problem+json answer.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("payload too large")]
    PayloadTooLarge,
    #[error("unsupported image")]
    UnsupportedImage,
    #[error("photo too large")]
    PhotoTooLarge,
    /// Its message lists the fields (the command line prints it; the API sends them as `errors`).
    #[error("validation failed: {}", field_list(.0))]
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

impl AppError {
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
    pub fn finish_with<T>(self, value: Option<T>) -> Result<T, AppError> {
        self.finish()?;
        value.ok_or_else(|| AppError::internal("a parse recorded no field error but gave no value"))
    }

    pub fn finish(self) -> Result<(), AppError> {
        if self.errors.is_empty() { Ok(()) } else { Err(AppError::Validation(self.errors)) }
    }
}

/// A problem's `detail` in the caller's language, where a translation of its code exists.
pub fn localized_detail(language: sitecard_domain::Language, code: &str) -> Option<String> {
    sitecard_notify::problem_detail(language, code)
}

impl From<sitecard_persistence::DbError> for AppError {
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
