//! What makes the audit log tamper-evident. Every event is a leaf; a background sealer takes the events not
//! yet sealed, hashes them into a Merkle tree (RFC 6962, so any tool that knows Certificate Transparency can
//! recompute it) and writes a checkpoint naming that root and the hash of the checkpoint before it. The
//! checkpoint is signed with the server's Ed25519 key. Changing or deleting a sealed event changes its
//! batch's root; rewriting a checkpoint breaks its signature and the next checkpoint's link; cutting off the
//! newest checkpoints is seen against a checkpoint `number:hash` published outside the database.

use chrono::{DateTime, SecondsFormat, Utc};
use sha2::{Digest as _, Sha256};
use uuid::Uuid;

pub type Digest = [u8; 32];

/// The `prev_hash` of checkpoint 1.
pub const GENESIS: Digest = [0; 32];

/// The fields of one audit event that its leaf hash covers (all of them).
pub struct AuditLeaf<'a> {
    pub seq: i64,
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub kind: &'a str,
    pub actor_id: Option<Uuid>,
    pub actor_kind: &'a str,
    pub subject_type: Option<&'a str>,
    pub subject_id: Option<Uuid>,
    pub data: &'a str,
}

impl AuditLeaf<'_> {
    /// RFC 6962 leaf hash: SHA-256(0x00 ‖ fields joined by the unit separator, which no field contains
    /// unescaped: `data` is JSON).
    pub fn hash(&self) -> Digest {
        let fields = [
            self.seq.to_string(),
            self.id.to_string(),
            self.at.to_rfc3339_opts(SecondsFormat::Micros, true),
            self.kind.to_owned(),
            self.actor_id.map(|a| a.to_string()).unwrap_or_default(),
            self.actor_kind.to_owned(),
            self.subject_type.unwrap_or_default().to_owned(),
            self.subject_id.map(|s| s.to_string()).unwrap_or_default(),
            self.data.to_owned(),
        ];
        let mut h = Sha256::new();
        h.update([0x00]);
        h.update(fields.join("\u{1f}").as_bytes());
        h.finalize().into()
    }
}

/// RFC 6962 §2.1 Merkle Tree Hash over leaf hashes: split at the largest power of two below the count,
/// interior nodes SHA-256(0x01 ‖ left ‖ right). The empty tree hashes to SHA-256 of nothing.
pub fn merkle_root(leaves: &[Digest]) -> Digest {
    match leaves.len() {
        0 => Sha256::digest([]).into(),
        1 => leaves[0],
        n => {
            let k = 1 << (usize::BITS - 1 - (n - 1).leading_zeros());
            let mut h = Sha256::new();
            h.update([0x01]);
            h.update(merkle_root(&leaves[..k]));
            h.update(merkle_root(&leaves[k..]));
            h.finalize().into()
        }
    }
}

/// What a checkpoint states; its hash is what the server signs and what an operator publishes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckpointBody {
    pub number: i64,
    pub prev_hash: Digest,
    pub merkle_root: Digest,
    /// Events in this batch.
    pub events: i64,
    /// Events sealed by this checkpoint and all before it.
    pub total_events: i64,
    pub sealed_at: DateTime<Utc>,
}

impl CheckpointBody {
    /// One line per field, versioned, so an outside verifier can rebuild it from the stored columns.
    pub fn canonical(&self) -> String {
        format!(
            "sitecard-audit-checkpoint/v1\nnumber {}\nprev {}\nroot {}\nevents {}\ntotal {}\nsealed {}\n",
            self.number,
            hex::encode(self.prev_hash),
            hex::encode(self.merkle_root),
            self.events,
            self.total_events,
            self.sealed_at.to_rfc3339_opts(SecondsFormat::Micros, true),
        )
    }

    pub fn hash(&self) -> Digest {
        Sha256::digest(self.canonical().as_bytes()).into()
    }
}

/// A checkpoint published outside the database (a ticket, a printed report, another system's log):
/// `number:hex-hash`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedCheckpoint {
    pub number: i64,
    pub hash: Digest,
}

impl std::str::FromStr for PublishedCheckpoint {
    type Err = &'static str;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const FORMAT: &str = "a published checkpoint is NUMBER:HASH (64 hex characters)";
        let (number, hash) = s.trim().split_once(':').ok_or(FORMAT)?;
        let number = number.parse::<i64>().ok().filter(|n| *n >= 1).ok_or(FORMAT)?;
        let hash = hex::decode(hash).ok().and_then(|h| Digest::try_from(h).ok()).ok_or(FORMAT)?;
        Ok(Self { number, hash })
    }
}

