//! Recording a residence or work permit, and the card validity that follows it.
//!
//! A permit is recorded with the first identity check (`POST /identity-verifications`) or later as a renewal
//! (`POST /identity-verifications/{id}/right-to-work`). Either way the holder's live cards are valid until the
//! earlier of five years after production and the permit's end (`right_to_work::card_valid_until`); a card
//! whose date moves is audited and announced on the gate feed, and its expiry reminders start over when the
//! date moves later.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sitecard_domain::card_state;
use sitecard_domain::country::Nationality;
use sitecard_domain::ids::AccountId;
use sitecard_domain::right_to_work::{card_valid_until, check_permit_end, right_to_work_required};
use sitecard_domain::{DocumentNumber, clock};
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::right_to_work::{self as permits, NewPermit, Permit};
use sitecard_persistence::{Conn, accounts, audit, card_feed, cards};
use uuid::Uuid;

use crate::error::{AppError, Fields};
use crate::state::AppState;

/// The only kind of permit recorded today.
pub const RESIDENCE_PERMIT: &str = "residence_permit";

/// A residence or work permit as printed.
#[derive(Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RightToWork {
    /// Only `residence_permit` (the Swedish residence permit card, which states the right to work); the
    /// default when left out.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, example = "residence_permit"))]
    pub document_type: Option<String>,
    /// As printed: 5 to 20 letters and digits (spaces, hyphens and letter case are ignored).
    #[cfg_attr(feature = "openapi", schema(example = "SE1234567"))]
    pub document_number: String,
    /// ISO 3166-1 alpha-3 of the issuing state (alpha-2 is accepted and converted).
    #[cfg_attr(feature = "openapi", schema(example = "SWE"))]
    pub issuing_country: String,
    /// The permit's last valid day, `YYYY-MM-DD`; not in the past.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date, example = "2028-03-31"))]
    pub valid_until: String,
}

/// The permit on record; the number is never shown whole.
#[derive(Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RightToWorkView {
    #[cfg_attr(feature = "openapi", schema(example = "residence_permit"))]
    pub document_type: String,
    /// The number's last three characters.
    #[cfg_attr(feature = "openapi", schema(example = "567"))]
    pub document_number_last3: String,
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Z]{3}$", example = "SWE"))]
    pub issuing_country: String,
    /// Cards of this holder are valid until this day at the latest.
    #[cfg_attr(feature = "openapi", schema(example = "2028-03-31"))]
    pub valid_until: NaiveDate,
    #[cfg_attr(feature = "openapi", schema(example = "2026-12-06T10:14:30Z"))]
    pub recorded_at: chrono::DateTime<chrono::Utc>,
}

impl From<Permit> for RightToWorkView {
    fn from(p: Permit) -> Self {
        Self {
            document_type: p.document_type,
            document_number_last3: p.document_last3,
            issuing_country: p.issuing_country,
            valid_until: p.valid_until,
            recorded_at: p.recorded_at,
        }
    }
}

/// A permit that parsed: the number already encrypted.
pub struct ParsedPermit {
    document_number_enc: String,
    document_last3: String,
    issuing_country: String,
    pub valid_until: NaiveDate,
}

/// Parses a permit, recording field errors under `right_to_work.*`.
pub fn parse_permit(state: &AppState, body: &RightToWork, f: &mut Fields) -> Option<ParsedPermit> {
    if body.document_type.as_deref().is_some_and(|t| t != RESIDENCE_PERMIT) {
        f.push("right_to_work.document_type", "invalid_value", "must be residence_permit");
    }
    let number = f.check("right_to_work.document_number", "invalid_format", DocumentNumber::parse(&body.document_number));
    let issuing = f.check("right_to_work.issuing_country", "invalid_country", Nationality::parse(&body.issuing_country));
    let until = f.date("right_to_work.valid_until", &body.valid_until);
    let until = until.and_then(|d| f.check("right_to_work.valid_until", "permit_expired", check_permit_end(d, clock::today())));
    let (number, issuing, valid_until) = (number?, issuing?, until?);
    let document_number_enc = match state.cipher.encrypt(number.as_str()) {
        Ok(enc) => enc,
        Err(_) => {
            f.push("right_to_work.document_number", "invalid_format", "could not be stored");
            return None;
        }
    };
    Some(ParsedPermit {
        document_number_enc,
        document_last3: number.last_three().to_owned(),
        issuing_country: issuing.as_str().to_owned(),
        valid_until,
    })
}

