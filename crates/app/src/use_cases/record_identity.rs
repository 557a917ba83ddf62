//! Recording an in-person identity check: the person, the worker's account, the orders placed for the email,
//! the permit, the registration link and the audit trail, in one transaction.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Serialize;
use sitecard_domain::account_status::AccountStatus;
use sitecard_domain::country::Nationality;
use sitecard_domain::identity_match::{PersonalData, match_identity};
use sitecard_domain::ids::AccountId;
use sitecard_domain::{DocumentNumber, DocumentType, Email, Language, Role};
use sitecard_notify::Message;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::persons::{self, Person, VerifiedDocument};
use sitecard_persistence::{UnitOfWork, accounts, audit, tokens};
use uuid::Uuid;

use crate::crypto::{DataCipher, random_token, token_hash};
use crate::error::AppError;
use crate::right_to_work::{self, ParsedPermit};
use crate::state::AppState;

pub const REGISTRATION_TOKEN_TTL: Duration = Duration::days(7);

#[derive(Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VerificationRecorded {
    #[cfg_attr(feature = "openapi", schema(example = "01a1f873-5370-7063-8277-9b947d2c44b5"))]
    pub id: Uuid,
    #[cfg_attr(feature = "openapi", schema(example = "01a1f872-de40-7e67-9fc2-99d33ce0216c"))]
    pub person_id: Uuid,
    #[cfg_attr(feature = "openapi", schema(example = "2026-11-20T10:14:30Z"))]
    pub verified_at: DateTime<Utc>,
    /// True when the worker had no password yet and a registration link was emailed.
    #[cfg_attr(feature = "openapi", schema(example = true))]
    pub registration_link_sent: bool,
}

/// A verifier's record of a document they held in their hands.
/// A passport or national ID as the verifier read it, every field checked. Its number is stored encrypted, with
/// a blind index to find it again; both are made here, not by whoever parsed the request.
pub struct PresentedDocument {
    pub document_type: DocumentType,
    pub number: DocumentNumber,
    pub issuing_country: Nationality,
    pub expiry: NaiveDate,
    pub given_names: String,
    pub surname: String,
    pub date_of_birth: NaiveDate,
    pub nationality: Nationality,
}

impl PresentedDocument {
    /// As stored: the number encrypted, with its blind index and last three characters (also the demo seed's way
    /// to record its worker's passport).
    pub fn sealed(self, cipher: &DataCipher) -> Result<VerifiedDocument, AppError> {
        Ok(VerifiedDocument {
            document_type: self.document_type.as_str().into(),
            document_number_enc: cipher.encrypt(self.number.as_str())?,
            document_index: cipher.document_index(self.issuing_country.as_str(), &self.number),
            document_last3: self.number.last_three().to_owned(),
            issuing_country: self.issuing_country.as_str().into(),
            document_expiry: self.expiry,
            given_names: self.given_names,
            surname: self.surname,
            date_of_birth: self.date_of_birth,
            nationality: self.nationality.as_str().into(),
        })
    }
}

pub struct RecordIdentity {
    pub verifier_id: AccountId,
    pub document: PresentedDocument,
    pub email: Email,
    pub language: Language,
    pub permit: Option<ParsedPermit>,
}

fn document_in_use() -> AppError {
    AppError::Conflict("document_in_use", "this document is recorded for another account".into())
}

