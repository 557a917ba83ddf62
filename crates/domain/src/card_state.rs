//! The physical card's life cycle (activation, blocking, termination, expiry) and the public validity check
//! that site gates run against a card number.

use std::fmt;

use chrono::NaiveDate;

/// Where a card is in its life cycle; the snake_case names are the API's `status` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
// Stored as the same snake_case strings (the `sea-orm` feature, enabled by the persistence crate only).
#[cfg_attr(feature = "sea-orm", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "sea-orm", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::None)"))]
pub enum CardStatus {
    #[cfg_attr(feature = "sea-orm", sea_orm(string_value = "inactive"))]
    Inactive,
    #[cfg_attr(feature = "sea-orm", sea_orm(string_value = "active"))]
    Active,
    #[cfg_attr(feature = "sea-orm", sea_orm(string_value = "blocked"))]
    Blocked,
    #[cfg_attr(feature = "sea-orm", sea_orm(string_value = "terminated"))]
    Terminated,
    #[cfg_attr(feature = "sea-orm", sea_orm(string_value = "expired"))]
    Expired,
}

impl CardStatus {
    pub const ALL: [CardStatus; 5] = [Self::Inactive, Self::Active, Self::Blocked, Self::Terminated, Self::Expired];

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Inactive => "inactive",
            Self::Active => "active",
            Self::Blocked => "blocked",
            Self::Terminated => "terminated",
            Self::Expired => "expired",
        }
    }

    /// The inverse of [`CardStatus::as_str`]; exact match.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.as_str() == s)
    }

    /// Cards that still exist for their holder: what the expiry job watches and what a newly activated card of the
    /// same worker and company replaces.
    pub const LIVE: [CardStatus; 3] = [Self::Inactive, Self::Active, Self::Blocked];

    /// No transition leaves these states.
    pub fn is_terminal(&self) -> bool {
        matches!(self, Self::Terminated | Self::Expired)
    }
}

impl fmt::Display for CardStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A move the card life cycle does not allow from the card's current state (the API's 409 `invalid_state`).
#[derive(Debug, Clone, Copy, thiserror::Error, PartialEq, Eq)]
#[error("cannot {action} a card that is {from}")]
pub struct InvalidCardTransition {
    pub from: CardStatus,
    pub action: &'static str,
}

use CardStatus as C;

fn check(from: CardStatus, allowed: &[CardStatus], to: CardStatus, action: &'static str) -> Result<CardStatus, InvalidCardTransition> {
    if allowed.contains(&from) { Ok(to) } else { Err(InvalidCardTransition { from, action }) }
}

/// The cardholder (or a verifier in person) proved possession of the delivered card.
pub fn activate(from: CardStatus) -> Result<CardStatus, InvalidCardTransition> {
    check(from, &[C::Inactive], C::Active, "activate")
}

/// A lost card is blocked at once; an inactive one too, because it can be lost in the post before activation.
pub fn block(from: CardStatus) -> Result<CardStatus, InvalidCardTransition> {
    check(from, &[C::Active, C::Inactive], C::Blocked, "block")
}

/// Lifts a block. A card blocked before it was ever activated goes back to `inactive`, so that unblocking never
/// skips the proof of possession that activation demands.
pub fn unblock(from: CardStatus, was_activated: bool) -> Result<CardStatus, InvalidCardTransition> {
    check(from, &[C::Blocked], if was_activated { C::Active } else { C::Inactive }, "unblock")
}

/// Permanent: the worker left the company, or a newer card for the same worker and company was activated.
pub fn terminate(from: CardStatus) -> Result<CardStatus, InvalidCardTransition> {
    check(from, &[C::Inactive, C::Active, C::Blocked], C::Terminated, "terminate")
}

/// What a company administrator does to one of its cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardAction {
    Block,
    Unblock,
    Terminate,
}

impl CardAction {
    /// The status the action moves a card to, or why it cannot.
    pub fn apply(self, from: CardStatus, was_activated: bool) -> Result<CardStatus, InvalidCardTransition> {
        match self {
            Self::Block => block(from),
            Self::Unblock => unblock(from, was_activated),
            Self::Terminate => terminate(from),
        }
    }

