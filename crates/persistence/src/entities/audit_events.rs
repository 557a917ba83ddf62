//! Entity for the `audit_events` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub seq: i64,
    pub id: Uuid,
    pub at: DateTimeUtc,
    pub kind: String,
    pub actor_id: Option<Uuid>,
    pub actor_kind: String,
    pub subject_type: Option<String>,
    pub subject_id: Option<Uuid>,
    pub data: String,
    /// Empty since checkpoints replaced the row-by-row chain (migration 8); older rows keep theirs.
    pub prev_hash: String,
    /// The event's RFC 6962 leaf hash (older rows: their former chain hash). Verification recomputes it.
    pub hash: String,
    /// The checkpoint that sealed the event; `None` until the sealer has run.
    pub checkpoint: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
