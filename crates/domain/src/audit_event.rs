//! What the audit log records: the kinds of event, who acted and on what. Stored as the snake_case strings
//! the log has always held, so old rows, operators' filters and the hash chain read the same.

use uuid::Uuid;

macro_rules! audit_kinds {
    ($($variant:ident => $name:literal,)*) => {
        /// Every kind of audit event.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum AuditKind {
            $($variant,)*
        }

        impl AuditKind {
            pub const ALL: &'static [AuditKind] = &[$(Self::$variant,)*];

            pub fn as_str(&self) -> &'static str {
                match self {
                    $(Self::$variant => $name,)*
                }
            }

            /// The inverse of [`AuditKind::as_str`]; exact match.
            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|k| k.as_str() == s)
            }
        }
    };
}

audit_kinds! {
    AccountInvited => "account_invited",
    AccountRegistered => "account_registered",
    CardActivated => "card_activated",
    CardActivationLocked => "card_activation_locked",
    CardBlocked => "card_blocked",
    CardExpired => "card_expired",
    CardNumberMismatch => "card_number_mismatch",
    CardRenewalOrdered => "card_renewal_ordered",
    CardTerminated => "card_terminated",
    CardUnblocked => "card_unblocked",
    CardValidityChanged => "card_validity_changed",
    ChallengeExhausted => "challenge_exhausted",
    CodeFailed => "code_failed",
    CompanyAdminAdded => "company_admin_added",
    CompanyAdminRemoved => "company_admin_removed",
    CompanyCreated => "company_created",
    ContactUpdated => "contact_updated",
    IdentityMismatch => "identity_mismatch",
    IdentityRelinkRefused => "identity_relink_refused",
    IdentityVerified => "identity_verified",
    LoginFailed => "login_failed",
    LoginLocked => "login_locked",
    LoginPasswordOk => "login_password_ok",
    LoginSucceeded => "login_succeeded",
    Logout => "logout",
    OrderAccepted => "order_accepted",
    OrderCancelled => "order_cancelled",
    OrderCorrected => "order_corrected",
    OrderCreated => "order_created",
    OrderRejected => "order_rejected",
    OtherSessionsRevoked => "other_sessions_revoked",
    OutboxMessageRetried => "outbox_message_retried",
    PartnerAuthFailed => "partner_auth_failed",
    PartnerClientChanged => "partner_client_changed",
    PartnerClientCreated => "partner_client_created",
    PartnerClientSecretRotated => "partner_client_secret_rotated",
    PasswordChanged => "password_changed",
    PasswordReset => "password_reset",
    PasswordResetRequested => "password_reset_requested",
    PhoneChanged => "phone_changed",
    PhotoApproved => "photo_approved",
    PhotoRejected => "photo_rejected",
    PhotoUploaded => "photo_uploaded",
    ProductionEvent => "production_event",
    RefreshTokenReuse => "refresh_token_reuse",
    RightToWorkRecorded => "right_to_work_recorded",
    SecondFactorLocked => "second_factor_locked",
    SecondFactorReset => "second_factor_reset",
    SecondFactorResetRefused => "second_factor_reset_refused",
    SessionRevoked => "session_revoked",
    StaffRoleRemoved => "staff_role_removed",
    TotpEnrolled => "totp_enrolled",
    TotpRemoved => "totp_removed",
}

/// Who acted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// A signed-in person.
    Account(Uuid),
    /// A production partner's client (named in the event's data).
    Partner,
    /// Someone not signed in (a failed login, a public request).
    Anonymous,
    /// An operator at the command line.
    Operator,
    /// The server itself (the expiry job).
    System,
}

impl Actor {
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Account(_) => "account",
            Self::Partner => "partner",
            Self::Anonymous => "anonymous",
            Self::Operator => "operator",
            Self::System => "system",
        }
    }

    pub fn id(&self) -> Option<Uuid> {
        match self {
            Self::Account(id) => Some(*id),
            _ => None,
        }
    }

    /// A signed-in account, or an operator at the command line when there is none.
    pub fn account_or_operator(id: Option<Uuid>) -> Self {
        id.map_or(Self::Operator, Self::Account)
    }
}

/// What the event is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Account(Uuid),
    Card(Uuid),
    CardOrder(Uuid),
    Company(Uuid),
    OutboxMessage(Uuid),
    /// Partner clients are named by their client id, in the event's data.
    PartnerClient,
    Person(Uuid),
    Session(Uuid),
    /// Nothing in particular (a failed login for an unknown email).
    Nothing,
}

impl Subject {
    pub fn kind(&self) -> Option<&'static str> {
        Some(match self {
            Self::Account(_) => "account",
            Self::Card(_) => "card",
            Self::CardOrder(_) => "card_order",
            Self::Company(_) => "company",
            Self::OutboxMessage(_) => "outbox_message",
            Self::PartnerClient => "partner_client",
            Self::Person(_) => "person",
            Self::Session(_) => "session",
            Self::Nothing => return None,
        })
    }

    pub fn id(&self) -> Option<Uuid> {
        match self {
            Self::Account(id)
            | Self::Card(id)
            | Self::CardOrder(id)
            | Self::Company(id)
            | Self::OutboxMessage(id)
            | Self::Person(id)
            | Self::Session(id) => Some(*id),
            Self::PartnerClient | Self::Nothing => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_have_unique_snake_case_names_that_parse_back() {
        let mut seen = std::collections::HashSet::new();
        for kind in AuditKind::ALL {
            let name = kind.as_str();
            assert!(name.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{name}");
            assert!(seen.insert(name), "{name} twice");
            assert_eq!(AuditKind::parse(name), Some(*kind));
        }
        assert_eq!(AuditKind::parse("no_such_kind"), None);
    }

    #[test]
    fn actors_and_subjects_as_stored() {
        let id = Uuid::nil();
        let cases = [
            (Actor::Account(id), "account", Some(id)),
            (Actor::Partner, "partner", None),
            (Actor::Anonymous, "anonymous", None),
            (Actor::Operator, "operator", None),
            (Actor::System, "system", None),
        ];
        for (actor, kind, actor_id) in cases {
            assert_eq!((actor.kind(), actor.id()), (kind, actor_id));
        }
        assert_eq!(Actor::account_or_operator(None), Actor::Operator);
        let subjects = [
            (Subject::CardOrder(id), Some("card_order"), Some(id)),
            (Subject::PartnerClient, Some("partner_client"), None),
            (Subject::Nothing, None, None),
        ];
        for (subject, kind, subject_id) in subjects {
            assert_eq!((subject.kind(), subject.id()), (kind, subject_id));
        }
    }
}
