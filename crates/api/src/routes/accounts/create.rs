//! `POST /accounts`: password + phone from a registration link; the phone is proven by an SMS code.

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use sitecard_app::AppError;
use sitecard_domain::PhoneE164;
use sitecard_persistence::{accounts, persons, tokens};
use utoipa::ToSchema;

use crate::auth::ClientInfo;
use crate::error::{ApiError, Fields};
use sitecard_app::challenge_flow::{self, ChallengeStarted};
use sitecard_app::crypto::token_hash;
use sitecard_app::language_choice::remember_chosen_language;
use sitecard_app::state::AppState;
use sitecard_app::throttle;

#[derive(Deserialize, ToSchema)]
pub struct CreateAccount {
    /// The `token` from the emailed `/register?token=…` link.
    #[schema(example = "viWwHGkLe4-4ksUifjX8TUEKARuOUPlXSZLw8DKoRY0")]
    pub registration_token: String,
    /// At least 8 characters, not common or guessable from the account (NIST SP 800-63B).
    #[schema(example = "tegel-kran-sommar-42")]
    pub password: String,
    /// Mobile number with country code, e.g. `+48 601 234 567`.
    #[schema(example = "+46701234567")]
    pub phone: String,
    /// The language the person chose in the app (`en`, `sv`, `pl`, `lt`, `lv`, `et`, `ro`, `uk`, `de`): saved on the
    /// account, so the code SMS and every later email and SMS use it. Omit it to keep the account's language; an
    /// unknown code is ignored.
    #[serde(default)]
    #[schema(value_type = Option<sitecard_app::schema_enums::LanguageValue>)]
    pub language: Option<String>,
}

pub(crate) fn token_invalid() -> ApiError {
    AppError::Gone(
        "registration_token_invalid",
        "this registration link is no longer valid; ask the identity-verification office for a new one".into(),
    )
    .into()
}

/// Create the account from a registration link; an SMS code goes to the phone.
///
/// No sign-in: the `registration_token` from the emailed link is the credential. The password must pass the policy
/// (400 `weak_password`) and a code is sent to `phone` (at most five SMS an hour per account); the account becomes
/// active only after `POST /accounts/verify-phone`. Limited to 20 tries an hour per client IP (429); `Idempotency-Key`
/// is ignored.
#[utoipa::path(tag = "accounts", request_body = CreateAccount, responses(
    (status = 201, description = "A code was sent to the phone", body = ChallengeStarted),
    (status = 400, description = "`weak_password`"),
    (status = 410, description = "`registration_token_invalid`: unknown, used or expired link"),
    (status = 422, description = "`validation_failed` (phone)"),
    (status = 429, description = "`too_many_attempts`"),
))]
#[post("/accounts")]
pub async fn create_account(
    state: web::Data<AppState>,
    client: ClientInfo,
    body: web::Json<CreateAccount>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    throttle::consume(&state.db, &format!("register-ip:{}", client.ip), throttle::REGISTRATIONS_PER_IP, "too_many_attempts").await?;
    let token = tokens::find_usable(&state.db, &token_hash(&body.registration_token), &["registration", "invitation"])
        .await?
        .ok_or_else(token_invalid)?;
    let account = accounts::find(&state.db, token.account_id).await?.filter(|a| a.status == "pending").ok_or_else(token_invalid)?;
    let mut inputs = vec![account.email.clone()];
    if let Some(p) = match account.person_id {
        Some(id) => persons::find(&state.db, id).await?,
        None => None,
    } {
        inputs.push(p.given_names);
        inputs.push(p.surname);
    }
    sitecard_app::password_policy::check_password_policy(
        "password",
        &body.password,
        &inputs.iter().map(String::as_str).collect::<Vec<_>>(),
    )?;
    let mut f = Fields::new();
    let phone = f.check("phone", "invalid_phone", PhoneE164::parse(&body.phone));
    let phone = f.finish_with(phone)?;
    let hash = state.hasher.hash(body.password).await?;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let account = remember_chosen_language(&txn, account, body.language.as_deref()).await?;
    let started = challenge_flow::start(
        &txn,
        &state,
        "register",
        &account,
        Some(phone.as_str()),
        Some(serde_json::json!({ "password_hash": hash, "token_id": token.id })),
    )
    .await?;
    txn.commit().await?;
    state.forget_account(account.id);
    Ok(HttpResponse::Created().json(started))
}
