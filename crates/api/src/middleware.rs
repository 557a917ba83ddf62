//! Cross-cutting HTTP concerns: request ids, one structured log line per request, Prometheus metrics,
//! panic containment and "every error is problem+json".

use sitecard_app::AppError;
use std::panic::AssertUnwindSafe;
use std::time::Instant;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage};
use futures_util::FutureExt;
use tracing::Instrument;

use sitecard_domain::Language;

use crate::error::{ApiError, problem_response};
use sitecard_app::metrics::Metrics;

/// The request id of the current request, stored in request extensions.
#[derive(Clone, Debug)]
pub struct RequestId(pub String);

fn request_id_from(req: &ServiceRequest) -> String {
    req.headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= 64 && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .map(str::to_owned)
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string())
}

pub async fn observe(req: ServiceRequest, next: Next<impl MessageBody + 'static>) -> Result<ServiceResponse<BoxBody>, Error> {
    let started = Instant::now();
    let request_id = request_id_from(&req);
    req.extensions_mut().insert(RequestId(request_id.clone()));
    // A clone of a standard method is a copy, not an allocation.
    let method = req.method().clone();
    // The path without its query string: query strings may carry one-time tokens.
    let path = req.path().to_owned();
    let metrics = req.app_data::<actix_web::web::Data<Metrics>>().cloned();
    // Fields as `&str`, not `%` (Display): a string is copied into the line, not run through the formatter.
    let span = tracing::info_span!("request", request_id = request_id.as_str(), method = method.as_str(), path = path.as_str());

    let outcome = AssertUnwindSafe(next.call(req)).catch_unwind().instrument(span.clone()).await;
    let mut res: ServiceResponse<BoxBody> = match outcome {
        Ok(Ok(res)) => res.map_into_boxed_body(),
        Ok(Err(err)) => return Err(err),
        Err(_) => {
            // The request went down with the handler; the dispatcher renders this error as problem+json.
            let _g = span.enter();
            tracing::error!("handler panicked");
            if let Some(m) = &metrics {
                m.observe(method.as_str(), "panic", StatusCode::INTERNAL_SERVER_ERROR.as_str(), started.elapsed().as_secs_f64());
            }
            return Err(ApiError::internal("handler panicked").into());
        }
    };

    let status = res.status();
    if status.as_u16() >= 400 && !is_problem_or_json(&res) {
        let allow = res.headers().get(header::ALLOW).cloned();
        let (http_req, _) = res.into_parts();
        let error = problem_for_status(status);
        error.log_cause();
        let mut problem = error.problem();
        // The answer keeps its status whatever variant described it.
        problem.status = status.as_u16();
        res = ServiceResponse::new(http_req, problem_response(&problem));
        if let Some(allow) = allow {
            res.headers_mut().insert(header::ALLOW, allow);
        }
    }
    if status.as_u16() >= 400 {
        res = in_requested_language(res);
    }
    if let Ok(v) = HeaderValue::from_str(&request_id) {
        res.headers_mut().insert(header::HeaderName::from_static("x-request-id"), v);
    }
    let route =
        res.request().match_pattern().unwrap_or_else(|| if path.starts_with("/api/") { "unmatched".into() } else { "static".into() });
    let elapsed = started.elapsed();
    if let Some(m) = metrics {
        m.observe(method.as_str(), &route, res.status().as_str(), elapsed.as_secs_f64());
    }
    // Outside the span, with its fields spelled out: the one line every request writes has them at the top level,
    // and the formatter need not copy the span's fields in as well.
    tracing::info!(
        request_id = request_id.as_str(),
        method = method.as_str(),
        path = path.as_str(),
        status = res.status().as_u16(),
        route = route.as_str(),
        latency_ms = elapsed.as_millis() as u64,
        "request finished"
    );
    Ok(res)
}

/// A person reading an app in Polish or Ukrainian gets the problem's `detail` in that language, when the
/// request's `Accept-Language` names one we write and `problems.ftl` explains the `code`. English requests keep
/// the developer's text; `code` stays what clients switch on.
fn in_requested_language(res: ServiceResponse<BoxBody>) -> ServiceResponse<BoxBody> {
    let language = res
        .request()
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Language::best_of)
        .filter(|l| *l != Language::En);
    let Some(language) = language else { return res };
    let Some(mut problem) = res.response().error().and_then(|e| e.as_error::<ApiError>()).map(ApiError::problem) else {
        return res;
    };
    let Some(detail) = sitecard_app::error::localized_detail(language, &problem.code) else { return res };
    problem.detail = Some(detail);
    let Ok(body) = serde_json::to_vec(&problem) else { return res };
    let mut res = res.map_body(|head, _| {
        head.headers.remove(header::CONTENT_LENGTH);
        BoxBody::new(body)
    });
    res.headers_mut().insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(language.as_str()));
    res
}

fn is_problem_or_json(res: &ServiceResponse<BoxBody>) -> bool {
    res.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|ct| ct.starts_with("application/problem+json"))
}

fn problem_for_status(status: StatusCode) -> ApiError {
    match status.as_u16() {
        400 => ApiError::InvalidBody("the request could not be understood".into()),
        401 => AppError::Unauthorized("unauthenticated").into(),
        403 => AppError::Forbidden.into(),
        404 => AppError::NotFound.into(),
        405 => ApiError::MethodNotAllowed,
        413 => AppError::PayloadTooLarge.into(),
        415 => ApiError::UnsupportedMediaType,
        409 => AppError::Conflict("conflict", "the request conflicts with the current state".into()).into(),
        410 => AppError::Gone("gone", "this is no longer available".into()).into(),
        503 => AppError::Unavailable("upstream".into()).into(),
        s if s >= 500 => AppError::Internal(format!("status {s} without a problem body")).into(),
        s => AppError::BadRequest("request_failed", format!("request failed with status {s}")).into(),
    }
}

/// Security headers for every answer, API and SPA alike.
pub fn security_headers() -> actix_web::middleware::DefaultHeaders {
    actix_web::middleware::DefaultHeaders::new()
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("X-Frame-Options", "DENY"))
        .add(("Referrer-Policy", "no-referrer"))
        .add(("Strict-Transport-Security", "max-age=31536000; includeSubDomains"))
        // The camera for this origin only: the public card check scans digital cards' QR codes.
        .add(("Permissions-Policy", "camera=(self), microphone=(), geolocation=()"))
        .add(("Cross-Origin-Opener-Policy", "same-origin"))
        .add((
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'",
        ))
}
