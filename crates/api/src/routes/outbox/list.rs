//! `GET /outbox`: messages newest first, by status, without their content.

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sitecard_app::records::OutboxMessage;
use sitecard_domain::Role;
use utoipa::{IntoParams, ToSchema};

use crate::auth::CurrentUser;
use crate::error::{ApiError, Fields};
use crate::routes::company_orders::list::{PageQuery, page_params};
use sitecard_app::state::AppState;
use sitecard_app::use_cases::list_outbox_messages::{STATUSES, list_outbox_messages};

/// `?status=` on the outbox.
#[derive(Deserialize, IntoParams)]
pub struct OutboxFilter {
    /// Only messages in this status; `dead` are the dead letters (given up after the last attempt).
    #[param(value_type = Option<sitecard_app::schema_enums::OutboxStatusValue>)]
    pub status: Option<String>,
}

/// A message as operators see it: where it goes (masked) and how delivery went, never its content.
#[derive(Serialize, ToSchema)]
pub struct OutboxItem {
    #[schema(example = "01a24aac-77f7-73c5-aee3-bcddea1d90c1")]
    pub id: uuid::Uuid,
    #[schema(value_type = sitecard_app::schema_enums::MessageChannel)]
    pub channel: String,
    /// The recipient, masked: `a•••@example.com`, `+46•••••••03`, or a webhook URL's origin.
    #[schema(example = "a•••@example.com")]
    pub to: String,
    /// The message template (`card-blocked`, `login-code`, ...) or webhook event type (`order.confirmed`).
    #[schema(example = "order.confirmed")]
    pub kind: String,
    #[schema(value_type = sitecard_app::schema_enums::OutboxStatusValue)]
    pub status: String,
    #[schema(example = 3)]
    pub attempts: i32,
    #[schema(example = "rejected by provider: status 503")]
    pub last_error: Option<String>,
    /// When the next attempt is due (pending messages).
    #[schema(example = "2026-12-06T09:31:20Z")]
    pub next_attempt_at: DateTime<Utc>,
    #[schema(example = "2026-12-06T09:30:00Z")]
    pub created_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct OutboxPage {
    pub items: Vec<OutboxItem>,
    /// Pass as `cursor` for the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false, example = "01a24aac-77f7-73c5-aee3-bcddea1d90c1")]
    pub next_cursor: Option<String>,
}

impl From<OutboxMessage> for OutboxItem {
    fn from(m: OutboxMessage) -> Self {
        Self {
            to: masked_recipient(&m.channel, &m.recipient),
            kind: m.kind.unwrap_or_else(|| "unknown".into()),
            id: m.id,
            channel: m.channel,
            status: m.status,
            attempts: m.attempts,
            last_error: m.last_error,
            next_attempt_at: m.next_attempt_at,
            created_at: m.created_at,
        }
    }
}

/// Enough to tell recipients apart, not enough to contact them; a webhook URL keeps only its origin (its path
/// may carry a token).
fn masked_recipient(channel: &str, to: &str) -> String {
    match channel {
        "email" => sitecard_domain::email::mask_email(to),
        "sms" => sitecard_domain::phone::mask_phone(to),
        _ => reqwest013::Url::parse(to).map(|u| u.origin().ascii_serialization()).unwrap_or_else(|_| "•••".into()),
    }
}

/// List outbox messages.
///
/// Operators only. Newest first, optionally in one `status`: `pending` (waiting for an attempt), `sending`,
/// `sent`, or `dead` (given up after the last attempt: retry them with `POST /outbox/{id}/retry`). Never a
/// message's text, code or link.
#[utoipa::path(tag = "operator", security(("bearer" = [])), params(OutboxFilter, PageQuery), responses(
    (status = 200, description = "One page, newest first", body = OutboxPage),
    (status = 422, description = "`validation_failed` (status, limit or cursor)"),
))]
#[get("/outbox")]
pub async fn list_outbox(
    state: web::Data<AppState>,
    user: CurrentUser,
    filter: web::Query<OutboxFilter>,
    q: web::Query<PageQuery>,
) -> Result<web::Json<OutboxPage>, ApiError> {
    user.require(Role::Operator)?;
    let mut f = Fields::new();
    let status = match filter.status.as_deref().filter(|s| !s.is_empty()) {
        Some(s) if STATUSES.contains(&s) => Some(s),
        Some(_) => {
            f.push("status", "invalid_status", "pending, sending, sent or dead");
            None
        }
        None => None,
    };
    let page = page_params(&q, &mut f);
    f.finish()?;
    let page = list_outbox_messages(&state, status, page).await?.map(OutboxItem::from);
    Ok(web::Json(OutboxPage { items: page.items, next_cursor: page.next_cursor }))
}
