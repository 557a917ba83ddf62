//! `POST /auth/login`: email + password → a second-factor challenge.

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use sitecard_domain::Email;
use sitecard_persistence::{accounts, audit};
use utoipa::ToSchema;

use crate::auth::ClientInfo;
use crate::challenge_flow::{self, ChallengeStarted};
use crate::error::{ApiError, Problem};
use crate::language_choice::remember_chosen_language;
use crate::state::AppState;
use crate::throttle::{self, email_key};

#[derive(Deserialize, ToSchema)]
pub struct LoginRequest {
    #[schema(example = "anna.kowalska@example.com")]
    pub email: String,
    #[schema(example = "tegel-kran-sommar-42")]
    pub password: String,
    /// The language the person chose in the app (`en`, `sv`, `pl`, `lt`, `lv`, `et`, `ro`, `uk`, `de`): saved on the
    /// account, so the code SMS and every later email and SMS use it. Omit it to keep the account's language; an
    /// unknown code is ignored.
    #[serde(default)]
    #[schema(value_type = Option<crate::schema_enums::LanguageValue>)]
    pub language: Option<String>,
}

/// Sign in, step 1: email and password.
///
/// No sign-in needed. Unknown email and wrong password give the same 401 `invalid_credentials` in similar time; tries
/// are limited per client IP and per address (429 `too_many_attempts` with `Retry-After`) and failures are audited. On
/// success a second-factor challenge starts: an SMS code goes to the account's phone, or `method: totp` asks for the
/// authenticator app; `language`, when given, is saved on the account.
#[utoipa::path(tag = "auth", request_body = LoginRequest, responses(
    (status = 200, description = "Password accepted; a code was sent by SMS (or use the authenticator app)", body = ChallengeStarted),
    (status = 401, description = "`invalid_credentials` (also for unknown emails)", body = Problem, content_type = "application/problem+json"),
    (status = 429, description = "`too_many_attempts`; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
))]
#[post("/auth/login")]
pub async fn login(state: web::Data<AppState>, client: ClientInfo, body: web::Json<LoginRequest>) -> Result<HttpResponse, ApiError> {
    let LoginRequest { email, password, language } = body.into_inner();
    let email_norm = Email::parse(&email).map(|e| e.as_str().to_owned()).unwrap_or_else(|_| email.trim().to_lowercase());
    let ip_key = format!("login-ip:{}", client.ip);
    let account_key = email_key("login-acct", &email_norm);
    // Counted before the password is judged, each in one conditional statement, so parallel guesses never get
    // more judged than the limits allow; a right password gives its tries back below.
    let limits = [(ip_key.as_str(), throttle::LOGIN_PER_IP), (account_key.as_str(), throttle::LOGIN_PER_ACCOUNT)];
    let hits = throttle::take_all(&state.db, &limits, "too_many_attempts").await?;

    let account = accounts::find_by_email(&state.read, &email_norm).await?.filter(|a| a.status == "active");
    let stored = account.as_ref().and_then(|a| a.password_hash.clone());
    let password_ok = password.len() <= 1024 && state.hasher.verify(password, stored).await?;
    let account = match account {
        Some(a) if password_ok => a,
        other => {
            // The try that filled the account's window locks it: audited once per lock.
            let kind = if hits[1] == throttle::LOGIN_PER_ACCOUNT.max { "login_locked" } else { "login_failed" };
            audit::record(
                &state.db,
                audit::NewAuditEvent {
                    kind,
                    actor_id: None,
                    actor_kind: "anonymous",
                    subject_type: other.as_ref().map(|_| "account"),
                    subject_id: other.as_ref().map(|a| a.id),
                    data: serde_json::json!({ "ip": client.ip }),
                },
            )
            .await?;
            return Err(ApiError::Unauthorized("invalid_credentials"));
        }
    };
    let txn = sitecard_persistence::begin(&state.db).await?;
    throttle::clear(&txn, &account_key).await?;
    throttle::give_back(&txn, &ip_key).await?;
    let account = remember_chosen_language(&txn, account, language.as_deref()).await?;
    let started = challenge_flow::start(&txn, &state, "login", &account, account.phone.as_deref(), None).await?;
    audit::append(
        &txn,
        audit::NewAuditEvent {
            kind: "login_password_ok",
            actor_id: Some(account.id),
            actor_kind: "account",
            subject_type: Some("account"),
            subject_id: Some(account.id),
            data: serde_json::json!({ "method": started.method, "ip": client.ip }),
        },
    )
    .await?;
    txn.commit().await?;
    state.forget_account(account.id);
    Ok(HttpResponse::Ok().insert_header(("cache-control", "no-store")).json(started))
}
