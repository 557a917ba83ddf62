//! `GET /dev/outbox`: outgoing SMS and email, newest first. 404 unless `SITECARD_DEV=1`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use actix_web::{get, web};

use crate::error::ApiError;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::list_dev_outbox::list_dev_outbox;

#[derive(Deserialize, IntoParams)]
pub struct OutboxQuery {
    /// Only messages to this email address or phone number (E.164).
    #[param(example = "+46701234567")]
    pub to: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct DevMessage {
    #[schema(value_type = sitecard_app::schema_enums::MessageChannel)]
    pub channel: String,
    /// The email address or phone number (E.164) the message went to.
    #[schema(example = "+46701234567")]
    pub to: String,
    /// Emails only.
    #[schema(example = "Create your Sitecard account")]
    pub subject: Option<String>,
    #[schema(example = "Your Sitecard login code is 482913. It is valid for 5 minutes. Never share it.")]
    pub body: String,
    /// The one-time code in an SMS.
    #[schema(example = "482913")]
    pub code: Option<String>,
    /// The link in an email.
    #[schema(example = "https://sitecard.example.com/register?token=viWwHGkLe4-4ksUifjX8TUEKARuOUPlXSZLw8DKoRY0")]
    pub link: Option<String>,
    #[schema(example = "2026-12-01T09:30:00Z")]
    pub created_at: DateTime<Utc>,
}

/// The outbox: messages the server has queued (development mode only).
///
/// No sign-in, and only when the server runs with `SITECARD_DEV=1` (404 in any other mode). The newest 200 SMS, email
/// and webhook messages, newest first, optionally only those to `to`, with the one-time code or link picked out, so a
/// person can walk every flow without a phone or a mailbox. Read-only.
#[utoipa::path(tag = "dev", params(OutboxQuery), responses(
    (status = 200, description = "Messages, newest first", body = Vec<DevMessage>),
    (status = 404, description = "Not in development mode"),
))]
#[get("/dev/outbox")]
pub async fn dev_outbox(state: web::Data<AppState>, q: web::Query<OutboxQuery>) -> Result<web::Json<Vec<DevMessage>>, ApiError> {
    // An unencoded `+` in `?to=+46…` arrives as a space.
    let to = q.to.as_deref().map(|t| if t.starts_with(' ') { format!("+{}", t.trim()) } else { t.trim().to_lowercase() });
    let rows = list_dev_outbox(&state, to.as_deref()).await?;
    Ok(web::Json(
        rows.into_iter()
            .map(|m| {
                let payload: serde_json::Value = m.payload.as_deref().and_then(|p| serde_json::from_str(p).ok()).unwrap_or_default();
                DevMessage {
                    channel: m.channel,
                    to: m.recipient,
                    subject: m.subject,
                    body: m.body,
                    code: payload["code"].as_str().map(str::to_owned),
                    link: payload["link"].as_str().map(str::to_owned),
                    created_at: m.created_at,
                }
            })
            .collect(),
    ))
}
