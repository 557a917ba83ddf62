//! Prometheus metrics: request counts and latency histograms by route and status.

use prometheus::{Encoder, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, Opts, Registry, TextEncoder};

#[derive(Clone)]
pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    /// Where an authenticated request found its session: in memory, or in the database.
    sessions_from_memory: IntCounter,
    sessions_from_database: IntCounter,
}

impl Metrics {
    pub fn new() -> Result<Self, prometheus::Error> {
        let registry = Registry::new_custom(Some("sitecard".into()), None)?;
        let requests =
            IntCounterVec::new(Opts::new("http_requests_total", "HTTP requests by route and status"), &["method", "route", "status"])?;
        let latency = HistogramVec::new(
            HistogramOpts::new("http_request_duration_seconds", "HTTP request latency by route")
                .buckets(vec![0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0]),
            &["method", "route", "status"],
        )?;
        let sessions = IntCounterVec::new(
            Opts::new("session_lookups_total", "Sessions checked for authenticated requests, by where they were found"),
            &["source"],
        )?;
        registry.register(Box::new(requests.clone()))?;
        registry.register(Box::new(latency.clone()))?;
        registry.register(Box::new(sessions.clone()))?;
        Ok(Self {
            registry,
            requests,
            latency,
            sessions_from_memory: sessions.with_label_values(&["memory"]),
            sessions_from_database: sessions.with_label_values(&["database"]),
        })
    }

    pub fn session_lookup(&self, from_memory: bool) {
        if from_memory { self.sessions_from_memory.inc() } else { self.sessions_from_database.inc() }
    }

    pub fn observe(&self, method: &str, route: &str, status: &str, seconds: f64) {
        let labels = [method, route, status];
        self.requests.with_label_values(&labels).inc();
        self.latency.with_label_values(&labels).observe(seconds);
    }

    pub fn render(&self) -> String {
        let mut buf = Vec::new();
        let _ = TextEncoder::new().encode(&self.registry.gather(), &mut buf);
        String::from_utf8(buf).unwrap_or_default()
    }
}
