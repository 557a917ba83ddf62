//! Phone, email, address (postal code, text lines), country, document and card-number parsers never panic,
//! and what they accept re-parses to the same value (idempotent normalisation).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitecard_domain::address::{PostalCode, text_line};
use sitecard_domain::card_number::CardNumber;
use sitecard_domain::country::{CountryCode, Nationality};
use sitecard_domain::{DocumentNumber, Email, Language, PhoneE164};

fuzz_target!(|s: &str| {
    if let Ok(p) = PhoneE164::parse(s) {
        assert_eq!(PhoneE164::parse(p.as_str()).map(|q| q.as_str().to_owned()), Ok(p.as_str().to_owned()));
        assert!(!p.masked().contains(&p.as_str()[3..p.as_str().len() - 2]) || p.as_str().len() < 8);
    }
    if let Ok(e) = Email::parse(s) {
        assert_eq!(Email::parse(e.as_str()).map(|f| f.as_str().to_owned()), Ok(e.as_str().to_owned()));
    }
    if let Ok(c) = CountryCode::parse(s) {
        assert_eq!(c.as_str().len(), 2);
    }
    if let Ok(n) = Nationality::parse(s) {
        assert!(Nationality::parse(n.as_str()).is_ok());
    }
    if let Ok(d) = DocumentNumber::parse(s) {
        assert_eq!(DocumentNumber::parse(d.as_str()).map(|x| x.as_str().to_owned()), Ok(d.as_str().to_owned()));
        let _ = d.masked();
    }
    if let Ok(c) = CardNumber::parse(s) {
        assert!(c.matches(c.as_str()));
        let _ = c.masked();
    }
    if let Ok(p) = PostalCode::parse(s) {
        assert_eq!(PostalCode::parse(p.as_str()).map(|q| q.as_str().to_owned()), Ok(p.as_str().to_owned()));
    }
    if let Ok(line) = text_line(s, 200) {
        assert!(line.chars().count() <= 200 && !line.chars().any(char::is_control));
        assert_eq!(text_line(&line, 200), Ok(line.clone()));
    }
    let _ = Language::from_accept_language(s);
});
