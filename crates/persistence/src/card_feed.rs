//! The gate feed: every card status and validity change, appended in the transaction that made it and read
//! in sequence order.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveValue::NotSet, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::DbError;
use crate::entities::card_status_changes::{self, Entity as Changes};

/// A row of `card_status_changes` as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct CardStatusChange {
    pub seq: i32,
    pub card_id: uuid::Uuid,
    pub card_number: String,
    pub status: String,
    pub valid_until: chrono::NaiveDate,
    pub changed_at: chrono::DateTime<chrono::Utc>,
}

impl From<crate::entities::card_status_changes::Model> for CardStatusChange {
    fn from(m: crate::entities::card_status_changes::Model) -> Self {
        Self {
            seq: m.seq,
            card_id: m.card_id,
            card_number: m.card_number,
            status: m.status,
            valid_until: m.valid_until,
            changed_at: m.changed_at,
        }
    }
}

pub async fn append<C: ConnectionTrait>(
    conn: &C,
    card_id: Uuid,
    card_number: &str,
    status: &str,
    valid_until: NaiveDate,
    at: DateTime<Utc>,
) -> Result<(), DbError> {
    Changes::insert(card_status_changes::ActiveModel {
        seq: NotSet,
        card_id: Set(card_id),
        card_number: Set(card_number.to_owned()),
        status: Set(status.to_owned()),
        valid_until: Set(valid_until),
        changed_at: Set(at),
    })
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

/// Changes after `after`, oldest first, written no later than `settled_before`: a change whose transaction
/// was still open when later ones committed is not skipped by a reader that keeps its cursor.
pub async fn after<C: ConnectionTrait>(
    conn: &C,
    after: i32,
    settled_before: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<CardStatusChange>, DbError> {
    Ok(Changes::find()
        .filter(card_status_changes::Column::Seq.gt(after))
        .filter(card_status_changes::Column::ChangedAt.lt(settled_before))
        .order_by_asc(card_status_changes::Column::Seq)
        .limit(limit)
        .all(conn)
        .await?
        .into_iter()
        .map(Into::into)
        .collect())
}
