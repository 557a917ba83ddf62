//! Baselines measured side by side with Sitecard in `make bench` (see `scripts/bench/`).
