//! The identity-match normaliser and comparison never panic, are symmetric, and a name always matches itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitecard_domain::identity_match::{IdentityMatch, PersonalData, match_identity, names_match, normalize_name};

fuzz_target!(|input: (&str, &str, u16, Option<&str>)| {
    let (a, b, days, nat) = input;
    let _ = normalize_name(a);
    assert_eq!(names_match(a, b), names_match(b, a), "symmetric");
    if !normalize_name(a).is_empty() && a.chars().count() < 200 {
        assert!(names_match(a, a), "a name matches itself: {a:?}");
    }
    let dob = chrono::NaiveDate::from_ymd_opt(1950, 1, 1).and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(days) % 30000)));
    if let Some(dob) = dob {
        let p = PersonalData { given_names: a, surname: b, date_of_birth: dob, nationality: nat };
        let _ = match_identity(&p, &p);
        if let IdentityMatch::Mismatch(fields) = match_identity(&p, &p) {
            // Only an unparsable or empty value may fail to match itself.
            assert!(fields.len() <= 3);
        }
    }
});
