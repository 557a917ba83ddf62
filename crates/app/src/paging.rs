//! Keyset pages: a list reads `limit + 1` rows; the extra one only says that more follow.

/// One page of a keyset-paged list: the rows after `after` (an id or sequence number from the previous page), at
/// most `limit` of them.
#[derive(Clone, Copy, Debug)]
pub struct PageRequest<K = uuid::Uuid> {
    pub limit: u64,
    pub after: Option<K>,
}

/// A page of rows and the cursor for the next one (`None` on the last page).
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// `rows` as read with `limit + 1`: the extra row only says that more follow.
    pub fn of(rows: Vec<T>, limit: u64, cursor: impl Fn(&T) -> String) -> Self {
        let (items, next_cursor) = page_of(rows, limit, cursor, |r| r);
        Self { items, next_cursor }
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page { items: self.items.into_iter().map(f).collect(), next_cursor: self.next_cursor }
    }
}

/// The first `limit` rows mapped to items, and the cursor of the last one when more rows follow.
pub fn page_of<R, T>(rows: Vec<R>, limit: u64, cursor: impl Fn(&R) -> String, map: impl FnMut(R) -> T) -> (Vec<T>, Option<String>) {
    let more = rows.len() as u64 > limit;
    let mut rows = rows;
    rows.truncate(limit as usize);
    let next = if more { rows.last().map(&cursor) } else { None };
    (rows.into_iter().map(map).collect(), next)
}

#[cfg(test)]
mod tests {
    use super::page_of;

    type Case = (Vec<u32>, u64, Vec<u32>, Option<&'static str>);

    #[test]
    fn the_extra_row_only_says_more_follow() {
        let cases: [Case; 4] = [
            (vec![1, 2, 3], 2, vec![10, 20], Some("2")),
            (vec![1, 2], 2, vec![10, 20], None),
            (vec![1], 2, vec![10], None),
            (vec![], 2, vec![], None),
        ];
        for (rows, limit, items, next) in cases {
            let (got, cursor) = page_of(rows.clone(), limit, |r| r.to_string(), |r| r * 10);
            assert_eq!((got, cursor.as_deref()), (items, next), "{rows:?} limit {limit}");
        }
    }
}
