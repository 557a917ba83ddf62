//! Staff, for operators: verifiers and operators invited, listed, and their roles taken away.

pub mod invite;
pub mod list;
pub mod remove_role;

use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(invite::invite_staff).service(list::list_staff).service(remove_role::remove_staff_role);
}

/// A member of staff: `invited` until they have set a password from the emailed link.
#[derive(Serialize, ToSchema)]
pub struct StaffMember {
    #[schema(example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c3")]
    pub account_id: Uuid,
    #[schema(example = "desk.malmo@example.com")]
    pub email: String,
    /// Every role of the account (a verifier may also hold a card).
    #[schema(value_type = Vec<sitecard_app::schema_enums::RoleValue>)]
    pub roles: Vec<String>,
    #[schema(value_type = sitecard_app::schema_enums::InvitationStatus)]
    pub status: String,
}

impl From<sitecard_app::records::Account> for StaffMember {
    fn from(a: sitecard_app::records::Account) -> Self {
        let roles = a.roles.iter().map(|r| r.as_str().to_owned()).collect();
        Self { account_id: a.id.into(), email: a.email, roles, status: a.status.invitation_status().into() }
    }
}
