//! A partner client's id: what it sends as `client_id` in the OAuth token request and what operators see.

use std::fmt;

/// 3 to 64 characters: lowercase letters, digits, `.`, `_` and `-`, starting with a letter or digit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientId(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("3 to 64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit")]
pub struct InvalidClientId;

impl ClientId {
    pub fn parse(raw: &str) -> Result<Self, InvalidClientId> {
        let s = raw.trim();
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-');
        let starts_well = s.chars().next().is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
        if (3..=64).contains(&s.len()) && starts_well && s.chars().all(allowed) { Ok(Self(s.to_owned())) } else { Err(InvalidClientId) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ClientId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_ids() {
        let cases = [
            ("nordic-card-print", true),
            ("  gate.vendor_2  ", true),
            ("abc", true),
            ("ab", false),
            ("-print", false),
            ("Print", false),
            ("print shop", false),
            ("print/shop", false),
            ("ünicode", false),
            (&"a".repeat(64), true),
            (&"a".repeat(65), false),
        ];
        for (raw, ok) in cases {
            assert_eq!(ClientId::parse(raw).is_ok(), ok, "{raw:?}");
        }
        assert_eq!(ClientId::parse(" abc ").unwrap().as_str(), "abc");
    }
}
