//! ISO 3166-1 country codes: the alpha-2 codes used in postal addresses and the alpha-3 codes (plus ICAO's
//! special codes) printed as nationality in passports, and the mapping between the two.

use std::fmt;
use std::str::FromStr;

/// Why a country or nationality code was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq, Clone, Copy)]
pub enum CountryError {
    #[error("not an ISO 3166-1 country code")]
    Unknown,
}

/// Every officially assigned ISO 3166-1 code as `(alpha-2, alpha-3, English short name)`, sorted by alpha-2
/// so that look-ups can binary-search. Generated from Debian's iso-codes 4.15 (`iso_3166-1.json`).
static COUNTRIES: [(&str, &str, &str); 249] = [
    ("AD", "AND", "Andorra"),
    ("AE", "ARE", "United Arab Emirates"),
    ("AF", "AFG", "Afghanistan"),
    ("AG", "ATG", "Antigua and Barbuda"),
    ("AI", "AIA", "Anguilla"),
    ("AL", "ALB", "Albania"),
    ("AM", "ARM", "Armenia"),
    ("AO", "AGO", "Angola"),
    ("AQ", "ATA", "Antarctica"),
    ("AR", "ARG", "Argentina"),
    ("AS", "ASM", "American Samoa"),
    ("AT", "AUT", "Austria"),
    ("AU", "AUS", "Australia"),
    ("AW", "ABW", "Aruba"),
    ("AX", "ALA", "Åland Islands"),
    ("AZ", "AZE", "Azerbaijan"),
    ("BA", "BIH", "Bosnia and Herzegovina"),
    ("BB", "BRB", "Barbados"),
    ("BD", "BGD", "Bangladesh"),
    ("BE", "BEL", "Belgium"),
    ("BF", "BFA", "Burkina Faso"),
    ("BG", "BGR", "Bulgaria"),
    ("BH", "BHR", "Bahrain"),
    ("BI", "BDI", "Burundi"),
    ("BJ", "BEN", "Benin"),
    ("BL", "BLM", "Saint Barthélemy"),
    ("BM", "BMU", "Bermuda"),
    ("BN", "BRN", "Brunei Darussalam"),
    ("BO", "BOL", "Bolivia"),
    ("BQ", "BES", "Bonaire, Sint Eustatius and Saba"),
    ("BR", "BRA", "Brazil"),
    ("BS", "BHS", "Bahamas"),
    ("BT", "BTN", "Bhutan"),
    ("BV", "BVT", "Bouvet Island"),
    ("BW", "BWA", "Botswana"),
    ("BY", "BLR", "Belarus"),
    ("BZ", "BLZ", "Belize"),
    ("CA", "CAN", "Canada"),
    ("CC", "CCK", "Cocos (Keeling) Islands"),
    ("CD", "COD", "Congo, The Democratic Republic of the"),
    ("CF", "CAF", "Central African Republic"),
    ("CG", "COG", "Congo"),
    ("CH", "CHE", "Switzerland"),
    ("CI", "CIV", "Côte d'Ivoire"),
    ("CK", "COK", "Cook Islands"),
    ("CL", "CHL", "Chile"),
    ("CM", "CMR", "Cameroon"),
    ("CN", "CHN", "China"),
    ("CO", "COL", "Colombia"),
    ("CR", "CRI", "Costa Rica"),
    ("CU", "CUB", "Cuba"),
    ("CV", "CPV", "Cabo Verde"),
    ("CW", "CUW", "Curaçao"),
    ("CX", "CXR", "Christmas Island"),
    ("CY", "CYP", "Cyprus"),
    ("CZ", "CZE", "Czechia"),
    ("DE", "DEU", "Germany"),
    ("DJ", "DJI", "Djibouti"),
    ("DK", "DNK", "Denmark"),
    ("DM", "DMA", "Dominica"),
    ("DO", "DOM", "Dominican Republic"),
    ("DZ", "DZA", "Algeria"),
    ("EC", "ECU", "Ecuador"),
    ("EE", "EST", "Estonia"),
    ("EG", "EGY", "Egypt"),
    ("EH", "ESH", "Western Sahara"),
    ("ER", "ERI", "Eritrea"),
    ("ES", "ESP", "Spain"),
    ("ET", "ETH", "Ethiopia"),
    ("FI", "FIN", "Finland"),
    ("FJ", "FJI", "Fiji"),
    ("FK", "FLK", "Falkland Islands (Malvinas)"),
    ("FM", "FSM", "Micronesia, Federated States of"),
    ("FO", "FRO", "Faroe Islands"),
    ("FR", "FRA", "France"),
    ("GA", "GAB", "Gabon"),
    ("GB", "GBR", "United Kingdom"),
    ("GD", "GRD", "Grenada"),
    ("GE", "GEO", "Georgia"),
    ("GF", "GUF", "French Guiana"),
    ("GG", "GGY", "Guernsey"),
    ("GH", "GHA", "Ghana"),
    ("GI", "GIB", "Gibraltar"),
    ("GL", "GRL", "Greenland"),
    ("GM", "GMB", "Gambia"),
    ("GN", "GIN", "Guinea"),
    ("GP", "GLP", "Guadeloupe"),
    ("GQ", "GNQ", "Equatorial Guinea"),
    ("GR", "GRC", "Greece"),
    ("GS", "SGS", "South Georgia and the South Sandwich Islands"),
    ("GT", "GTM", "Guatemala"),
    ("GU", "GUM", "Guam"),
    ("GW", "GNB", "Guinea-Bissau"),
    ("GY", "GUY", "Guyana"),
    ("HK", "HKG", "Hong Kong"),
    ("HM", "HMD", "Heard Island and McDonald Islands"),
    ("HN", "HND", "Honduras"),
    ("HR", "HRV", "Croatia"),
    ("HT", "HTI", "Haiti"),
    ("HU", "HUN", "Hungary"),
    ("ID", "IDN", "Indonesia"),
    ("IE", "IRL", "Ireland"),
    ("IL", "ISR", "Israel"),
    ("IM", "IMN", "Isle of Man"),
    ("IN", "IND", "India"),
    ("IO", "IOT", "British Indian Ocean Territory"),
    ("IQ", "IRQ", "Iraq"),
    ("IR", "IRN", "Iran"),
    ("IS", "ISL", "Iceland"),
    ("IT", "ITA", "Italy"),
    ("JE", "JEY", "Jersey"),
    ("JM", "JAM", "Jamaica"),
    ("JO", "JOR", "Jordan"),
    ("JP", "JPN", "Japan"),
    ("KE", "KEN", "Kenya"),
    ("KG", "KGZ", "Kyrgyzstan"),
    ("KH", "KHM", "Cambodia"),
    ("KI", "KIR", "Kiribati"),
    ("KM", "COM", "Comoros"),
    ("KN", "KNA", "Saint Kitts and Nevis"),
    ("KP", "PRK", "North Korea"),
    ("KR", "KOR", "South Korea"),
    ("KW", "KWT", "Kuwait"),
    ("KY", "CYM", "Cayman Islands"),
    ("KZ", "KAZ", "Kazakhstan"),
    ("LA", "LAO", "Laos"),
    ("LB", "LBN", "Lebanon"),
    ("LC", "LCA", "Saint Lucia"),
    ("LI", "LIE", "Liechtenstein"),
    ("LK", "LKA", "Sri Lanka"),
    ("LR", "LBR", "Liberia"),
    ("LS", "LSO", "Lesotho"),
    ("LT", "LTU", "Lithuania"),
    ("LU", "LUX", "Luxembourg"),
    ("LV", "LVA", "Latvia"),
    ("LY", "LBY", "Libya"),
    ("MA", "MAR", "Morocco"),
    ("MC", "MCO", "Monaco"),
    ("MD", "MDA", "Moldova"),
    ("ME", "MNE", "Montenegro"),
    ("MF", "MAF", "Saint Martin (French part)"),
    ("MG", "MDG", "Madagascar"),
    ("MH", "MHL", "Marshall Islands"),
    ("MK", "MKD", "North Macedonia"),
    ("ML", "MLI", "Mali"),
    ("MM", "MMR", "Myanmar"),
    ("MN", "MNG", "Mongolia"),
    ("MO", "MAC", "Macao"),
    ("MP", "MNP", "Northern Mariana Islands"),
    ("MQ", "MTQ", "Martinique"),
    ("MR", "MRT", "Mauritania"),
    ("MS", "MSR", "Montserrat"),
    ("MT", "MLT", "Malta"),
    ("MU", "MUS", "Mauritius"),
    ("MV", "MDV", "Maldives"),
    ("MW", "MWI", "Malawi"),
    ("MX", "MEX", "Mexico"),
    ("MY", "MYS", "Malaysia"),
    ("MZ", "MOZ", "Mozambique"),
    ("NA", "NAM", "Namibia"),
    ("NC", "NCL", "New Caledonia"),
    ("NE", "NER", "Niger"),
    ("NF", "NFK", "Norfolk Island"),
    ("NG", "NGA", "Nigeria"),
    ("NI", "NIC", "Nicaragua"),
    ("NL", "NLD", "Netherlands"),
    ("NO", "NOR", "Norway"),
    ("NP", "NPL", "Nepal"),
    ("NR", "NRU", "Nauru"),
    ("NU", "NIU", "Niue"),
    ("NZ", "NZL", "New Zealand"),
    ("OM", "OMN", "Oman"),
    ("PA", "PAN", "Panama"),
    ("PE", "PER", "Peru"),
    ("PF", "PYF", "French Polynesia"),
    ("PG", "PNG", "Papua New Guinea"),
    ("PH", "PHL", "Philippines"),
    ("PK", "PAK", "Pakistan"),
    ("PL", "POL", "Poland"),
    ("PM", "SPM", "Saint Pierre and Miquelon"),
    ("PN", "PCN", "Pitcairn"),
    ("PR", "PRI", "Puerto Rico"),
    ("PS", "PSE", "Palestine, State of"),
    ("PT", "PRT", "Portugal"),
    ("PW", "PLW", "Palau"),
    ("PY", "PRY", "Paraguay"),
    ("QA", "QAT", "Qatar"),
    ("RE", "REU", "Réunion"),
    ("RO", "ROU", "Romania"),
    ("RS", "SRB", "Serbia"),
    ("RU", "RUS", "Russian Federation"),
    ("RW", "RWA", "Rwanda"),
    ("SA", "SAU", "Saudi Arabia"),
    ("SB", "SLB", "Solomon Islands"),
    ("SC", "SYC", "Seychelles"),
    ("SD", "SDN", "Sudan"),
    ("SE", "SWE", "Sweden"),
    ("SG", "SGP", "Singapore"),
    ("SH", "SHN", "Saint Helena, Ascension and Tristan da Cunha"),
    ("SI", "SVN", "Slovenia"),
    ("SJ", "SJM", "Svalbard and Jan Mayen"),
    ("SK", "SVK", "Slovakia"),
    ("SL", "SLE", "Sierra Leone"),
    ("SM", "SMR", "San Marino"),
    ("SN", "SEN", "Senegal"),
    ("SO", "SOM", "Somalia"),
    ("SR", "SUR", "Suriname"),
    ("SS", "SSD", "South Sudan"),
    ("ST", "STP", "Sao Tome and Principe"),
    ("SV", "SLV", "El Salvador"),
    ("SX", "SXM", "Sint Maarten (Dutch part)"),
    ("SY", "SYR", "Syria"),
    ("SZ", "SWZ", "Eswatini"),
    ("TC", "TCA", "Turks and Caicos Islands"),
    ("TD", "TCD", "Chad"),
    ("TF", "ATF", "French Southern Territories"),
    ("TG", "TGO", "Togo"),
    ("TH", "THA", "Thailand"),
    ("TJ", "TJK", "Tajikistan"),
    ("TK", "TKL", "Tokelau"),
    ("TL", "TLS", "Timor-Leste"),
    ("TM", "TKM", "Turkmenistan"),
    ("TN", "TUN", "Tunisia"),
    ("TO", "TON", "Tonga"),
    ("TR", "TUR", "Türkiye"),
    ("TT", "TTO", "Trinidad and Tobago"),
    ("TV", "TUV", "Tuvalu"),
    ("TW", "TWN", "Taiwan"),
    ("TZ", "TZA", "Tanzania"),
    ("UA", "UKR", "Ukraine"),
    ("UG", "UGA", "Uganda"),
    ("UM", "UMI", "United States Minor Outlying Islands"),
    ("US", "USA", "United States"),
    ("UY", "URY", "Uruguay"),
    ("UZ", "UZB", "Uzbekistan"),
    ("VA", "VAT", "Holy See (Vatican City State)"),
    ("VC", "VCT", "Saint Vincent and the Grenadines"),
    ("VE", "VEN", "Venezuela"),
    ("VG", "VGB", "Virgin Islands, British"),
    ("VI", "VIR", "Virgin Islands, U.S."),
    ("VN", "VNM", "Vietnam"),
    ("VU", "VUT", "Vanuatu"),
    ("WF", "WLF", "Wallis and Futuna"),
    ("WS", "WSM", "Samoa"),
    ("YE", "YEM", "Yemen"),
    ("YT", "MYT", "Mayotte"),
    ("ZA", "ZAF", "South Africa"),
    ("ZM", "ZMB", "Zambia"),
    ("ZW", "ZWE", "Zimbabwe"),
];

