//! Residence and work permits: every one a verifier recorded; a person's newest is the current one.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::DbError;
use crate::entities::right_to_work_permits::{self, Entity as Permits};

/// A permit as recorded; the number stays encrypted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Permit {
    pub id: Uuid,
    pub person_id: Uuid,
    pub verification_id: Uuid,
    pub document_type: String,
    pub document_last3: String,
    pub issuing_country: String,
    pub valid_until: NaiveDate,
    pub recorded_at: DateTime<Utc>,
}

/// What a verifier saw; the number arrives encrypted.
pub struct NewPermit<'a> {
    pub person_id: Uuid,
    pub verification_id: Uuid,
    pub recorded_by: Uuid,
    pub document_type: &'a str,
    pub document_number_enc: &'a str,
    pub document_last3: &'a str,
    pub issuing_country: &'a str,
    pub valid_until: NaiveDate,
    pub at: DateTime<Utc>,
}

impl From<right_to_work_permits::Model> for Permit {
    fn from(m: right_to_work_permits::Model) -> Self {
        Self {
            id: m.id,
            person_id: m.person_id,
            verification_id: m.verification_id,
            document_type: m.document_type,
            document_last3: m.document_last3,
            issuing_country: m.issuing_country,
            valid_until: m.valid_until,
            recorded_at: m.created_at,
        }
    }
}

pub async fn record<C: ConnectionTrait>(conn: &C, new: NewPermit<'_>) -> Result<Permit, DbError> {
    let model = right_to_work_permits::ActiveModel {
        id: Set(Uuid::now_v7()),
        person_id: Set(new.person_id),
        verification_id: Set(new.verification_id),
        recorded_by: Set(new.recorded_by),
        document_type: Set(new.document_type.to_owned()),
        document_number_enc: Set(new.document_number_enc.to_owned()),
        document_last3: Set(new.document_last3.to_owned()),
        issuing_country: Set(new.issuing_country.to_owned()),
        valid_until: Set(new.valid_until),
        created_at: Set(new.at),
    };
    Ok(Permits::insert(model).exec_with_returning(conn).await?.into())
}

/// The person's current permit: the newest recorded (ids are time-ordered, so a tie on the clock still
/// has one answer).
pub async fn current<C: ConnectionTrait>(conn: &C, person_id: Uuid) -> Result<Option<Permit>, DbError> {
    Ok(Permits::find()
        .filter(right_to_work_permits::Column::PersonId.eq(person_id))
        .order_by_desc(right_to_work_permits::Column::CreatedAt)
        .order_by_desc(right_to_work_permits::Column::Id)
        .one(conn)
        .await?
        .map(Permit::from))
}
