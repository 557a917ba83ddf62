//! Refresh-token rotation: every use spends the token and issues its successor; a spent token that comes back
//! was stolen or leaked, and ends the session for everyone holding it.

use chrono::Utc;
use sitecard_domain::account_status::AccountStatus;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::{audit, sessions};

use crate::crypto::{random_token, token_hash};
use crate::error::AppError;
use crate::session_flow::{self, Issued, TokenResponse};
use crate::state::AppState;

pub fn invalid_refresh_token() -> AppError {
    AppError::Unauthorized("invalid_refresh_token")
}

/// A new access token and refresh token for `token`; `web` when it came as the SPA's cookie (the successor goes
/// back the same way, not in the body).
pub async fn rotate_refresh_token(state: &AppState, token: &str, web: bool) -> Result<Issued, AppError> {
    // Looked up on the read pool; the conditional UPDATE that spends the token decides any race.
    let (stored, session, account) =
        sessions::find_refresh_token(&state.read, &token_hash(token)).await?.ok_or_else(invalid_refresh_token)?;
    if session.revoked_at.is_some() || session.expires_at <= Utc::now() {
        return Err(invalid_refresh_token());
    }
    if stored.used_at.is_some() {
        return Err(reuse_detected(state, &session).await);
    }
    if account.status != AccountStatus::Active {
        return Err(invalid_refresh_token());
    }
    let next = random_token();
    // One statement spends the token, stores its successor and touches the session: never a spent token
    // without its successor, and one trip to the database's writer.
    if !sessions::rotate_refresh_token(&state.db, stored.id, session.id, &token_hash(&next)).await? {
        return Err(reuse_detected(state, &session).await);
    }
    let access = session_flow::access_token(state, &account, session.id)?;
    let issued = Issued {
        body: TokenResponse {
            access_token: access,
            token_type: "Bearer".into(),
            expires_in: crate::keys::ACCESS_TTL_SECS,
            refresh_token: (!web).then(|| next.clone()),
            offer_totp: None,
        },
        refresh_token: next,
        web,
    };
    Ok(issued)
}

/// A spent token came back: it was stolen or leaked. End the family for everyone holding it.
async fn reuse_detected(state: &AppState, session: &sessions::Session) -> AppError {
    let revoked = async {
        sessions::revoke(&state.db, session.id, "refresh_token_reuse").await?;
        state.forget_account(session.account_id);
        audit::record(
            &state.db,
            audit::NewAuditEvent {
                kind: AuditKind::RefreshTokenReuse,
                actor: Actor::Account(session.account_id.into()),
                subject: Subject::Session(session.id),
                data: serde_json::json!({}),
            },
        )
        .await?;
        Ok::<_, AppError>(())
    };
    match revoked.await {
        Ok(()) => invalid_refresh_token(),
        Err(e) => e,
    }
}
