//! Black-box scenario tests: the real `sitecard` binary on a random port, driven over HTTP.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod helpers;

mod foundation;
