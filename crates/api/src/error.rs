//! The one place where every failure becomes an RFC 9457 `application/problem+json` answer.
//!
//! Handlers return [`ApiError`]: a use case's [`AppError`] or a request the API could not even read. Its
//! [`ApiError::problem`] is an exhaustive match to status and stable `code`. 5xx causes are logged here and
//! never sent.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
pub use sitecard_app::error::{AppError, FieldError, Fields};
use utoipa::ToSchema;

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
    #[error(transparent)]
    App(#[from] AppError),
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
    #[error("method not allowed")]
    MethodNotAllowed,
}

/// Status, code, title, detail, field errors and `Retry-After` of one problem.
type Parts<'a> = (StatusCode, &'a str, &'a str, Option<String>, Vec<FieldError>, Option<u64>);

impl ApiError {
    pub fn internal(e: impl std::fmt::Display) -> Self {
        AppError::internal(e).into()
    }

    /// Logs what a 5xx hides from the client; once per error, where it becomes a response.
    pub fn log_cause(&self) {
        if let Self::App(e) = self {
            e.log_cause();
        }
    }

    /// The exhaustive mapping from error to status, code and public text (pure: `log_cause` logs).
    pub fn problem(&self) -> Problem {
        let (status, code, title, detail, errors, retry_after): Parts<'_> = match self {
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
            Self::UnsupportedMediaType => {
                (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "The Content-Type is not supported here", None, vec![], None)
            }
            Self::MethodNotAllowed => {
                (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", "This method is not allowed on this path", None, vec![], None)
            }
            Self::App(e) => app_problem(e),
        };
        let remaining_attempts = match self {
            Self::App(AppError::CardNumberMismatch { remaining_attempts }) => Some(*remaining_attempts),
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

fn app_problem(e: &AppError) -> Parts<'_> {
    match e {
        AppError::PayloadTooLarge => {
            (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", "The request body is too large", None, vec![], None)
        }
        AppError::UnsupportedImage => {
            (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_image", "Only JPEG and PNG portraits are accepted", None, vec![], None)
        }
        AppError::PhotoTooLarge => (
            StatusCode::PAYLOAD_TOO_LARGE,
            "photo_too_large",
            "The photo is larger than 5 MB, 16 megapixels or 8000 pixels a side",
            None,
            vec![],
            None,
        ),
        AppError::Validation(errs) => {
            (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", "Some fields are not valid", None, errs.clone(), None)
        }
        AppError::BadRequest(code, d) => {
            (StatusCode::BAD_REQUEST, code, "The request cannot be carried out", Some(d.clone()), vec![], None)
        }
        AppError::WeakPassword(errs) => (
            StatusCode::BAD_REQUEST,
            "weak_password",
            "The password is too weak",
            Some("Use at least 8 characters; a few unrelated words make a strong password.".into()),
            errs.clone(),
            None,
        ),
        AppError::CardNumberMismatch { remaining_attempts } => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "card_number_mismatch",
            "The number does not match this card",
            Some(format!("{remaining_attempts} tries left")),
            vec![FieldError::new("card_number", "mismatch", "does not match the card")],
            None,
        ),
        AppError::Unprocessable { code, detail, errors } => {
            (StatusCode::UNPROCESSABLE_ENTITY, code, "The request cannot be carried out", Some(detail.clone()), errors.clone(), None)
        }
        AppError::Unauthorized(code) => (StatusCode::UNAUTHORIZED, code, "Authentication failed or is required", None, vec![], None),
        AppError::Forbidden => (StatusCode::FORBIDDEN, "forbidden", "You are not allowed to do this", None, vec![], None),
        AppError::ForbiddenReason(code, d) => {
            (StatusCode::FORBIDDEN, code, "Not allowed until you prove it is you", Some(d.clone()), vec![], None)
        }
        AppError::NotFound => (StatusCode::NOT_FOUND, "not_found", "Nothing was found here", None, vec![], None),
        AppError::Conflict(code, d) => {
            (StatusCode::CONFLICT, code, "The request conflicts with the current state", Some(d.clone()), vec![], None)
        }
        AppError::PreconditionFailed => {
            (StatusCode::PRECONDITION_FAILED, "precondition_failed", "The resource has changed", None, vec![], None)
        }
        AppError::TooLarge(code, d) => {
            (StatusCode::PAYLOAD_TOO_LARGE, code, "The request is larger than allowed", Some(d.clone()), vec![], None)
        }
        AppError::Gone(code, d) => (StatusCode::GONE, code, "This is no longer valid", Some(d.clone()), vec![], None),
        AppError::TooManyRequests { code, retry_after } => {
            (StatusCode::TOO_MANY_REQUESTS, code, "Too many attempts; wait before trying again", None, vec![], Some(*retry_after))
        }
        AppError::Unavailable(_) => {
            (StatusCode::SERVICE_UNAVAILABLE, "service_unavailable", "The service is temporarily unavailable", None, vec![], Some(5))
        }
        AppError::Internal(_) => {
            (StatusCode::INTERNAL_SERVER_ERROR, "internal_error", "Something went wrong on our side", None, vec![], None)
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
        (400, "weak_password") => ApiError::App(AppError::WeakPassword(vec![FieldError::new("password", "too_weak", "easy to guess")])),
        (400, _) => ApiError::App(AppError::BadRequest("bad_request", detail("the request cannot be carried out"))),
        (401, _) => ApiError::App(AppError::Unauthorized("unauthenticated")),
        (403, "forbidden") => ApiError::App(AppError::Forbidden),
        (403, _) => ApiError::App(AppError::ForbiddenReason("forbidden", detail("prove it is you with your second factor first"))),
        (404, _) => ApiError::App(AppError::NotFound),
        (409, _) => ApiError::App(AppError::Conflict("conflict", detail("the resource changed since you loaded it"))),
        (410, _) => ApiError::App(AppError::Gone("gone", detail("the link or code has expired"))),
        (412, _) => ApiError::App(AppError::PreconditionFailed),
        (413, "photo_too_large") => ApiError::App(AppError::PhotoTooLarge),
        (413, _) => ApiError::App(AppError::PayloadTooLarge),
        (415, "unsupported_image") => ApiError::App(AppError::UnsupportedImage),
        (415, _) => ApiError::UnsupportedMediaType,
        (422, "validation_failed") => {
            ApiError::App(AppError::Validation(vec![FieldError::new("email", "invalid_format", "not an email address")]))
        }
        (422, "card_number_mismatch") => ApiError::App(AppError::CardNumberMismatch { remaining_attempts: 4 }),
        (422, _) => ApiError::App(AppError::Unprocessable {
            code: "unprocessable",
            detail: detail("the request cannot be carried out"),
            errors: vec![],
        }),
        (429, _) => ApiError::App(AppError::TooManyRequests { code: "rate_limited", retry_after: 60 }),
        (503, _) => ApiError::App(AppError::Unavailable(String::new())),
        _ => ApiError::App(AppError::Internal(String::new())),
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
    AppError::Validation(out).into()
}

/// Turns actix's extractor failures (bad JSON, wrong content type, oversized body, bad query or path)
/// into problems, so no client ever sees actix's plain-text errors.
pub mod extractors {
    use super::{ApiError, AppError};
    use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError, UrlencodedError};
    use actix_web::{HttpRequest, web};

    pub const JSON_LIMIT: usize = 64 * 1024;

    pub fn json_config() -> web::JsonConfig {
        web::JsonConfig::default().limit(JSON_LIMIT).error_handler(|err: JsonPayloadError, _req: &HttpRequest| {
            match err {
                JsonPayloadError::ContentType => ApiError::UnsupportedMediaType,
                JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
                    ApiError::App(AppError::PayloadTooLarge)
                }
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
                UrlencodedError::Overflow { .. } => ApiError::App(AppError::PayloadTooLarge),
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