/// Nationality codes from ICAO Doc 9303 part 3 that are not ISO 3166-1 countries but do appear in the
/// nationality field of travel documents, so a verifier must be able to record them.
static ICAO_SPECIAL_NATIONALITIES: [&str; 22] = [
    "EUE", // European Union
    "GBD", // British Overseas Territories Citizen
    "GBN", // British National (Overseas)
    "GBO", // British Overseas Citizen
    "GBP", // British Protected Person
    "GBS", // British Subject
    "RKS", // Kosovo: not in ISO 3166-1, but printed in Kosovo passports
    "UNA", // specialised agency of the United Nations
    "UNK", // resident of Kosovo with a UNMIK travel document
    "UNO", // United Nations organisation
    "XBA", // African Development Bank
    "XCC", // Caribbean Community
    "XCE", // Council of Europe
    "XCO", // Common Market for Eastern and Southern Africa
    "XEC", // Economic Community of West African States
    "XIM", // African Export-Import Bank
    "XOM", // Sovereign Military Order of Malta
    "XPO", // Interpol
    "XXA", // stateless person
    "XXB", // refugee under the 1951 Convention
    "XXC", // refugee other than under the 1951 Convention
    "XXX", // unspecified nationality
];

fn by_alpha2(a2: &str) -> Option<&'static (&'static str, &'static str, &'static str)> {
    COUNTRIES.binary_search_by(|(code, _, _)| (*code).cmp(a2)).ok().and_then(|i| COUNTRIES.get(i))
}

