//! Seals the audit log into signed checkpoints, and verifies what was sealed. The sealer runs in the
//! background on every instance, off the request path; on PostgreSQL an advisory lock lets one work at a time.

use chrono::{SubsecRound, Utc};
use serde::Serialize;
use sitecard_domain::audit_chain::{CheckpointBody, Digest, GENESIS, PublishedCheckpoint, merkle_root};
use sitecard_persistence::audit::{self, StoredCheckpoint};
use sitecard_persistence::{Conn, Db, signing_keys};

use crate::error::AppError;
use crate::keys::{KeyStore, verify_detached};

/// At most this many events go into one checkpoint (a backlog is sealed over several rounds).
const BATCH: u64 = 5_000;

/// Seals the events no checkpoint covers yet. `None` when there were none, or another instance is sealing.
pub async fn seal_pending(db: &Db, keys: &KeyStore) -> Result<Option<PublishedCheckpoint>, AppError> {
    let txn = sitecard_persistence::begin(db).await?;
    if !audit::try_lock_sealing(&txn).await? {
        return Ok(None);
    }
    let events = audit::unsealed(&txn, BATCH).await?;
    if events.is_empty() {
        return Ok(None);
    }
    let last = audit::last_checkpoint(&txn).await?;
    let (number, prev_hash, total) = match &last {
        Some(c) => {
            (c.number + 1, digest(&c.hash).ok_or_else(|| AppError::internal("last audit checkpoint hash is malformed"))?, c.total_events)
        }
        None => (1, GENESIS, 0),
    };
    let leaves: Vec<Digest> = events.iter().map(audit::leaf_hash).collect();
    let body = CheckpointBody {
        number,
        prev_hash,
        merkle_root: merkle_root(&leaves),
        events: leaves.len() as i64,
        total_events: total + leaves.len() as i64,
        sealed_at: Utc::now().trunc_subsecs(6),
    };
    let (kid, signature) = keys.sign_detached(body.canonical().as_bytes())?;
    let hash = body.hash();
    let seqs: Vec<i64> = events.iter().map(|e| e.seq).collect();
    audit::insert_checkpoint(&txn, stored(&body, &hash, kid, signature), &seqs).await?;
    txn.commit().await?;
    Ok(Some(PublishedCheckpoint { number, hash }))
}

fn stored(body: &CheckpointBody, hash: &Digest, kid: String, signature: String) -> StoredCheckpoint {
    StoredCheckpoint {
        number: body.number,
        prev_hash: hex::encode(body.prev_hash),
        merkle_root: hex::encode(body.merkle_root),
        events: body.events,
        total_events: body.total_events,
        sealed_at: body.sealed_at,
        hash: hex::encode(hash),
        kid,
        signature,
    }
}

fn digest(hex_str: &str) -> Option<Digest> {
    hex::decode(hex_str).ok().and_then(|b| Digest::try_from(b).ok())
}