/// Creates or updates the person and the worker's account (which gets the `cardholder` role), links the orders
/// placed for the email, records the permit and, for a worker without a password, emails a registration link.
pub async fn record_identity(state: &AppState, cmd: RecordIdentity) -> Result<VerificationRecorded, AppError> {
    let RecordIdentity { verifier_id, document, email, language, permit } = cmd;
    let doc = document.sealed(&state.cipher)?;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let by_document = persons::find_by_document_index(&txn, &doc.document_index).await?;
    let account = accounts::find_by_email(&txn, email.as_str()).await?;
    if let (Some(p), Some(a)) = (&by_document, &account)
        && a.person_id.is_some_and(|id| id != p.id)
    {
        return Err(document_in_use());
    }
    if let Some(p) = &by_document
        && accounts::find_by_person(&txn, p.id).await?.is_some_and(|other| other.email != email.as_str())
    {
        return Err(document_in_use());
    }
    // A new document for an account that is already verified (a renewed passport) is taken only for the same
    // person: it must never silently move the account, its orders and its cards to someone else's identity.
    if by_document.is_none()
        && let Some(a) = &account
        && let Some(current) = match a.person_id {
            Some(id) => persons::find(&txn, id).await?,
            None => None,
        }
        && !same_person(&current, &doc)
    {
        drop(txn);
        audit::record(
            &state.db,
            audit::NewAuditEvent {
                kind: AuditKind::IdentityRelinkRefused,
                actor: Actor::Account(verifier_id.into()),
                subject: Subject::Account(a.id.into()),
                data: serde_json::json!({ "document_type": doc.document_type, "issuing_country": doc.issuing_country }),
            },
        )
        .await?;
        return Err(AppError::Conflict(
            "identity_already_verified",
            "this email's account was verified with another person's document; check the email address".into(),
        ));
    }
    let person_id = by_document.as_ref().map(|p| p.id).or(account.as_ref().and_then(|a| a.person_id));
    // A concurrent check of the same document can pass the look-up above and lose at the unique index.
    let person = persons::upsert(&txn, person_id, &doc).await.map_err(|e| match e {
        sitecard_persistence::DbError::Conflict(_) => document_in_use(),
        other => other.into(),
    })?;
    let account = match account {
        Some(a) => {
            let mut roles = a.roles.clone();
            roles.push(Role::Cardholder);
            let update = accounts::AccountUpdate { person_id: Some(person.id), roles: Some(roles), ..Default::default() };
            accounts::update(&txn, a.id, update).await?
        }
        None => {
            let new = accounts::NewAccount::pending(email.as_str(), language.as_str(), Role::Cardholder.as_str().into(), Some(person.id));
            accounts::insert(&txn, new).await?
        }
    };
    sitecard_persistence::orders::link_to_account(&txn, email.as_str(), account.id).await?;
    let record = persons::record_verification(&txn, person.id, verifier_id.into(), "registration", email.as_str(), &doc).await?;
    if let Some(permit) = &permit {
        right_to_work::record_permit(&txn, person.id, record.id, verifier_id.into(), permit).await?;
    }
    let link_sent = account.status == AccountStatus::Pending;
    if link_sent {
        send_registration_link(state, &txn, &account, &email, language).await?;
    }
    audit::append(
        &txn,
        audit::NewAuditEvent {
            kind: AuditKind::IdentityVerified,
            actor: Actor::Account(verifier_id.into()),
            subject: Subject::Person(person.id),
            data: serde_json::json!({ "verification_id": record.id, "document_type": doc.document_type, "issuing_country": doc.issuing_country, "right_to_work": permit.is_some() }),
        },
    )
    .await?;
    txn.commit().await?;
    // The verified person is read with the session: the account it now belongs to, and any account that
    // held it before, are served from the database again.
    state.forget_account(account.id);
    if let Some(linked) = accounts::find_by_person(&state.db, person.id).await? {
        state.forget_account(linked.id);
    }
    Ok(VerificationRecorded { id: record.id, person_id: person.id, verified_at: record.created_at, registration_link_sent: link_sent })
}

/// The person already on the account, judged by the document's names and date of birth.
fn same_person(current: &Person, doc: &VerifiedDocument) -> bool {
    let recorded = PersonalData {
        given_names: &current.given_names,
        surname: &current.surname,
        date_of_birth: current.date_of_birth,
        nationality: Some(&current.nationality),
    };
    let presented =
        PersonalData { given_names: &doc.given_names, surname: &doc.surname, date_of_birth: doc.date_of_birth, nationality: None };
    match_identity(&presented, &recorded).is_match()
}

/// A one-time registration link valid 7 days, replacing any earlier one.
async fn send_registration_link(
    state: &AppState,
    txn: &UnitOfWork,
    account: &accounts::Account,
    email: &Email,
    language: Language,
) -> Result<(), AppError> {
    let token = random_token();
    tokens::spend_all_for(txn, account.id.into(), "registration").await?;
    tokens::insert(txn, "registration", &token_hash(&token), account.id.into(), chrono::Utc::now() + REGISTRATION_TOKEN_TTL).await?;
    let link = state.link(&format!("/register?token={token}"));
    sitecard_notify::queue(
        txn,
        email.as_str(),
        &Message::RegistrationLink { link },
        Language::parse(&account.language).unwrap_or(language),
    )
    .await?;
    Ok(())
}
