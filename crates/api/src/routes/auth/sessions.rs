//! The caller's sessions: list, revoke one, revoke all others, and logout.

use actix_web::{HttpResponse, delete, get, post, web};
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::end_other_sessions::end_other_sessions;
use sitecard_app::use_cases::end_session::{EndSession, SessionEnd, end_session};
use sitecard_app::use_cases::list_sessions as use_case;

#[derive(Serialize, ToSchema)]
pub struct SessionView {
    #[schema(example = "01a230f1-7420-785d-bc75-fa24b0c9049e")]
    pub id: Uuid,
    #[schema(value_type = sitecard_app::schema_enums::ClientKind)]
    pub client: String,
    /// The `User-Agent` the session was started with (at most 300 characters).
    #[schema(example = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile")]
    pub user_agent: Option<String>,
    #[schema(example = "2026-12-01T09:31:00Z")]
    pub created_at: DateTime<Utc>,
    #[schema(example = "2026-12-01T11:02:00Z")]
    pub last_used_at: DateTime<Utc>,
    /// The session this request belongs to.
    #[schema(example = true)]
    pub current: bool,
}

/// Sign out of this session.
///
/// Any signed-in account. The session is revoked at once (its refresh tokens stop working and its access token is
/// refused from now on), the refresh and hint cookies are cleared, and the sign-out is audited.
#[utoipa::path(tag = "auth", security(("bearer" = [])), responses(
    (status = 204, description = "Signed out"),
    (status = 401, description = "Not signed in"),
))]
#[post("/auth/logout")]
pub async fn logout(state: web::Data<AppState>, user: CurrentUser) -> Result<HttpResponse, ApiError> {
    let cmd = EndSession { account_id: user.account_id, session_id: user.session_id, why: SessionEnd::SignedOut };
    end_session(&state, cmd).await?;
    let [refresh, hint] = crate::session_cookies::clear_cookies(&state);
    Ok(HttpResponse::NoContent().cookie(refresh).cookie(hint).finish())
}

/// List the caller's live sessions, newest first.
///
/// Any signed-in account; only its own sessions. One entry per signed-in device, with `current: true` for the session
/// of this request. Read-only.
#[utoipa::path(tag = "auth", security(("bearer" = [])), responses(
    (status = 200, description = "Sessions", body = Vec<SessionView>),
    (status = 401, description = "Not signed in"),
))]
#[get("/auth/sessions")]
pub async fn list_sessions(state: web::Data<AppState>, user: CurrentUser) -> Result<web::Json<Vec<SessionView>>, ApiError> {
    let list = use_case::list_sessions(&state, user.account_id).await?;
    Ok(web::Json(
        list.into_iter()
            .map(|s| SessionView {
                id: s.id,
                client: s.client,
                user_agent: s.user_agent,
                created_at: s.created_at,
                last_used_at: s.last_used_at,
                current: s.id == user.session_id,
            })
            .collect(),
    ))
}

/// Revoke one of the caller's sessions (sign out that device).
///
/// Any signed-in account, for its own sessions only (another account's session id is a 404). The device is signed
/// out at once: its refresh tokens stop working and its access token is refused. Audited.
#[utoipa::path(tag = "auth", security(("bearer" = [])), params(("id" = Uuid, Path, description = "The session's id (from `GET /auth/sessions`)", example = "01a230f1-7420-785d-bc75-fa24b0c9049e")), responses(
    (status = 204, description = "Revoked"),
    (status = 404, description = "No such session of yours"),
))]
#[delete("/auth/sessions/{id}")]
pub async fn revoke_session(state: web::Data<AppState>, user: CurrentUser, id: web::Path<Uuid>) -> Result<HttpResponse, ApiError> {
    let cmd = EndSession { account_id: user.account_id, session_id: id.into_inner(), why: SessionEnd::RevokedByUser };
    end_session(&state, cmd).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Sign out everywhere else.
///
/// Any signed-in account. Every session of the account except this one is revoked at once (their refresh tokens stop
/// working and their access tokens are refused); audited with the number of sessions ended.
#[utoipa::path(tag = "auth", security(("bearer" = [])), responses(
    (status = 204, description = "Other sessions revoked"),
    (status = 401, description = "Not signed in"),
))]
#[delete("/auth/sessions")]
pub async fn revoke_other_sessions(state: web::Data<AppState>, user: CurrentUser) -> Result<HttpResponse, ApiError> {
    end_other_sessions(&state, user.account_id, user.session_id).await?;
    Ok(HttpResponse::NoContent().finish())
}
