//! The number printed on a card (two capital letters and ten digits) and the card's 4-digit PIN.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, thiserror::Error, PartialEq, Eq)]
pub enum CardNumberError {
    #[error("a card number is two letters followed by ten digits, e.g. AB1234567890")]
    Invalid,
}

/// A card number in canonical form: uppercase, no spaces, e.g. `AB1234567890`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String")]
pub struct CardNumber(String);

impl CardNumber {
    /// Accepts the number as people type it from the card: surrounding and inner whitespace ignored
    /// (`AB 1234 567890`), letters in any case.
    pub fn parse(s: &str) -> Result<Self, CardNumberError> {
        let canonical: String = s.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_uppercase()).collect();
        let bytes = canonical.as_bytes();
        let well_formed =
            bytes.len() == 12 && bytes.iter().take(2).all(u8::is_ascii_uppercase) && bytes.iter().skip(2).all(u8::is_ascii_digit);
        if well_formed { Ok(Self(canonical)) } else { Err(CardNumberError::Invalid) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// For lists, emails and logs: the letters and the last four digits, e.g. `AB******7890`.
    pub fn masked(&self) -> String {
        let prefix = self.0.get(..2).unwrap_or_default();
        let suffix = self.0.get(8..).unwrap_or_default();
        format!("{prefix}******{suffix}")
    }

    /// Whether a typed number (in any of the forms [`CardNumber::parse`] accepts) is this card's number; activation
    /// uses it as the proof that the holder has the physical card.
    pub fn matches(&self, typed: &str) -> bool {
        Self::parse(typed).is_ok_and(|typed| typed == *self)
    }
}

impl fmt::Display for CardNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for CardNumber {
    type Err = CardNumberError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for CardNumber {
    type Error = CardNumberError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<CardNumber> for String {
    fn from(n: CardNumber) -> Self {
        n.0
    }
}

/// Draws from `u16` at or above this are refused: it is the largest multiple of 10 000 that fits, so the values
/// kept map onto `0000`..`9999` exactly six times each and no PIN is likelier than another.
const PIN_DRAW_LIMIT: u16 = 60_000;

/// Turns one random `u16` into a PIN, or `None` when the value must be discarded and a new one drawn
/// (about 8 % of draws). Feed it from a CSPRNG.
pub fn pin_from_u16(v: u16) -> Option<String> {
    (v < PIN_DRAW_LIMIT).then(|| format!("{:04}", v % 10_000))
}

/// A uniformly distributed PIN `0000`..`9999`, drawing from `draw` (a CSPRNG, e.g. `|| rng.random::<u16>()`) until
/// a draw is usable; on average 1.09 draws.
pub fn draw_pin(mut draw: impl FnMut() -> u16) -> String {
    loop {
        if let Some(pin) = pin_from_u16(draw()) {
            return pin;
        }
    }
}

/// The last four characters of a card number: enough to tell cards apart, never enough to use one.
pub fn last_four(number: &str) -> String {
    let start = number.char_indices().rev().nth(3).map(|(i, _)| i).unwrap_or(0);
    number[start..].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_four_is_the_tail_or_the_whole_of_a_short_number() {
        for (number, tail) in [("AB1234567890", "7890"), ("12", "12"), ("", ""), ("ÅB1234", "1234")] {
            assert_eq!(last_four(number), tail, "{number}");
        }
    }

    #[test]
    fn parse_table() {
        let cases: [(&str, Option<&str>); 16] = [
            ("AB1234567890", Some("AB1234567890")),
            ("ab1234567890", Some("AB1234567890")),
            ("  Ab1234567890\n", Some("AB1234567890")),
            ("AB 1234 567890", Some("AB1234567890")),
            ("A B 1 2 3 4 5 6 7 8 9 0", Some("AB1234567890")),
            ("AB123456789", None),
            ("AB12345678901", None),
            ("A11234567890", None),
            ("ABC234567890", None),
            ("AB12345678X0", None),
            ("AB-1234567890", None),
            ("ÄB1234567890", None),
            ("AB１２３４５６７８９０", None), // full-width digits are not on the card
            ("1234567890AB", None),
            ("", None),
            ("   ", None),
        ];
        for (input, want) in cases {
            assert_eq!(CardNumber::parse(input).ok().map(String::from).as_deref(), want, "{input:?}");
        }
    }

    #[test]
    fn masked_and_matches() {
        let Ok(n) = CardNumber::parse("AB1234567890") else { panic!("valid card number") };
        assert_eq!(n.masked(), "AB******7890");
        assert_eq!(n.to_string(), "AB1234567890");
        assert!(n.matches("ab 1234 567890"));
        assert!(!n.matches("AB1234567891"));
        assert!(!n.matches("nonsense"));
    }

    #[test]
    fn pin_from_u16_table() {
        let cases: [(u16, Option<&str>); 8] = [
            (0, Some("0000")),
            (7, Some("0007")),
            (9_999, Some("9999")),
            (10_000, Some("0000")),
            (59_999, Some("9999")),
            (60_000, None),
            (65_535, None),
            (12_345, Some("2345")),
        ];
        for (v, want) in cases {
            assert_eq!(pin_from_u16(v).as_deref(), want, "{v}");
        }
    }

    #[test]
    fn pin_is_uniform_over_all_draws() {
        let mut counts = vec![0u32; 10_000];
        for v in 0..=u16::MAX {
            if let Some(pin) = pin_from_u16(v) {
                let Ok(i) = pin.parse::<usize>() else { panic!("PIN {pin} is not numeric") };
                counts[i] += 1;
            }
        }
        assert!(counts.iter().all(|&c| c == 6), "every PIN must be reachable from exactly six draws");
    }

    #[test]
    fn draw_pin_retries_refused_draws() {
        let mut draws = [65_535u16, 60_000, 4_321].into_iter();
        assert_eq!(draw_pin(|| draws.next().unwrap_or(0)), "4321");
    }
}
