//! Identity documents checked in person: passports and national ID cards.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentType {
    Passport,
    NationalId,
}

impl DocumentType {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Passport => "passport",
            Self::NationalId => "national_id",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "passport" => Some(Self::Passport),
            "national_id" => Some(Self::NationalId),
            _ => None,
        }
    }
}

/// A document number as printed: letters and digits, 5 to 20 of them, compared without spaces or case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentNumber(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DocumentNumberError {
    #[error("a document number has 5 to 20 letters and digits")]
    Invalid,
}

impl DocumentNumber {
    pub fn parse(raw: &str) -> Result<Self, DocumentNumberError> {
        let s: String = raw.chars().filter(|c| !c.is_whitespace() && *c != '-').collect::<String>().to_uppercase();
        if !(5..=20).contains(&s.len()) || !s.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(DocumentNumberError::Invalid);
        }
        Ok(Self(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The last three characters: stored in clear to find a record by number and to mask it.
    pub fn last_three(&self) -> &str {
        // ASCII only (checked in `parse`), so byte offsets are character offsets.
        &self.0[self.0.len().saturating_sub(3)..]
    }

    /// Only the last three characters are ever shown: `••••••123`.
    pub fn masked(&self) -> String {
        mask_document_number(&self.0)
    }
}

pub fn mask_document_number(s: &str) -> String {
    let n = s.chars().count();
    let tail: String = s.chars().skip(n.saturating_sub(3)).collect();
    format!("{}{tail}", "•".repeat(n.saturating_sub(3).max(3)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_numbers_are_normalised_and_masked() {
        assert_eq!(DocumentNumber::parse(" ab 123-4567 ").map(|d| d.as_str().to_owned()), Ok("AB1234567".into()));
        assert!(DocumentNumber::parse("12").is_err());
        assert!(DocumentNumber::parse("AB12345;DROP").is_err());
        assert_eq!(DocumentNumber::parse("AB1234567").map(|d| d.masked()), Ok("••••••567".into()));
    }
}
