//! Partner clients, for operators: create (secrets shown once), list, change, rotate secrets.

pub mod create;
pub mod list;
pub mod rotate_secret;
pub mod update;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use sitecard_app::records::PartnerClient;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use sitecard_app::partner_clients::PartnerSecrets;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create::create_partner_client)
        .service(list::list_partner_clients)
        .service(update::update_partner_client)
        .service(rotate_secret::rotate_partner_secret);
}

/// A partner client as operators see it: never a secret.
#[derive(Serialize, ToSchema)]
pub struct PartnerClientView {
    #[schema(example = "nordic-card-print")]
    pub client_id: String,
    #[schema(example = "Nordic Card Print AB")]
    pub name: String,
    /// Where webhooks are posted; absent: none are sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false, example = "https://print.example.net/sitecard/webhooks")]
    pub webhook_url: Option<String>,
    /// The webhook event types this client receives; `null`: every type.
    #[schema(example = json!(["order.confirmed", "order.cancelled"]))]
    pub webhook_events: Option<Vec<String>>,
    #[schema(example = "2026-11-20T08:00:00Z")]
    pub created_at: DateTime<Utc>,
    /// When the secrets were last rotated; absent: never.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false, example = "2026-12-01T10:15:00Z")]
    pub secret_rotated_at: Option<DateTime<Utc>>,
}

impl From<PartnerClient> for PartnerClientView {
    fn from(c: PartnerClient) -> Self {
        Self {
            webhook_events: sitecard_app::partner_clients::subscription(&c),
            client_id: c.client_id,
            name: c.name,
            webhook_url: c.webhook_url,
            created_at: c.created_at,
            secret_rotated_at: c.secret_rotated_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct PartnerClientList {
    pub items: Vec<PartnerClientView>,
}

/// New secrets, shown this once: store them now. Sitecard keeps only the client secret's hash.
#[derive(Serialize, ToSchema)]
pub struct PartnerSecretsView {
    #[schema(example = "nordic-card-print")]
    pub client_id: String,
    /// For `POST /api/v1/oauth/token`.
    #[schema(example = "q8N1vX0cS3m7Tz5bKp2wYh9LdR4fGj6E")]
    pub client_secret: String,
    /// The HMAC-SHA256 key of `Sitecard-Signature` on webhooks (not the client secret).
    #[schema(example = "Zt3uV9kW2xY5aB8cD1eF4gH7iJ0kL6mN")]
    pub webhook_secret: String,
}

impl From<PartnerSecrets> for PartnerSecretsView {
    fn from(s: PartnerSecrets) -> Self {
        Self { client_id: s.client_id, client_secret: s.client_secret, webhook_secret: s.webhook_secret }
    }
}

/// A field that may be absent (leave it), `null` (clear it) or a value.
pub fn absent_null_or<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}
