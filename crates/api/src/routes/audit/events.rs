//! `GET /audit-events`: the operator reads the audit log, filtered and paged, newest first.

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sitecard_app::paging::PageRequest;
use sitecard_app::records::{AuditFilter, StoredAuditEvent};
use sitecard_domain::Role;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::{ApiError, Fields};
use sitecard_app::state::AppState;
use sitecard_app::use_cases::list_audit_events as use_case;

#[derive(Deserialize, IntoParams)]
pub struct AuditQuery {
    /// Only events about this subject (an order, card, account, company ...).
    #[param(example = "01a22242-4c60-719a-a092-42ce5320dff0")]
    pub subject_id: Option<String>,
    /// Only events by this account.
    #[param(example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c2")]
    pub actor_id: Option<String>,
    /// Only events of this kind.
    #[param(example = "card_blocked")]
    pub kind: Option<String>,
    /// From this time on (RFC 3339).
    #[param(example = "2026-12-01T00:00:00Z")]
    pub from: Option<String>,
    /// Before this time (RFC 3339).
    #[param(example = "2026-12-07T00:00:00Z")]
    pub to: Option<String>,
    /// 1 to 100; default 50.
    #[param(minimum = 1, maximum = 100, example = 50)]
    pub limit: Option<u64>,
    /// `next_cursor` of the previous page.
    #[param(example = "1042")]
    pub cursor: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct AuditEventView {
    #[schema(example = "01a24aac-77f7-73c5-aee3-bcddea1d90c1")]
    pub id: Uuid,
    #[schema(example = "card_blocked")]
    pub kind: String,
    /// The account that acted; absent for partners, the system and the command line.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false, example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c2")]
    pub actor_id: Option<Uuid>,
    /// `account`, `partner`, `system` or `operator` (the command line).
    #[schema(example = "account")]
    pub actor_kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false, example = "card")]
    pub subject_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false, example = "01a24aac-1111-7c2a-9d3e-4f5a6b7c8d9e")]
    pub subject_id: Option<Uuid>,
    /// What the event records (never a secret, code or document number).
    #[schema(value_type = Object, example = json!({"reason": "lost at the site"}))]
    pub data: serde_json::Value,
    #[schema(example = "2026-12-06T09:30:00Z")]
    pub at: DateTime<Utc>,
}

impl From<StoredAuditEvent> for AuditEventView {
    fn from(e: StoredAuditEvent) -> Self {
        Self {
            id: e.id,
            kind: e.kind,
            actor_id: e.actor_id,
            actor_kind: e.actor_kind,
            subject_type: e.subject_type,
            subject_id: e.subject_id,
            data: serde_json::from_str(&e.data).unwrap_or(serde_json::Value::Null),
            at: e.at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct AuditPage {
    pub items: Vec<AuditEventView>,
    /// Pass as `cursor` for the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false, example = "1042")]
    pub next_cursor: Option<String>,
}

/// Read the audit log.
///
/// Operators only. Newest first, filtered by subject, actor, kind and time, paged with `limit` and `cursor`.
/// `GET /audit-chain` verifies that the log is whole. Read-only.
#[utoipa::path(tag = "audit", security(("bearer" = [])), params(AuditQuery), responses(
    (status = 200, description = "One page, newest first", body = AuditPage),
    (status = 422, description = "`validation_failed`: a malformed id, time, limit or cursor"),
))]
#[get("/audit-events")]
pub async fn list_audit_events(
    state: web::Data<AppState>,
    user: CurrentUser,
    q: web::Query<AuditQuery>,
) -> Result<web::Json<AuditPage>, ApiError> {
    user.require(Role::Operator)?;
    let mut f = Fields::new();
    let id = |f: &mut Fields, field: &str, v: &Option<String>| match v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => f.check(field, "invalid_format", s.parse::<Uuid>()),
        None => None,
    };
    let time = |f: &mut Fields, field: &str, v: &Option<String>| match v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => f.check(field, "invalid_format", DateTime::parse_from_rfc3339(s).map(|t| t.with_timezone(&Utc))),
        None => None,
    };
    let filter = AuditFilter {
        subject_id: id(&mut f, "subject_id", &q.subject_id),
        actor_id: id(&mut f, "actor_id", &q.actor_id),
        kind: q.kind.as_deref().map(str::trim).filter(|k| !k.is_empty()),
        from: time(&mut f, "from", &q.from),
        to: time(&mut f, "to", &q.to),
    };
    let limit = q.limit.unwrap_or(50);
    if !(1..=100).contains(&limit) {
        f.push("limit", "out_of_range", "between 1 and 100");
    }
    let cursor = match q.cursor.as_deref().filter(|c| !c.is_empty()) {
        Some(c) => f.check("cursor", "invalid_cursor", c.parse::<i64>()),
        None => None,
    };
    f.finish()?;
    let page = PageRequest { limit: limit.clamp(1, 100), after: cursor };
    let page = use_case::list_audit_events(&state, &filter, page).await?.map(AuditEventView::from);
    Ok(web::Json(AuditPage { items: page.items, next_cursor: page.next_cursor }))
}
