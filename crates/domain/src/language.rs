//! The languages messages and pages are written in. Adding one: a variant here, its Fluent file in
//! `crates/notify/locales` and its locale file in the SPA (tests check the three agree).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    En,
    Sv,
    Pl,
    Lt,
    Lv,
    Et,
    Ro,
    Uk,
    De,
}

impl Language {
    pub const ALL: [Language; 9] =
        [Language::En, Language::Sv, Language::Pl, Language::Lt, Language::Lv, Language::Et, Language::Ro, Language::Uk, Language::De];

    /// Said in validation messages: "use one of en, sv, …".
    pub const CODES: &'static str = "en, sv, pl, lt, lv, et, ro, uk, de";

    /// A code or BCP 47 tag (`sv-SE`, `UK`): its primary subtag, if we write that language.
    pub fn parse(s: &str) -> Option<Self> {
        let primary = s.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.as_str() == primary)
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Sv => "sv",
            Self::Pl => "pl",
            Self::Lt => "lt",
            Self::Lv => "lv",
            Self::Et => "et",
            Self::Ro => "ro",
            Self::Uk => "uk",
            Self::De => "de",
        }
    }

    /// The best supported language from an `Accept-Language` header, by quality; English when none is.
    pub fn from_accept_language(header: &str) -> Self {
        Self::best_of(header).unwrap_or_default()
    }

    /// The best supported language an `Accept-Language` header names, if it names one (`q=0` excluded).
    pub fn best_of(header: &str) -> Option<Self> {
        let mut best: Option<(f32, Language)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or_default();
            let q = pieces.find_map(|p| p.trim().strip_prefix("q=")).and_then(|q| q.parse::<f32>().ok()).unwrap_or(1.0);
            if let Some(lang) = Language::parse(tag)
                && q > 0.0
                && best.is_none_or(|(bq, _)| q > bq)
            {
                best = Some((q, lang));
            }
        }
        best.map(|(_, l)| l)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_best_supported() {
        let cases = [
            ("sv-SE,sv;q=0.9,en;q=0.8", Language::Sv),
            ("fr-FR,pl;q=0.5,en;q=0.4", Language::Pl),
            ("fr", Language::En),
            ("", Language::En),
            ("en;q=0.2, pl;q=0.9", Language::Pl),
            ("uk-UA,uk;q=0.9,ru;q=0.8", Language::Uk),
            ("lt", Language::Lt),
            ("lv-LV", Language::Lv),
            ("et-EE,en;q=0.5", Language::Et),
            ("ro-RO", Language::Ro),
            ("de-AT,de;q=0.9", Language::De),
            ("de;q=0, sv;q=0.1", Language::Sv),
        ];
        for (h, want) in cases {
            assert_eq!(Language::from_accept_language(h), want, "{h}");
        }
        assert_eq!(Language::best_of("fr-FR, ru"), None);
    }

    #[test]
    fn every_code_parses_back_and_is_listed() {
        for l in Language::ALL {
            assert_eq!(Language::parse(l.as_str()), Some(l));
            assert_eq!(Language::parse(&l.as_str().to_uppercase()), Some(l));
            assert!(Language::CODES.contains(l.as_str()));
        }
        assert_eq!(Language::parse("ua"), None, "Ukrainian is uk (ISO 639-1), not the country code");
    }
}
