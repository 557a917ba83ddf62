//! The card order's life cycle: its states and every legal move between them, one checked function per
//! transition, so that handlers and repositories cannot invent a move the design does not allow.

use std::fmt;

/// Where a card order is in its life cycle; the snake_case names are the API's `status` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
// Stored as the same snake_case strings (the `sea-orm` feature, enabled by the persistence crate only).
#[cfg_attr(feature = "sea-orm", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "sea-orm", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::None)"))]
pub enum OrderStatus {
    #[cfg_attr(feature = "sea-orm", sea_orm(string_value = "awaiting_photo"))]
    AwaitingPhoto,
    #[cfg_attr(feature = "sea-orm", sea_orm(string_value = "awaiting_photo_review"))]
    AwaitingPhotoReview,
    #[cfg_attr(feature = "sea-orm", sea_orm(string_value = "photo_rejected"))]
    PhotoRejected,
    #[cfg_attr(feature = "sea-orm", sea_orm(string_value = "awaiting_cardholder"))]
    AwaitingCardholder,
    #[cfg_attr(feature = "sea-orm", sea_orm(string_value = "needs_correction"))]
    NeedsCorrection,
    #[cfg_attr(feature = "sea-orm", sea_orm(string_value = "confirmed"))]
    Confirmed,
    #[cfg_attr(feature = "sea-orm", sea_orm(string_value = "in_production"))]
    InProduction,
    #[cfg_attr(feature = "sea-orm", sea_orm(string_value = "shipped"))]
    Shipped,
    #[cfg_attr(feature = "sea-orm", sea_orm(string_value = "delivered"))]
    Delivered,
    #[cfg_attr(feature = "sea-orm", sea_orm(string_value = "rejected"))]
    Rejected,
    #[cfg_attr(feature = "sea-orm", sea_orm(string_value = "cancelled"))]
    Cancelled,
    #[cfg_attr(feature = "sea-orm", sea_orm(string_value = "production_failed"))]
    ProductionFailed,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 12] = [
        Self::AwaitingPhoto,
        Self::AwaitingPhotoReview,
        Self::PhotoRejected,
        Self::AwaitingCardholder,
        Self::NeedsCorrection,
        Self::Confirmed,
        Self::InProduction,
        Self::Shipped,
        Self::Delivered,
        Self::Rejected,
        Self::Cancelled,
        Self::ProductionFailed,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::AwaitingPhoto => "awaiting_photo",
            Self::AwaitingPhotoReview => "awaiting_photo_review",
            Self::PhotoRejected => "photo_rejected",
            Self::AwaitingCardholder => "awaiting_cardholder",
            Self::NeedsCorrection => "needs_correction",
            Self::Confirmed => "confirmed",
            Self::InProduction => "in_production",
            Self::Shipped => "shipped",
            Self::Delivered => "delivered",
            Self::Rejected => "rejected",
            Self::Cancelled => "cancelled",
            Self::ProductionFailed => "production_failed",
        }
    }

    /// The inverse of [`OrderStatus::as_str`]; exact match, as stored in the database and sent in query strings.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.as_str() == s)
    }

    /// No transition leaves these states.
    pub fn is_terminal(&self) -> bool {
        matches!(self, Self::Delivered | Self::Rejected | Self::Cancelled | Self::ProductionFailed)
    }
}

impl fmt::Display for OrderStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A move the life cycle does not allow from the order's current state (the API's 409 `invalid_state`).
#[derive(Debug, Clone, Copy, thiserror::Error, PartialEq, Eq)]
#[error("cannot {action} an order that is {from}")]
pub struct InvalidTransition {
    pub from: OrderStatus,
    pub action: &'static str,
}

use OrderStatus as S;

fn check(from: OrderStatus, allowed: &[OrderStatus], to: OrderStatus, action: &'static str) -> Result<OrderStatus, InvalidTransition> {
    if allowed.contains(&from) { Ok(to) } else { Err(InvalidTransition { from, action }) }
}