    /// The card keeps the reason it is blocked or terminated for; an unblock's reason lives in the audit log only.
    pub fn keeps_reason(self) -> bool {
        !matches!(self, Self::Unblock)
    }
}

/// The card passed its `valid_until` date; recorded by a sweep, see also [`effective_status`].
pub fn expire(from: CardStatus) -> Result<CardStatus, InvalidCardTransition> {
    check(from, &[C::Inactive, C::Active, C::Blocked], C::Expired, "expire")
}

/// A company may order a renewal (a new card from the same details) of a card that still exists for the
/// worker: not of one terminated, which was replaced or belongs to someone who left.
pub fn renewable(status: CardStatus) -> Result<(), InvalidCardTransition> {
    check(status, &[C::Inactive, C::Active, C::Blocked, C::Expired], status, "renew").map(|_| ())
}

/// The status to show and act on today. A card past its `valid_until` date counts as expired even before a sweep
/// has recorded it; a terminated card stays terminated, since that is the stronger statement.
pub fn effective_status(status: CardStatus, valid_until: NaiveDate, today: NaiveDate) -> CardStatus {
    match status {
        C::Inactive | C::Active | C::Blocked if today > valid_until => C::Expired,
        other => other,
    }
}

/// Why the public card check says a card is not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotValidReason {
    Blocked,
    Terminated,
    Expired,
    NotActivated,
    Unknown,
}

impl NotValidReason {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Blocked => "blocked",
            Self::Terminated => "terminated",
            Self::Expired => "expired",
            Self::NotActivated => "not_activated",
            Self::Unknown => "unknown",
        }
    }
}

/// The answer of the public card check, which must reveal nothing about the holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardCheck {
    Valid,
    NotValid(NotValidReason),
}

impl CardCheck {
    /// The API's `status` field: `valid` or `not_valid`.
    pub fn status_str(&self) -> &'static str {
        match self {
            Self::Valid => "valid",
            Self::NotValid(_) => "not_valid",
        }
    }

    /// The API's optional `reason` field.
    pub fn reason(&self) -> Option<NotValidReason> {
        match self {
            Self::Valid => None,
            Self::NotValid(reason) => Some(*reason),
        }
    }
}

