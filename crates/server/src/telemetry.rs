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
        .finish(PacedFlush { inner: std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout()), pause: FLUSH_PAUSE });
    let output = if format == "pretty" { tracing_subscriber::fmt::layer().with_writer(writer).boxed() } else { json_lines(writer).boxed() };
    let _ = tracing_subscriber::registry().with(filter(std::env::var("SITECARD_LOG").ok().as_deref())).with(output).try_init();
    guard
}

/// One JSON object per line: the event's fields at the top level beside `timestamp`, `level`, `target` and
/// `message`, and the fields of the span it happened in (the request's id, method and path) under `span`.
/// `json-subscriber` writes the same lines as tracing-subscriber's JSON format with less work per line (measured
/// 2026-12-07, release, SQLite: `/healthz` 0.657x -> 0.703x hello, the authenticated read +3-4%).
fn json_lines<S, W>(writer: W) -> impl Layer<S>
where
    S: tracing::Subscriber + for<'a> tracing_subscriber::registry::LookupSpan<'a>,
    W: for<'w> tracing_subscriber::fmt::MakeWriter<'w> + Send + Sync + 'static,
{
    json_subscriber::fmt::layer().flatten_event(true).with_current_span(true).with_span_list(false).with_writer(writer)
}

/// How long the writer thread rests after each write-out. While it rests, loggers add lines to the channel
/// without waking it (a wake-up is a system call on the logging thread and a context switch on a busy core);
/// it then writes everything that arrived at once. A line waits at most this long; shutdown flushes the rest.
const FLUSH_PAUSE: std::time::Duration = std::time::Duration::from_millis(10);

/// The writer thread's sink: the worker flushes after each batch it drains, so pausing in `flush` paces the
/// batches.
struct PacedFlush<W> {
    inner: W,
    pause: std::time::Duration,
}

impl<W: std::io::Write> std::io::Write for PacedFlush<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.inner.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let flushed = self.inner.flush();
        std::thread::sleep(self.pause);
        flushed
    }
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

    /// An in-memory sink that counts the flushes it receives.
    #[derive(Clone, Default)]
    struct Sink {
        bytes: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
        flushes: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    }

    impl std::io::Write for Sink {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.bytes.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            self.flushes.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            Ok(())
        }
    }

    #[test]
    fn log_lines_go_out_in_paced_batches_and_none_is_lost() {
        use std::io::Write;
        use std::time::{Duration, Instant};
        let sink = Sink::default();
        let pause = Duration::from_millis(50);
        let (mut writer, guard) = NonBlockingBuilder::default().lossy(false).finish(PacedFlush { inner: sink.clone(), pause });

        // A lone line is written at once, not held back for company.
        writer.write_all(b"first\n").unwrap();
        let started = Instant::now();
        while !sink.bytes.lock().unwrap().starts_with(b"first\n") {
            assert!(started.elapsed() < Duration::from_secs(2), "a lone line was held back");
            std::thread::sleep(Duration::from_millis(1));
        }
        // A steady trickle (one line a millisecond for 0.4 s or more) would wake an unpaced writer for nearly
        // every line; a paced one writes about once a pause, however slowly a loaded machine runs the trickle.
        let trickle = Instant::now();
        for i in 0..400 {
            writer.write_all(format!("line {i}\n").as_bytes()).unwrap();
            std::thread::sleep(Duration::from_millis(1));
        }
        let pauses = (trickle.elapsed().as_millis() / pause.as_millis()) as usize;
        drop(guard);

        let text = String::from_utf8(sink.bytes.lock().unwrap().clone()).unwrap();
        let expected: String = std::iter::once("first\n".to_owned()).chain((0..400).map(|i| format!("line {i}\n"))).collect();
        assert_eq!(text, expected, "every line, in order");
        let flushes = sink.flushes.load(std::sync::atomic::Ordering::SeqCst);
        assert!(flushes <= pauses + 5, "{flushes} write-outs for 401 lines over {pauses} pauses of {pause:?}");
    }

    /// The shape operators' log queries rely on: the access line's fields at the top level, and a line logged
    /// inside a request carrying that request's id.
    #[test]
    fn log_lines_are_flat_json_with_the_request_span() {
        let sink = Sink::default();
        let out = sink.clone();
        let subscriber = tracing_subscriber::registry().with(json_lines(move || out.clone()));
        tracing::subscriber::with_default(subscriber, || {
            let span = tracing::info_span!("request", request_id = %"r-1", method = %"GET", path = %"/x");
            span.in_scope(|| tracing::warn!(cause = %"boom \"quoted\"", "service unavailable"));
            tracing::info!(request_id = %"r-1", status = 503u16, latency_ms = 2u64, "request finished");
        });
        let text = String::from_utf8(sink.bytes.lock().unwrap().clone()).unwrap();
        let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}"))).collect();
        assert_eq!(lines.len(), 2, "{text}");
        let inner = &lines[0];
        assert_eq!(inner["level"], "WARN");
        assert_eq!(inner["message"], "service unavailable");
        assert_eq!(inner["cause"], "boom \"quoted\"");
        assert_eq!(inner["span"]["request_id"], "r-1", "{inner}");
        assert_eq!(inner["span"]["path"], "/x", "{inner}");
        let access = &lines[1];
        assert_eq!(access["message"], "request finished");
        assert_eq!(access["request_id"], "r-1");
        assert_eq!(access["status"], 503);
        assert_eq!(access["latency_ms"], 2);
        assert!(access["timestamp"].as_str().is_some_and(|t| t.ends_with('Z')), "{access}");
        assert!(access.get("span").is_none(), "logged outside the span: {access}");
    }

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
