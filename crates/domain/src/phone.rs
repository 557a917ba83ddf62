//! Mobile numbers in E.164 (`+46700000003`): what SMS providers accept and what we store.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PhoneE164(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PhoneError {
    #[error("a phone number in international format is needed, e.g. +46 70 123 45 67")]
    Invalid,
}

impl PhoneE164 {
    /// Accepts the usual ways people type a number (spaces, dashes, dots, parentheses, a `00` prefix)
    /// but insists on the country code.
    pub fn parse(raw: &str) -> Result<Self, PhoneError> {
        let compact: String = raw.trim().chars().filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')' | '\u{a0}')).collect();
        let digits = compact.strip_prefix('+').or_else(|| compact.strip_prefix("00")).ok_or(PhoneError::Invalid)?;
        let valid = (8..=15).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit()) && !digits.starts_with('0');
        if !valid {
            return Err(PhoneError::Invalid);
        }
        Ok(Self(format!("+{digits}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What we show to say where a code went, without giving the number away: `+46 ••• ••• 03`.
    pub fn masked(&self) -> String {
        mask_phone(&self.0)
    }
}

/// Masks any stored number, keeping the first three and last two characters.
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    if chars.len() < 6 {
        return "••••".into();
    }
    let head: String = chars[..3].iter().collect();
    let tail: String = chars[chars.len() - 2..].iter().collect();
    format!("{head}{}{tail}", "•".repeat(chars.len() - 5))
}

impl fmt::Display for PhoneE164 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_parse_to_e164() {
        let cases = [
            ("+46700000003", Some("+46700000003")),
            ("+46 70-000 00 03", Some("+46700000003")),
            ("0046 70 000 00 03", Some("+46700000003")),
            ("+48 (22) 123 45 67", Some("+48221234567")),
            ("070 000 00 03", None),
            ("+0700000003", None),
            ("+46abc", None),
            ("+1234567", None),
            ("+1234567890123456", None),
            ("", None),
        ];
        for (raw, want) in cases {
            assert_eq!(PhoneE164::parse(raw).ok().map(|p| p.as_str().to_owned()).as_deref(), want, "{raw}");
        }
    }

    #[test]
    fn masking_hides_the_middle() {
        assert_eq!(mask_phone("+46700000003"), "+46•••••••03");
    }
}
