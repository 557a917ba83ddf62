//! The transactional outbox: messages are written in the same transaction as the change they announce and
//! delivered later by the dispatcher, with retries. Nothing is lost on a crash.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::DbError;
use crate::entities::outbox_messages::{self, Entity as Outbox};

/// A row of `outbox_messages` as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct OutboxMessage {
    pub id: uuid::Uuid,
    pub channel: String,
    pub recipient: String,
    pub subject: Option<String>,
    pub body: String,
    pub payload: Option<String>,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: chrono::DateTime<chrono::Utc>,
    pub last_error: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub sent_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The message template (`login-code`, `card-blocked`, ...) or webhook event type (`order.confirmed`).
    pub kind: Option<String>,
}

impl From<crate::entities::outbox_messages::Model> for OutboxMessage {
    fn from(m: crate::entities::outbox_messages::Model) -> Self {
        Self {
            id: m.id,
            channel: m.channel,
            recipient: m.recipient,
            subject: m.subject,
            body: m.body,
            payload: m.payload,
            status: m.status,
            attempts: m.attempts,
            next_attempt_at: m.next_attempt_at,
            last_error: m.last_error,
            created_at: m.created_at,
            sent_at: m.sent_at,
            kind: m.kind,
        }
    }
}

pub struct NewMessage {
    /// `email`, `sms` or `webhook`.
    pub channel: &'static str,
    /// The message template or webhook event type, shown to operators.
    pub kind: &'static str,
    pub recipient: String,
    pub subject: Option<String>,
    pub body: String,
    /// Channel-specific extras as JSON (dev outbox: `code`, `link`; webhooks: headers).
    pub payload: Option<serde_json::Value>,
}

pub async fn enqueue<C: ConnectionTrait>(conn: &C, msg: NewMessage) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let now = Utc::now();
    Outbox::insert(outbox_messages::ActiveModel {
        id: Set(id),
        channel: Set(msg.channel.to_owned()),
        recipient: Set(msg.recipient),
        subject: Set(msg.subject),
        body: Set(msg.body),
        payload: Set(msg.payload.map(|p| p.to_string())),
        status: Set("pending".into()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        last_error: Set(None),
        created_at: Set(now),
        sent_at: Set(None),
        kind: Set(Some(msg.kind.to_owned())),
    })
    .exec_without_returning(conn)
    .await?;
    Ok(id)
}

/// Newest first, optionally for one recipient (the dev outbox).
pub async fn recent<C: ConnectionTrait>(conn: &C, recipient: Option<&str>, limit: u64) -> Result<Vec<OutboxMessage>, DbError> {
    let mut q = Outbox::find().order_by_desc(outbox_messages::Column::CreatedAt).order_by_desc(outbox_messages::Column::Id).limit(limit);
    if let Some(r) = recipient {
        q = q.filter(outbox_messages::Column::Recipient.eq(r));
    }
    Ok(q.all(conn).await?.into_iter().map(Into::into).collect())
}

