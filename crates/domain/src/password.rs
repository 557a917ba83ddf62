//! Password policy per NIST SP 800-63B: 8 to 128 characters, no composition rules, and not a common or
//! easily guessed password (zxcvbn, which knows the common-password lists and the user's own data).

#[derive(Debug, thiserror::Error, PartialEq, Eq, Clone, Copy)]
pub enum PasswordProblem {
    #[error("the password must have at least 8 characters")]
    TooShort,
    #[error("the password must have at most 128 characters")]
    TooLong,
    #[error("the password is too common or too easy to guess")]
    TooCommon,
}

impl PasswordProblem {
    pub fn code(&self) -> &'static str {
        match self {
            Self::TooShort => "too_short",
            Self::TooLong => "too_long",
            Self::TooCommon => "too_common",
        }
    }
}

pub const MIN_CHARS: usize = 8;
pub const MAX_CHARS: usize = 128;

/// Checks a new password; `user_inputs` are things an attacker knows (email, names).
pub fn check_password(password: &str, user_inputs: &[&str]) -> Result<(), PasswordProblem> {
    let chars = password.chars().count();
    if chars < MIN_CHARS {
        return Err(PasswordProblem::TooShort);
    }
    if chars > MAX_CHARS {
        return Err(PasswordProblem::TooLong);
    }
    let inputs: Vec<&str> = user_inputs.iter().flat_map(|s| s.split(['@', '.', ' ', '-'])).filter(|s| s.len() >= 3).collect();
    let score = zxcvbn::zxcvbn(password, &inputs).score();
    if (score as u8) < 2 {
        return Err(PasswordProblem::TooCommon);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_policy_table() {
        let cases: &[(&str, &[&str], Result<(), PasswordProblem>)] = &[
            ("short", &[], Err(PasswordProblem::TooShort)),
            ("password", &[], Err(PasswordProblem::TooCommon)),
            ("12345678", &[], Err(PasswordProblem::TooCommon)),
            ("qwertyuiop", &[], Err(PasswordProblem::TooCommon)),
            ("demo-password-1", &[], Ok(())),
            ("correct horse battery staple", &[], Ok(())),
            ("svensson2024", &["anna.svensson@example.com"], Err(PasswordProblem::TooCommon)),
            ("żółta łódź pływa", &[], Ok(())),
        ];
        for (pw, inputs, want) in cases {
            assert_eq!(check_password(pw, inputs), *want, "{pw}");
        }
        assert_eq!(check_password(&"a1b2".repeat(33), &[]), Err(PasswordProblem::TooLong));
    }
}