// A linear scan is fine for 249 rows and spares a second table that could drift from the first.
fn by_alpha3(a3: &str) -> Option<&'static (&'static str, &'static str, &'static str)> {
    COUNTRIES.iter().find(|(_, code, _)| *code == a3)
}

/// Trims, and uppercases ASCII; `None` when anything but ASCII letters remains, so that look-ups never
/// see lookalike letters from other scripts.
fn clean(s: &str) -> Option<String> {
    let s = s.trim();
    s.chars().all(|c| c.is_ascii_alphabetic()).then(|| s.to_ascii_uppercase())
}

/// The alpha-3 code for an alpha-2 code (case-insensitive), e.g. `SE` → `SWE`.
pub fn alpha2_to_alpha3(a2: &str) -> Option<&'static str> {
    by_alpha2(&clean(a2)?).map(|(_, a3, _)| *a3)
}

/// The alpha-2 code for an alpha-3 code (case-insensitive), e.g. `SWE` → `SE`.
pub fn alpha3_to_alpha2(a3: &str) -> Option<&'static str> {
    by_alpha3(&clean(a3)?).map(|(a2, _, _)| *a2)
}

/// An ISO 3166-1 alpha-2 country code, always uppercase, e.g. `SE`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String")]
pub struct CountryCode(String);

