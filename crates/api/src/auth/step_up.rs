//! Step-up before a sign-in factor is added or replaced (an authenticator app, the phone): a stolen access
//! token alone must not be enough to take the account over. The person proves they hold it now: a sign-in with
//! both factors in the last five minutes, or the password typed again (counted like sign-in tries).

use chrono::{Duration, Utc};
use serde::Deserialize;
use sitecard_app::step_up::check_current_password;
use utoipa::ToSchema;

use crate::auth::CurrentUser;
use crate::error::{ApiError, AppError};
use sitecard_app::state::AppState;

/// How recent a sign-in must be to change a factor without typing the password again.
pub const STEP_UP_WINDOW: Duration = Duration::minutes(5);

#[derive(Deserialize, ToSchema, Default)]
pub struct StepUp {
    /// The account's password, typed again: needed when the sign-in is older than five minutes
    /// (403 `step_up_required` tells the client to ask for it).
    #[serde(default)]
    #[schema(example = "tegel-kran-sommar-42")]
    pub current_password: Option<String>,
}

impl StepUp {
    /// The optional JSON body of a request that may carry a step-up: empty or `null` is none, anything else must
    /// be valid.
    pub fn from_optional_body(body: &[u8]) -> Result<Self, ApiError> {
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Self::default());
        }
        // `null` is no step-up too (the document declares the body optional and nullable).
        serde_json::from_slice::<Option<Self>>(body)
            .map(Option::unwrap_or_default)
            .map_err(|e| if e.is_data() { ApiError::InvalidBody(e.to_string()) } else { ApiError::MalformedJson(e.to_string()) })
    }
}

pub async fn require_step_up(state: &AppState, user: &CurrentUser, current_password: Option<&str>) -> Result<(), ApiError> {
    if user.signed_in_at > Utc::now() - STEP_UP_WINDOW {
        return Ok(());
    }
    let Some(password) = current_password.filter(|p| !p.is_empty()) else {
        return Err(AppError::ForbiddenReason(
            "step_up_required",
            "type your password again to change how you sign in (or sign in again)".into(),
        )
        .into());
    };
    Ok(check_current_password(state, &user.account, password).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_step_up_body_is_optional_but_never_malformed() {
        let password = |body: &str| StepUp::from_optional_body(body.as_bytes()).map(|s| s.current_password);
        assert_eq!(password("").unwrap(), None);
        assert_eq!(password("  \n").unwrap(), None);
        assert_eq!(password("null").unwrap(), None);
        assert_eq!(password("{}").unwrap(), None);
        assert_eq!(password(r#"{"current_password": "pw"}"#).unwrap().as_deref(), Some("pw"));
        assert!(matches!(password(r#"{"current_password": 5}"#), Err(ApiError::InvalidBody(_))));
        assert!(matches!(password("{"), Err(ApiError::MalformedJson(_))));
    }
}
