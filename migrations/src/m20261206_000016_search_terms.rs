//! The company admin's search over orders and cards: one row per (company, term, order), where the terms are
//! the words of the worker's names in their spellings, the email and its local part, and the card number with
//! its trailing digits (`sitecard_domain::search`). A search is a prefix range on the primary key, as fast at
//! a million orders as at a thousand. Existing orders are indexed here, a thousand at a time.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, FromQueryResult};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(FromQueryResult)]
struct Row {
    id: Uuid,
    company_id: Uuid,
    given_names: String,
    surname: String,
    email: String,
    card_number: Option<String>,
}

use sea_orm_migration::sea_orm::prelude::Uuid;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(SearchTerms::Table)
                .col(ColumnDef::new(SearchTerms::CompanyId).uuid().not_null())
                .col(ColumnDef::new(SearchTerms::Term).string().not_null())
                .col(ColumnDef::new(SearchTerms::OrderId).uuid().not_null())
                .primary_key(Index::create().col(SearchTerms::CompanyId).col(SearchTerms::Term).col(SearchTerms::OrderId))
                .to_owned(),
        )
        .await?;
        m.create_index(Index::create().name("idx_search_terms_order").table(SearchTerms::Table).col(SearchTerms::OrderId).to_owned())
            .await?;
        backfill(m).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(SearchTerms::Table).to_owned()).await
    }
}

async fn backfill(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = m.get_connection();
    let backend = db.get_database_backend();
    let mut after: Option<Uuid> = None;
    loop {
        let mut q = Query::select()
            .expr_as(Expr::col((CardOrders::Table, CardOrders::Id)), Alias::new("id"))
            .expr_as(Expr::col((CardOrders::Table, CardOrders::CompanyId)), Alias::new("company_id"))
            .expr_as(Expr::col((CardOrders::Table, CardOrders::GivenNames)), Alias::new("given_names"))
            .expr_as(Expr::col((CardOrders::Table, CardOrders::Surname)), Alias::new("surname"))
            .expr_as(Expr::col((CardOrders::Table, CardOrders::Email)), Alias::new("email"))
            .expr_as(Expr::col((Cards::Table, Cards::CardNumber)), Alias::new("card_number"))
            .from(CardOrders::Table)
            .left_join(Cards::Table, Expr::col((Cards::Table, Cards::OrderId)).equals((CardOrders::Table, CardOrders::Id)))
            .order_by((CardOrders::Table, CardOrders::Id), Order::Asc)
            .limit(1000)
            .to_owned();
        if let Some(id) = after {
            q.and_where(Expr::col((CardOrders::Table, CardOrders::Id)).gt(id));
        }
        let rows = Row::find_by_statement(backend.build(&q)).all(db).await?;
        let Some(last) = rows.last() else { return Ok(()) };
        after = Some(last.id);
        let mut insert = Query::insert()
            .into_table(SearchTerms::Table)
            .columns([SearchTerms::CompanyId, SearchTerms::Term, SearchTerms::OrderId])
            .to_owned();
        let mut any = false;
        for r in &rows {
            for term in sitecard_domain::search::order_terms(&r.given_names, &r.surname, &r.email, r.card_number.as_deref()) {
                insert.values_panic([r.company_id.into(), term.into(), r.id.into()]);
                any = true;
            }
        }
        if any {
            insert.on_conflict(OnConflict::new().do_nothing().to_owned());
            db.execute_raw(backend.build(&insert)).await?;
        }
    }
}

#[derive(DeriveIden)]
enum SearchTerms {
    Table,
    CompanyId,
    Term,
    OrderId,
}

#[derive(DeriveIden)]
enum CardOrders {
    Table,
    Id,
    CompanyId,
    GivenNames,
    Surname,
    Email,
}

#[derive(DeriveIden)]
enum Cards {
    Table,
    OrderId,
    CardNumber,
}
