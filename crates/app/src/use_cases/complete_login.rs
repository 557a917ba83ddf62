//! The second step of signing in: the SMS or authenticator code of a login challenge. A right code opens a
//! session (a refresh-token family) and audits the sign-in in the same transaction.

use sitecard_persistence::audit::{Actor, AuditKind, NewAuditEvent, Subject};
use uuid::Uuid;

use crate::challenge_flow;
use crate::error::AppError;
use crate::session_flow::{self, Issued};
use crate::state::AppState;

pub struct CompleteLogin {
    pub challenge_id: Uuid,
    pub code: String,
    /// A web client gets its refresh token only as a cookie.
    pub web: bool,
    pub ip: String,
    pub user_agent: Option<String>,
}

pub async fn complete_login(state: &AppState, cmd: CompleteLogin) -> Result<Issued, AppError> {
    let CompleteLogin { challenge_id, code, web, ip, user_agent } = cmd;
    let accepted = challenge_flow::verify(state, challenge_id, &code, &["login"], &ip).await?;
    let (account_id, method) = (accepted.account.id, accepted.challenge.method.clone());
    // SMS is a "restricted" authenticator: offer the app after it, unless it is set up or was declined.
    let offer_totp =
        (method == "sms").then(|| accepted.account.totp_secret_enc.is_none() && accepted.account.totp_offer_declined_at.is_none());
    let event = NewAuditEvent {
        kind: AuditKind::LoginSucceeded,
        actor: Actor::Account(account_id.into()),
        subject: Subject::Account(account_id.into()),
        data: serde_json::json!({ "method": method, "ip": ip, "client": if web { "web" } else { "native" } }),
    };
    let mut issued = session_flow::open_session(state, accepted, web, &ip, user_agent, event).await?;
    issued.body.offer_totp = offer_totp;
    Ok(issued)
}
