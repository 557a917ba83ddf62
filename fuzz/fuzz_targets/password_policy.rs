//! The password policy (length rules and zxcvbn) never panics on any input, including user inputs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitecard_domain::password::check_password;

fuzz_target!(|input: (&str, &str)| {
    let (pw, user) = input;
    if pw.len() <= 512 {
        let _ = check_password(pw, &[user]);
    }
});
