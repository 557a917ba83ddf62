//! The search index of card orders (`search_terms`, migration 16): written with every change to what it
//! indexes (order names and email, card number), read as prefix ranges on `(company_id, term)`.

use sea_orm::sea_query::{Expr, ExprTrait, Query, SelectStatement};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use sitecard_domain::search;
use uuid::Uuid;

use crate::DbError;
use crate::entities::card_orders::{self, Entity as Orders};
use crate::entities::cards::{self, Entity as Cards};
use crate::entities::search_terms::{self, Entity as SearchTerms};

/// Rewrites the order's terms from its current row and card.
pub async fn index_order<C: ConnectionTrait>(conn: &C, order_id: Uuid) -> Result<(), DbError> {
    SearchTerms::delete_many().filter(search_terms::Column::OrderId.eq(order_id)).exec(conn).await?;
    let Some(order) = Orders::find_by_id(order_id).one(conn).await? else { return Ok(()) };
    let card = Cards::find().filter(cards::Column::OrderId.eq(order_id)).one(conn).await?;
    let terms = search::order_terms(&order.given_names, &order.surname, &order.email, card.as_ref().map(|c| c.card_number.as_str()));
    insert(conn, order.company_id, order_id, terms).await
}

async fn insert<C: ConnectionTrait>(conn: &C, company_id: Uuid, order_id: Uuid, terms: Vec<String>) -> Result<(), DbError> {
    if terms.is_empty() {
        return Ok(());
    }
    let rows = terms.into_iter().map(|term| search_terms::ActiveModel {
        company_id: sea_orm::ActiveValue::Set(company_id),
        term: sea_orm::ActiveValue::Set(term),
        order_id: sea_orm::ActiveValue::Set(order_id),
    });
    SearchTerms::insert_many(rows).exec_without_returning(conn).await?;
    Ok(())
}

/// Ids of the company's orders matching every word of the query (each a prefix of one of their terms).
pub fn matching_orders(company_id: Uuid, words: &[Vec<String>]) -> Vec<SelectStatement> {
    words
        .iter()
        .map(|forms| {
            let mut any = sea_orm::Condition::any();
            for form in forms {
                // A prefix as a range, which a plain B-tree index serves on SQLite and PostgreSQL alike.
                let upper = format!("{form}\u{10FFFF}");
                any =
                    any.add(Expr::col(search_terms::Column::Term).gte(form.as_str()).and(Expr::col(search_terms::Column::Term).lt(upper)));
            }
            Query::select()
                .column(search_terms::Column::OrderId)
                .from(SearchTerms)
                .and_where(Expr::col(search_terms::Column::CompanyId).eq(company_id))
                .cond_where(any)
                .to_owned()
        })
        .collect()
}

/// Limits an order query to the matches of a search.
pub fn filter_orders(mut q: sea_orm::Select<Orders>, company_id: Uuid, words: &[Vec<String>]) -> sea_orm::Select<Orders> {
    for sub in matching_orders(company_id, words) {
        q = q.filter(card_orders::Column::Id.in_subquery(sub));
    }
    q
}

/// Limits a card query to the cards of matching orders.
pub fn filter_cards(mut q: sea_orm::Select<Cards>, company_id: Uuid, words: &[Vec<String>]) -> sea_orm::Select<Cards> {
    for sub in matching_orders(company_id, words) {
        q = q.filter(cards::Column::OrderId.in_subquery(sub));
    }
    q
}