/// Whether the company may still change the order's holder, delivery data or photo: only until the cardholder
/// has confirmed it, because a confirmed order is what the partner produces.
pub fn editable(s: OrderStatus) -> bool {
    matches!(s, S::AwaitingPhoto | S::AwaitingPhotoReview | S::PhotoRejected | S::AwaitingCardholder | S::NeedsCorrection)
}

/// A portrait was uploaded. Allowed in every editable state, so a company can replace a photo under review or one
/// the cardholder has already seen; any new photo must be reviewed again.
pub fn photo_uploaded(from: OrderStatus) -> Result<OrderStatus, InvalidTransition> {
    check(
        from,
        &[S::AwaitingPhoto, S::AwaitingPhotoReview, S::PhotoRejected, S::AwaitingCardholder, S::NeedsCorrection],
        S::AwaitingPhotoReview,
        "upload a photo for",
    )
}

/// The production partner approved the portrait; the cardholder is asked to accept next.
pub fn photo_approved(from: OrderStatus) -> Result<OrderStatus, InvalidTransition> {
    check(from, &[S::AwaitingPhotoReview], S::AwaitingCardholder, "approve the photo of")
}

/// The production partner refused the portrait; the company must upload another.
pub fn photo_rejected(from: OrderStatus) -> Result<OrderStatus, InvalidTransition> {
    check(from, &[S::AwaitingPhotoReview], S::PhotoRejected, "reject the photo of")
}

/// The cardholder accepted and the order matched the verified identity document.
pub fn accept(from: OrderStatus) -> Result<OrderStatus, InvalidTransition> {
    check(from, &[S::AwaitingCardholder], S::Confirmed, "accept")
}

/// The cardholder tried to accept but the order differs from the identity document; the company must correct it.
pub fn identity_mismatch(from: OrderStatus) -> Result<OrderStatus, InvalidTransition> {
    check(from, &[S::AwaitingCardholder], S::NeedsCorrection, "flag an identity mismatch on")
}

/// The company corrected the holder or delivery data; the cardholder is asked to accept again.
pub fn corrected(from: OrderStatus) -> Result<OrderStatus, InvalidTransition> {
    check(from, &[S::NeedsCorrection, S::AwaitingCardholder], S::AwaitingCardholder, "correct")
}

/// The cardholder refused the order, with a reason.
pub fn reject_by_cardholder(from: OrderStatus) -> Result<OrderStatus, InvalidTransition> {
    check(from, &[S::AwaitingCardholder, S::NeedsCorrection], S::Rejected, "reject")
}

/// The company withdrew the order. `confirmed` is still cancellable because the partner has not yet taken it
/// into production; from `in_production` on, the card exists or is being made.
pub fn cancel(from: OrderStatus) -> Result<OrderStatus, InvalidTransition> {
    check(
        from,
        &[S::AwaitingPhoto, S::AwaitingPhotoReview, S::PhotoRejected, S::AwaitingCardholder, S::NeedsCorrection, S::Confirmed],
        S::Cancelled,
        "cancel",
    )
}

/// The partner took the confirmed order into production.
pub fn production_accepted(from: OrderStatus) -> Result<OrderStatus, InvalidTransition> {
    check(from, &[S::Confirmed], S::InProduction, "start production of")
}

/// The partner produced the card. The order stays `in_production` (the card itself is created), but the move is
/// still checked so that a `produced` event cannot create a card for an order that was never taken into production.
pub fn produced(from: OrderStatus) -> Result<OrderStatus, InvalidTransition> {
    check(from, &[S::InProduction], S::InProduction, "record a produced card for")
}

/// The partner handed the card to the carrier.
pub fn shipped(from: OrderStatus) -> Result<OrderStatus, InvalidTransition> {
    check(from, &[S::InProduction], S::Shipped, "ship")
}

/// The carrier delivered the card.
pub fn delivered(from: OrderStatus) -> Result<OrderStatus, InvalidTransition> {
    check(from, &[S::Shipped], S::Delivered, "deliver")
}

/// The partner could not produce the card.
pub fn production_failed(from: OrderStatus) -> Result<OrderStatus, InvalidTransition> {
    check(from, &[S::Confirmed, S::InProduction], S::ProductionFailed, "fail production of")
}

