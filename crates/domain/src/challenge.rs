//! One-time codes and their limits (DESIGN.md "Security model"): pure rules, the caller supplies time.

use chrono::{DateTime, Duration, Utc};

/// A code is valid this long after it was sent.
pub const CODE_TTL: Duration = Duration::minutes(5);
/// The fifth wrong code kills the challenge.
pub const MAX_WRONG_CODES: i32 = 5;
/// A new code can be asked for this long after the previous one.
pub const RESEND_AFTER: Duration = Duration::seconds(60);
/// At most this many codes per account per hour.
pub const MAX_SENDS_PER_HOUR: i64 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChallengeState {
    Open,
    Expired,
    Exhausted,
    Consumed,
}

pub fn challenge_state(expires_at: DateTime<Utc>, wrong_codes: i32, consumed: bool, now: DateTime<Utc>) -> ChallengeState {
    if consumed {
        ChallengeState::Consumed
    } else if wrong_codes >= MAX_WRONG_CODES {
        ChallengeState::Exhausted
    } else if now >= expires_at {
        ChallengeState::Expired
    } else {
        ChallengeState::Open
    }
}

/// Seconds until a resend is allowed (0 = now).
pub fn resend_wait(last_sent_at: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    (last_sent_at + RESEND_AFTER - now).num_seconds().max(0)
}

/// A 6-digit code from 4 random bytes, uniform by rejection: `None` means draw again.
pub fn code_from_u32(v: u32) -> Option<String> {
    const LIMIT: u32 = u32::MAX - (u32::MAX % 1_000_000);
    (v < LIMIT).then(|| format!("{:06}", v % 1_000_000))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn challenge_states() {
        let now = Utc::now();
        let later = now + Duration::minutes(1);
        assert_eq!(challenge_state(later, 0, false, now), ChallengeState::Open);
        assert_eq!(challenge_state(later, 4, false, now), ChallengeState::Open);
        assert_eq!(challenge_state(later, 5, false, now), ChallengeState::Exhausted);
        assert_eq!(challenge_state(now, 0, false, now), ChallengeState::Expired);
        assert_eq!(challenge_state(later, 0, true, now), ChallengeState::Consumed);
    }

    #[test]
    fn codes_are_six_digits_and_resend_waits() {
        assert_eq!(code_from_u32(7).as_deref(), Some("000007"));
        assert_eq!(code_from_u32(u32::MAX), None);
        let now = Utc::now();
        assert_eq!(resend_wait(now, now), 60);
        assert_eq!(resend_wait(now - Duration::seconds(61), now), 0);
    }
}
