//! Who may act for whom, as operators and company administrators manage it (console, API and CLI): companies
//! with their administrators, and staff (verifiers, operators). Partner clients: `partner_clients`.
//!
//! Changes to who may do what are seen by the session cache only after commit: callers call
//! `AppState::forget_account` for the account once the transaction has committed.

use sitecard_domain::country::CountryCode;
use sitecard_domain::ids::{AccountId, CompanyId};
use sitecard_domain::org_number::{OrgNumber, OrgNumberError};
use sitecard_domain::{Email, Language, Role};
use sitecard_persistence::audit::{Actor, AuditKind, NewAuditEvent, Subject};
use sitecard_persistence::companies::{self, AdminRemoval, Company};
use sitecard_persistence::{Conn, accounts, audit, sessions};
use uuid::Uuid;

use crate::error::{AppError, FieldError};
use crate::invite::{Invited, invite};
use crate::state::AppState;

pub struct NewCompany<'a> {
    pub name: &'a str,
    pub org_number: &'a str,
    /// ISO alpha-2 of the registry; `SE` when absent.
    pub country: Option<&'a str>,
    pub admin_email: &'a str,
    pub language: Language,
}

pub struct CompanyCreated {
    pub company: Company,
    pub admin: Invited,
}

/// Creates the company and invites its first administrator. Every field error at once; a wrong organisation
/// number alone is 422 `invalid_org_number`; an org number already registered (in that country) is 409
/// `company_exists`. `actor`: the operator's account, or `None` for the command line.
pub async fn create_company<C: Conn>(
    conn: &C,
    state: &AppState,
    actor: Option<Uuid>,
    n: NewCompany<'_>,
) -> Result<CompanyCreated, AppError> {
    let mut errors = Vec::new();
    let name = sitecard_domain::address::text_line(n.name, 200)
        .map_err(|_| errors.push(FieldError::new("name", "invalid_format", "1 to 200 characters")))
        .ok();
    let country = CountryCode::parse(n.country.unwrap_or("SE"))
        .map_err(|e| errors.push(FieldError::new("country", "invalid_country", e.to_string())))
        .ok();
    let org = country.as_ref().and_then(|c| {
        OrgNumber::parse(n.org_number, c)
            .map_err(|e| {
                let code = if e == OrgNumberError::CheckDigit { "check_digit" } else { "invalid_format" };
                errors.push(FieldError::new("org_number", code, e.to_string()));
            })
            .ok()
    });
    if Email::parse(n.admin_email).is_err() {
        errors.push(FieldError::new("admin_email", "invalid_email", "not a valid e-mail address"));
    }
    let (Some(name), Some(country), Some(org)) = (name, country, org) else {
        let only_org = errors.iter().all(|e| e.field == "org_number");
        return Err(if only_org {
            let detail = errors.first().map(|e| e.message.clone()).unwrap_or_default();
            AppError::Unprocessable { code: "invalid_org_number", detail, errors }
        } else {
            AppError::Validation(errors)
        });
    };
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let exists = companies::find_by_org_number(conn, org.as_str()).await?.is_some_and(|c| c.country == country.as_str());
    if exists {
        return Err(company_exists(&org));
    }
    let company = companies::insert(conn, &name, org.as_str(), country.as_str()).await.map_err(|e| match e {
        // Created twice at once: the unique org number decides.
        sitecard_persistence::DbError::Conflict(_) => company_exists(&org),
        other => other.into(),
    })?;
    let admin = invite(conn, state, n.admin_email, Role::CompanyAdmin, n.language, actor).await?;
    companies::add_admin(conn, company.id, admin.account_id.into()).await?;
    let data = serde_json::json!({ "org_number": org.as_str(), "country": country.as_str(), "admin": admin.account_id });
    audit::append(
        conn,
        NewAuditEvent::new(AuditKind::CompanyCreated, Actor::account_or_operator(actor), Subject::Company(company.id.into()), data),
    )
    .await?;
    Ok(CompanyCreated { company, admin })
}

fn company_exists(org: &OrgNumber) -> AppError {
    AppError::Conflict("company_exists", format!("a company with organisation number {org} exists"))
}

