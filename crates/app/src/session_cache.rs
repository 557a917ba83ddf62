//! Live sessions kept in memory, so an authenticated request does not read its session from the database.
//!
//! Sign-out, password reset, refresh-token reuse and role removal must still end access at once, here and on
//! every other instance. So an entry is dropped whenever its account, one of its sessions or its verified
//! person changes:
//! - on this instance, by the code that made the change, right after its transaction commits
//!   ([`SessionCache::forget_account`]);
//! - on every instance sharing a PostgreSQL database, by a trigger's `NOTIFY sitecard_auth, '<account id>'`
//!   (migration 10) that each instance's listener turns into the same call. While that listener is not
//!   connected, notifications may be lost: the cache is then switched off and emptied
//!   ([`SessionCache::suspend`]), and every request reads the database as before, until the listener is
//!   back ([`SessionCache::resume`]).
//!
//! A read that raced with a change must not put the old state back: each read takes a ticket before it asks
//! the database and its answer is kept only if no change to that account (or a suspension) came after the
//! ticket. Entries also age out after [`MAX_AGE`], a bound on any staleness a missed invalidation could cause.

use sitecard_domain::ids::AccountId;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sitecard_persistence::accounts::Account;
use sitecard_persistence::persons::Person;
use sitecard_persistence::sessions::Session;
use uuid::Uuid;

/// How long an entry is trusted without a change notice.
pub const MAX_AGE: Duration = Duration::from_secs(60);
/// Entries kept at most; when full, the cache starts again empty (cheaper than an eviction order).
const MAX_ENTRIES: usize = 50_000;
/// Change marks kept at most before they are folded into the floor.
const MAX_MARKS: usize = 10_000;

/// A session, its account and the account's verified person as the database had them when the read's ticket
/// was taken.
/// Shared, not copied, by every request it serves: a request takes the account and person by `Arc`.
pub struct CachedSession {
    pub session: Session,
    pub account: Arc<Account>,
    pub person: Option<Arc<Person>>,
}

struct Entry {
    value: Arc<CachedSession>,
    stored: Instant,
}

#[derive(Default)]
struct Inner {
    enabled: bool,
    /// Counts changes; tickets are values of it.
    epoch: u64,
    /// A read whose ticket is below this is not kept (set by suspensions and when `changed` is folded).
    floor: u64,
    /// The epoch of the last change per account, for reads still in flight.
    changed: HashMap<Uuid, u64>,
    entries: HashMap<Uuid, Entry>,
}

/// The in-process session cache (one per server process, shared by its workers).
pub struct SessionCache {
    inner: Mutex<Inner>,
}

/// Taken before a session is read from the database; see the module notes.
#[derive(Debug, Clone, Copy)]
pub struct ReadTicket(u64);

impl SessionCache {
    /// A cache that starts enabled (SQLite: one instance, every change is made here) or suspended
    /// (PostgreSQL: enabled once the change listener is connected).
    pub fn new(enabled: bool) -> Self {
        Self { inner: Mutex::new(Inner { enabled, ..Inner::default() }) }
    }

    /// An always-off cache: every request reads the database (`SITECARD_SESSION_CACHE=off`).
    pub fn disabled() -> Self {
        Self::new(false)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave the maps half-changed in a way that matters: at worst an
        // entry is missing. So a poisoned lock is used as it is.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn get(&self, session_id: Uuid) -> Option<Arc<CachedSession>> {
        let inner = self.lock();
        if !inner.enabled {
            return None;
        }
        let entry = inner.entries.get(&session_id)?;
        (entry.stored.elapsed() < MAX_AGE).then(|| entry.value.clone())
    }

    pub fn ticket(&self) -> ReadTicket {
        ReadTicket(self.lock().epoch)
    }

    /// Keeps what a read found, unless the account changed (or the cache was suspended) since its ticket.
    pub fn put(&self, ticket: ReadTicket, value: Arc<CachedSession>) {
        let mut inner = self.lock();
        let account_changed = inner.changed.get(&value.account.id.as_uuid()).is_some_and(|&at| at > ticket.0);
        if !inner.enabled || ticket.0 < inner.floor || account_changed {
            return;
        }
        if inner.entries.len() >= MAX_ENTRIES {
            inner.entries.clear();
        }
        inner.entries.insert(value.session.id, Entry { value, stored: Instant::now() });
    }

