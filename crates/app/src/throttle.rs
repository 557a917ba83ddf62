//! Throttles on top of the database counters: 429 with `Retry-After` when a key is over its limit.

use sitecard_persistence::{Conn, rate_limit};

use crate::error::AppError;

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
/// Wrong second-factor codes (SMS or app) per account, across challenges and IPs: a right password opens
/// a new challenge every time, so the per-challenge limit alone would not bound guessing. Cleared by a right
/// code; when it fills, codes are refused until the window ends and the worker is emailed. (NIST SP 800-63B
/// allows up to 100 consecutive failures; we allow far fewer.)
pub const SECOND_FACTOR_PER_ACCOUNT: Limit = Limit { max: 10, window_secs: 3600 };
/// Registrations started per IP.
pub const REGISTRATIONS_PER_IP: Limit = Limit { max: 20, window_secs: 3600 };

/// Counts one attempt on `key` before it is judged (one conditional statement, so parallel attempts never
/// get more than `limit.max` judged); 429 with nothing counted when the window is full. Returns the hits so
/// far, this one included. An attempt that turns out allowed is returned with `give_back` (or the key
/// cleared), so only failures use up the window.
pub async fn take<C: Conn>(conn: &C, key: &str, limit: Limit, code: &'static str) -> Result<i64, AppError> {
    match rate_limit::take(conn, key, limit.window_secs, limit.max).await? {
        Ok(w) => Ok(w.hits),
        Err(w) => Err(AppError::TooManyRequests { code, retry_after: w.resets_in as u64 }),
    }
}

/// Takes one attempt on each of `keys` in order; when one is full, the ones already taken are given back.
pub async fn take_all<C: Conn>(conn: &C, keys: &[(&str, Limit)], code: &'static str) -> Result<Vec<i64>, AppError> {
    let mut hits = Vec::with_capacity(keys.len());
    for (key, limit) in keys {
        match take(conn, key, *limit, code).await {
            Ok(h) => hits.push(h),
            Err(e) => {
                for (taken, _) in &keys[..hits.len()] {
                    give_back(conn, taken).await?;
                }
                return Err(e);
            }
        }
    }
    Ok(hits)
}

pub async fn give_back<C: Conn>(conn: &C, key: &str) -> Result<(), AppError> {
    rate_limit::give_back(conn, key).await?;
    Ok(())
}

/// Counts one hit and answers 429 when that went over the limit.
pub async fn consume<C: Conn>(conn: &C, key: &str, limit: Limit, code: &'static str) -> Result<(), AppError> {
    let w = rate_limit::hit(conn, key, limit.window_secs).await?;
    if w.hits > limit.max {
        return Err(AppError::TooManyRequests { code, retry_after: w.resets_in as u64 });
    }
    Ok(())
}

pub async fn clear<C: Conn>(conn: &C, key: &str) -> Result<(), AppError> {
    rate_limit::clear(conn, key).await?;
    Ok(())
}

/// Keys never contain an address in clear, so the table leaks nothing either.
pub fn email_key(prefix: &str, email: &str) -> String {
    format!("{prefix}:{}", &crate::crypto::token_hash(email)[..32])
}
