//! Operator provisioning used by the CLI: companies with their first admin, partner clients.

use sitecard_domain::webhook_event::{self, WebhookEventType};
use sitecard_domain::{Language, Role};
use sitecard_persistence::{ConnectionTrait, audit, companies, partners};
use uuid::Uuid;

use crate::crypto::{random_token, token_hash};
use crate::error::{ApiError, FieldError};
use crate::invite::{Invited, invite};
use crate::state::AppState;

pub struct CompanyCreated {
    pub company_id: Uuid,
    pub admin: Invited,
}

/// Creates the company (or finds it by org number) and makes `admin_email` its administrator, inviting
/// them when they have no account.
pub async fn create_company<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    name: &str,
    org_number: &str,
    admin_email: &str,
    language: Language,
) -> Result<CompanyCreated, ApiError> {
    let name = name.trim();
    let org = org_number.trim();
    if name.is_empty() || org.is_empty() {
        return Err(ApiError::Validation(vec![FieldError::new("name", "required", "name and org number are required")]));
    }
    let company = match companies::find_by_org_number(conn, org).await? {
        Some(c) => c,
        None => companies::insert(conn, name, org).await?,
    };
    let admin = invite(conn, state, admin_email, Role::CompanyAdmin, language).await?;
    companies::add_admin(conn, company.id, admin.account_id).await?;
    audit::append(
        conn,
        audit::NewAuditEvent {
            kind: "company_created",
            actor_id: None,
            actor_kind: "operator",
            subject_type: Some("company"),
            subject_id: Some(company.id),
            data: serde_json::json!({ "org_number": org }),
        },
    )
    .await?;
    Ok(CompanyCreated { company_id: company.id, admin })
}

pub struct PartnerCreated {
    pub client_id: String,
    /// Shown once; only its hash is stored.
    pub client_secret: String,
    /// Key of the `Sitecard-Signature` HMAC on webhooks.
    pub webhook_secret: String,
}

/// Creates a partner client. `secret` is for the demo only; normally a random one is made.
pub async fn create_partner_client<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    client_id: &str,
    name: &str,
    webhook_url: Option<&str>,
    secret: Option<&str>,
) -> Result<PartnerCreated, ApiError> {
    let client_secret = secret.map(str::to_owned).unwrap_or_else(random_token);
    partners::insert(conn, client_id, &token_hash(&client_secret), name, webhook_url).await?;
    audit::append(
        conn,
        audit::NewAuditEvent {
            kind: "partner_client_created",
            actor_id: None,
            actor_kind: "operator",
            subject_type: None,
            subject_id: None,
            data: serde_json::json!({ "client_id": client_id }),
        },
    )
    .await?;
    Ok(PartnerCreated { client_id: client_id.to_owned(), client_secret, webhook_secret: state.cipher.webhook_secret(client_id) })
}

/// Sets the webhook event types a partner client receives (`None`: every type), audited. Answers the chosen
/// types; 404 for an unknown client, 422 naming the unknown types.
pub async fn set_webhook_events<C: ConnectionTrait>(
    conn: &C,
    client_id: &str,
    types: Option<&[String]>,
) -> Result<Option<Vec<WebhookEventType>>, ApiError> {
    let chosen = match types {
        None => None,
        Some(types) => Some(webhook_event::parse_subscription(types).map_err(|unknown| {
            ApiError::Validation(
                unknown.iter().map(|t| FieldError::new("events", "invalid_value", format!("unknown event type {t}"))).collect(),
            )
        })?),
    };
    let stored: Option<Vec<String>> = chosen.as_ref().map(|c| c.iter().map(|t| t.as_str().to_owned()).collect());
    if !partners::set_subscription(conn, client_id, stored.as_deref()).await? {
        return Err(ApiError::NotFound);
    }
    audit::append(
        conn,
        audit::NewAuditEvent {
            kind: "partner_client_changed",
            actor_id: None,
            actor_kind: "operator",
            subject_type: None,
            subject_id: None,
            data: serde_json::json!({ "client_id": client_id, "webhook_events": stored }),
        },
    )
    .await?;
    Ok(chosen)
}
