//! Structured logs with `tracing`: JSON by default, pretty for people at a terminal.
//!
//! Lines are formatted on the thread that logs them but written by a dedicated thread through a buffer:
//! a request's log line then costs the event loop no `write(2)`, and under load many lines go out in one
//! write. Nothing is dropped (the channel applies back-pressure instead), and the returned guard flushes
//! what is left when the process ends normally.

use tracing_appender::non_blocking::{NonBlockingBuilder, WorkerGuard};
use tracing_subscriber::filter::Targets;
use tracing_subscriber::prelude::*;
use tracing_subscriber::{EnvFilter, Layer, Registry};

const DEFAULT_FILTER: &str = "info,sqlx=warn,sea_orm=warn,actix_server=warn";

#[must_use = "dropping the guard stops the log writer"]
pub fn init(format: &str) -> WorkerGuard {
    // The writer thread drains the channel, then flushes: lines are never held back while it is idle.
    let (writer, guard) = NonBlockingBuilder::default()
        .lossy(false)
        .thread_name("sitecard-log")
        .finish(std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout()));
    let output = if format == "pretty" {
        tracing_subscriber::fmt::layer().with_writer(writer).boxed()
    } else {
        tracing_subscriber::fmt::layer()
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .with_writer(writer)
            .boxed()
    };
    let _ = tracing_subscriber::registry().with(filter(std::env::var("SITECARD_LOG").ok().as_deref())).with(output).try_init();
    guard
}

/// `SITECARD_LOG`, or the default when it is unset or invalid. A plain list of `target=level` directives
/// (the usual case) becomes a `Targets` filter, which is decided once per call site; only span and field
/// directives need an `EnvFilter`, which also takes a lock on every span entry and exit, i.e. on every poll
/// of every request.
fn filter(spec: Option<&str>) -> Box<dyn Layer<Registry> + Send + Sync> {
    let spec = spec.map(str::trim).filter(|s| !s.is_empty()).unwrap_or(DEFAULT_FILTER);
    if let Ok(targets) = spec.parse::<Targets>() {
        return targets.boxed();
    }
    EnvFilter::try_new(spec).map(Layer::boxed).unwrap_or_else(|_| filter(None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tracing::Level;
    use tracing::level_filters::LevelFilter;

    #[test]
    fn plain_directives_and_span_directives_both_work() {
        // (spec, the max level it lets through)
        let cases = [
            (None, LevelFilter::INFO),
            (Some(""), LevelFilter::INFO),
            (Some("warn"), LevelFilter::WARN),
            (Some("debug,sqlx=warn"), LevelFilter::DEBUG),
            (Some("sitecard_api[request]=trace"), LevelFilter::TRACE),
            (Some("=== not a filter ==="), LevelFilter::INFO),
        ];
        for (spec, max) in cases {
            assert_eq!(filter(spec).max_level_hint(), Some(max), "{spec:?}");
        }
        let t: Targets = DEFAULT_FILTER.parse().unwrap();
        assert!(t.would_enable("sitecard_api::middleware", &Level::INFO));
        assert!(!t.would_enable("sqlx::query", &Level::INFO));
    }
}
