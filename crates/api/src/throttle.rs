//! Throttles on top of the database counters: 429 with `Retry-After` when a key is over its limit.

use sitecard_persistence::{ConnectionTrait, rate_limit};

use crate::error::ApiError;

#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub max: i64,
    pub window_secs: i64,
}

/// Password attempts per client IP (a site's shared connection needs some room).
pub const LOGIN_PER_IP: Limit = Limit { max: 30, window_secs: 15 * 60 };
/// Failed password attempts per email address, known or not (so the answer reveals nothing).
pub const LOGIN_PER_ACCOUNT: Limit = Limit { max: 10, window_secs: 15 * 60 };
/// Wrong one-time codes per IP across all challenges.
pub const CODES_PER_IP: Limit = Limit { max: 50, window_secs: 15 * 60 };
/// SMS codes per account per hour (DESIGN.md).
pub const SMS_PER_ACCOUNT: Limit = Limit { max: 5, window_secs: 3600 };
/// Emailed links (password reset) per address and per IP.
pub const EMAILS_PER_ADDRESS: Limit = Limit { max: 3, window_secs: 3600 };
pub const EMAILS_PER_IP: Limit = Limit { max: 20, window_secs: 3600 };
/// Registrations started per IP.
pub const REGISTRATIONS_PER_IP: Limit = Limit { max: 20, window_secs: 3600 };

/// 429 if `key` is already at its limit; counts nothing.
pub async fn check<C: ConnectionTrait>(conn: &C, key: &str, limit: Limit, code: &'static str) -> Result<(), ApiError> {
    check_all(conn, &[(key, limit)], code).await
}

/// 429 if any of `keys` is already at its limit (the first such in order sets `Retry-After`); counts
/// nothing. One statement for all of them.
pub async fn check_all<C: ConnectionTrait>(conn: &C, keys: &[(&str, Limit)], code: &'static str) -> Result<(), ApiError> {
    let windows = rate_limit::peek_many(conn, &keys.iter().map(|(k, l)| (*k, l.window_secs)).collect::<Vec<_>>()).await?;
    match keys.iter().zip(windows).find(|((_, limit), w)| w.hits >= limit.max) {
        Some((_, w)) => Err(ApiError::TooManyRequests { code, retry_after: w.resets_in as u64 }),
        None => Ok(()),
    }
}

/// Counts one hit on `key`.
pub async fn hit<C: ConnectionTrait>(conn: &C, key: &str, limit: Limit) -> Result<(), ApiError> {
    rate_limit::hit(conn, key, limit.window_secs).await?;
    Ok(())
}

/// Counts one hit and answers 429 when that went over the limit.
pub async fn consume<C: ConnectionTrait>(conn: &C, key: &str, limit: Limit, code: &'static str) -> Result<(), ApiError> {
    let w = rate_limit::hit(conn, key, limit.window_secs).await?;
    if w.hits > limit.max {
        return Err(ApiError::TooManyRequests { code, retry_after: w.resets_in as u64 });
    }
    Ok(())
}

pub async fn clear<C: ConnectionTrait>(conn: &C, key: &str) -> Result<(), ApiError> {
    rate_limit::clear(conn, key).await?;
    Ok(())
}

/// Keys never contain an address in clear, so the table leaks nothing either.
pub fn email_key(prefix: &str, email: &str) -> String {
    format!("{prefix}:{}", &crate::crypto::token_hash(email)[..32])
}