    /// The account or one of its sessions changed: its entries go, and reads in flight are not kept.
    pub fn forget_account(&self, account_id: AccountId) {
        let mut inner = self.lock();
        inner.epoch += 1;
        let epoch = inner.epoch;
        if inner.changed.len() >= MAX_MARKS {
            inner.changed.clear();
            inner.floor = epoch;
        }
        inner.changed.insert(account_id.into(), epoch);
        inner.entries.retain(|_, e| e.value.account.id != account_id);
    }

    /// Changes may be missed from now on (the listener lost its connection): off and empty.
    pub fn suspend(&self) {
        let mut inner = self.lock();
        inner.enabled = false;
        inner.epoch += 1;
        inner.floor = inner.epoch;
        inner.changed.clear();
        inner.entries.clear();
    }

    /// Changes are heard again: back on, starting empty (whatever was missed meanwhile is not in it).
    pub fn resume(&self) {
        let mut inner = self.lock();
        inner.epoch += 1;
        inner.floor = inner.epoch;
        inner.changed.clear();
        inner.entries.clear();
        inner.enabled = true;
    }

    pub fn len(&self) -> usize {
        self.lock().entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    fn cached(session_id: Uuid, account_id: AccountId) -> Arc<CachedSession> {
        let now = Utc::now();
        let session = Session {
            id: session_id,
            account_id,
            client: "web".into(),
            user_agent: None,
            ip: None,
            auth_method: "sms".into(),
            created_at: now,
            last_used_at: now,
            expires_at: now + chrono::Duration::days(1),
            revoked_at: None,
            revoked_reason: None,
        };
        let account = Account { id: account_id, ..test_account() };
        Arc::new(CachedSession { session, account: Arc::new(account), person: None })
    }

    fn test_account() -> Account {
        let now = Utc::now();
        Account {
            id: Uuid::nil().into(),
            email: "a@example.com".into(),
            password_hash: None,
            phone: None,
            status: sitecard_domain::account_status::AccountStatus::Active,
            language: "en".into(),
            roles: vec![sitecard_domain::Role::Cardholder],
            person_id: None,
            totp_secret_enc: None,
            totp_pending_enc: None,
            address_line1: None,
            address_line2: None,
            postal_code: None,
            city: None,
            country: None,
            created_at: now,
            updated_at: now,
            totp_last_step: None,
            totp_offer_declined_at: None,
        }
    }

    #[test]
    fn a_read_is_kept_and_a_change_drops_it() {
        let cache = SessionCache::new(true);
        let (s, a) = (Uuid::now_v7(), Uuid::now_v7());
        let t = cache.ticket();
        cache.put(t, cached(s, a.into()));
        assert!(cache.get(s).is_some());
        cache.forget_account(a.into());
        assert!(cache.get(s).is_none());
    }

    #[test]
    fn a_read_that_raced_with_a_change_is_not_kept() {
        let cache = SessionCache::new(true);
        let (s, a) = (Uuid::now_v7(), Uuid::now_v7());
        let t = cache.ticket(); // the read starts...
        cache.forget_account(a.into()); // ...the account changes and commits...
        cache.put(t, cached(s, a.into())); // ...and the read's (old) answer arrives.
        assert!(cache.get(s).is_none());
        // A change to another account does not stop a read from being kept.
        let t = cache.ticket();
        cache.forget_account(Uuid::now_v7().into());
        cache.put(t, cached(s, a.into()));
        assert!(cache.get(s).is_some());
    }

    #[test]
    fn suspended_means_nothing_is_served_or_kept_until_resumed() {
        let cache = SessionCache::new(true);
        let (s, a) = (Uuid::now_v7(), Uuid::now_v7());
        cache.put(cache.ticket(), cached(s, a.into()));
        let in_flight = cache.ticket();
        cache.suspend();
        assert!(cache.get(s).is_none());
        cache.put(cache.ticket(), cached(s, a.into()));
        assert!(cache.is_empty());
        cache.resume();
        cache.put(in_flight, cached(s, a.into())); // read before the suspension: may have missed a change
        assert!(cache.get(s).is_none());
        cache.put(cache.ticket(), cached(s, a.into()));
        assert!(cache.get(s).is_some());
    }

    #[test]
    fn the_disabled_cache_never_answers() {
        let cache = SessionCache::disabled();
        let (s, a) = (Uuid::now_v7(), Uuid::now_v7());
        cache.put(cache.ticket(), cached(s, a.into()));
        assert!(cache.get(s).is_none());
    }
}
