//! The append-only audit log. Appends take no lock: on PostgreSQL `seq` comes from a sequence (gaps from
//! rolled-back transactions are harmless), on SQLite from the one writer. Tamper evidence comes from the
//! checkpoints the sealer writes over batches of events (`sitecard_domain::audit_chain`).

use chrono::{DateTime, SubsecRound, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Statement,
};
use sitecard_domain::audit_chain::{AuditLeaf, Digest};
pub use sitecard_domain::audit_event::{Actor, AuditKind, Subject};
use uuid::Uuid;

use crate::DbError;
use crate::entities::audit_checkpoints::{self, Entity as AuditCheckpoints};
use crate::entities::audit_events::{self, Entity as AuditEvents};

/// A row of `audit_events` as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredAuditEvent {
    pub seq: i64,
    pub id: uuid::Uuid,
    pub at: chrono::DateTime<chrono::Utc>,
    pub kind: String,
    pub actor_id: Option<uuid::Uuid>,
    pub actor_kind: String,
    pub subject_type: Option<String>,
    pub subject_id: Option<uuid::Uuid>,
    pub data: String,
    /// Empty since checkpoints replaced the row-by-row chain (migration 8); older rows keep theirs.
    pub prev_hash: String,
    /// The event's RFC 6962 leaf hash (older rows: their former chain hash). Verification recomputes it.
    pub hash: String,
    /// The checkpoint that sealed the event; `None` until the sealer has run.
    pub checkpoint: Option<i64>,
}

impl From<crate::entities::audit_events::Model> for StoredAuditEvent {
    fn from(m: crate::entities::audit_events::Model) -> Self {
        Self {
            seq: m.seq,
            id: m.id,
            at: m.at,
            kind: m.kind,
            actor_id: m.actor_id,
            actor_kind: m.actor_kind,
            subject_type: m.subject_type,
            subject_id: m.subject_id,
            data: m.data,
            prev_hash: m.prev_hash,
            hash: m.hash,
            checkpoint: m.checkpoint,
        }
    }
}

/// A row of `audit_checkpoints` as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredCheckpoint {
    pub number: i64,
    pub prev_hash: String,
    pub merkle_root: String,
    pub events: i64,
    pub total_events: i64,
    pub sealed_at: chrono::DateTime<chrono::Utc>,
    pub hash: String,
    pub kid: String,
    pub signature: String,
}

impl From<crate::entities::audit_checkpoints::Model> for StoredCheckpoint {
    fn from(m: crate::entities::audit_checkpoints::Model) -> Self {
        Self {
            number: m.number,
            prev_hash: m.prev_hash,
            merkle_root: m.merkle_root,
            events: m.events,
            total_events: m.total_events,
            sealed_at: m.sealed_at,
            hash: m.hash,
            kid: m.kid,
            signature: m.signature,
        }
    }
}

/// One event to append: typed, so that a kind, an actor or a subject cannot be misspelt.
pub struct NewAuditEvent {
    pub kind: AuditKind,
    pub actor: Actor,
    pub subject: Subject,
    /// Never secrets: no passwords, codes, tokens, document numbers.
    pub data: serde_json::Value,
}

impl NewAuditEvent {
    pub fn new(kind: AuditKind, actor: Actor, subject: Subject, data: serde_json::Value) -> Self {
        Self { kind, actor, subject, data }
    }

    /// An account acting on itself (registering, changing or resetting its password, a second factor), with the
    /// address the request came from.
    pub fn by_account_itself(kind: AuditKind, account_id: Uuid, ip: &str) -> Self {
        Self::new(kind, Actor::Account(account_id), Subject::Account(account_id), serde_json::json!({ "ip": ip }))
    }
}

/// Appends one event in a transaction of its own (for events that go with no other change).
pub async fn record(db: &crate::Db, event: NewAuditEvent) -> Result<(), DbError> {
    let txn = crate::begin(db).await?;
    append(&txn, event).await?;
    txn.commit().await?;
    Ok(())
}

