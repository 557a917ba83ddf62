//! Sitecard's idea of now. Production reads the system clock; development mode may move it forward (the
//! dev-only `POST /api/v1/dev/clock`), so tests of expiry and reminders drive time instead of sleeping.

use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Duration, NaiveDate, Utc};

static OFFSET_SECONDS: AtomicI64 = AtomicI64::new(0);

pub fn now() -> DateTime<Utc> {
    Utc::now() + Duration::seconds(OFFSET_SECONDS.load(Ordering::Relaxed))
}

pub fn today() -> NaiveDate {
    now().date_naive()
}

/// Moves the clock forward (never back: nothing may happen twice); returns the new now.
pub fn advance(seconds: i64) -> DateTime<Utc> {
    OFFSET_SECONDS.fetch_add(seconds.max(0), Ordering::Relaxed);
    now()
}
