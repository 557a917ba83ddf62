//! The schema's history. One migration per file, named `mYYYYMMDD_NNNNNN_what.rs`.

pub use sea_orm_migration::prelude::*;

mod m20261126_000001_foundation;
mod m20261126_000002_identity;
mod m20261126_000003_card_orders;
mod m20261126_000004_card_photo;
mod m20261126_000005_totp_replay;
mod m20261206_000006_security_pass;
mod m20261206_000007_verification_lookup;
mod m20261206_000008_audit_checkpoints;
mod m20261206_000009_totp_offer;
mod m20261206_000010_auth_change_notices;
mod m20261206_000011_refresh_in_one_statement;
mod m20261206_000012_webhook_subscriptions;
mod m20261206_000013_operator_console;
mod m20261206_000014_company_country;
mod m20261206_000015_audit_event_lookup;
mod m20261206_000016_search_terms;
mod m20261206_000017_card_expiry;
mod m20261206_000018_right_to_work;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261126_000001_foundation::Migration),
            Box::new(m20261126_000002_identity::Migration),
            Box::new(m20261126_000003_card_orders::Migration),
            Box::new(m20261126_000004_card_photo::Migration),
            Box::new(m20261126_000005_totp_replay::Migration),
            Box::new(m20261206_000006_security_pass::Migration),
            Box::new(m20261206_000007_verification_lookup::Migration),
            Box::new(m20261206_000008_audit_checkpoints::Migration),
            Box::new(m20261206_000009_totp_offer::Migration),
            Box::new(m20261206_000010_auth_change_notices::Migration),
            Box::new(m20261206_000011_refresh_in_one_statement::Migration),
            Box::new(m20261206_000012_webhook_subscriptions::Migration),
            Box::new(m20261206_000013_operator_console::Migration),
            Box::new(m20261206_000014_company_country::Migration),
            Box::new(m20261206_000015_audit_event_lookup::Migration),
            Box::new(m20261206_000016_search_terms::Migration),
            Box::new(m20261206_000017_card_expiry::Migration),
            Box::new(m20261206_000018_right_to_work::Migration),
        ]
    }
}
