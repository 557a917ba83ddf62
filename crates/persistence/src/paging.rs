//! The keyset page a company's lists share: newest first after a cursor, optionally in one status. Ids are
//! UUIDv7, so id order is creation order and the cursor is the last id of the previous page.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select};
use uuid::Uuid;

pub(crate) struct NewestFirst<'a, C> {
    pub id: C,
    pub status: Option<(C, &'a str)>,
    pub after: Option<Uuid>,
    pub limit: u64,
}

pub(crate) fn newest_first<E: EntityTrait>(mut q: Select<E>, page: NewestFirst<'_, E::Column>) -> Select<E> {
    if let Some((column, status)) = page.status {
        q = q.filter(column.eq(status));
    }
    if let Some(after) = page.after {
        q = q.filter(page.id.lt(after));
    }
    q.order_by_desc(page.id).limit(page.limit)
}
