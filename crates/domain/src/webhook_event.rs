//! The events Sitecard announces to partner systems by webhook, and which card transitions announce which.

use crate::card_state::CardStatus;

/// A webhook event type; the dotted names are what receivers see in `type` and subscribe to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum WebhookEventType {
    #[serde(rename = "order.confirmed")]
    OrderConfirmed,
    #[serde(rename = "order.cancelled")]
    OrderCancelled,
    #[serde(rename = "photo.approved")]
    PhotoApproved,
    #[serde(rename = "photo.rejected")]
    PhotoRejected,
    #[serde(rename = "card.activated")]
    CardActivated,
    #[serde(rename = "card.blocked")]
    CardBlocked,
    #[serde(rename = "card.unblocked")]
    CardUnblocked,
    #[serde(rename = "card.terminated")]
    CardTerminated,
    #[serde(rename = "card.expired")]
    CardExpired,
}

impl WebhookEventType {
    pub const ALL: [WebhookEventType; 9] = [
        Self::OrderConfirmed,
        Self::OrderCancelled,
        Self::PhotoApproved,
        Self::PhotoRejected,
        Self::CardActivated,
        Self::CardBlocked,
        Self::CardUnblocked,
        Self::CardTerminated,
        Self::CardExpired,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::OrderConfirmed => "order.confirmed",
            Self::OrderCancelled => "order.cancelled",
            Self::PhotoApproved => "photo.approved",
            Self::PhotoRejected => "photo.rejected",
            Self::CardActivated => "card.activated",
            Self::CardBlocked => "card.blocked",
            Self::CardUnblocked => "card.unblocked",
            Self::CardTerminated => "card.terminated",
            Self::CardExpired => "card.expired",
        }
    }

    /// The inverse of [`WebhookEventType::as_str`]; exact match.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// When a receiver gets this event, in one sentence (the OpenAPI `webhooks` section uses it).
    pub fn meaning(&self) -> &'static str {
        match self {
            Self::OrderConfirmed => "The worker accepted the order and it matched their verified document: it is ready to produce.",
            Self::OrderCancelled => "The company cancelled the order: do not produce it (stop production if it had started).",
            Self::PhotoApproved => "A portrait was approved in photo review: the worker is asked to check and accept the order.",
            Self::PhotoRejected => "A portrait was rejected in photo review: the company is asked for a new one.",
            Self::CardActivated => "The worker activated a produced card (in the app or at a verifier's desk): it is valid at gates.",
            Self::CardBlocked => "The card was blocked (by its company or reported lost by the worker): refuse it at gates.",
            Self::CardUnblocked => "A blocked card was unblocked: it is valid again (or inactive, if it was never activated).",
            Self::CardTerminated => "The card was terminated (by its company, or replaced by a newer card): refuse it for good.",
            Self::CardExpired => "The card passed its `valid_until`: refuse it for good.",
        }
    }
}

/// Which webhook event a card transition announces, if any (producing a card, `inactive`, announces none:
/// the partner produced it).
pub fn card_event(from: CardStatus, to: CardStatus) -> Option<WebhookEventType> {
    use CardStatus as C;
    use WebhookEventType as E;
    match (from, to) {
        (C::Inactive, C::Active) => Some(E::CardActivated),
        (C::Blocked, C::Active | C::Inactive) => Some(E::CardUnblocked),
        (_, C::Blocked) if from != C::Blocked => Some(E::CardBlocked),
        (_, C::Terminated) if from != C::Terminated => Some(E::CardTerminated),
        (_, C::Expired) if from != C::Expired => Some(E::CardExpired),
        _ => None,
    }
}

/// A partner's subscription: the event types it receives. `None` means every type (the default).
pub fn parse_subscription(types: &[String]) -> Result<Vec<WebhookEventType>, Vec<String>> {
    let unknown: Vec<String> = types.iter().filter(|t| WebhookEventType::parse(t).is_none()).cloned().collect();
    if !unknown.is_empty() {
        return Err(unknown);
    }
    let mut parsed: Vec<WebhookEventType> = Vec::new();
    for t in types.iter().filter_map(|t| WebhookEventType::parse(t)) {
        if !parsed.contains(&t) {
            parsed.push(t);
        }
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use CardStatus as C;
    use WebhookEventType as E;

    #[test]
    fn names_round_trip_and_match_serde() {
        for t in WebhookEventType::ALL {
            assert_eq!(WebhookEventType::parse(t.as_str()), Some(t));
            assert_eq!(serde_json::to_value(t).unwrap(), serde_json::json!(t.as_str()));
        }
        assert_eq!(WebhookEventType::parse("Order.Confirmed"), None);
    }

    #[test]
    fn card_transitions_announce_the_right_event() {
        let cases = [
            (C::Inactive, C::Active, Some(E::CardActivated)),
            (C::Active, C::Blocked, Some(E::CardBlocked)),
            (C::Inactive, C::Blocked, Some(E::CardBlocked)),
            (C::Blocked, C::Active, Some(E::CardUnblocked)),
            (C::Blocked, C::Inactive, Some(E::CardUnblocked)),
            (C::Active, C::Terminated, Some(E::CardTerminated)),
            (C::Blocked, C::Terminated, Some(E::CardTerminated)),
            (C::Active, C::Expired, Some(E::CardExpired)),
            (C::Blocked, C::Blocked, None),
            (C::Active, C::Active, None),
            (C::Terminated, C::Terminated, None),
        ];
        for (from, to, event) in cases {
            assert_eq!(card_event(from, to), event, "{from} -> {to}");
        }
    }

    #[test]
    fn subscriptions_refuse_unknown_types_and_drop_repeats() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            parse_subscription(&s(&["order.confirmed", "card.blocked", "order.confirmed"])),
            Ok(vec![E::OrderConfirmed, E::CardBlocked])
        );
        assert_eq!(parse_subscription(&s(&[])), Ok(vec![]));
        assert_eq!(parse_subscription(&s(&["order.confirmed", "order.shipped", "x"])), Err(s(&["order.shipped", "x"])));
    }
}
