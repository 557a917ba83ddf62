//! `Idempotency-Key` for every state-changing call: the first answer (status and body) to a keyed request is
//! stored and returned to retries of the same request by the same caller; the same key with a different
//! request is refused. Partner production events additionally claim their key inside the transaction of the
//! change itself (`routes/partner/events.rs`).

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{Error, HttpResponse, web};
use sitecard_persistence::idempotency;

use crate::crypto::token_hash;
use crate::error::{ApiError, problem_response};
use crate::state::AppState;

const MAX_REPLAY_BODY: usize = 256 * 1024;

pub async fn idempotency(mut req: ServiceRequest, next: Next<impl MessageBody + 'static>) -> Result<ServiceResponse<BoxBody>, Error> {
    let changes_state = matches!(*req.method(), Method::POST | Method::PUT | Method::PATCH | Method::DELETE);
    let key = req.headers().get("idempotency-key").and_then(|v| v.to_str().ok()).map(|k| k.trim().to_owned()).filter(|k| !k.is_empty());
    let state = req.app_data::<web::Data<AppState>>().cloned();
    // JSON-sized bodies only: binary uploads (photos) replace content and are idempotent by themselves.
    let small_body = req
        .headers()
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
        .is_none_or(|n| n <= crate::error::extractors::JSON_LIMIT)
        && !req.headers().get("content-type").and_then(|v| v.to_str().ok()).is_some_and(|ct| ct.starts_with("image/"));
    let (Some(key), Some(state), true, true) = (key, state, changes_state, small_body) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    if key.len() > 200 {
        let (http, _) = req.into_parts();
        return Ok(ServiceResponse::new(
            http,
            problem_response(&ApiError::BadRequest("invalid_idempotency_key", "at most 200 characters".into()).problem()),
        ));
    }
    // Scoped by caller: the same key from someone else is a different request.
    let caller = req.headers().get("authorization").and_then(|v| v.to_str().ok()).map(token_hash).unwrap_or_default();
    let body = match req.extract::<web::Bytes>().await {
        Ok(b) => b,
        Err(e) => return Ok(req.error_response(e).map_into_boxed_body()),
    };
    let request_hash = token_hash(&format!("{} {} {}", req.method(), req.path(), String::from_utf8_lossy(&body)));
    req.set_payload(actix_web::dev::Payload::from(body));
    let stored_key = format!("http:{}:{}", &caller[..caller.len().min(32)], token_hash(&key));

    if let Ok(Some(stored)) = idempotency::find(&state.db, &stored_key).await {
        let (http, _) = req.into_parts();
        if stored.request_hash != request_hash {
            let p = ApiError::Unprocessable {
                code: "idempotency_key_reused",
                detail: "this Idempotency-Key was used for a different request".into(),
                errors: vec![],
            };
            return Ok(ServiceResponse::new(http, problem_response(&p.problem())));
        }
        let status = StatusCode::from_u16(stored.status as u16).unwrap_or(StatusCode::OK);
        // Every error answer of this API is a problem; replay it as one (the stored row keeps status and body).
        let content_type = if status.is_client_error() { "application/problem+json" } else { "application/json" };
        let res = HttpResponse::build(status).content_type(content_type).insert_header(("idempotent-replayed", "true")).body(stored.body);
        return Ok(ServiceResponse::new(http, res));
    }

    let res = next.call(req).await?;
    let status = res.status();
    // Server errors and rate limits are not answers worth replaying: the client should really retry.
    if status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS {
        return Ok(res.map_into_boxed_body());
    }
    let (http, response) = res.into_parts();
    let (head, body) = response.into_parts();
    let bytes = actix_web::body::to_bytes_limited(body, MAX_REPLAY_BODY).await;
    let bytes = match bytes {
        Ok(Ok(b)) => b,
        _ => {
            return Ok(ServiceResponse::new(
                http,
                problem_response(&ApiError::internal("response too large to keep for Idempotency-Key").problem()),
            ));
        }
    };
    if idempotency::claim(&state.db, &stored_key, &request_hash).await.is_ok() {
        let _ = idempotency::store(&state.db, &stored_key, status.as_u16(), &String::from_utf8_lossy(&bytes)).await;
    }
    Ok(ServiceResponse::new(http, head.set_body(bytes).map_into_boxed_body()))
}
