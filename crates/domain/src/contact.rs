//! What a worker must have filled in before accepting an order: a phone for the activation SMS and a postal
//! address for the card's letters. Blank (only spaces) counts as missing.

/// The worker's contact details as stored; `None` for never given.
#[derive(Debug, Clone, Copy, Default)]
pub struct ContactDetails<'a> {
    pub phone: Option<&'a str>,
    pub address_line1: Option<&'a str>,
    pub postal_code: Option<&'a str>,
    pub city: Option<&'a str>,
    pub country: Option<&'a str>,
}

impl ContactDetails<'_> {
    /// The fields still missing, as the API names them, in the form's order.
    pub fn missing(&self) -> Vec<&'static str> {
        let blank = |v: Option<&str>| v.is_none_or(|s| s.trim().is_empty());
        [
            ("phone", self.phone),
            ("address_line1", self.address_line1),
            ("postal_code", self.postal_code),
            ("city", self.city),
            ("country", self.country),
        ]
        .into_iter()
        .filter(|(_, v)| blank(*v))
        .map(|(name, _)| name)
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_and_absent_fields_are_missing_in_form_order() {
        let full = ContactDetails {
            phone: Some("+46700000003"),
            address_line1: Some("Storgatan 1"),
            postal_code: Some("111 22"),
            city: Some("Stockholm"),
            country: Some("SE"),
        };
        let cases: [(ContactDetails, Vec<&str>); 4] = [
            (full, vec![]),
            (ContactDetails::default(), vec!["phone", "address_line1", "postal_code", "city", "country"]),
            (ContactDetails { phone: Some("  "), city: None, ..full }, vec!["phone", "city"]),
            (ContactDetails { postal_code: Some(""), ..full }, vec!["postal_code"]),
        ];
        for (details, want) in cases {
            assert_eq!(details.missing(), want, "{details:?}");
        }
    }
}