/// Claims up to `batch` due messages for this dispatcher: marks them `sending` with a lease so a crashed
/// dispatcher's claims come back after `lease`. On PostgreSQL `FOR UPDATE SKIP LOCKED` lets many instances
/// dispatch side by side.
pub async fn claim_due(db: &crate::Db, batch: u64, lease: Duration) -> Result<Vec<OutboxMessage>, DbError> {
    let now = Utc::now();
    let txn = crate::begin(db).await?;
    let due = outbox_messages::Column::Status.is_in(["pending", "sending"]);
    let mut q = Outbox::find()
        .filter(due)
        .filter(outbox_messages::Column::NextAttemptAt.lte(now))
        .order_by_asc(outbox_messages::Column::NextAttemptAt)
        .limit(batch);
    if txn.get_database_backend() == DbBackend::Postgres {
        q = q.lock_with_behavior(sea_orm::sea_query::LockType::Update, sea_orm::sea_query::LockBehavior::SkipLocked);
    }
    let rows = q.all(&txn).await?;
    for r in &rows {
        Outbox::update_many()
            .col_expr(outbox_messages::Column::Status, "sending".into())
            .col_expr(outbox_messages::Column::NextAttemptAt, (now + lease).into())
            .col_expr(outbox_messages::Column::Attempts, (r.attempts + 1).into())
            .filter(outbox_messages::Column::Id.eq(r.id))
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// Delivered. `scrub` blanks the body and payload so one-time codes and links do not outlive delivery.
pub async fn mark_sent<C: ConnectionTrait>(conn: &C, id: Uuid, scrub: bool) -> Result<(), DbError> {
    let mut q = Outbox::update_many()
        .col_expr(outbox_messages::Column::Status, "sent".into())
        .col_expr(outbox_messages::Column::SentAt, Some(Utc::now()).into())
        .col_expr(outbox_messages::Column::LastError, Option::<String>::None.into());
    if scrub {
        q = q
            .col_expr(outbox_messages::Column::Body, "(delivered; content removed)".into())
            .col_expr(outbox_messages::Column::Payload, Option::<String>::None.into());
    }
    q.filter(outbox_messages::Column::Id.eq(id)).exec(conn).await?;
    Ok(())
}

/// Failed this time: try again at `next`, or give up (`dead`) after too many attempts.
pub async fn mark_failed<C: ConnectionTrait>(conn: &C, id: Uuid, error: &str, next: Option<DateTime<Utc>>) -> Result<(), DbError> {
    let (status, at) = match next {
        Some(at) => ("pending", at),
        None => ("dead", Utc::now()),
    };
    Outbox::update_many()
        .col_expr(outbox_messages::Column::Status, status.into())
        .col_expr(outbox_messages::Column::NextAttemptAt, at.into())
        .col_expr(outbox_messages::Column::LastError, Some(error.chars().take(500).collect::<String>()).into())
        .filter(outbox_messages::Column::Id.eq(id))
        .exec(conn)
        .await?;
    Ok(())
}

/// One page for operators, newest first, optionally in one status; `limit + 1` rows tell whether more follow.
pub async fn page<C: ConnectionTrait>(
    conn: &C,
    status: Option<&str>,
    before: Option<Uuid>,
    limit: u64,
) -> Result<Vec<OutboxMessage>, DbError> {
    let mut q = Outbox::find().order_by_desc(outbox_messages::Column::Id).limit(limit);
    if let Some(s) = status {
        q = q.filter(outbox_messages::Column::Status.eq(s));
    }
    if let Some(id) = before {
        q = q.filter(outbox_messages::Column::Id.lt(id));
    }
    Ok(q.all(conn).await?.into_iter().map(Into::into).collect())
}

pub async fn find<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<Option<OutboxMessage>, DbError> {
    Ok(Outbox::find_by_id(id).one(conn).await?.map(Into::into))
}

/// A dead message is due again with a fresh series of attempts; false when it is not (or no longer) dead.
pub async fn retry_dead<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<bool, DbError> {
    let res = Outbox::update_many()
        .col_expr(outbox_messages::Column::Status, "pending".into())
        .col_expr(outbox_messages::Column::Attempts, 0.into())
        .col_expr(outbox_messages::Column::NextAttemptAt, Utc::now().into())
        .filter(outbox_messages::Column::Id.eq(id))
        .filter(outbox_messages::Column::Status.eq("dead"))
        .exec(conn)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Dev mode keeps messages in the outbox: mark them delivered without sending (content kept for the dev page).
pub async fn count_by_status<C: ConnectionTrait>(conn: &C, status: &str) -> Result<u64, DbError> {
    use sea_orm::PaginatorTrait;
    Ok(Outbox::find().filter(outbox_messages::Column::Status.eq(status)).count(conn).await?)
}
