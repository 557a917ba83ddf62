//! JSON numbers as JSON Schema sees them: `1.0` is an integer. serde's `i32` refuses it, so a client whose
//! JSON library writes every number as a float (JavaScript's, many mobile ones) would get a 400 for a value
//! the document allows.

use serde::{Deserialize, Deserializer, de::Error};

/// An `i32` written as `7` or `7.0`.
pub fn integer<'de, D: Deserializer<'de>>(d: D) -> Result<i32, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Number {
        Int(i64),
        Float(f64),
    }
    let n = match Number::deserialize(d)? {
        Number::Int(i) => i,
        Number::Float(f) if f.fract() == 0.0 && (f64::from(i32::MIN)..=f64::from(i32::MAX)).contains(&f) => f as i64,
        Number::Float(f) => return Err(D::Error::custom(format!("expected an integer, got {f}"))),
    };
    i32::try_from(n).map_err(|_| D::Error::custom(format!("{n} is out of range")))
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    struct V {
        #[serde(deserialize_with = "super::integer")]
        version: i32,
    }

    #[test]
    fn integers_may_be_written_as_floats_without_a_fraction() {
        for (body, want) in [
            (r#"{"version":3}"#, Some(3)),
            (r#"{"version":3.0}"#, Some(3)),
            (r#"{"version":-0.0}"#, Some(0)),
            (r#"{"version":-2147483648.0}"#, Some(i32::MIN)),
            (r#"{"version":2147483647.0}"#, Some(i32::MAX)),
        ] {
            assert_eq!(serde_json::from_str::<V>(body).ok().map(|v| v.version), want, "{body}");
        }
        for body in [
            r#"{"version":3.5}"#,
            r#"{"version":"3"}"#,
            r#"{"version":1e300}"#,
            r#"{"version":4294967296}"#,
            r#"{"version":2147483648.0}"#,
            r#"{"version":null}"#,
        ] {
            assert!(serde_json::from_str::<V>(body).is_err(), "{body}");
        }
    }
}
