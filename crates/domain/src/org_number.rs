//! A company's registration number. Swedish organisationsnummer: ten digits, the last a Luhn check digit,
//! written with or without the hyphen (`556677-8899`); other countries: the registry's number as given.

use std::fmt;

use crate::country::CountryCode;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgNumber(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OrgNumberError {
    #[error("a Swedish organisation number has ten digits, e.g. 556677-8899")]
    SwedishFormat,
    #[error("the check digit does not match: check the number for a typing error")]
    CheckDigit,
    #[error("the registration number is required (at most 40 characters)")]
    Required,
}

impl OrgNumber {
    /// Swedish numbers are stored as `NNNNNN-NNNN`, so both spellings find the same company.
    pub fn parse(raw: &str, country: &CountryCode) -> Result<Self, OrgNumberError> {
        let s = raw.trim();
        if country.as_str() != "SE" {
            let ok = !s.is_empty() && s.chars().count() <= 40 && !s.chars().any(char::is_control);
            return if ok { Ok(Self(s.to_owned())) } else { Err(OrgNumberError::Required) };
        }
        let digits: String = s.chars().filter(|c| *c != '-' && *c != ' ').collect();
        let hyphen_ok = !s.contains('-') || (s.find('-') == Some(6) && s.matches('-').count() == 1);
        if digits.len() != 10 || !digits.chars().all(|c| c.is_ascii_digit()) || !hyphen_ok {
            return Err(OrgNumberError::SwedishFormat);
        }
        if !luhn_valid(&digits) {
            return Err(OrgNumberError::CheckDigit);
        }
        Ok(Self(format!("{}-{}", &digits[..6], &digits[6..])))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OrgNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The Luhn (mod 10) check over all ten digits, the last being the check digit.
fn luhn_valid(digits: &str) -> bool {
    let sum: u32 = digits
        .chars()
        .filter_map(|c| c.to_digit(10))
        .enumerate()
        .map(|(i, d)| {
            if i % 2 == 0 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn se() -> CountryCode {
        CountryCode::parse("SE").unwrap()
    }

    #[test]
    fn swedish_numbers_need_ten_digits_and_a_valid_check_digit() {
        let cases: [(&str, Result<&str, OrgNumberError>); 9] = [
            ("556677-8899", Ok("556677-8899")),
            ("5566778899", Ok("556677-8899")),
            (" 556677 8899 ", Ok("556677-8899")),
            ("202100-5489", Ok("202100-5489")),
            ("556677-8898", Err(OrgNumberError::CheckDigit)),
            ("55667-78899", Err(OrgNumberError::SwedishFormat)),
            ("556677-889", Err(OrgNumberError::SwedishFormat)),
            ("55667788AB", Err(OrgNumberError::SwedishFormat)),
            ("", Err(OrgNumberError::SwedishFormat)),
        ];
        for (raw, expected) in cases {
            assert_eq!(OrgNumber::parse(raw, &se()).as_ref().map(|o| o.as_str()).map_err(|e| *e), expected, "{raw:?}");
        }
    }

    #[test]
    fn other_countries_take_the_number_as_given() {
        let pl = CountryCode::parse("PL").unwrap();
        assert_eq!(OrgNumber::parse(" KRS 0000123456 ", &pl).unwrap().as_str(), "KRS 0000123456");
        assert_eq!(OrgNumber::parse("  ", &pl), Err(OrgNumberError::Required));
        assert_eq!(OrgNumber::parse(&"1".repeat(41), &pl), Err(OrgNumberError::Required));
    }
}
