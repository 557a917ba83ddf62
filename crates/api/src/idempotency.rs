//! `Idempotency-Key` for the state-changing calls of signed-in people and partners: the first answer (status
//! and body) to a keyed request is stored for 24 hours and returned to retries of the same request by the same
//! caller; the same key with a different request is refused. Partner production events additionally claim
//! their key inside the transaction of the change itself (`routes/partner/events.rs`).
//!
//! What is never stored (API.md, conventions): the answers of sign-in, registration, token, phone and
//! password routes and of PIN views, and any answer marked `Cache-Control: no-store`, since they carry tokens,
//! codes, secrets or PINs; a replay would hand them to whoever holds the key. The scope is the authenticated
//! principal (account or partner client), checked as every route checks it, so a replay after the session
//! ended is refused like any other request of that session.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{Error, HttpResponse, web};
use sitecard_app::AppError;
use sitecard_app::idempotent_replay::{self, Replay};

use crate::auth::extract::{bearer_token, user_from_claims};
use crate::error::{ApiError, problem_response};
use sitecard_app::crypto::token_hash;
use sitecard_app::state::AppState;

const MAX_REPLAY_BODY: usize = 256 * 1024;

/// Routes whose answers carry tokens, codes, secrets or PINs, or which start or finish a second factor: the
/// key is ignored there (API.md, conventions).
pub(crate) fn never_kept(path: &str) -> bool {
    const PREFIXES: [&str; 5] = ["/api/v1/auth/", "/api/v1/accounts", "/api/v1/oauth/token", "/api/v1/me/phone", "/api/v1/me/password"];
    const PIN_VIEWS: [&str; 3] = ["/activate", "/pin", "/activate-in-person"];
    PREFIXES.iter().any(|p| path.starts_with(p))
        || ((path.starts_with("/api/v1/me/cards/") || path.starts_with("/api/v1/cards/")) && PIN_VIEWS.iter().any(|s| path.ends_with(s)))
}

/// Who is calling, as the routes themselves check it: a live session's account or an existing partner client.
/// `None` for anyone else (the route then answers 401 or 403 itself, and nothing is kept).
async fn principal(state: &AppState, req: &ServiceRequest) -> Option<String> {
    let claims = state.keys.verify(&bearer_token(req.request())?)?;
    match claims.typ.as_str() {
        "user" => user_from_claims(state, &claims).await.ok().map(|u| format!("account:{}", u.account_id)),
        "partner" => sitecard_app::partner_clients::is_registered(state, &claims.sub)
            .await
            .is_ok_and(|known| known)
            .then(|| format!("partner:{}", claims.sub)),
        _ => None,
    }
}

pub async fn idempotency(mut req: ServiceRequest, next: Next<impl MessageBody + 'static>) -> Result<ServiceResponse<BoxBody>, Error> {
    // Reads (most requests) pass straight through: no header parsing, no shared state touched.
    if !matches!(*req.method(), Method::POST | Method::PUT | Method::PATCH | Method::DELETE) {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let key = req.headers().get("idempotency-key").and_then(|v| v.to_str().ok()).map(|k| k.trim().to_owned()).filter(|k| !k.is_empty());
    let state = req.app_data::<web::Data<AppState>>().cloned();
    // JSON-sized bodies only: binary uploads (photos) replace content and are idempotent by themselves.
    let small_body = req
        .headers()
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
        .is_none_or(|n| n <= crate::error::extractors::JSON_LIMIT)
        && !req
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| ct.starts_with("image/") || ct.starts_with("application/octet-stream"));
    // Production events claim their key in the transaction of the change itself (crash-safe); no second claim.
    let own_keys = req.path().starts_with("/api/v1/partner/production-orders/") && req.path().ends_with("/events");
    let (Some(key), Some(state), true, false, false) = (key, state, small_body, never_kept(req.path()), own_keys) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    if key.len() > 200 {
        let (http, _) = req.into_parts();
        return Ok(ServiceResponse::new(
            http,
            problem_response(&ApiError::from(AppError::BadRequest("invalid_idempotency_key", "at most 200 characters".into())).problem()),
        ));
    }
    // Scoped by caller: the same key from someone else is a different request.
    let Some(caller) = principal(&state, &req).await else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let body = match req.extract::<web::Bytes>().await {
        Ok(b) => b,
        Err(e) => return Ok(req.error_response(e).map_into_boxed_body()),
    };
    let request_hash = token_hash(&format!("{} {} {}", req.method(), req.path(), String::from_utf8_lossy(&body)));
    req.set_payload(actix_web::dev::Payload::from(body));
    let stored_key = format!("http:{caller}:{}", token_hash(&key));

    let replay = idempotent_replay::look_up(&state, &stored_key, &request_hash).await;
    let problem = match replay {
        Replay::Run => None,
        Replay::KeyReused => Some(AppError::Unprocessable {
            code: "idempotency_key_reused",
            detail: "this Idempotency-Key was used for a different request".into(),
            errors: vec![],
        }),
        Replay::InProgress => {
            Some(AppError::Conflict("conflict", "a request with this Idempotency-Key is still in progress; retry shortly".into()))
        }
        Replay::Answer { status, body } => {
            let (http, _) = req.into_parts();
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
            // Every error answer of this API is a problem; replay it as one (the stored row keeps status and body).
            let content_type = if status.is_client_error() { "application/problem+json" } else { "application/json" };
            let res = HttpResponse::build(status).content_type(content_type).insert_header(("idempotent-replayed", "true")).body(body);
            return Ok(ServiceResponse::new(http, res));
        }
    };
    if let Some(p) = problem {
        let (http, _) = req.into_parts();
        return Ok(ServiceResponse::new(http, problem_response(&ApiError::from(p).problem())));
    }

    let res = next.call(req).await?;
    let status = res.status();
    // Server errors and rate limits are not answers worth replaying: the client should really retry. An answer
    // marked no-store carries something that must not outlive this response.
    let no_store =
        status.is_success() && res.headers().get("cache-control").and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("no-store"));
    if status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS || no_store {
        return Ok(res.map_into_boxed_body());
    }
    let (http, response) = res.into_parts();
    let (head, body) = response.into_parts();
    let bytes = actix_web::body::to_bytes_limited(body, MAX_REPLAY_BODY).await;
    let bytes = match bytes {
        Ok(Ok(b)) => b,
        _ => {
            let error = ApiError::internal("response too large to keep for Idempotency-Key");
            error.log_cause();
            return Ok(ServiceResponse::new(http, problem_response(&error.problem())));
        }
    };
    idempotent_replay::keep(&state, &stored_key, &request_hash, status.as_u16(), &String::from_utf8_lossy(&bytes)).await;
    Ok(ServiceResponse::new(http, head.set_body(bytes).map_into_boxed_body()))
}