/// A step a production partner reports (`POST /partner/production-orders/{id}/events`, field `type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProductionStep {
    Accepted,
    Produced,
    Shipped,
    Delivered,
    Failed,
}

impl ProductionStep {
    pub const ALL: [ProductionStep; 5] = [Self::Accepted, Self::Produced, Self::Shipped, Self::Delivered, Self::Failed];

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Accepted => "accepted",
            Self::Produced => "produced",
            Self::Shipped => "shipped",
            Self::Delivered => "delivered",
            Self::Failed => "failed",
        }
    }

    /// The inverse of [`ProductionStep::as_str`]; exact match.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|step| step.as_str() == s)
    }

    /// Where the step moves an order from `from`; `produced` keeps it in production (the card now exists).
    pub fn apply(self, from: OrderStatus) -> Result<OrderStatus, InvalidTransition> {
        match self {
            Self::Accepted => production_accepted(from),
            Self::Produced => produced(from),
            Self::Shipped => shipped(from),
            Self::Delivered => delivered(from),
            Self::Failed => production_failed(from),
        }
    }
}

#[cfg(test)]
mod production_step_tests {
    use super::*;

    #[test]
    fn steps_move_orders_through_production() {
        use OrderStatus as S;
        use ProductionStep as P;
        let cases = [
            (P::Accepted, S::Confirmed, Some(S::InProduction)),
            (P::Produced, S::InProduction, Some(S::InProduction)),
            (P::Shipped, S::InProduction, Some(S::Shipped)),
            (P::Delivered, S::Shipped, Some(S::Delivered)),
            (P::Failed, S::Confirmed, Some(S::ProductionFailed)),
            (P::Failed, S::InProduction, Some(S::ProductionFailed)),
            (P::Accepted, S::AwaitingCardholder, None),
            (P::Delivered, S::InProduction, None),
            (P::Shipped, S::Cancelled, None),
        ];
        for (step, from, want) in cases {
            assert_eq!(step.apply(from).ok(), want, "{step:?} from {from:?}");
        }
        for step in P::ALL {
            assert_eq!(P::parse(step.as_str()), Some(step));
        }
        assert_eq!(P::parse("Produced"), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Transition = fn(OrderStatus) -> Result<OrderStatus, InvalidTransition>;
    /// A transition's name, the function, and every `(from, to)` it allows.
    type Row = (&'static str, Transition, Vec<(OrderStatus, OrderStatus)>);

    /// The whole life cycle as data: for each transition, every state it is allowed from and where it leads.
    /// Every (state, transition) pair not listed here must be refused.
    fn expected() -> Vec<Row> {
        vec![
            (
                "photo_uploaded",
                photo_uploaded,
                vec![
                    (S::AwaitingPhoto, S::AwaitingPhotoReview),
                    (S::AwaitingPhotoReview, S::AwaitingPhotoReview),
                    (S::PhotoRejected, S::AwaitingPhotoReview),
                    (S::AwaitingCardholder, S::AwaitingPhotoReview),
                    (S::NeedsCorrection, S::AwaitingPhotoReview),
                ],
            ),
            ("photo_approved", photo_approved, vec![(S::AwaitingPhotoReview, S::AwaitingCardholder)]),
            ("photo_rejected", photo_rejected, vec![(S::AwaitingPhotoReview, S::PhotoRejected)]),
            ("accept", accept, vec![(S::AwaitingCardholder, S::Confirmed)]),
            ("identity_mismatch", identity_mismatch, vec![(S::AwaitingCardholder, S::NeedsCorrection)]),
            ("corrected", corrected, vec![(S::NeedsCorrection, S::AwaitingCardholder), (S::AwaitingCardholder, S::AwaitingCardholder)]),
            ("reject_by_cardholder", reject_by_cardholder, vec![(S::AwaitingCardholder, S::Rejected), (S::NeedsCorrection, S::Rejected)]),
            (
                "cancel",
                cancel,
                vec![
                    (S::AwaitingPhoto, S::Cancelled),
                    (S::AwaitingPhotoReview, S::Cancelled),
                    (S::PhotoRejected, S::Cancelled),
                    (S::AwaitingCardholder, S::Cancelled),
                    (S::NeedsCorrection, S::Cancelled),
                    (S::Confirmed, S::Cancelled),
                ],
            ),
            ("production_accepted", production_accepted, vec![(S::Confirmed, S::InProduction)]),
            ("produced", produced, vec![(S::InProduction, S::InProduction)]),
            ("shipped", shipped, vec![(S::InProduction, S::Shipped)]),
            ("delivered", delivered, vec![(S::Shipped, S::Delivered)]),
            ("production_failed", production_failed, vec![(S::Confirmed, S::ProductionFailed), (S::InProduction, S::ProductionFailed)]),
        ]
    }

    #[test]
    fn every_state_transition_pair_matches_the_table() {
        let mut checked = 0;
        for (name, transition, allowed) in expected() {
            for from in OrderStatus::ALL {
                let got = transition(from);
                match allowed.iter().find(|(f, _)| *f == from) {
                    Some((_, to)) => assert_eq!(got, Ok(*to), "{name} from {from}"),
                    None => {
                        let Err(err) = got else { panic!("{name} from {from} must be refused, got {got:?}") };
                        assert_eq!(err.from, from, "{name}");
                    }
                }
                checked += 1;
            }
        }
        assert_eq!(checked, 12 * 13);
    }

    #[test]
    fn terminal_states_have_no_way_out() {
        for from in OrderStatus::ALL.into_iter().filter(OrderStatus::is_terminal) {
            for (name, transition, _) in expected() {
                assert!(transition(from).is_err(), "{name} from terminal {from}");
            }
        }
    }

    #[test]
    fn non_terminal_states_have_a_way_out() {
        for from in OrderStatus::ALL.into_iter().filter(|s| !s.is_terminal()) {
            assert!(expected().iter().any(|(_, t, _)| t(from).is_ok_and(|to| to != from)), "{from} is stuck");
        }
    }

    #[test]
    fn editable_states() {
        let editable_states: Vec<_> = OrderStatus::ALL.into_iter().filter(|s| editable(*s)).collect();
        assert_eq!(
            editable_states,
            [S::AwaitingPhoto, S::AwaitingPhotoReview, S::PhotoRejected, S::AwaitingCardholder, S::NeedsCorrection]
        );
        for s in OrderStatus::ALL {
            assert_eq!(editable(s), photo_uploaded(s).is_ok(), "a new photo is allowed exactly while the order is editable: {s}");
        }
    }

    #[test]
    fn names_round_trip() {
        for s in OrderStatus::ALL {
            assert_eq!(OrderStatus::parse(s.as_str()), Some(s));
            assert_eq!(s.to_string(), s.as_str());
        }
        assert_eq!(OrderStatus::parse("Confirmed"), None);
        assert_eq!(OrderStatus::parse(""), None);
    }

    #[test]
    fn error_message_names_action_and_state() {
        assert_eq!(shipped(S::Confirmed).map_err(|e| e.to_string()), Err("cannot ship an order that is confirmed".to_owned()));
        assert_eq!(accept(S::Rejected), Err(InvalidTransition { from: S::Rejected, action: "accept" }));
    }
}

/// Where a company's correction of holder or delivery data leaves the order: back to the worker once they
/// have been asked (`awaiting_cardholder`, `needs_correction`), unchanged while the photo step is still open.
pub fn correction_target(from: OrderStatus) -> Result<OrderStatus, InvalidTransition> {
    match from {
        OrderStatus::AwaitingPhoto | OrderStatus::AwaitingPhotoReview | OrderStatus::PhotoRejected => Ok(from),
        _ => corrected(from),
    }
}

#[cfg(test)]
mod correction_tests {
    use super::*;

    #[test]
    fn corrections_table() {
        for s in OrderStatus::ALL {
            let want = match s {
                OrderStatus::AwaitingPhoto | OrderStatus::AwaitingPhotoReview | OrderStatus::PhotoRejected => Some(s),
                OrderStatus::AwaitingCardholder | OrderStatus::NeedsCorrection => Some(OrderStatus::AwaitingCardholder),
                _ => None,
            };
            assert_eq!(correction_target(s).ok(), want, "{s:?}");
        }
    }
}
