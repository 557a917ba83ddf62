//! Inviting staff (verifiers, operators, company admins): an account without a password and an emailed
//! one-time link to set it (the same `/register` page and `POST /accounts` as workers use).

use chrono::Utc;
use sitecard_domain::account_status::AccountStatus;
use sitecard_domain::{Email, Language, Role};
use sitecard_notify::Message;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::{Conn, accounts, audit, tokens};
use uuid::Uuid;

use crate::crypto::{random_token, token_hash};
use crate::error::AppError;
use crate::state::AppState;
use crate::use_cases::record_identity::REGISTRATION_TOKEN_TTL;

pub struct Invited {
    pub account_id: Uuid,
    /// `None` when the account already had a password: the role was simply added.
    pub link: Option<String>,
}

/// Gives `email` the role, creating a pending account and emailing an invitation when needed.
pub async fn invite<C: Conn>(
    conn: &C,
    state: &AppState,
    email: &str,
    role: Role,
    language: Language,
    actor: Option<Uuid>,
) -> Result<Invited, AppError> {
    let email = Email::parse(email)
        .map_err(|e| AppError::Validation(vec![crate::error::FieldError::new("email", "invalid_email", e.to_string())]))?;
    let account = match accounts::find_by_email(conn, email.as_str()).await? {
        Some(a) => {
            let mut roles = a.roles.clone();
            roles.push(role);
            accounts::update(conn, a.id, accounts::AccountUpdate { roles: Some(roles), ..Default::default() }).await?
        }
        None => {
            let new = accounts::NewAccount::pending(email.as_str(), language.as_str(), role.as_str().into(), None);
            accounts::insert(conn, new).await?
        }
    };
    sitecard_persistence::orders::link_to_account(conn, email.as_str(), account.id).await?;
    let mut link = None;
    if account.status == AccountStatus::Pending {
        let token = random_token();
        tokens::spend_all_for(conn, account.id.into(), "invitation").await?;
        tokens::insert(conn, "invitation", &token_hash(&token), account.id.into(), Utc::now() + REGISTRATION_TOKEN_TTL).await?;
        let url = state.link(&format!("/register?token={token}"));
        sitecard_notify::queue(
            conn,
            email.as_str(),
            &Message::Invitation { link: url.clone() },
            Language::parse(&account.language).unwrap_or(language),
        )
        .await?;
        link = Some(url);
    }
    audit::append(
        conn,
        audit::NewAuditEvent {
            kind: AuditKind::AccountInvited,
            actor: Actor::account_or_operator(actor),
            subject: Subject::Account(account.id.into()),
            data: serde_json::json!({ "role": role.as_str() }),
        },
    )
    .await?;
    Ok(Invited { account_id: account.id.into(), link })
}
