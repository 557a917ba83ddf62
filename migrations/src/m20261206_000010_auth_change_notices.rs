//! PostgreSQL tells every instance when an account, one of its sessions or its verified person changes (`NOTIFY sitecard_auth,
//! '<account id>'`), so each instance's in-memory session cache drops what it holds for that account. The
//! notice is sent when the changing transaction commits, and not at all when it rolls back. A session's
//! `last_used_at` is not a change that matters, so only `revoked_at` and `expires_at` updates count.
//! SQLite serves one instance, which forgets the account itself after its own commit.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: &[&str] = &[
    r#"CREATE FUNCTION sitecard_account_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('sitecard_auth', OLD.id::text);
    RETURN NULL;
END $$"#,
    r#"CREATE FUNCTION sitecard_session_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('sitecard_auth', OLD.account_id::text);
    RETURN NULL;
END $$"#,
    r#"CREATE FUNCTION sitecard_person_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('sitecard_auth', a.id::text) FROM accounts a WHERE a.person_id = OLD.id;
    RETURN NULL;
END $$"#,
    "CREATE TRIGGER accounts_changed AFTER UPDATE OR DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION sitecard_account_changed()",
    "CREATE TRIGGER persons_changed AFTER UPDATE OR DELETE ON persons FOR EACH ROW EXECUTE FUNCTION sitecard_person_changed()",
    "CREATE TRIGGER sessions_changed AFTER UPDATE OF revoked_at, expires_at OR DELETE ON sessions FOR EACH ROW \
     EXECUTE FUNCTION sitecard_session_changed()",
];

const DOWN: &[&str] = &[
    "DROP TRIGGER persons_changed ON persons",
    "DROP FUNCTION sitecard_person_changed()",
    "DROP TRIGGER sessions_changed ON sessions",
    "DROP TRIGGER accounts_changed ON accounts",
    "DROP FUNCTION sitecard_session_changed()",
    "DROP FUNCTION sitecard_account_changed()",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        run(m, UP).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        run(m, DOWN).await
    }
}

async fn run(m: &SchemaManager<'_>, statements: &[&str]) -> Result<(), DbErr> {
    let conn = m.get_connection();
    if conn.get_database_backend() != DbBackend::Postgres {
        return Ok(());
    }
    for sql in statements {
        conn.execute_unprepared(sql).await?;
    }
    Ok(())
}
