//! `POST /identity-verifications/{id}/reset-second-factor`: a lost phone, reset in person after the verifier
//! has checked the document again. There is no SMS-only recovery (SIM-swap risk), and the verifier's word alone
//! is not enough either: the document presented now must be the recorded one, so a verifier cannot move any
//! worker's second factor to a phone of their choosing.

use actix_web::{post, web};
use serde::{Deserialize, Serialize};
use sitecard_domain::{DocumentNumber, Language, PhoneE164, Role};
use sitecard_notify::Message;
use sitecard_persistence::{Set, accounts, audit, persons, sessions};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::{ApiError, Fields, Problem};
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
pub struct ResetSecondFactor {
    /// The worker's new mobile number (E.164 or with a `00` prefix).
    #[schema(example = "+46701234567")]
    pub new_phone: String,
    /// The number of the passport or ID card presented again now: required, and it must be the recorded one.
    #[serde(default)]
    #[schema(example = "EK7390567")]
    pub document_number: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SecondFactorReset {
    #[schema(example = "01a1f873-c8a0-7250-acb1-d4d54d99d19c")]
    pub account_id: Uuid,
    /// The new number, masked.
    #[schema(example = "+46•••••••67")]
    pub masked_phone: String,
}

/// Reset a worker's lost phone in person (verifiers).
///
/// Verifiers only, after checking the passport or ID again: `document_number` must be the recorded one (422
/// `document_mismatch`, audited). The account's phone is replaced, any authenticator app removed and every session
/// ended; the email address and the old phone (by SMS) are told, and the reset is audited.
#[utoipa::path(tag = "identity", security(("bearer" = [])), params(("id" = Uuid, Path, description = "Verification record id", example = "01a1f873-5370-7063-8277-9b947d2c44b5")), request_body = ResetSecondFactor, responses(
    (status = 200, description = "Phone replaced", body = SecondFactorReset),
    (status = 403, description = "Not a verifier", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "No such record or no account for it", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "`validation_failed` (`document_number` is required) or `document_mismatch` (not the recorded document)", body = Problem, content_type = "application/problem+json"),
))]
#[post("/identity-verifications/{id}/reset-second-factor")]
pub async fn reset_second_factor(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<ResetSecondFactor>,
) -> Result<web::Json<SecondFactorReset>, ApiError> {
    user.require(Role::Verifier)?;
    let mut f = Fields::new();
    let phone = f.check("new_phone", "invalid_phone", PhoneE164::parse(&body.new_phone));
    let typed = body.document_number.as_deref().map(str::trim).filter(|d| !d.is_empty());
    if typed.is_none() {
        f.push("document_number", "required", "check the passport or ID card again and type its number");
    }
    f.finish()?;
    let phone = phone.ok_or_else(|| ApiError::internal("phone"))?;
    let record = persons::find_verification(&state.db, *id).await?.ok_or(ApiError::NotFound)?;
    let person = persons::find(&state.db, record.person_id).await?.ok_or(ApiError::NotFound)?;
    let account = accounts::find_by_person(&state.db, person.id).await?.ok_or(ApiError::NotFound)?;
    let matches = typed
        .and_then(|t| DocumentNumber::parse(t).ok())
        .is_some_and(|n| crate::routes::identity::record::document_index(&state, &person.issuing_country, &n) == person.document_index);
    if !matches {
        audit::record(
            &state.db,
            audit::NewAuditEvent {
                kind: "second_factor_reset_refused",
                actor_id: Some(user.account_id),
                actor_kind: "account",
                subject_type: Some("account"),
                subject_id: Some(account.id),
                data: serde_json::json!({ "verification_id": record.id, "reason": "document_mismatch" }),
            },
        )
        .await?;
        return Err(ApiError::Unprocessable {
            code: "document_mismatch",
            detail: "the document checked now is not the one on record".into(),
            errors: vec![],
        });
    }
    let txn = sitecard_persistence::begin(&state.db).await?;
    let mut c = accounts::changes(account.id);
    c.phone = Set(Some(phone.as_str().to_owned()));
    c.totp_secret_enc = Set(None);
    c.totp_pending_enc = Set(None);
    accounts::update(&txn, c).await?;
    sessions::revoke_all_for_account(&txn, account.id, None, "second_factor_reset").await?;
    let lang = Language::parse(&account.language).unwrap_or_default();
    sitecard_notify::queue(&txn, &account.email, &Message::SecondFactorReset, lang).await?;
    if let Some(old) = account.phone.as_deref().filter(|old| *old != phone.as_str()) {
        sitecard_notify::queue(&txn, old, &Message::PhoneReplaced, lang).await?;
    }
    audit::append(
        &txn,
        audit::NewAuditEvent {
            kind: "second_factor_reset",
            actor_id: Some(user.account_id),
            actor_kind: "account",
            subject_type: Some("account"),
            subject_id: Some(account.id),
            data: serde_json::json!({ "verification_id": record.id, "document_rechecked": true }),
        },
    )
    .await?;
    txn.commit().await?;
    state.forget_account(account.id);
    Ok(web::Json(SecondFactorReset { account_id: account.id, masked_phone: phone.masked() }))
}
