//! The languages messages and pages are written in. Adding one: a variant here, texts in notify and the SPA.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    En,
    Sv,
    Pl,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::En, Language::Sv, Language::Pl];

    pub fn parse(s: &str) -> Option<Self> {
        let primary = s.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Self::En),
            "sv" => Some(Self::Sv),
            "pl" => Some(Self::Pl),
            _ => None,
        }
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Sv => "sv",
            Self::Pl => "pl",
        }
    }

    /// The best supported language from an `Accept-Language` header, by quality.
    pub fn from_accept_language(header: &str) -> Self {
        let mut best: Option<(f32, Language)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or_default();
            let q = pieces.find_map(|p| p.trim().strip_prefix("q=")).and_then(|q| q.parse::<f32>().ok()).unwrap_or(1.0);
            if let Some(lang) = Language::parse(tag)
                && best.is_none_or(|(bq, _)| q > bq)
            {
                best = Some((q, lang));
            }
        }
        best.map(|(_, l)| l).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_best_supported() {
        let cases = [
            ("sv-SE,sv;q=0.9,en;q=0.8", Language::Sv),
            ("de-DE,pl;q=0.5,en;q=0.4", Language::Pl),
            ("fr", Language::En),
            ("", Language::En),
            ("en;q=0.2, pl;q=0.9", Language::Pl),
        ];
        for (h, want) in cases {
            assert_eq!(Language::from_accept_language(h), want, "{h}");
        }
    }
}
