//! Roles on an account. One account model; a person can be a cardholder and a company admin at once.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Cardholder,
    CompanyAdmin,
    Verifier,
    Operator,
}

impl Role {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Cardholder => "cardholder",
            Self::CompanyAdmin => "company_admin",
            Self::Verifier => "verifier",
            Self::Operator => "operator",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "cardholder" => Some(Self::Cardholder),
            "company_admin" => Some(Self::CompanyAdmin),
            "verifier" => Some(Self::Verifier),
            "operator" => Some(Self::Operator),
            _ => None,
        }
    }
}

/// Roles are stored as a comma-separated list.
pub fn parse_roles(s: &str) -> Vec<Role> {
    let mut roles: Vec<Role> = s.split(',').filter_map(|r| Role::parse(r.trim())).collect();
    roles.sort();
    roles.dedup();
    roles
}

pub fn format_roles(roles: &[Role]) -> String {
    let mut v: Vec<&str> = roles.iter().map(Role::as_str).collect();
    v.sort_unstable();
    v.dedup();
    v.join(",")
}
