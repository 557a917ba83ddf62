//! `POST /auth/refresh`: rotate the refresh token. Reuse of a spent token revokes the whole family.

use actix_web::{HttpRequest, HttpResponse, post, web};
use chrono::Utc;
use serde::Deserialize;
use sitecard_persistence::{audit, sessions};
use utoipa::ToSchema;

use crate::crypto::{random_token, token_hash};
use crate::error::{ApiError, Problem};
use crate::session_flow::{self, Issued, REFRESH_COOKIE, TokenResponse};
use crate::state::AppState;

#[derive(Deserialize, ToSchema, Default)]
pub struct RefreshRequest {
    /// Native clients send it here; web clients send nothing and rely on the cookie (plus the
    /// `X-Sitecard-Client: web` header, which cross-site forms cannot set).
    #[serde(default)]
    #[schema(example = "rauH-vvjMFRFJGNDxOC3b0czQoeahRArz7Snz4K16L8")]
    pub refresh_token: Option<String>,
}

fn invalid() -> ApiError {
    ApiError::Unauthorized("invalid_refresh_token")
}

/// Rotate the refresh token: a new access token and a new refresh token.
///
/// No access token needed. Native clients send `refresh_token` in the body; web clients send none and rely on the
/// `sitecard_refresh` cookie plus the header `X-Sitecard-Client: web`. The old refresh token is spent: presenting a
/// spent one again ends the whole session (401 `invalid_refresh_token`), which is audited.
#[utoipa::path(tag = "auth", request_body(content = RefreshRequest, description = "Optional for web clients using the cookie"), responses(
    (status = 200, description = "A new token pair", body = TokenResponse),
    (status = 401, description = "`invalid_refresh_token` (a reused token also ends the session)", body = Problem, content_type = "application/problem+json"),
))]
#[post("/auth/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Option<web::Json<RefreshRequest>>,
) -> Result<HttpResponse, ApiError> {
    let from_body = body.and_then(|b| b.into_inner().refresh_token).filter(|t| !t.is_empty());
    let (token, web) = match from_body {
        Some(t) => (t, false),
        None => {
            let csrf_ok = req.headers().get("x-sitecard-client").and_then(|v| v.to_str().ok()) == Some("web");
            let cookie = req.cookie(REFRESH_COOKIE).map(|c| c.value().to_owned()).filter(|v| !v.is_empty());
            match cookie {
                Some(c) if csrf_ok => (c, true),
                _ => return Err(invalid()),
            }
        }
    };
    // Looked up on the read pool; the conditional UPDATE that spends the token decides any race.
    let (stored, session, account) = sessions::find_refresh_token(&state.read, &token_hash(&token)).await?.ok_or_else(invalid)?;
    if session.revoked_at.is_some() || session.expires_at <= Utc::now() {
        return Err(invalid());
    }
    if stored.used_at.is_some() {
        return Err(reuse_detected(&state, &session).await);
    }
    if account.status != "active" {
        return Err(invalid());
    }
    let next = random_token();
    // One statement spends the token, stores its successor and touches the session: never a spent token
    // without its successor, and one trip to the database's writer.
    if !sessions::rotate_refresh_token(&state.db, stored.id, session.id, &token_hash(&next)).await? {
        return Err(reuse_detected(&state, &session).await);
    }
    let access = session_flow::access_token(&state, &account, session.id)?;
    let issued = Issued {
        body: TokenResponse {
            access_token: access,
            token_type: "Bearer".into(),
            expires_in: crate::auth::keys::ACCESS_TTL_SECS,
            refresh_token: (!web).then(|| next.clone()),
            offer_totp: None,
        },
        refresh_token: next,
        web,
    };
    Ok(session_flow::respond(&state, issued))
}

/// A spent token came back: it was stolen or leaked. End the family for everyone holding it.
async fn reuse_detected(state: &AppState, session: &sessions::Session) -> ApiError {
    let revoked = async {
        sessions::revoke(&state.db, session.id, "refresh_token_reuse").await?;
        state.forget_account(session.account_id);
        audit::record(
            &state.db,
            audit::NewAuditEvent {
                kind: "refresh_token_reuse",
                actor_id: Some(session.account_id),
                actor_kind: "account",
                subject_type: Some("session"),
                subject_id: Some(session.id),
                data: serde_json::json!({}),
            },
        )
        .await?;
        Ok::<_, ApiError>(())
    };
    match revoked.await {
        Ok(()) => invalid(),
        Err(e) => e,
    }
}
