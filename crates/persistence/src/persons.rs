//! Persons: the identity verified in person from a passport or national ID, and the verification records.

use chrono::{NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::DbError;
use crate::entities::identity_verifications::{self, Entity as Verifications};
use crate::entities::persons::{self, Entity as Persons};

/// A row of `persons` as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub id: uuid::Uuid,
    pub given_names: String,
    pub surname: String,
    pub date_of_birth: chrono::NaiveDate,
    pub nationality: String,
    pub document_type: String,
    pub document_number_enc: String,
    pub document_index: String,
    pub document_last3: String,
    pub issuing_country: String,
    pub document_expiry: chrono::NaiveDate,
    pub verified_at: chrono::DateTime<chrono::Utc>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl From<crate::entities::persons::Model> for Person {
    fn from(m: crate::entities::persons::Model) -> Self {
        Self {
            id: m.id,
            given_names: m.given_names,
            surname: m.surname,
            date_of_birth: m.date_of_birth,
            nationality: m.nationality,
            document_type: m.document_type,
            document_number_enc: m.document_number_enc,
            document_index: m.document_index,
            document_last3: m.document_last3,
            issuing_country: m.issuing_country,
            document_expiry: m.document_expiry,
            verified_at: m.verified_at,
            created_at: m.created_at,
        }
    }
}

/// A row of `identity_verifications` as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Verification {
    pub id: uuid::Uuid,
    pub person_id: uuid::Uuid,
    pub verifier_id: uuid::Uuid,
    pub purpose: String,
    pub document_type: String,
    pub document_number_enc: String,
    pub document_last3: String,
    pub issuing_country: String,
    pub document_expiry: chrono::NaiveDate,
    pub given_names: String,
    pub surname: String,
    pub date_of_birth: chrono::NaiveDate,
    pub nationality: String,
    pub email: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl From<crate::entities::identity_verifications::Model> for Verification {
    fn from(m: crate::entities::identity_verifications::Model) -> Self {
        Self {
            id: m.id,
            person_id: m.person_id,
            verifier_id: m.verifier_id,
            purpose: m.purpose,
            document_type: m.document_type,
            document_number_enc: m.document_number_enc,
            document_last3: m.document_last3,
            issuing_country: m.issuing_country,
            document_expiry: m.document_expiry,
            given_names: m.given_names,
            surname: m.surname,
            date_of_birth: m.date_of_birth,
            nationality: m.nationality,
            email: m.email,
            created_at: m.created_at,
        }
    }
}

/// What a verifier recorded; document numbers arrive already encrypted with their blind index.
pub struct VerifiedDocument {
    pub document_type: String,
    pub document_number_enc: String,
    pub document_index: String,
    pub document_last3: String,
    pub issuing_country: String,
    pub document_expiry: NaiveDate,
    pub given_names: String,
    pub surname: String,
    pub date_of_birth: NaiveDate,
    pub nationality: String,
}

pub async fn find<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<Option<Person>, DbError> {
    Ok(Persons::find_by_id(id).one(conn).await?.map(Into::into))
}

pub async fn find_by_document_index<C: ConnectionTrait>(conn: &C, index: &str) -> Result<Option<Person>, DbError> {
    Ok(Persons::find().filter(persons::Column::DocumentIndex.eq(index)).one(conn).await?.map(Into::into))
}

/// Creates the person, or updates the one with this id from a newer check of the document.
pub async fn upsert<C: ConnectionTrait>(conn: &C, existing: Option<Uuid>, doc: &VerifiedDocument) -> Result<Person, DbError> {
    let now = Utc::now();
    let mut model = persons::ActiveModel {
        given_names: Set(doc.given_names.clone()),
        surname: Set(doc.surname.clone()),
        date_of_birth: Set(doc.date_of_birth),
        nationality: Set(doc.nationality.clone()),
        document_type: Set(doc.document_type.clone()),
        document_number_enc: Set(doc.document_number_enc.clone()),
        document_index: Set(doc.document_index.clone()),
        document_last3: Set(doc.document_last3.clone()),
        issuing_country: Set(doc.issuing_country.clone()),
        document_expiry: Set(doc.document_expiry),
        verified_at: Set(now),
        ..Default::default()
    };
    match existing {
        Some(id) => {
            model.id = sea_orm::ActiveValue::Unchanged(id);
            Ok(model.update(conn).await?.into())
        }
        None => {
            model.id = Set(Uuid::now_v7());
            model.created_at = Set(now);
            Ok(model.insert(conn).await?.into())
        }
    }
}

pub async fn record_verification<C: ConnectionTrait>(
    conn: &C,
    person_id: Uuid,
    verifier_id: Uuid,
    purpose: &str,
    email: &str,
    doc: &VerifiedDocument,
) -> Result<Verification, DbError> {
    let model = identity_verifications::ActiveModel {
        id: Set(Uuid::now_v7()),
        person_id: Set(person_id),
        verifier_id: Set(verifier_id),
        purpose: Set(purpose.to_owned()),
        document_type: Set(doc.document_type.clone()),
        document_number_enc: Set(doc.document_number_enc.clone()),
        document_last3: Set(doc.document_last3.clone()),
        issuing_country: Set(doc.issuing_country.clone()),
        document_expiry: Set(doc.document_expiry),
        given_names: Set(doc.given_names.clone()),
        surname: Set(doc.surname.clone()),
        date_of_birth: Set(doc.date_of_birth),
        nationality: Set(doc.nationality.clone()),
        email: Set(email.to_owned()),
        created_at: Set(Utc::now()),
    };
    Ok(model.insert(conn).await?.into())
}

pub async fn find_verification<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<Option<Verification>, DbError> {
    Ok(Verifications::find_by_id(id).one(conn).await?.map(Into::into))
}

/// The most records a look-up answers; a desk looks for one person.
const LOOKUP_LIMIT: u64 = 50;

/// Verification records made for an email address (normalised), newest first.
pub async fn verifications_by_email<C: ConnectionTrait>(conn: &C, email: &str) -> Result<Vec<Verification>, DbError> {
    Ok(Verifications::find()
        .filter(identity_verifications::Column::Email.eq(email))
        .order_by_desc(identity_verifications::Column::CreatedAt)
        .limit(LOOKUP_LIMIT)
        .all(conn)
        .await?
        .into_iter()
        .map(Into::into)
        .collect())
}

/// Candidates for a document number: the records whose number ends in `last3` (indexed), newest first. The
/// numbers are encrypted, so the caller decrypts these few and compares.
pub async fn verifications_by_last3<C: ConnectionTrait>(conn: &C, last3: &str) -> Result<Vec<Verification>, DbError> {
    Ok(Verifications::find()
        .filter(identity_verifications::Column::DocumentLast3.eq(last3))
        .order_by_desc(identity_verifications::Column::CreatedAt)
        .limit(10 * LOOKUP_LIMIT)
        .all(conn)
        .await?
        .into_iter()
        .map(Into::into)
        .collect())
}
