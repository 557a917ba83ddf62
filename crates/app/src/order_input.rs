//! An order's fields as a company administrator sends them, and the checks that turn them into a
//! [`ParsedOrder`]: one set of rules for a single order, each row of a CSV batch, a renewal (the old order's
//! details checked by today's rules) and, field by field, a correction.

use chrono::NaiveDate;
use serde::Deserialize;
use sitecard_domain::birth_date::plausible_birth_date;
use sitecard_domain::country::{CountryCode, Nationality};
use sitecard_domain::{Email, PhoneE164};
use sitecard_persistence::orders::DeliveryAddress;

use crate::error::{AppError, Fields};
use crate::use_cases::place_card_order::ParsedOrder;

#[derive(Deserialize, Clone)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeliveryInput {
    /// At most 200 characters.
    #[cfg_attr(feature = "openapi", schema(example = "Anna Kowalska c/o Demo Bygg AB"))]
    pub recipient: String,
    /// At most 200 characters.
    #[cfg_attr(feature = "openapi", schema(example = "Storgatan 12"))]
    pub address_line1: String,
    /// At most 200 characters; blank is none.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(example = "Plan 3"))]
    pub address_line2: Option<String>,
    /// 2 to 12 letters, digits, spaces or hyphens (stored upper-cased).
    #[cfg_attr(feature = "openapi", schema(example = "114 55"))]
    pub postal_code: String,
    /// At most 100 characters.
    #[cfg_attr(feature = "openapi", schema(example = "Stockholm"))]
    pub city: String,
    /// ISO 3166-1 alpha-2.
    #[cfg_attr(feature = "openapi", schema(example = "SE"))]
    pub country: String,
}

#[derive(Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateOrder {
    /// As in the passport or national ID.
    #[cfg_attr(feature = "openapi", schema(example = "Anna Maria"))]
    pub given_names: String,
    #[cfg_attr(feature = "openapi", schema(example = "Kowalska"))]
    pub surname: String,
    /// `YYYY-MM-DD`.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date, example = "1990-04-12"))]
    pub date_of_birth: String,
    /// ISO 3166-1 alpha-3 (alpha-2 accepted); checked against the document when given.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(example = "POL"))]
    pub nationality: Option<String>,
    /// The worker's email: the order links to their account by it.
    #[cfg_attr(feature = "openapi", schema(example = "anna.kowalska@example.com"))]
    pub email: String,
    /// The worker's mobile number with country code, if known.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(example = "+46701234567"))]
    pub phone: Option<String>,
    /// Where the card is sent (the company chooses).
    pub delivery: DeliveryInput,
}

pub fn parse_delivery(f: &mut Fields, d: &DeliveryInput) -> Option<DeliveryAddress> {
    let recipient = f.text("delivery.recipient", &d.recipient, 200);
    let line1 = f.text("delivery.address_line1", &d.address_line1, 200);
    let line2 = match d.address_line2.as_deref().map(str::trim) {
        Some(v) if !v.is_empty() => Some(f.text("delivery.address_line2", v, 200)?),
        _ => None,
    };
    let postal = f.postal_code("delivery.postal_code", &d.postal_code);
    let city = f.text("delivery.city", &d.city, 100);
    let country = f.check("delivery.country", "invalid_country", CountryCode::parse(&d.country));
    Some(DeliveryAddress {
        recipient: recipient?,
        line1: line1?,
        line2,
        postal_code: postal,
        city: city?,
        country: country?.as_str().to_owned(),
    })
}

pub fn parse_birth_date(f: &mut Fields, raw: &str) -> Option<NaiveDate> {
    let d = f.date("date_of_birth", raw)?;
    f.check("date_of_birth", "invalid_date", plausible_birth_date(d, sitecard_domain::clock::today()))
}

/// One order as sent: every field error at once (a batch uses [`parse_order`] to report all rows together).
impl TryFrom<&CreateOrder> for ParsedOrder {
    type Error = AppError;

    fn try_from(b: &CreateOrder) -> Result<Self, AppError> {
        let mut f = Fields::new();
        let parsed = parse_order(&mut f, b);
        f.finish_with(parsed)
    }
}

/// Checks an order's fields, recording every error in `f` (so a batch can report all rows at once).
pub fn parse_order(f: &mut Fields, b: &CreateOrder) -> Option<ParsedOrder> {
    let given = f.text("given_names", &b.given_names, 200);
    let surname = f.text("surname", &b.surname, 200);
    let birth = parse_birth_date(f, &b.date_of_birth);
    let nationality = match b.nationality.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(n) => f.check("nationality", "invalid_country", Nationality::parse(n)).map(|n| Some(n.as_str().to_owned())),
        None => Some(None),
    };
    let email = f.check("email", "invalid_email", Email::parse(&b.email));
    let phone = match b.phone.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(p) => f.check("phone", "invalid_phone", PhoneE164::parse(p)).map(|p| Some(p.as_str().to_owned())),
        None => Some(None),
    };
    let delivery = parse_delivery(f, &b.delivery);
    Some(ParsedOrder {
        given_names: given?,
        surname: surname?,
        date_of_birth: birth?,
        nationality: nationality?,
        email: email?,
        phone: phone?,
        delivery: delivery?,
    })
}
