//! E-mail addresses as the account key: trimmed, lower-cased, plausibly shaped.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EmailError {
    #[error("not a valid e-mail address")]
    Invalid,
}

impl Email {
    pub fn parse(raw: &str) -> Result<Self, EmailError> {
        let s = raw.trim().to_lowercase();
        if s.len() > 254 || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(EmailError::Invalid);
        }
        let (local, domain) = s.rsplit_once('@').ok_or(EmailError::Invalid)?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        if local.is_empty() || local.len() > 64 || local.contains('@') || !domain_ok {
            return Err(EmailError::Invalid);
        }
        Ok(Self(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        let cases = [
            (" Worker@Demo.Test ", Some("worker@demo.test")),
            ("a@b.se", Some("a@b.se")),
            ("no-at-sign", None),
            ("@demo.test", None),
            ("a@nodot", None),
            ("a@.demo.test", None),
            ("a b@demo.test", None),
            ("a@demo..test", None),
            ("", None),
        ];
        for (raw, want) in cases {
            assert_eq!(Email::parse(raw).ok().map(|e| e.as_str().to_owned()).as_deref(), want, "{raw}");
        }
    }
}
