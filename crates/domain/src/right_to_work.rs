//! The right to work: who must show a residence or work permit beside the passport, and how long a card may
//! be valid. EU and EEA citizens and the Swiss work in Sweden on free movement; everybody else (stateless
//! persons and refugees included) needs a permit, and the card must not outlive it.

use chrono::{Datelike, NaiveDate};

use crate::country::Nationality;

/// Free movement: the 27 EU member states, the three other EEA states and Switzerland (ISO 3166-1 alpha-3),
/// plus ICAO's `EUE` (a document issued by the European Union). Sorted for binary search.
static FREE_MOVEMENT: [&str; 32] = [
    "AUT", "BEL", "BGR", "CHE", "CYP", "CZE", "DEU", "DNK", "ESP", "EST", "EUE", "FIN", "FRA", "GRC", "HRV", "HUN", "IRL", "ISL", "ITA",
    "LIE", "LTU", "LUX", "LVA", "MLT", "NLD", "NOR", "POL", "PRT", "ROU", "SVK", "SVN", "SWE",
];

/// Cards are valid at most this many years from production.
pub const CARD_VALIDITY_YEARS: i32 = 5;

/// Does a holder of this nationality have to show a residence or work permit?
pub fn right_to_work_required(nationality: &Nationality) -> bool {
    FREE_MOVEMENT.binary_search(&nationality.as_str()).is_err()
}

/// A card's last valid day: five years after production, or the permit's end when that is earlier.
pub fn card_valid_until(produced_on: NaiveDate, permit_until: Option<NaiveDate>) -> NaiveDate {
    // 29 February plus five years is 28 February: a day early rather than a day late.
    let five_years = produced_on
        .with_year(produced_on.year() + CARD_VALIDITY_YEARS)
        .or_else(|| produced_on.pred_opt().and_then(|d| d.with_year(d.year() + CARD_VALIDITY_YEARS)))
        .unwrap_or(produced_on);
    permit_until.map_or(five_years, |permit| permit.min(five_years))
}

/// Why a permit cannot be recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PermitError {
    #[error("the permit has already ended")]
    Ended,
}

/// A permit ending before `today` proves nothing; one ending today still lets the holder work today.
pub fn check_permit_end(valid_until: NaiveDate, today: NaiveDate) -> Result<NaiveDate, PermitError> {
    if valid_until < today { Err(PermitError::Ended) } else { Ok(valid_until) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn who_needs_a_permit() {
        let cases = [
            ("POL", false),
            ("SWE", false),
            ("DEU", false),
            ("D", false),
            ("NOR", false),
            ("ISL", false),
            ("LIE", false),
            ("CHE", false),
            ("IRL", false),
            ("HRV", false),
            ("EUE", false),
            ("UKR", true),
            ("GBR", true),
            ("USA", true),
            ("TUR", true),
            ("SRB", true),
            ("BIH", true),
            ("RKS", true),
            ("XXA", true),
            ("XXB", true),
            ("ua", true),
            ("pl", false),
        ];
        for (code, want) in cases {
            let nationality = Nationality::parse(code).unwrap();
            assert_eq!(right_to_work_required(&nationality), want, "{code}");
        }
    }

    #[test]
    fn free_movement_list_is_sorted_and_real() {
        assert!(FREE_MOVEMENT.windows(2).all(|w| w[0] < w[1]));
        for code in FREE_MOVEMENT {
            assert!(Nationality::parse(code).is_ok(), "{code}");
        }
    }

    #[test]
    fn validity_is_the_earlier_of_five_years_and_the_permit() {
        let cases = [
            ("2026-12-06", None, "2031-12-06"),
            ("2026-12-06", Some("2028-03-31"), "2028-03-31"),
            ("2026-12-06", Some("2031-12-06"), "2031-12-06"),
            ("2026-12-06", Some("2035-01-01"), "2031-12-06"),
            ("2028-02-29", None, "2033-02-28"),
            ("2026-12-06", Some("2026-12-06"), "2026-12-06"),
        ];
        for (produced, permit, want) in cases {
            assert_eq!(card_valid_until(day(produced), permit.map(day)), day(want), "{produced} {permit:?}");
        }
    }

    #[test]
    fn an_ended_permit_is_refused() {
        let today = day("2026-12-06");
        let cases = [("2026-12-05", Err(PermitError::Ended)), ("2026-12-06", Ok(today)), ("2027-01-01", Ok(day("2027-01-01")))];
        for (until, want) in cases {
            assert_eq!(check_permit_end(day(until), today), want, "{until}");
        }
    }
}