impl CountryCode {
    /// Accepts an officially assigned alpha-2 code in any case, surrounding whitespace ignored.
    pub fn parse(s: &str) -> Result<Self, CountryError> {
        let code = clean(s).ok_or(CountryError::Unknown)?;
        by_alpha2(&code).map(|(a2, _, _)| Self((*a2).to_owned())).ok_or(CountryError::Unknown)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn alpha3(&self) -> &'static str {
        by_alpha2(&self.0).map_or("", |(_, a3, _)| *a3)
    }

    /// English short name, for logs and operator tools; user-facing names belong to the frontend's translations.
    pub fn english_name(&self) -> &'static str {
        by_alpha2(&self.0).map_or("", |(_, _, name)| *name)
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for CountryCode {
    type Err = CountryError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for CountryCode {
    type Error = CountryError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<CountryCode> for String {
    fn from(c: CountryCode) -> Self {
        c.0
    }
}

/// A nationality as printed in a passport: an ISO 3166-1 alpha-3 code or one of ICAO's special codes
/// (stateless, refugee, British nationality classes, UN, …), always uppercase, e.g. `SWE`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String")]
pub struct Nationality(String);

impl Nationality {
    /// Accepts alpha-3, ICAO special codes, or alpha-2 (mapped to alpha-3), in any case. German passports print
    /// `D` (padded `D<<` in the machine-readable zone), which becomes `DEU` so that it compares equal to `DE`.
    pub fn parse(s: &str) -> Result<Self, CountryError> {
        let code = clean(s.trim().trim_end_matches('<')).ok_or(CountryError::Unknown)?;
        let a3 = match code.len() {
            1 if code == "D" => Some("DEU"),
            2 => by_alpha2(&code).map(|(_, a3, _)| *a3),
            3 => by_alpha3(&code).map(|(_, a3, _)| *a3).or_else(|| ICAO_SPECIAL_NATIONALITIES.iter().find(|s| **s == code).copied()),
            _ => None,
        };
        a3.map(|a3| Self(a3.to_owned())).ok_or(CountryError::Unknown)
    }

    /// The alpha-3 (or ICAO special) code.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The country's alpha-2 code; `None` for ICAO special codes such as `XXA` (stateless).
    pub fn alpha2(&self) -> Option<&'static str> {
        by_alpha3(&self.0).map(|(a2, _, _)| *a2)
    }
}

impl fmt::Display for Nationality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Nationality {
    type Err = CountryError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for Nationality {
    type Error = CountryError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<Nationality> for String {
    fn from(n: Nationality) -> Self {
        n.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn table_is_sorted_unique_and_well_formed() {
        assert!(COUNTRIES.windows(2).all(|w| w[0].0 < w[1].0), "alpha-2 column must be strictly sorted for binary search");
        let a3: HashSet<_> = COUNTRIES.iter().map(|(_, a3, _)| *a3).collect();
        assert_eq!(a3.len(), COUNTRIES.len());
        for (a2, a3, name) in COUNTRIES {
            assert!(a2.len() == 2 && a2.bytes().all(|b| b.is_ascii_uppercase()), "{a2}");
            assert!(a3.len() == 3 && a3.bytes().all(|b| b.is_ascii_uppercase()), "{a3}");
            assert!(!name.is_empty());
        }
    }

    #[test]
    fn icao_specials_do_not_shadow_countries() {
        for code in ICAO_SPECIAL_NATIONALITIES {
            assert_eq!(alpha3_to_alpha2(code), None, "{code}");
        }
        assert!(ICAO_SPECIAL_NATIONALITIES.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn alpha_mappings() {
        let cases =
            [("SE", "SWE"), ("PL", "POL"), ("DE", "DEU"), ("GB", "GBR"), ("UA", "UKR"), ("AT", "AUT"), ("AU", "AUS"), ("ZW", "ZWE")];
        for (a2, a3) in cases {
            assert_eq!(alpha2_to_alpha3(a2), Some(a3));
            assert_eq!(alpha3_to_alpha2(a3), Some(a2));
            assert_eq!(alpha2_to_alpha3(&a2.to_lowercase()), Some(a3));
            assert_eq!(alpha3_to_alpha2(&a3.to_lowercase()), Some(a2));
        }
        assert_eq!(alpha2_to_alpha3("XX"), None);
        assert_eq!(alpha3_to_alpha2("ZZZ"), None);
        assert_eq!(alpha2_to_alpha3("SWE"), None);
        assert_eq!(alpha3_to_alpha2("SE"), None);
    }

    #[test]
    fn country_code_parse() {
        let cases: [(&str, Result<&str, CountryError>); 11] = [
            ("SE", Ok("SE")),
            ("se", Ok("SE")),
            (" pl\n", Ok("PL")),
            ("De", Ok("DE")),
            ("XX", Err(CountryError::Unknown)),
            ("ZZ", Err(CountryError::Unknown)),
            ("SWE", Err(CountryError::Unknown)),
            ("S", Err(CountryError::Unknown)),
            ("", Err(CountryError::Unknown)),
            ("S E", Err(CountryError::Unknown)),
            ("ЅЕ", Err(CountryError::Unknown)), // Cyrillic lookalikes
        ];
        for (input, want) in cases {
            assert_eq!(CountryCode::parse(input).as_ref().map(CountryCode::as_str).map_err(|e| *e), want, "{input:?}");
        }
    }

    #[test]
    fn country_code_extras() {
        let Ok(se) = CountryCode::parse("se") else { panic!("SE must parse") };
        assert_eq!(se.alpha3(), "SWE");
        assert_eq!(se.english_name(), "Sweden");
        assert_eq!(se.to_string(), "SE");
        assert_eq!("pl".parse::<CountryCode>().map(String::from), Ok("PL".to_owned()));
    }

    #[test]
    fn nationality_parse() {
        let cases: [(&str, Result<&str, CountryError>); 16] = [
            ("SWE", Ok("SWE")),
            ("swe", Ok("SWE")),
            ("SE", Ok("SWE")),
            ("pl", Ok("POL")),
            (" POL ", Ok("POL")),
            ("DEU", Ok("DEU")),
            ("DE", Ok("DEU")),
            ("D", Ok("DEU")),
            ("D<<", Ok("DEU")),
            ("XXA", Ok("XXA")),
            ("gbn", Ok("GBN")),
            ("UNK", Ok("UNK")),
            ("ZZZ", Err(CountryError::Unknown)),
            ("XX", Err(CountryError::Unknown)),
            ("E", Err(CountryError::Unknown)),
            ("SWED", Err(CountryError::Unknown)),
        ];
        for (input, want) in cases {
            assert_eq!(Nationality::parse(input).as_ref().map(Nationality::as_str).map_err(|e| *e), want, "{input:?}");
        }
    }

    #[test]
    fn nationality_alpha2() {
        assert_eq!(Nationality::parse("SWE").ok().and_then(|n| n.alpha2()), Some("SE"));
        assert_eq!(Nationality::parse("XXA").ok().and_then(|n| n.alpha2()), None);
    }
}
