//! A date of birth a person can have: the same check for orders and identity documents.

use chrono::NaiveDate;
/// Why a date of birth was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BirthDateError {
    #[error("not a plausible date of birth")]
    Implausible,
}

/// A date of birth a person could have: after 1 January 1900 and before today.
pub fn plausible_birth_date(date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, BirthDateError> {
    let earliest = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN);
    if date < earliest || date >= today { Err(BirthDateError::Implausible) } else { Ok(date) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn between_1900_and_yesterday() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let cases = [
            ("1990-04-12", true),
            ("1900-01-01", true),
            ("1899-12-31", false),
            ("2026-12-05", true),
            ("2026-12-06", false),
            ("2031-01-01", false),
        ];
        for (date, ok) in cases {
            assert_eq!(plausible_birth_date(day(date), today).is_ok(), ok, "{date}");
        }
    }
}
