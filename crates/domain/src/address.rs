//! Address lines and postal codes as workers from anywhere write them: the rules are loose on purpose (no
//! country-specific formats), strict only about what would break a label or a log.

/// Why a text field was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextError {
    /// Empty or only whitespace.
    Required,
    /// Too long, or contains control characters (newlines, NUL, escape sequences).
    InvalidFormat,
}

/// A required one-line text (name, address line, city, reason): trimmed, 1..=`max` characters, no control
/// characters.
pub fn text_line(value: &str, max: usize) -> Result<String, TextError> {
    let v = value.trim();
    if v.is_empty() {
        Err(TextError::Required)
    } else if v.chars().count() > max || v.chars().any(char::is_control) {
        Err(TextError::InvalidFormat)
    } else {
        Ok(v.to_owned())
    }
}

/// A postal code as written anywhere in the world: 2 to 12 ASCII letters, digits, spaces or hyphens, upper-cased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostalCode(String);

impl PostalCode {
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        let v = raw.trim().to_uppercase();
        let fits = (2..=12).contains(&v.chars().count()) && v.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-');
        if fits { Ok(Self(v)) } else { Err("2 to 12 letters, digits, spaces or hyphens") }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postal_codes() {
        for (raw, want) in [
            ("114 55", Some("114 55")),
            (" sw1a 1aa ", Some("SW1A 1AA")),
            ("00-950", Some("00-950")),
            ("D02 X285", Some("D02 X285")),
            ("1", None),
            ("1234567890123", None),
            ("114\n55", None),
            ("ÅÄÖ12", None),
            ("", None),
        ] {
            assert_eq!(PostalCode::parse(raw).ok().map(|p| p.0), want.map(str::to_owned), "{raw:?}");
        }
    }

    #[test]
    fn text_lines() {
        assert_eq!(text_line("  Storgatan 1 ", 200), Ok("Storgatan 1".into()));
        assert_eq!(text_line("ul. Łódzka 5/7", 200), Ok("ul. Łódzka 5/7".into()));
        assert_eq!(text_line("   ", 200), Err(TextError::Required));
        assert_eq!(text_line("a\u{0}b", 200), Err(TextError::InvalidFormat));
        assert_eq!(text_line("line\nbreak", 200), Err(TextError::InvalidFormat));
        assert_eq!(text_line(&"x".repeat(201), 200), Err(TextError::InvalidFormat));
        assert_eq!(text_line(&"é".repeat(200), 200).map(|s| s.chars().count()), Ok(200));
    }
}
