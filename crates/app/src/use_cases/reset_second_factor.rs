//! A lost phone, reset in person after the verifier has checked the document again. There is no SMS-only
//! recovery (SIM-swap risk), and the verifier's word alone is not enough either: the document presented now must
//! be the recorded one, so a verifier cannot move any worker's second factor to a phone of their choosing.

use serde::Serialize;
use sitecard_domain::ids::AccountId;
use sitecard_domain::{DocumentNumber, Language, PhoneE164};
use sitecard_notify::Message;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::{accounts, audit, persons, sessions};
use uuid::Uuid;

use crate::error::AppError;
use crate::state::AppState;

#[derive(Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SecondFactorReset {
    #[cfg_attr(feature = "openapi", schema(example = "01a1f873-c8a0-7250-acb1-d4d54d99d19c"))]
    pub account_id: Uuid,
    /// The new number, masked.
    #[cfg_attr(feature = "openapi", schema(example = "+46•••••••67"))]
    pub masked_phone: String,
}

/// What the worker at the desk brings: the new phone, and the document they present now.
pub struct NewSecondFactor {
    pub new_phone: PhoneE164,
    /// As typed from the document presented now.
    pub presented_document: String,
}

pub struct ResetSecondFactorInPerson {
    pub verifier_id: AccountId,
    pub verification_id: Uuid,
    pub second_factor: NewSecondFactor,
}

pub async fn reset_second_factor_in_person(state: &AppState, cmd: ResetSecondFactorInPerson) -> Result<SecondFactorReset, AppError> {
    let ResetSecondFactorInPerson { verifier_id, verification_id, second_factor } = cmd;
    let NewSecondFactor { new_phone, presented_document } = second_factor;
    let record = persons::find_verification(&state.db, verification_id).await?.ok_or(AppError::NotFound)?;
    let person = persons::find(&state.db, record.person_id).await?.ok_or(AppError::NotFound)?;
    let account = accounts::find_by_person(&state.db, person.id).await?.ok_or(AppError::NotFound)?;
    let matches = DocumentNumber::parse(&presented_document)
        .ok()
        .is_some_and(|n| state.cipher.document_index(&person.issuing_country, &n) == person.document_index);
    if !matches {
        audit::record(
            &state.db,
            audit::NewAuditEvent {
                kind: AuditKind::SecondFactorResetRefused,
                actor: Actor::Account(verifier_id.into()),
                subject: Subject::Account(account.id.into()),
                data: serde_json::json!({ "verification_id": record.id, "reason": "document_mismatch" }),
            },
        )
        .await?;
        return Err(AppError::Unprocessable {
            code: "document_mismatch",
            detail: "the document checked now is not the one on record".into(),
            errors: vec![],
        });
    }
    let txn = sitecard_persistence::begin(&state.db).await?;
    let update = accounts::AccountUpdate {
        phone: Some(Some(new_phone.as_str().to_owned())),
        totp_secret_enc: Some(None),
        totp_pending_enc: Some(None),
        ..Default::default()
    };
    accounts::update(&txn, account.id, update).await?;
    sessions::revoke_all_for_account(&txn, account.id, None, "second_factor_reset").await?;
    let lang = Language::parse(&account.language).unwrap_or_default();
    sitecard_notify::queue(&txn, &account.email, &Message::SecondFactorReset, lang).await?;
    if let Some(old) = account.phone.as_deref().filter(|old| *old != new_phone.as_str()) {
        sitecard_notify::queue(&txn, old, &Message::PhoneReplaced, lang).await?;
    }
    audit::append(
        &txn,
        audit::NewAuditEvent {
            kind: AuditKind::SecondFactorReset,
            actor: Actor::Account(verifier_id.into()),
            subject: Subject::Account(account.id.into()),
            data: serde_json::json!({ "verification_id": record.id, "document_rechecked": true }),
        },
    )
    .await?;
    txn.commit().await?;
    state.forget_account(account.id);
    Ok(SecondFactorReset { account_id: account.id.into(), masked_phone: new_phone.masked() })
}
