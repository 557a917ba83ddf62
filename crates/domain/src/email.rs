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

/// An address as operators see it in the outbox: the first character of the local part and the domain,
/// `a•••@example.com`; anything that is not an address is masked whole.
pub fn mask_email(address: &str) -> String {
    match address.rsplit_once('@') {
        Some((local, domain)) if !local.is_empty() => {
            let first: String = local.chars().take(1).collect();
            format!("{first}•••@{domain}")
        }
        _ => "•••".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masked_addresses_keep_the_domain() {
        let cases = [("anna.kowalska@example.com", "a•••@example.com"), ("x@y.se", "x•••@y.se"), ("no-at-sign", "•••"), ("@y.se", "•••")];
        for (address, masked) in cases {
            assert_eq!(mask_email(address), masked, "{address}");
        }
    }

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
