//! A signed-in person (after the step-up the handler checks) starts enrolling an authenticator app: a new
//! secret is kept, encrypted, as pending until a code from the app confirms it (`enrol_totp`), so sign-in keeps
//! using what it used until then.

use sitecard_domain::ids::AccountId;
use sitecard_persistence::accounts;

use crate::error::AppError;
use crate::state::AppState;
use crate::totp;

/// What the person needs to set up the app; shown once, never stored in clear.
pub struct TotpEnrolmentStarted {
    /// Base32, for typing in by hand.
    pub secret: String,
    pub otpauth_uri: String,
    /// The URI as a QR code (SVG).
    pub qr_svg: String,
}

pub async fn start_totp_enrolment(state: &AppState, account_id: AccountId) -> Result<TotpEnrolmentStarted, AppError> {
    let account = accounts::find(&state.db, account_id).await?.ok_or(AppError::NotFound)?;
    let secret = totp::new_secret();
    let otpauth_uri = totp::otpauth_uri(&secret, &account.email)?;
    let qr_svg = totp::qr_svg(&otpauth_uri)?;
    let update = accounts::AccountUpdate { totp_pending_enc: Some(Some(state.cipher.encrypt(&secret)?)), ..Default::default() };
    accounts::update(&state.db, account.id, update).await?;
    state.forget_account(account.id);
    Ok(TotpEnrolmentStarted { secret, otpauth_uri, qr_svg })
}
