//! Changing the phone: a code goes to the new number, which takes effect only after it is typed back.

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use sitecard_app::AppError;
use sitecard_domain::PhoneE164;
use sitecard_notify::SignInChange;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::{accounts, audit};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::step_up::require_step_up;
use crate::auth::{ClientInfo, CurrentUser};
use crate::error::{ApiError, Fields};
use crate::routes::me::profile::{Contact, contact_of};
use sitecard_app::challenge_flow::{self, ChallengeStarted};
use sitecard_app::state::AppState;
use sitecard_app::step_up::tell_sign_in_changed;

#[derive(Deserialize, ToSchema)]
pub struct ChangePhone {
    /// The new mobile number with country code (spaces, dashes and a `00` prefix are accepted).
    #[schema(example = "+46701234567")]
    pub phone: String,
    /// The account's password, typed again: needed when the sign-in is older than five minutes (403
    /// `step_up_required` tells the client to ask for it).
    #[serde(default)]
    #[schema(example = "tegel-kran-sommar-42")]
    pub current_password: Option<String>,
}

/// Change the phone, step 1: a code goes to the new number.
///
/// Any signed-in account, with a step-up: a sign-in within the last five minutes, or `current_password` (403
/// `step_up_required` asks for it). Nothing changes until the code is confirmed with `POST /me/phone/verify`; at most
/// five SMS an hour per account (429).
#[utoipa::path(tag = "me", security(("bearer" = [])), request_body = ChangePhone, responses(
    (status = 202, description = "A code was sent to the new number", body = ChallengeStarted),
    (status = 401, description = "`invalid_credentials`: a wrong `current_password`"),
    (status = 403, description = "`step_up_required`: sign-in older than five minutes; send `current_password`"),
    (status = 422, description = "`validation_failed` (`invalid_phone`)"),
    (status = 429, description = "`too_many_attempts`"),
))]
#[post("/me/phone")]
pub async fn change_phone(state: web::Data<AppState>, user: CurrentUser, body: web::Json<ChangePhone>) -> Result<HttpResponse, ApiError> {
    let mut f = Fields::new();
    let phone = f.check("phone", "invalid_phone", PhoneE164::parse(&body.phone));
    let phone = f.finish_with(phone)?;
    require_step_up(&state, &user, body.current_password.as_deref()).await?;
    let account = accounts::find(&state.db, user.account_id).await?.ok_or(AppError::NotFound)?;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let started = challenge_flow::start(&txn, &state, "phone_change", &account, Some(phone.as_str()), None).await?;
    txn.commit().await?;
    Ok(HttpResponse::Accepted().json(started))
}

#[derive(Deserialize, ToSchema)]
pub struct VerifyPhoneChange {
    #[schema(example = "01a230f0-89c0-7fe1-9e00-57e5e1bda755")]
    pub challenge_id: Uuid,
    /// The 6-digit code sent to the new number.
    #[schema(example = "482913")]
    pub code: String,
}

/// Change the phone, step 2: the code; the new number replaces the old one.
///
/// Any signed-in account, for its own challenge from `POST /me/phone` (anyone else's is 410 `challenge_expired`). The
/// new number takes effect at once; the email address and the old number (by SMS) are told, and the change is audited.
#[utoipa::path(tag = "me", security(("bearer" = [])), request_body = VerifyPhoneChange, responses(
    (status = 200, description = "The new contact details", body = Contact),
    (status = 401, description = "`invalid_code`"),
    (status = 410, description = "`challenge_expired`"),
))]
#[post("/me/phone/verify")]
pub async fn verify_phone_change(
    state: web::Data<AppState>,
    user: CurrentUser,
    client: ClientInfo,
    body: web::Json<VerifyPhoneChange>,
) -> Result<web::Json<Contact>, ApiError> {
    // Someone else's challenge is as unknown as a made-up one.
    let c = challenge_flow::open(&state.db, body.challenge_id, &["phone_change"]).await?;
    if c.account_id != user.account_id {
        return Err(AppError::Gone("challenge_expired", "this code request is no longer valid".into()).into());
    }
    let accepted = challenge_flow::verify(&state, body.challenge_id, &body.code, &["phone_change"], &client.ip).await?;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let (challenge, before) = accepted.consume(&txn).await?;
    let account =
        accounts::update(&txn, user.account_id, accounts::AccountUpdate { phone: Some(challenge.phone.clone()), ..Default::default() })
            .await?;
    let old_phone = before.phone.as_deref().filter(|old| Some(*old) != challenge.phone.as_deref());
    tell_sign_in_changed(&txn, &account, SignInChange::PhoneChanged, old_phone).await?;
    audit::append(
        &txn,
        audit::NewAuditEvent {
            kind: AuditKind::PhoneChanged,
            actor: Actor::Account(user.account_id),
            subject: Subject::Account(user.account_id),
            data: serde_json::json!({}),
        },
    )
    .await?;
    txn.commit().await?;
    state.forget_account(account.id);
    Ok(web::Json(contact_of(&account)))
}
