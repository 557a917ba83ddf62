//! Authenticator apps (RFC 6238 via totp-rs): secrets, otpauth URIs, QR codes as SVG.

use qrcodegen::{QrCode, QrCodeEcc};
use sitecard_domain::ids::AccountId;
use totp_rs::{Algorithm, Secret, Totp};

use crate::error::AppError;

fn build(secret_b32: &str, account: &str) -> Result<Totp, AppError> {
    let secret = Secret::try_from_base32(secret_b32).map_err(|_| AppError::internal("stored TOTP secret is malformed"))?;
    totp_rs::Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_secret(secret)
        .with_issuer(Some("Sitecard"))
        .with_account_name(account)
        .build()
        .map_err(|e| AppError::internal(format!("totp: {e:?}")))
}

pub fn new_secret() -> String {
    Secret::generate().to_base32()
}

pub fn otpauth_uri(secret_b32: &str, account: &str) -> Result<String, AppError> {
    build(secret_b32, account)?.to_url().map_err(|e| AppError::internal(format!("totp url: {e:?}")))
}

/// The 30-second step whose code this is: the current step or one either side (clock drift).
pub fn matching_step(secret_b32: &str, account: &str, code: &str) -> Result<Option<i64>, AppError> {
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let totp = build(secret_b32, account)?;
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or_default();
    for t in [now.saturating_sub(30), now, now + 30] {
        if crate::crypto::constant_time_eq(&totp.generate(t).to_string(), code) {
            return Ok(Some((t / 30) as i64));
        }
    }
    Ok(None)
}

/// Checks a code and uses it up: each step's code is accepted once per account (RFC 6238 section 5.2).
pub async fn verify_once(
    state: &crate::state::AppState,
    account_id: AccountId,
    secret_b32: &str,
    account: &str,
    code: &str,
) -> Result<bool, AppError> {
    match matching_step(secret_b32, account, code)? {
        Some(step) => {
            let claimed = sitecard_persistence::accounts::claim_totp_step(&state.db, account_id, step).await?;
            state.forget_account(account_id);
            Ok(claimed)
        }
        None => Ok(false),
    }
}

/// The current code, for tests and the demo.
pub fn current_code(secret_b32: &str, account: &str) -> Result<String, AppError> {
    Ok(build(secret_b32, account)?.generate_current().to_string())
}

/// An SVG QR code of `text`, scalable and small enough to inline in JSON.
pub fn qr_svg(text: &str) -> Result<String, AppError> {
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).map_err(|_| AppError::internal("QR code too long"))?;
    let border = 4;
    let size = qr.size() + border * 2;
    let mut path = String::new();
    for y in 0..qr.size() {
        for x in 0..qr.size() {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + border, y + border));
            }
        }
    }
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"QR code for your authenticator app\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
    ))
}