async fn next_seq<C: ConnectionTrait>(conn: &C) -> Result<i64, DbError> {
    let sql = match conn.get_database_backend() {
        DbBackend::Postgres => "SELECT nextval('audit_events_seq') AS seq",
        // SQLite: writers take the database lock when their transaction begins, so max + 1 is theirs alone.
        _ => "SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM audit_events",
    };
    let row = conn.query_one_raw(Statement::from_string(conn.get_database_backend(), sql)).await?;
    Ok(row.map(|r| r.try_get::<i64>("", "seq")).transpose()?.unwrap_or(1))
}

/// The leaf hash of a stored event, recomputed from its fields.
pub fn leaf_hash(e: &StoredAuditEvent) -> Digest {
    AuditLeaf {
        seq: e.seq,
        id: e.id,
        at: e.at,
        kind: &e.kind,
        actor_id: e.actor_id,
        actor_kind: &e.actor_kind,
        subject_type: e.subject_type.as_deref(),
        subject_id: e.subject_id,
        data: &e.data,
    }
    .hash()
}

/// Appends one event inside the caller's transaction, so it commits or rolls back with the change it records.
pub async fn append<C: ConnectionTrait>(conn: &C, event: NewAuditEvent) -> Result<(), DbError> {
    let seq = next_seq(conn).await?;
    let id = Uuid::new_v4();
    let at: DateTime<Utc> = Utc::now().trunc_subsecs(6);
    let data = event.data.to_string();
    let leaf = AuditLeaf {
        seq,
        id,
        at,
        kind: event.kind.as_str(),
        actor_id: event.actor.id(),
        actor_kind: event.actor.kind(),
        subject_type: event.subject.kind(),
        subject_id: event.subject.id(),
        data: &data,
    }
    .hash();
    AuditEvents::insert(audit_events::ActiveModel {
        seq: Set(seq),
        id: Set(id),
        at: Set(at),
        kind: Set(event.kind.as_str().to_owned()),
        actor_id: Set(event.actor.id()),
        actor_kind: Set(event.actor.kind().to_owned()),
        subject_type: Set(event.subject.kind().map(str::to_owned)),
        subject_id: Set(event.subject.id()),
        data: Set(data),
        prev_hash: Set(String::new()),
        hash: Set(hex::encode(leaf)),
        checkpoint: Set(None),
    })
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

/// Taken by the sealer for the rest of its transaction; `false` when another instance is sealing now.
/// SQLite has one writer (and one instance), so there it is always `true`.
pub async fn try_lock_sealing<C: ConnectionTrait>(conn: &C) -> Result<bool, DbError> {
    if conn.get_database_backend() != DbBackend::Postgres {
        return Ok(true);
    }
    let row = conn.query_one_raw(Statement::from_string(DbBackend::Postgres, "SELECT pg_try_advisory_xact_lock(7107) AS locked")).await?;
    Ok(row.map(|r| r.try_get::<bool>("", "locked")).transpose()?.unwrap_or(false))
}

/// Committed events no checkpoint has sealed yet, oldest first.
pub async fn unsealed<C: ConnectionTrait>(conn: &C, limit: u64) -> Result<Vec<StoredAuditEvent>, DbError> {
    Ok(AuditEvents::find()
        .filter(audit_events::Column::Checkpoint.is_null())
        .order_by_asc(audit_events::Column::Seq)
        .limit(limit)
        .all(conn)
        .await?
        .into_iter()
        .map(Into::into)
        .collect())
}

pub async fn count_unsealed<C: ConnectionTrait>(conn: &C) -> Result<u64, DbError> {
    Ok(AuditEvents::find().filter(audit_events::Column::Checkpoint.is_null()).count(conn).await?)
}

/// Events that name a checkpoint which does not exist (it was deleted). One statement, so a checkpoint the
/// sealer commits meanwhile is seen together with its events or not at all.
pub async fn count_orphaned<C: ConnectionTrait>(conn: &C) -> Result<u64, DbError> {
    let sql = "SELECT COUNT(*) AS n FROM audit_events e WHERE e.checkpoint IS NOT NULL \
               AND NOT EXISTS (SELECT 1 FROM audit_checkpoints c WHERE c.number = e.checkpoint)";
    let row = conn.query_one_raw(Statement::from_string(conn.get_database_backend(), sql)).await?;
    Ok(row.map(|r| r.try_get::<i64>("", "n")).transpose()?.unwrap_or(0).max(0) as u64)
}

pub async fn last_checkpoint<C: ConnectionTrait>(conn: &C) -> Result<Option<StoredCheckpoint>, DbError> {
    Ok(AuditCheckpoints::find().order_by_desc(audit_checkpoints::Column::Number).one(conn).await?.map(Into::into))
}

pub async fn checkpoints<C: ConnectionTrait>(conn: &C) -> Result<Vec<StoredCheckpoint>, DbError> {
    Ok(AuditCheckpoints::find().order_by_asc(audit_checkpoints::Column::Number).all(conn).await?.into_iter().map(Into::into).collect())
}

/// The events a checkpoint sealed, in the order their leaves entered its tree.
pub async fn events_of_checkpoint<C: ConnectionTrait>(conn: &C, number: i64) -> Result<Vec<StoredAuditEvent>, DbError> {
    Ok(AuditEvents::find()
        .filter(audit_events::Column::Checkpoint.eq(number))
        .order_by_asc(audit_events::Column::Seq)
        .all(conn)
        .await?
        .into_iter()
        .map(Into::into)
        .collect())
}

/// Stores a checkpoint and marks its events sealed by it (inside the sealer's transaction).
pub async fn insert_checkpoint<C: ConnectionTrait>(conn: &C, checkpoint: StoredCheckpoint, seqs: &[i64]) -> Result<(), DbError> {
    let number = checkpoint.number;
    AuditCheckpoints::insert(audit_checkpoints::ActiveModel {
        number: Set(checkpoint.number),
        prev_hash: Set(checkpoint.prev_hash),
        merkle_root: Set(checkpoint.merkle_root),
        events: Set(checkpoint.events),
        total_events: Set(checkpoint.total_events),
        sealed_at: Set(checkpoint.sealed_at),
        hash: Set(checkpoint.hash),
        kid: Set(checkpoint.kid),
        signature: Set(checkpoint.signature),
    })
    .exec_without_returning(conn)
    .await?;
    for chunk in seqs.chunks(500) {
        AuditEvents::update_many()
            .col_expr(audit_events::Column::Checkpoint, Some(number).into())
            .filter(audit_events::Column::Seq.is_in(chunk.iter().copied()))
            .exec(conn)
            .await?;
    }
    Ok(())
}

/// Events about one subject, oldest first (order history, account history).
pub async fn for_subject<C: ConnectionTrait>(conn: &C, subject_id: Uuid) -> Result<Vec<audit_events::Model>, DbError> {
    Ok(AuditEvents::find().filter(audit_events::Column::SubjectId.eq(subject_id)).order_by_asc(audit_events::Column::Seq).all(conn).await?)
}

/// What an operator looks for in the audit log; every part optional.
#[derive(Default)]
pub struct AuditFilter<'a> {
    pub subject_id: Option<Uuid>,
    pub actor_id: Option<Uuid>,
    pub kind: Option<&'a str>,
    pub from: Option<chrono::DateTime<chrono::Utc>>,
    pub to: Option<chrono::DateTime<chrono::Utc>>,
}

/// One page of events, newest first, before the event numbered `before` (the cursor); `limit + 1` rows tell
/// whether more follow. Subject, actor and kind have indexes ending in `seq` (migration 15).
pub async fn page<C: ConnectionTrait>(
    conn: &C,
    f: &AuditFilter<'_>,
    before: Option<i64>,
    limit: u64,
) -> Result<Vec<StoredAuditEvent>, DbError> {
    let mut q = AuditEvents::find().order_by_desc(audit_events::Column::Seq).limit(limit);
    if let Some(id) = f.subject_id {
        q = q.filter(audit_events::Column::SubjectId.eq(id));
    }
    if let Some(id) = f.actor_id {
        q = q.filter(audit_events::Column::ActorId.eq(id));
    }
    if let Some(kind) = f.kind {
        q = q.filter(audit_events::Column::Kind.eq(kind));
    }
    if let Some(from) = f.from {
        q = q.filter(audit_events::Column::At.gte(from));
    }
    if let Some(to) = f.to {
        q = q.filter(audit_events::Column::At.lt(to));
    }
    if let Some(seq) = before {
        q = q.filter(audit_events::Column::Seq.lt(seq));
    }
    Ok(q.all(conn).await?.into_iter().map(Into::into).collect())
}
