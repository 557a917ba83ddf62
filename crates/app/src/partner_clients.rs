//! Partner clients as the operator manages them, from the console, the API or the CLI: create one, change its
//! name, webhook URL or event types, rotate its secrets. Every change is audited with the operator who made it.

use sitecard_domain::partner_client::ClientId;
use sitecard_domain::webhook_event::{self, WebhookEventType};
use sitecard_persistence::audit::{Actor, AuditKind, NewAuditEvent, Subject};
use sitecard_persistence::partners::{self, NewPartnerClient, PartnerClient};
use sitecard_persistence::{Conn, audit};
use uuid::Uuid;

use crate::crypto::{random_token, token_hash};
use crate::error::{AppError, Fields};
use crate::state::AppState;

/// Secrets are shown once, when made: only the client secret's hash and the webhook secret, encrypted, are kept.
pub struct PartnerSecrets {
    pub client_id: String,
    pub client_secret: String,
    /// Key of the `Sitecard-Signature` HMAC on webhooks.
    pub webhook_secret: String,
}

pub struct NewClient<'a> {
    pub client_id: &'a str,
    pub name: &'a str,
    pub webhook_url: Option<&'a str>,
    /// `None`: every event type.
    pub webhook_events: Option<&'a [String]>,
    /// The demo's fixed client secret (seed-demo only); otherwise a random one is made.
    pub demo_secret: Option<&'a str>,
}

/// What an operator may change; `None` leaves a field as it is, `Some(None)` clears it.
#[derive(Default)]
pub struct ClientChanges<'a> {
    pub name: Option<&'a str>,
    pub webhook_url: Option<Option<&'a str>>,
    pub webhook_events: Option<Option<&'a [String]>>,
}

/// `actor`: the operator's account, or `None` for the command line.
pub async fn create<C: Conn>(conn: &C, state: &AppState, actor: Option<Uuid>, n: NewClient<'_>) -> Result<PartnerSecrets, AppError> {
    let mut f = Fields::new();
    let client_id = f.check("client_id", "invalid_format", ClientId::parse(n.client_id));
    let name = valid_name(n.name, &mut f);
    let events = n.webhook_events.map(|t| valid_events(t, &mut f));
    let (client_id, name) = f.finish_with(client_id.zip(name))?;
    let url = n.webhook_url.map(|u| valid_url(state, u)).transpose()?;
    if partners::find_by_client_id(conn, client_id.as_str()).await?.is_some() {
        return Err(AppError::Conflict("client_exists", format!("a partner client {client_id} exists")));
    }
    let client_secret = n.demo_secret.map(str::to_owned).unwrap_or_else(random_token);
    let webhook_secret = random_token();
    partners::insert(
        conn,
        NewPartnerClient {
            client_id: client_id.as_str(),
            secret_hash: &token_hash(&client_secret),
            name: &name,
            webhook_url: url.as_deref(),
            webhook_secret_enc: &state.cipher.encrypt(&webhook_secret)?,
        },
    )
    .await
    .map_err(|e| match e {
        // Two operators creating the same id at once: the unique index decides.
        sitecard_persistence::DbError::Conflict(_) => AppError::Conflict("client_exists", format!("a partner client {client_id} exists")),
        other => other.into(),
    })?;
    if let Some(events) = &events {
        partners::set_subscription(conn, client_id.as_str(), Some(&names(events))).await?;
    }
    let data =
        serde_json::json!({ "client_id": client_id.as_str(), "webhook_url": url, "webhook_events": events.as_ref().map(|e| names(e)) });
    audit::append(
        conn,
        NewAuditEvent::new(AuditKind::PartnerClientCreated, Actor::account_or_operator(actor), Subject::PartnerClient, data),
    )
    .await?;
    Ok(PartnerSecrets { client_id: client_id.as_str().to_owned(), client_secret, webhook_secret })
}

pub async fn update<C: Conn>(
    conn: &C,
    state: &AppState,
    actor: Option<Uuid>,
    client_id: &str,
    changes: ClientChanges<'_>,
) -> Result<PartnerClient, AppError> {
    let mut f = Fields::new();
    let name = changes.name.map(|n| valid_name(n, &mut f));
    let events = changes.webhook_events.map(|t| t.map(|t| valid_events(t, &mut f)));
    f.finish()?;
    let url = match changes.webhook_url {
        Some(Some(u)) => Some(Some(valid_url(state, u)?)),
        Some(None) => Some(None),
        None => None,
    };
    let name = name.flatten();
    if !partners::update(conn, client_id, name.as_deref(), url.as_ref().map(|u| u.as_deref())).await? {
        return Err(AppError::NotFound);
    }
    if let Some(events) = &events {
        partners::set_subscription(conn, client_id, events.as_ref().map(|e| names(e)).as_deref()).await?;
    }
    let data = serde_json::json!({
        "client_id": client_id,
        "name": name,
        "webhook_url": url,
        "webhook_events": events.as_ref().map(|e| e.as_ref().map(|e| names(e))),
    });
    audit::append(
        conn,
        NewAuditEvent::new(AuditKind::PartnerClientChanged, Actor::account_or_operator(actor), Subject::PartnerClient, data),
    )
    .await?;
    partners::find_by_client_id(conn, client_id).await?.ok_or(AppError::NotFound)
}

/// New client and webhook secrets; the old ones stop working at once (tokens already issued run out within
/// their lifetime).
pub async fn rotate_secrets<C: Conn>(conn: &C, state: &AppState, actor: Option<Uuid>, client_id: &str) -> Result<PartnerSecrets, AppError> {
    let client_secret = random_token();
    let webhook_secret = random_token();
    if !partners::replace_secrets(conn, client_id, &token_hash(&client_secret), &state.cipher.encrypt(&webhook_secret)?).await? {
        return Err(AppError::NotFound);
    }
    audit::append(
        conn,
        NewAuditEvent::new(
            AuditKind::PartnerClientSecretRotated,
            Actor::account_or_operator(actor),
            Subject::PartnerClient,
            serde_json::json!({ "client_id": client_id }),
        ),
    )
    .await?;
    Ok(PartnerSecrets { client_id: client_id.to_owned(), client_secret, webhook_secret })
}

/// The event types a client receives (`None`: every type).
/// Whether a partner client of this id is registered: a deleted client's tokens stop working at once.
pub async fn is_registered(state: &AppState, client_id: &str) -> Result<bool, AppError> {
    Ok(partners::find_by_client_id(&state.db, client_id).await?.is_some())
}

pub fn subscription(client: &PartnerClient) -> Option<Vec<String>> {
    partners::subscription(client)
}

fn valid_name(raw: &str, f: &mut Fields) -> Option<String> {
    f.check("name", "invalid_format", sitecard_domain::address::text_line(raw, 100).map_err(|_| "1 to 100 characters"))
}

fn valid_events(types: &[String], f: &mut Fields) -> Vec<WebhookEventType> {
    webhook_event::parse_subscription(types).unwrap_or_else(|unknown| {
        for t in unknown {
            f.push("webhook_events", "invalid_value", &format!("unknown event type {t}"));
        }
        vec![]
    })
}

fn valid_url(state: &AppState, url: &str) -> Result<String, AppError> {
    sitecard_notify::adapters::check_webhook_url(url, state.config.webhook_allow_private)
        .map(|u| u.to_string())
        .map_err(|e| AppError::Unprocessable { code: "invalid_webhook_url", detail: e.to_string(), errors: vec![] })
}

fn names(events: &[WebhookEventType]) -> Vec<String> {
    events.iter().map(|t| t.as_str().to_owned()).collect()
}
