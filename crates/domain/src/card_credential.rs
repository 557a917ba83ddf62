//! The digital card's lifetime: a QR code shown from a phone that a gate verifies offline, so it must not
//! outlive a day (a block reaches offline gates through the feed, but a stolen screenshot should die soon) nor
//! the card's own validity.

use chrono::{DateTime, Duration, NaiveDate, Utc};

/// At most this long.
pub const CREDENTIAL_TTL: Duration = Duration::hours(24);

/// When a credential issued `now` for a card valid through `valid_until` (inclusive, UTC) stops being valid.
pub fn credential_expiry(now: DateTime<Utc>, valid_until: NaiveDate) -> DateTime<Utc> {
    let card_end = valid_until.succ_opt().and_then(|d| d.and_hms_opt(0, 0, 0)).map(|t| t.and_utc());
    card_end.map_or(now + CREDENTIAL_TTL, |end| end.min(now + CREDENTIAL_TTL))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_day_at_most_and_never_past_the_card() {
        let cases = [
            ("2026-12-06T10:00:00Z", "2031-12-06", "2026-12-07T10:00:00Z"),
            ("2026-12-06T10:00:00Z", "2026-12-06", "2026-12-07T00:00:00Z"),
            ("2026-12-06T10:00:00Z", "2026-12-07", "2026-12-07T10:00:00Z"),
            ("2026-12-06T23:59:00Z", "2026-12-06", "2026-12-07T00:00:00Z"),
        ];
        for (now, until, want) in cases {
            let until = NaiveDate::parse_from_str(until, "%Y-%m-%d").unwrap();
            assert_eq!(credential_expiry(at(now), until), at(want), "{now} {until}");
        }
    }
}