impl std::fmt::Display for PublishedCheckpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.number, hex::encode(self.hash))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf_of(data: &[u8]) -> Digest {
        let mut h = Sha256::new();
        h.update([0x00]);
        h.update(data);
        h.finalize().into()
    }

    fn hex32(s: &str) -> Digest {
        hex::decode(s).unwrap().try_into().unwrap()
    }

    #[test]
    fn merkle_roots_match_the_rfc_6962_reference_vectors() {
        // The test vectors of Certificate Transparency's reference implementation (merkle_tree_test.cc):
        // leaves "", 00, 10, 2021, 3031, 40414243, 5051525354555657, 606162636465666768696a6b6c6d6e6f.
        let data: [&[u8]; 8] = [
            b"",
            &[0x00],
            &[0x10],
            &[0x20, 0x21],
            &[0x30, 0x31],
            &[0x40, 0x41, 0x42, 0x43],
            &[0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
            &[0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f],
        ];
        let leaves: Vec<Digest> = data.iter().map(|d| leaf_of(d)).collect();
        let roots = [
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
        ];
        for (n, want) in roots.iter().enumerate() {
            assert_eq!(hex::encode(merkle_root(&leaves[..=n])), *want, "{} leaves", n + 1);
        }
        assert_eq!(hex::encode(merkle_root(&[])), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "empty tree");
    }

    #[test]
    fn any_change_to_an_event_changes_its_leaf() {
        let at = DateTime::parse_from_rfc3339("2026-12-06T10:00:00.123456Z").unwrap().with_timezone(&Utc);
        let id = Uuid::nil();
        let base = AuditLeaf {
            seq: 7,
            id,
            at,
            kind: "login_failed",
            actor_id: None,
            actor_kind: "anonymous",
            subject_type: Some("account"),
            subject_id: Some(id),
            data: "{}",
        };
        let h = base.hash();
        let changed = [
            AuditLeaf { seq: 8, ..base },
            AuditLeaf { kind: "login_succeeded", ..base },
            AuditLeaf { actor_kind: "account", ..base },
            AuditLeaf { subject_type: None, ..base },
            AuditLeaf { subject_id: None, ..base },
            AuditLeaf { data: "{\"ip\":\"x\"}", ..base },
            AuditLeaf { at: at + chrono::Duration::microseconds(1), ..base },
            AuditLeaf { actor_id: Some(Uuid::max()), ..base },
        ];
        for (i, c) in changed.iter().enumerate() {
            assert_ne!(c.hash(), h, "change {i}");
        }
        // Fields cannot slide into each other: moving text between kind and actor_kind changes the hash.
        let slid = AuditLeaf { kind: "login_failedanonymous", actor_kind: "", ..base };
        assert_ne!(slid.hash(), h);
    }

    #[test]
    fn published_checkpoints_parse_strictly() {
        let hash = "ab".repeat(32);
        let cases: [(&str, bool); 7] = [
            (&format!("12:{hash}"), true),
            (&format!(" 3:{hash} "), true),
            (&format!("0:{hash}"), false),
            (&format!("-1:{hash}"), false),
            (&format!("12:{}", &hash[..62]), false),
            ("12", false),
            (&format!("x:{hash}"), false),
        ];
        for (input, ok) in cases {
            assert_eq!(input.parse::<PublishedCheckpoint>().is_ok(), ok, "{input}");
        }
        let p: PublishedCheckpoint = format!("12:{hash}").parse().unwrap();
        assert_eq!((p.number, p.hash), (12, hex32(&hash)));
        assert_eq!(p.to_string(), format!("12:{hash}"));
    }

    #[test]
    fn a_checkpoint_hash_covers_every_field() {
        let body =
            CheckpointBody { number: 2, prev_hash: [1; 32], merkle_root: [2; 32], events: 5, total_events: 9, sealed_at: Utc::now() };
        let h = body.hash();
        for changed in [
            CheckpointBody { number: 3, ..body.clone() },
            CheckpointBody { prev_hash: [3; 32], ..body.clone() },
            CheckpointBody { merkle_root: [3; 32], ..body.clone() },
            CheckpointBody { events: 4, ..body.clone() },
            CheckpointBody { total_events: 8, ..body.clone() },
            CheckpointBody { sealed_at: body.sealed_at + chrono::Duration::seconds(1), ..body.clone() },
        ] {
            assert_ne!(changed.hash(), h);
        }
    }
}