/// Makes `email` an administrator of the company: invited by email when they have no account; an existing
/// account gets the role (and an email saying so).
pub async fn add_company_admin<C: Conn>(
    conn: &C,
    state: &AppState,
    actor: Uuid,
    company_id: CompanyId,
    email: &str,
    language: Language,
) -> Result<Invited, AppError> {
    companies::find(conn, company_id).await?.ok_or(AppError::NotFound)?;
    let invited = invite(conn, state, email, Role::CompanyAdmin, language, Some(actor)).await?;
    companies::add_admin(conn, company_id, invited.account_id.into()).await?;
    audit::append(
        conn,
        NewAuditEvent::new(
            AuditKind::CompanyAdminAdded,
            Actor::Account(actor),
            Subject::Company(company_id.into()),
            serde_json::json!({ "account_id": invited.account_id }),
        ),
    )
    .await?;
    Ok(invited)
}

/// Removes an administrator, never the last one (409 `last_admin`). Someone who administers no company any
/// more loses the company-admin role.
pub async fn remove_company_admin<C: Conn>(conn: &C, actor: Uuid, company_id: CompanyId, account_id: AccountId) -> Result<(), AppError> {
    match companies::remove_admin(conn, company_id, account_id).await? {
        AdminRemoval::Removed => {}
        AdminRemoval::LastAdmin => {
            return Err(AppError::Conflict("last_admin", "a company keeps at least one administrator: invite another first".into()));
        }
        AdminRemoval::NotAnAdmin => return Err(AppError::NotFound),
    }
    if companies::administered_by(conn, account_id).await?.is_empty() {
        set_role(conn, account_id, Role::CompanyAdmin, false).await?;
    }
    audit::append(
        conn,
        NewAuditEvent::new(
            AuditKind::CompanyAdminRemoved,
            Actor::Account(actor),
            Subject::Company(company_id.into()),
            serde_json::json!({ "account_id": account_id }),
        ),
    )
    .await?;
    Ok(())
}

/// Invites a verifier or an operator (other roles are given by their own flows).
pub async fn invite_staff<C: Conn>(
    conn: &C,
    state: &AppState,
    actor: Uuid,
    email: &str,
    role: Role,
    language: Language,
) -> Result<Invited, AppError> {
    if !matches!(role, Role::Verifier | Role::Operator) {
        return Err(AppError::Validation(vec![FieldError::new("role", "invalid_value", "verifier or operator")]));
    }
    let invited = invite(conn, state, email, role, language, Some(actor)).await?;
    Ok(invited)
}

/// Takes a staff role away and ends the account's sessions at once (its tokens stop working); never the last
/// operator (409 `last_operator`).
pub async fn remove_staff_role<C: Conn>(conn: &C, actor: Uuid, account_id: AccountId, role: Role) -> Result<(), AppError> {
    let account = accounts::find(conn, account_id).await?.ok_or(AppError::NotFound)?;
    if !matches!(role, Role::Verifier | Role::Operator) || !account.roles.contains(&role) {
        return Err(AppError::NotFound);
    }
    accounts::lock_role_changes(conn).await?;
    if role == Role::Operator && accounts::with_role(conn, Role::Operator.as_str()).await?.len() <= 1 {
        return Err(AppError::Conflict("last_operator", "Sitecard keeps at least one operator: invite another first".into()));
    }
    set_role(conn, account_id, role, false).await?;
    sessions::revoke_all_for_account(conn, account_id, None, "role removed").await?;
    audit::append(
        conn,
        NewAuditEvent::new(
            AuditKind::StaffRoleRemoved,
            Actor::Account(actor),
            Subject::Account(account_id.into()),
            serde_json::json!({ "role": role.as_str() }),
        ),
    )
    .await?;
    Ok(())
}

async fn set_role<C: Conn>(conn: &C, account_id: AccountId, role: Role, on: bool) -> Result<(), AppError> {
    let account = accounts::find(conn, account_id).await?.ok_or(AppError::NotFound)?;
    let mut roles: Vec<Role> = account.roles.iter().copied().filter(|r| *r != role).collect();
    if on {
        roles.push(role);
    }
    accounts::update(conn, account_id, accounts::AccountUpdate { roles: Some(roles), ..Default::default() }).await?;
    Ok(())
}
