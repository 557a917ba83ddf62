//! Whether an account can be used: `pending` until its holder has set a password from an emailed link (a
//! registration or an invitation), `active` after.

/// Stored as the same snake_case strings (the `sea-orm` feature, enabled by the persistence crate only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "sea-orm", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "sea-orm", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::None)"))]
pub enum AccountStatus {
    #[cfg_attr(feature = "sea-orm", sea_orm(string_value = "pending"))]
    Pending,
    #[cfg_attr(feature = "sea-orm", sea_orm(string_value = "active"))]
    Active,
}

impl AccountStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Active => "active",
        }
    }

    /// As the API shows a person someone invited (company administrators, staff): `invited` until they have
    /// set a password, then `active`.
    pub fn invitation_status(&self) -> &'static str {
        match self {
            Self::Pending => "invited",
            Self::Active => "active",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::AccountStatus::*;

    #[test]
    fn an_invited_person_shows_as_invited_until_they_set_a_password() {
        for (status, shown) in [(Pending, "invited"), (Active, "active")] {
            assert_eq!(status.invitation_status(), shown, "{status:?}");
        }
    }
}