/// Whether a nationality, as given or recorded, needs a permit (an unreadable code is that field's own error).
pub fn required_for(nationality: &str) -> bool {
    Nationality::parse(nationality).is_ok_and(|n| right_to_work_required(&n))
}

/// A permit given where none is needed is refused, neither stored nor silently dropped.
pub fn refuse_unneeded(f: &mut Fields) {
    f.push("right_to_work", "not_needed", "EU/EEA and Swiss citizens need no permit: leave it out");
}

/// The answer when a permit is needed and missing: its own code when nothing else is wrong, so that a client
/// can switch on it; one more field error otherwise.
pub fn require_permit(f: Fields) -> AppError {
    const MESSAGE: &str = "holders from outside the EU/EEA and Switzerland show a residence or work permit";
    let errors = f.into_errors();
    let missing = crate::error::FieldError::new("right_to_work", "right_to_work_required", MESSAGE);
    if errors.is_empty() {
        return AppError::Unprocessable { code: "right_to_work_required", detail: MESSAGE.into(), errors: vec![missing] };
    }
    AppError::Validation(errors.into_iter().chain([missing]).collect())
}

/// Records the permit and moves the validity of the holder's live cards; in the caller's transaction.
pub async fn record_permit<C: Conn>(
    txn: &C,
    person_id: Uuid,
    verification_id: Uuid,
    verifier_id: Uuid,
    permit: &ParsedPermit,
) -> Result<Permit, AppError> {
    let recorded = permits::record(
        txn,
        NewPermit {
            person_id,
            verification_id,
            recorded_by: verifier_id,
            document_type: RESIDENCE_PERMIT,
            document_number_enc: &permit.document_number_enc,
            document_last3: &permit.document_last3,
            issuing_country: &permit.issuing_country,
            valid_until: permit.valid_until,
            at: clock::now(),
        },
    )
    .await?;
    audit::append(
        txn,
        audit::NewAuditEvent {
            kind: AuditKind::RightToWorkRecorded,
            actor: Actor::Account(verifier_id),
            subject: Subject::Person(person_id),
            data: serde_json::json!({ "verification_id": verification_id, "issuing_country": recorded.issuing_country, "valid_until": recorded.valid_until }),
        },
    )
    .await?;
    if let Some(account) = accounts::find_by_person(txn, person_id).await? {
        follow_permit(txn, account.id, recorded.valid_until, verifier_id).await?;
    }
    Ok(recorded)
}

/// The last valid day of a card produced today for this account's holder.
pub async fn validity_for_new_card<C: Conn>(conn: &C, account_id: Option<AccountId>) -> Result<NaiveDate, AppError> {
    let person_id = match account_id {
        Some(id) => accounts::find(conn, id).await?.and_then(|a| a.person_id),
        None => None,
    };
    let permit = match person_id {
        Some(id) => permits::current(conn, id).await?.map(|p| p.valid_until),
        None => None,
    };
    Ok(card_valid_until(clock::today(), permit))
}

/// Moves every live card of the account to the validity the permit allows.
async fn follow_permit<C: Conn>(txn: &C, account_id: AccountId, permit_until: NaiveDate, actor: Uuid) -> Result<(), AppError> {
    let today = clock::today();
    for card in cards::live_for_account(txn, account_id).await? {
        let valid_until = card_valid_until(card.created_at.date_naive(), Some(permit_until));
        if valid_until == card.valid_until || !cards::move_validity(txn, &card, valid_until).await? {
            continue;
        }
        let stored = card.status;
        let status = card_state::effective_status(stored, valid_until, today);
        card_feed::append(txn, card.id.into(), &card.card_number, status.as_str(), valid_until, clock::now()).await?;
        audit::append(
            txn,
            audit::NewAuditEvent {
                kind: AuditKind::CardValidityChanged,
                actor: Actor::Account(actor),
                subject: Subject::Card(card.id.into()),
                data: serde_json::json!({ "from": card.valid_until, "to": valid_until, "reason": "right_to_work" }),
            },
        )
        .await?;
    }
    Ok(())
}