/// What verification found wrong first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", schema(example = "events_altered"))]
pub enum ChainProblemCode {
    /// A checkpoint number is missing from the sequence.
    CheckpointMissing,
    /// A checkpoint's fields do not hash to its stored hash, or it does not follow the one before it.
    CheckpointAltered,
    /// The signature does not verify with the named key, or the key is unknown.
    SignatureInvalid,
    /// The events a checkpoint sealed do not rebuild its Merkle root (changed, removed or added events).
    EventsAltered,
    /// Events name a checkpoint that no longer exists (the newest checkpoints were removed).
    EventsOrphaned,
    /// The published checkpoint is not in the database: the log was cut off before it.
    PublishedCheckpointMissing,
    /// The published checkpoint's hash differs from the stored one: the log was rewritten.
    PublishedCheckpointMismatch,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChainProblem {
    pub code: ChainProblemCode,
    /// The checkpoint where it was found.
    #[cfg_attr(feature = "openapi", schema(example = 17))]
    pub checkpoint: Option<i64>,
    #[cfg_attr(feature = "openapi", schema(example = "the events sealed by checkpoint 17 were changed, removed or added"))]
    pub detail: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckpointSummary {
    #[cfg_attr(feature = "openapi", schema(example = 42))]
    pub number: i64,
    /// SHA-256 of the checkpoint's canonical text, hex.
    #[cfg_attr(feature = "openapi", schema(example = "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"))]
    pub hash: String,
    /// `number:hash`: publish it outside Sitecard (a ticket, a report) and pass it back to detect truncation.
    #[cfg_attr(feature = "openapi", schema(example = "42:2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"))]
    pub published_form: String,
    #[cfg_attr(feature = "openapi", schema(example = 1873))]
    pub total_events: i64,
    #[cfg_attr(feature = "openapi", schema(example = "2026-12-01T09:30:05Z"))]
    pub sealed_at: chrono::DateTime<Utc>,
    /// The signing key (`kid` in the JWKS while it is active).
    #[cfg_attr(feature = "openapi", schema(example = "k20260301080000123456789"))]
    pub kid: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditChainReport {
    /// No problem found.
    #[cfg_attr(feature = "openapi", schema(example = true))]
    pub ok: bool,
    #[cfg_attr(feature = "openapi", schema(example = 42))]
    pub checkpoints: u64,
    /// Events covered by a verified checkpoint.
    #[cfg_attr(feature = "openapi", schema(example = 1873))]
    pub sealed_events: u64,
    /// Events written since the last sealing round (sealed within seconds).
    #[cfg_attr(feature = "openapi", schema(example = 3))]
    pub unsealed_events: u64,
    pub last_checkpoint: Option<CheckpointSummary>,
    pub problem: Option<ChainProblem>,
}

/// Checks every checkpoint (sequence, hash, link to the one before, signature), that each one's events rebuild
/// its Merkle root, that no event names a missing checkpoint, and, when given, the published checkpoint. Reads
/// one snapshot, so a checkpoint the sealer commits meanwhile is counted whole or not at all.
pub async fn verify_audit_chain(db: &Db, published: Option<&PublishedCheckpoint>) -> Result<AuditChainReport, AppError> {
    let txn = sitecard_persistence::begin_snapshot(db).await?;
    let report = verify_in(&txn, published).await?;
    txn.commit().await?;
    Ok(report)
}

async fn verify_in<C: Conn>(conn: &C, published: Option<&PublishedCheckpoint>) -> Result<AuditChainReport, AppError> {
    let checkpoints = audit::checkpoints(conn).await?;
    let keys = signing_keys::public_keys(conn).await?;
    let mut report = AuditChainReport {
        ok: true,
        checkpoints: 0,
        sealed_events: 0,
        unsealed_events: audit::count_unsealed(conn).await?,
        last_checkpoint: None,
        problem: None,
    };
    let fail = |mut report: AuditChainReport, code, checkpoint: Option<i64>, detail: String| {
        report.ok = false;
        report.problem = Some(ChainProblem { code, checkpoint, detail });
        Ok(report)
    };
    let mut prev = GENESIS;
    let mut total = 0i64;
    for (i, c) in checkpoints.iter().enumerate() {
        let n = i as i64 + 1;
        if c.number != n {
            return fail(report, ChainProblemCode::CheckpointMissing, Some(n), format!("checkpoint {n} is missing"));
        }
        let (Some(prev_hash), Some(root)) = (digest(&c.prev_hash), digest(&c.merkle_root)) else {
            return fail(report, ChainProblemCode::CheckpointAltered, Some(n), format!("checkpoint {n} holds a malformed hash"));
        };
        let body = CheckpointBody {
            number: n,
            prev_hash,
            merkle_root: root,
            events: c.events,
            total_events: c.total_events,
            sealed_at: c.sealed_at,
        };
        let hash = body.hash();
        if hex::encode(hash) != c.hash || prev_hash != prev {
            return fail(
                report,
                ChainProblemCode::CheckpointAltered,
                Some(n),
                format!("checkpoint {n} was changed or does not follow checkpoint {}", n - 1),
            );
        }
        let signed = keys.get(&c.kid).is_some_and(|public_x| verify_detached(public_x, body.canonical().as_bytes(), &c.signature));
        if !signed {
            return fail(
                report,
                ChainProblemCode::SignatureInvalid,
                Some(n),
                format!("checkpoint {n}'s signature does not verify with key {}", c.kid),
            );
        }
        let leaves: Vec<Digest> = audit::events_of_checkpoint(conn, n).await?.iter().map(audit::leaf_hash).collect();
        total += leaves.len() as i64;
        if leaves.len() as i64 != c.events || merkle_root(&leaves) != root || total != c.total_events {
            return fail(
                report,
                ChainProblemCode::EventsAltered,
                Some(n),
                format!("the events sealed by checkpoint {n} were changed, removed or added"),
            );
        }
        prev = hash;
        report.checkpoints += 1;
        report.sealed_events = total as u64;
        report.last_checkpoint = Some(CheckpointSummary {
            number: n,
            hash: c.hash.clone(),
            published_form: PublishedCheckpoint { number: n, hash }.to_string(),
            total_events: c.total_events,
            sealed_at: c.sealed_at,
            kid: c.kid.clone(),
        });
    }
    let orphaned = audit::count_orphaned(conn).await?;
    if orphaned > 0 {
        return fail(report, ChainProblemCode::EventsOrphaned, None, format!("{orphaned} events name checkpoints that no longer exist"));
    }
    if let Some(p) = published {
        match checkpoints.get((p.number - 1) as usize) {
            None => {
                return fail(
                    report,
                    ChainProblemCode::PublishedCheckpointMissing,
                    Some(p.number),
                    format!("published checkpoint {} is not in the log: it was cut off", p.number),
                );
            }
            Some(c) if c.hash != hex::encode(p.hash) => {
                return fail(
                    report,
                    ChainProblemCode::PublishedCheckpointMismatch,
                    Some(p.number),
                    format!("checkpoint {} differs from the published one: the log was rewritten", p.number),
                );
            }
            Some(_) => {}
        }
    }
    Ok(report)
}
