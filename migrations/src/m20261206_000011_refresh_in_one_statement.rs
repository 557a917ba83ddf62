//! A refresh-token rotation is one statement: inserting the successor (which names the token it replaces in
//! `parent_id`) spends that token and touches the session by trigger, in the same atomic statement. Two
//! rotations of one token cannot both succeed: `parent_id` is unique, so the second is refused (and treated as
//! reuse). Before, a rotation was five round trips on the database's single writer (begin, spend, insert,
//! touch, commit), which bounded refreshes per second on SQLite.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const SQLITE_UP: &[&str] = &[r#"CREATE TRIGGER refresh_token_rotated AFTER INSERT ON refresh_tokens WHEN NEW.parent_id IS NOT NULL
BEGIN
    UPDATE refresh_tokens SET used_at = NEW.created_at WHERE id = NEW.parent_id;
    UPDATE sessions SET last_used_at = NEW.created_at WHERE id = NEW.session_id;
END"#];

const POSTGRES_UP: &[&str] = &[
    r#"CREATE FUNCTION sitecard_refresh_token_rotated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE refresh_tokens SET used_at = NEW.created_at WHERE id = NEW.parent_id;
    UPDATE sessions SET last_used_at = NEW.created_at WHERE id = NEW.session_id;
    RETURN NULL;
END $$"#,
    "CREATE TRIGGER refresh_token_rotated AFTER INSERT ON refresh_tokens FOR EACH ROW WHEN (NEW.parent_id IS NOT NULL) \
     EXECUTE FUNCTION sitecard_refresh_token_rotated()",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter().table(RefreshTokens::Table).add_column(ColumnDef::new(RefreshTokens::ParentId).uuid().null()).to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ux_refresh_parent").table(RefreshTokens::Table).col(RefreshTokens::ParentId).unique().to_owned(),
        )
        .await?;
        let conn = m.get_connection();
        let statements = if conn.get_database_backend() == DbBackend::Postgres { POSTGRES_UP } else { SQLITE_UP };
        for sql in statements {
            conn.execute_unprepared(sql).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let conn = m.get_connection();
        if conn.get_database_backend() == DbBackend::Postgres {
            conn.execute_unprepared("DROP TRIGGER refresh_token_rotated ON refresh_tokens").await?;
            conn.execute_unprepared("DROP FUNCTION sitecard_refresh_token_rotated()").await?;
        } else {
            conn.execute_unprepared("DROP TRIGGER refresh_token_rotated").await?;
        }
        m.drop_index(Index::drop().name("ux_refresh_parent").table(RefreshTokens::Table).to_owned()).await?;
        m.alter_table(Table::alter().table(RefreshTokens::Table).drop_column(RefreshTokens::ParentId).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum RefreshTokens {
    Table,
    ParentId,
}
