//! The append-only audit log. Each row carries the hash of the previous one, so a changed or deleted row
//! breaks the chain and `verify_chain` finds it.

use chrono::{DateTime, SubsecRound, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbBackend, EntityTrait, QueryOrder, Statement};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::DbError;
use crate::entities::audit_events::{self, Entity as AuditEvents};

pub struct NewAuditEvent<'a> {
    pub kind: &'a str,
    pub actor_id: Option<Uuid>,
    /// `account`, `partner`, `system`, `anonymous`.
    pub actor_kind: &'a str,
    pub subject_type: Option<&'a str>,
    pub subject_id: Option<Uuid>,
    /// Never secrets: no passwords, codes, tokens, document numbers.
    pub data: serde_json::Value,
}

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[allow(clippy::too_many_arguments)]
fn chain_hash(
    prev: &str,
    seq: i64,
    id: Uuid,
    at: DateTime<Utc>,
    kind: &str,
    actor_id: Option<Uuid>,
    actor_kind: &str,
    subject_type: Option<&str>,
    subject_id: Option<Uuid>,
    data: &str,
) -> String {
    let mut h = Sha256::new();
    for part in [
        prev.to_owned(),
        seq.to_string(),
        id.to_string(),
        at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        kind.to_owned(),
        actor_id.map(|a| a.to_string()).unwrap_or_default(),
        actor_kind.to_owned(),
        subject_type.unwrap_or_default().to_owned(),
        subject_id.map(|s| s.to_string()).unwrap_or_default(),
        data.to_owned(),
    ] {
        h.update(part.as_bytes());
        h.update([0x1f]);
    }
    hex::encode(h.finalize())
}

/// Appends one event in a transaction of its own (for events that go with no other change).
pub async fn record(db: &crate::Db, event: NewAuditEvent<'_>) -> Result<(), DbError> {
    let txn = crate::begin(db).await?;
    append(&txn, event).await?;
    txn.commit().await?;
    Ok(())
}

/// Appends one event inside the caller's transaction (the chain needs the lock only a transaction holds).
pub async fn append<C: ConnectionTrait>(conn: &C, event: NewAuditEvent<'_>) -> Result<(), DbError> {
    if conn.get_database_backend() == DbBackend::Postgres {
        // Serialises appenders so two transactions never chain onto the same predecessor.
        conn.execute_raw(Statement::from_string(DbBackend::Postgres, "SELECT pg_advisory_xact_lock(7106)")).await?;
    }
    let last = AuditEvents::find().order_by_desc(audit_events::Column::Seq).one(conn).await?;
    let (seq, prev) = last.map(|l| (l.seq + 1, l.hash)).unwrap_or((1, GENESIS.to_owned()));
    let id = Uuid::new_v4();
    let at = Utc::now().trunc_subsecs(6);
    let data = event.data.to_string();
    let hash = chain_hash(&prev, seq, id, at, event.kind, event.actor_id, event.actor_kind, event.subject_type, event.subject_id, &data);
    AuditEvents::insert(audit_events::ActiveModel {
        seq: Set(seq),
        id: Set(id),
        at: Set(at),
        kind: Set(event.kind.to_owned()),
        actor_id: Set(event.actor_id),
        actor_kind: Set(event.actor_kind.to_owned()),
        subject_type: Set(event.subject_type.map(str::to_owned)),
        subject_id: Set(event.subject_id),
        data: Set(data),
        prev_hash: Set(prev),
        hash: Set(hash),
    })
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

#[derive(Debug, PartialEq, Eq)]
pub struct ChainReport {
    pub events: u64,
    /// The first sequence number whose hash does not verify.
    pub broken_at: Option<i64>,
}

/// Recomputes every hash from the start.
pub async fn verify_chain<C: ConnectionTrait>(conn: &C) -> Result<ChainReport, DbError> {
    let rows = AuditEvents::find().order_by_asc(audit_events::Column::Seq).all(conn).await?;
    let mut prev = GENESIS.to_owned();
    for (i, r) in rows.iter().enumerate() {
        let expected_seq = i as i64 + 1;
        let h = chain_hash(&prev, r.seq, r.id, r.at, &r.kind, r.actor_id, &r.actor_kind, r.subject_type.as_deref(), r.subject_id, &r.data);
        if r.seq != expected_seq || r.prev_hash != prev || r.hash != h {
            return Ok(ChainReport { events: i as u64, broken_at: Some(r.seq) });
        }
        prev = r.hash.clone();
    }
    Ok(ChainReport { events: rows.len() as u64, broken_at: None })
}

/// Events about one subject, oldest first (order history, account history).
pub async fn for_subject<C: ConnectionTrait>(conn: &C, subject_id: Uuid) -> Result<Vec<audit_events::Model>, DbError> {
    use sea_orm::{ColumnTrait, QueryFilter};
    Ok(AuditEvents::find().filter(audit_events::Column::SubjectId.eq(subject_id)).order_by_asc(audit_events::Column::Seq).all(conn).await?)
}

/// Events of one kind, newest first (tests and the operator look for e.g. `login_failed`).
pub async fn recent_of_kind<C: ConnectionTrait>(conn: &C, kind: &str, limit: u64) -> Result<Vec<audit_events::Model>, DbError> {
    use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
    Ok(AuditEvents::find()
        .filter(audit_events::Column::Kind.eq(kind))
        .order_by_desc(audit_events::Column::Seq)
        .limit(limit)
        .all(conn)
        .await?)
}
