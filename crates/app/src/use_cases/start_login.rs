//! Email and password: the first step of a sign-in, answered with a second-factor challenge. Unknown emails,
//! inactive accounts and wrong passwords get the same answer after the same work, and every try is counted
//! before it is judged.

use sitecard_domain::Email;
use sitecard_domain::account_status::AccountStatus;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::{accounts, audit};

use crate::challenge_flow::{self, ChallengeStarted};
use crate::error::AppError;
use crate::language_choice::remember_chosen_language;
use crate::state::AppState;
use crate::throttle::{self, email_key};

pub struct StartLogin {
    /// As typed.
    pub email: String,
    pub password: String,
    /// The language chosen in the app, if any.
    pub language: Option<String>,
    pub ip: String,
}

pub async fn start_login(state: &AppState, cmd: StartLogin) -> Result<ChallengeStarted, AppError> {
    let StartLogin { email, password, language, ip } = cmd;
    let email_norm = Email::parse(&email).map(|e| e.as_str().to_owned()).unwrap_or_else(|_| email.trim().to_lowercase());
    let ip_key = format!("login-ip:{}", ip);
    let account_key = email_key("login-acct", &email_norm);
    // Counted before the password is judged, each in one conditional statement, so parallel guesses never get
    // more judged than the limits allow; a right password gives its tries back below.
    let limits = [(ip_key.as_str(), throttle::LOGIN_PER_IP), (account_key.as_str(), throttle::LOGIN_PER_ACCOUNT)];
    let hits = throttle::take_all(&state.db, &limits, "too_many_attempts").await?;

    let account = accounts::find_by_email(&state.read, &email_norm).await?.filter(|a| a.status == AccountStatus::Active);
    let stored = account.as_ref().and_then(|a| a.password_hash.clone());
    let password_ok = password.len() <= 1024 && state.hasher.verify(password, stored).await?;
    let account = match account {
        Some(a) if password_ok => a,
        other => {
            // The try that filled the account's window locks it: audited once per lock.
            let kind = if hits[1] == throttle::LOGIN_PER_ACCOUNT.max { AuditKind::LoginLocked } else { AuditKind::LoginFailed };
            audit::record(
                &state.db,
                audit::NewAuditEvent {
                    kind,
                    actor: Actor::Anonymous,
                    subject: other.as_ref().map_or(Subject::Nothing, |a| Subject::Account(a.id.into())),
                    data: serde_json::json!({ "ip": ip }),
                },
            )
            .await?;
            return Err(AppError::Unauthorized("invalid_credentials"));
        }
    };
    let txn = sitecard_persistence::begin(&state.db).await?;
    throttle::clear(&txn, &account_key).await?;
    throttle::give_back(&txn, &ip_key).await?;
    let account = remember_chosen_language(&txn, account, language.as_deref()).await?;
    let started = challenge_flow::start(&txn, state, "login", &account, account.phone.as_deref(), None).await?;
    audit::append(
        &txn,
        audit::NewAuditEvent {
            kind: AuditKind::LoginPasswordOk,
            actor: Actor::Account(account.id.into()),
            subject: Subject::Account(account.id.into()),
            data: serde_json::json!({ "method": started.method, "ip": ip }),
        },
    )
    .await?;
    txn.commit().await?;
    state.forget_account(account.id);
    Ok(started)
}