/// Checks a card found by its number; `status: None` means no card has that number. A card without a
/// `valid_until` date is judged on its status alone.
pub fn check_card(status: Option<CardStatus>, valid_until: Option<NaiveDate>, today: NaiveDate) -> CardCheck {
    let Some(status) = status else { return CardCheck::NotValid(NotValidReason::Unknown) };
    let status = valid_until.map_or(status, |valid_until| effective_status(status, valid_until, today));
    match status {
        C::Active => CardCheck::Valid,
        C::Inactive => CardCheck::NotValid(NotValidReason::NotActivated),
        C::Blocked => CardCheck::NotValid(NotValidReason::Blocked),
        C::Terminated => CardCheck::NotValid(NotValidReason::Terminated),
        C::Expired => CardCheck::NotValid(NotValidReason::Expired),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_card_but_a_terminated_one_can_be_renewed() {
        for (status, ok) in [(C::Inactive, true), (C::Active, true), (C::Blocked, true), (C::Expired, true), (C::Terminated, false)] {
            assert_eq!(super::renewable(status).is_ok(), ok, "{status}");
        }
    }

    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    type Transition = fn(CardStatus) -> Result<CardStatus, InvalidCardTransition>;
    /// A transition's name, the function, and every `(from, to)` it allows.
    type Row = (&'static str, Transition, &'static [(CardStatus, CardStatus)]);

    #[test]
    fn every_state_transition_pair_matches_the_table() {
        let unblock_activated: Transition = |s| unblock(s, true);
        let unblock_never_activated: Transition = |s| unblock(s, false);
        let table: [Row; 6] = [
            ("activate", activate, &[(C::Inactive, C::Active)]),
            ("block", block, &[(C::Active, C::Blocked), (C::Inactive, C::Blocked)]),
            ("unblock(activated)", unblock_activated, &[(C::Blocked, C::Active)]),
            ("unblock(never activated)", unblock_never_activated, &[(C::Blocked, C::Inactive)]),
            ("terminate", terminate, &[(C::Inactive, C::Terminated), (C::Active, C::Terminated), (C::Blocked, C::Terminated)]),
            ("expire", expire, &[(C::Inactive, C::Expired), (C::Active, C::Expired), (C::Blocked, C::Expired)]),
        ];
        for (name, transition, allowed) in table {
            for from in CardStatus::ALL {
                let want = allowed.iter().find(|(f, _)| *f == from).map(|(_, to)| *to).ok_or(from);
                assert_eq!(transition(from).map_err(|e| e.from), want, "{name} from {from}");
            }
        }
    }

    #[test]
    fn terminal_states_are_final() {
        for from in CardStatus::ALL.into_iter().filter(CardStatus::is_terminal) {
            assert!(activate(from).is_err() && block(from).is_err() && terminate(from).is_err() && expire(from).is_err());
            assert!(unblock(from, true).is_err() && unblock(from, false).is_err());
        }
    }

    #[test]
    fn effective_status_table() {
        let until = date(2030, 6, 30);
        let cases = [
            (C::Active, date(2030, 6, 30), C::Active),
            (C::Active, date(2030, 7, 1), C::Expired),
            (C::Inactive, date(2030, 7, 1), C::Expired),
            (C::Inactive, date(2025, 1, 1), C::Inactive),
            (C::Blocked, date(2031, 1, 1), C::Expired),
            (C::Blocked, date(2030, 1, 1), C::Blocked),
            (C::Terminated, date(2031, 1, 1), C::Terminated),
            (C::Terminated, date(2030, 1, 1), C::Terminated),
            (C::Expired, date(2030, 1, 1), C::Expired),
        ];
        for (status, today, want) in cases {
            assert_eq!(effective_status(status, until, today), want, "{status} on {today}");
        }
    }

    #[test]
    fn check_card_table() {
        let today = date(2026, 3, 15);
        let cases = [
            (None, None, CardCheck::NotValid(NotValidReason::Unknown)),
            (None, Some(date(2030, 1, 1)), CardCheck::NotValid(NotValidReason::Unknown)),
            (Some(C::Active), Some(date(2030, 1, 1)), CardCheck::Valid),
            (Some(C::Active), Some(today), CardCheck::Valid),
            (Some(C::Active), Some(date(2026, 3, 14)), CardCheck::NotValid(NotValidReason::Expired)),
            (Some(C::Active), None, CardCheck::Valid),
            (Some(C::Inactive), Some(date(2030, 1, 1)), CardCheck::NotValid(NotValidReason::NotActivated)),
            (Some(C::Blocked), Some(date(2030, 1, 1)), CardCheck::NotValid(NotValidReason::Blocked)),
            (Some(C::Blocked), Some(date(2020, 1, 1)), CardCheck::NotValid(NotValidReason::Expired)),
            (Some(C::Terminated), Some(date(2030, 1, 1)), CardCheck::NotValid(NotValidReason::Terminated)),
            (Some(C::Terminated), Some(date(2020, 1, 1)), CardCheck::NotValid(NotValidReason::Terminated)),
            (Some(C::Expired), Some(date(2030, 1, 1)), CardCheck::NotValid(NotValidReason::Expired)),
        ];
        for (status, valid_until, want) in cases {
            assert_eq!(check_card(status, valid_until, today), want, "{status:?} until {valid_until:?}");
        }
    }

    #[test]
    fn api_strings() {
        assert_eq!(CardCheck::Valid.status_str(), "valid");
        assert_eq!(CardCheck::Valid.reason(), None);
        let not_activated = CardCheck::NotValid(NotValidReason::NotActivated);
        assert_eq!(not_activated.status_str(), "not_valid");
        assert_eq!(not_activated.reason().map(|r| r.as_str()), Some("not_activated"));
        for s in CardStatus::ALL {
            assert_eq!(CardStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(CardStatus::parse("Active"), None);
        assert_eq!(block(C::Terminated).map_err(|e| e.to_string()), Err("cannot block a card that is terminated".to_owned()));
    }
}
