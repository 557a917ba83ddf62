//! Starting, resending and checking second-factor challenges, shared by login, registration, phone change
//! and password reset.

use chrono::{DateTime, Utc};
use serde::Serialize;
use sitecard_domain::Language;
use sitecard_domain::challenge::{self, ChallengeState};
use sitecard_domain::ids::AccountId;
use sitecard_domain::phone::mask_phone;
use sitecard_notify::Message;
use sitecard_persistence::accounts::Account;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::challenges::{self, Challenge, NewChallenge};
use sitecard_persistence::{Conn, audit};
use uuid::Uuid;

use crate::crypto::{constant_time_eq, random_code};
use crate::error::AppError;
use crate::state::AppState;
use crate::throttle;

/// A second factor is awaited.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChallengeStarted {
    #[cfg_attr(feature = "openapi", schema(example = "01a230f0-89c0-7fe1-9e00-57e5e1bda755"))]
    pub challenge_id: Uuid,
    /// `sms` (a code was sent) or `totp` (use the authenticator app).
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema_enums::SecondFactorMethod))]
    pub method: String,
    /// Where the SMS went, e.g. `+46•••••••03`.
    #[cfg_attr(feature = "openapi", schema(example = "+46•••••••67"))]
    pub masked_phone: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = "2026-12-01T09:35:00Z"))]
    pub expires_at: DateTime<Utc>,
    /// When a new code may be asked for (`/api/v1/auth/login/resend`).
    #[cfg_attr(feature = "openapi", schema(example = "2026-12-01T09:31:00Z"))]
    pub resend_after: DateTime<Utc>,
}

fn sms_message(purpose: &str, code: String) -> Message {
    match purpose {
        "login" => Message::LoginCode { code },
        "password_reset" => Message::PasswordResetCode { code },
        _ => Message::PhoneCode { code },
    }
}

/// Creates a challenge for `account` and, for SMS, queues the code to `phone`, inside the caller's transaction.
pub async fn start<C: Conn>(
    conn: &C,
    state: &AppState,
    purpose: &'static str,
    account: &Account,
    phone: Option<&str>,
    data: Option<serde_json::Value>,
) -> Result<ChallengeStarted, AppError> {
    let use_totp = account.totp_secret_enc.is_some() && matches!(purpose, "login" | "password_reset");
    let id = Uuid::now_v7();
    let expires_at = Utc::now() + challenge::CODE_TTL;
    let (method, code_hash) = if use_totp {
        ("totp", None)
    } else {
        let phone = phone.ok_or_else(|| AppError::internal("sms challenge without a phone"))?;
        throttle::consume(conn, &format!("sms:{}", account.id), throttle::SMS_PER_ACCOUNT, "too_many_attempts").await?;
        let code = random_code();
        let hash = state.cipher.code_hash(id, &code);
        let lang = Language::parse(&account.language).unwrap_or_default();
        sitecard_notify::queue(conn, phone, &sms_message(purpose, code), lang).await?;
        ("sms", Some(hash))
    };
    let c = challenges::insert(
        conn,
        NewChallenge {
            id,
            purpose,
            account_id: account.id.into(),
            method,
            code_hash,
            phone: phone.map(str::to_owned),
            expires_at,
            data: data.map(|d| d.to_string()),
        },
    )
    .await?;
    Ok(started(&c))
}

pub fn started(c: &Challenge) -> ChallengeStarted {
    ChallengeStarted {
        challenge_id: c.id,
        method: c.method.clone(),
        masked_phone: c.phone.as_deref().map(mask_phone),
        expires_at: c.expires_at,
        resend_after: c.last_sent_at + challenge::RESEND_AFTER,
    }
}

/// Loads an open challenge for one of `purposes`; anything else is `challenge_expired` (410), so that ids
/// reveal nothing.
pub async fn open<C: Conn>(conn: &C, id: Uuid, purposes: &[&str]) -> Result<Challenge, AppError> {
    still_open(challenges::find(conn, id).await?.ok_or_else(challenge_expired)?, purposes)
}

fn still_open(c: Challenge, purposes: &[&str]) -> Result<Challenge, AppError> {
    let open = purposes.contains(&c.purpose.as_str())
        && challenge::challenge_state(c.expires_at, c.wrong_codes, c.consumed_at.is_some(), Utc::now()) == ChallengeState::Open;
    if open { Ok(c) } else { Err(challenge_expired()) }
}

fn challenge_expired() -> AppError {
    AppError::Gone("challenge_expired", "this code request is no longer valid; start again".into())
}

/// A code that matched its open challenge, not yet spent. `consume` spends it in the transaction of what it
/// authorises, so the code is used exactly when that commits (and a failure after the check does not burn it).
#[must_use = "a matched code is spent with `consume` in the transaction it authorises"]
pub struct CodeAccepted {
    pub challenge: Challenge,
    pub account: Account,
    /// The throttle keys this try was counted on before it was judged; a right code returns them.
    ip_key: String,
    account_key: String,
}

impl CodeAccepted {
    /// The conditional update decides: a code is used once, however many requests carry it at the same time
    /// (on PostgreSQL a second one waits for the first's commit, then finds the challenge consumed). A right
    /// code also gives back its try on the IP and ends the account's run of wrong codes.
    pub async fn consume<C: Conn>(self, conn: &C) -> Result<(Challenge, Account), AppError> {
        if !challenges::consume(conn, self.challenge.id).await? {
            return Err(AppError::Gone("challenge_expired", "this code was already used".into()));
        }
        throttle::give_back(conn, &self.ip_key).await?;
        throttle::clear(conn, &self.account_key).await?;
        Ok((self.challenge, self.account))
    }
}

