//! Structured logs with `tracing`: JSON by default, pretty for people at a terminal.
//!
//! Lines are formatted on the thread that logs them but written by a dedicated thread through a buffer:
//! a request's log line then costs the event loop no `write(2)`, and under load many lines go out in one
//! write. Nothing is dropped (the channel applies back-pressure instead), and the returned guard flushes
//! what is left when the process ends normally.

use tracing_appender::non_blocking::{NonBlockingBuilder, WorkerGuard};
use tracing_subscriber::EnvFilter;

#[must_use = "dropping the guard stops the log writer"]
pub fn init(format: &str) -> WorkerGuard {
    let filter =
        EnvFilter::try_from_env("SITECARD_LOG").unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn,actix_server=warn"));
    // The writer thread drains the channel, then flushes: lines are never held back while it is idle.
    let (writer, guard) = NonBlockingBuilder::default()
        .lossy(false)
        .thread_name("sitecard-log")
        .finish(std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout()));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(writer);
    let _ = if format == "pretty" {
        builder.try_init()
    } else {
        builder.json().flatten_event(true).with_current_span(true).with_span_list(false).try_init()
    };
    guard
}