/// The key of an account's run of wrong second-factor codes, across challenges and IPs.
pub fn second_factor_key(account_id: AccountId) -> String {
    format!("second-factor:{account_id}")
}

/// Checks a code against an open challenge. Every try is counted before it is judged, each in one conditional
/// statement, so parallel tries never get more judged than the limits allow: per IP, per account (a run of
/// wrong codes across challenges locks codes for a while and emails the worker) and per challenge (the fifth
/// try kills it). The caller spends a matching code with `CodeAccepted::consume` inside its own transaction,
/// which it opens only now: on SQLite, the counting above needs the one writer connection.
pub async fn verify(state: &AppState, id: Uuid, code: &str, purposes: &[&str], ip: &str) -> Result<CodeAccepted, AppError> {
    let (c, account) = challenges::find_with_account(&state.read, id).await?.ok_or_else(challenge_expired)?;
    let c = still_open(c, purposes)?;
    let ip_key = format!("codes-ip:{ip}");
    let account_key = second_factor_key(account.id);
    let limits = [(ip_key.as_str(), throttle::CODES_PER_IP), (account_key.as_str(), throttle::SECOND_FACTOR_PER_ACCOUNT)];
    let run = throttle::take_all(&state.db, &limits, "too_many_attempts").await?[1];
    let Some(tries) = challenges::take_try(&state.db, c.id, challenge::MAX_WRONG_CODES).await? else {
        throttle::give_back(&state.db, &ip_key).await?;
        throttle::give_back(&state.db, &account_key).await?;
        return Err(challenge_expired());
    };
    let code = code.trim();
    let ok = match c.method.as_str() {
        "totp" => match &account.totp_secret_enc {
            Some(enc) => crate::totp::verify_once(state, account.id, &state.cipher.decrypt(enc)?, &account.email, code).await?,
            None => false,
        },
        _ => c.code_hash.as_deref().is_some_and(|h| constant_time_eq(h, &state.cipher.code_hash(c.id, code))),
    };
    if ok {
        return Ok(CodeAccepted { challenge: c, account, ip_key, account_key });
    }
    let kind = if tries >= challenge::MAX_WRONG_CODES { AuditKind::ChallengeExhausted } else { AuditKind::CodeFailed };
    audit::record(&state.db, account_event(kind, &account, serde_json::json!({ "purpose": c.purpose, "wrong_codes": tries, "ip": ip })))
        .await?;
    if run == throttle::SECOND_FACTOR_PER_ACCOUNT.max {
        // The try that filled the window, exactly one per lock: audited, and the worker is told.
        let txn = sitecard_persistence::begin(&state.db).await?;
        audit::append(&txn, account_event(AuditKind::SecondFactorLocked, &account, serde_json::json!({ "wrong_codes": run, "ip": ip })))
            .await?;
        let lang = Language::parse(&account.language).unwrap_or_default();
        sitecard_notify::queue(&txn, &account.email, &Message::SecondFactorLocked, lang).await?;
        txn.commit().await?;
    }
    Err(AppError::Unauthorized("invalid_code"))
}

fn account_event(kind: AuditKind, account: &Account, data: serde_json::Value) -> audit::NewAuditEvent {
    audit::NewAuditEvent::new(kind, Actor::Account(account.id.into()), Subject::Account(account.id.into()), data)
}

/// Sends a new SMS code for an open challenge, after the cooldown.
pub async fn resend(state: &AppState, id: Uuid) -> Result<ChallengeStarted, AppError> {
    let c = open(&state.db, id, &["login", "register", "phone_change", "password_reset"]).await?;
    if c.method != "sms" {
        return Err(AppError::Conflict("not_applicable", "this challenge uses an authenticator app; no SMS is sent".into()));
    }
    let wait = challenge::resend_wait(c.last_sent_at, Utc::now());
    if wait > 0 {
        return Err(AppError::TooManyRequests { code: "resend_too_soon", retry_after: wait as u64 });
    }
    let account = sitecard_persistence::accounts::find(&state.db, c.account_id.into())
        .await?
        .ok_or_else(|| AppError::internal("challenge without account"))?;
    let phone = c.phone.clone().ok_or_else(|| AppError::internal("sms challenge without phone"))?;
    let txn = sitecard_persistence::begin(&state.db).await?;
    throttle::consume(&txn, &format!("sms:{}", account.id), throttle::SMS_PER_ACCOUNT, "too_many_attempts").await?;
    let code = random_code();
    let expires_at = Utc::now() + challenge::CODE_TTL;
    challenges::resend(&txn, c.id, state.cipher.code_hash(c.id, &code), expires_at).await?;
    sitecard_notify::queue(&txn, &phone, &sms_message(&c.purpose, code), Language::parse(&account.language).unwrap_or_default()).await?;
    txn.commit().await?;
    let c = challenges::find(&state.db, c.id).await?.ok_or(AppError::NotFound)?;
    Ok(started(&c))
}

/// What a registration or password-reset challenge carries until its code is typed: the new password's
/// hash and the emailed token to spend.
pub fn pending_password(c: &Challenge) -> Result<(String, Uuid), AppError> {
    let data: serde_json::Value = c.data.as_deref().and_then(|d| serde_json::from_str(d).ok()).unwrap_or_default();
    let hash = data["password_hash"].as_str().ok_or_else(|| AppError::internal("challenge without password hash"))?.to_owned();
    let token_id = data["token_id"].as_str().and_then(|t| t.parse().ok()).ok_or_else(|| AppError::internal("challenge without token"))?;
    Ok((hash, token_id))
}
