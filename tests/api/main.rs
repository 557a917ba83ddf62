//! Black-box scenario tests: the real `sitecard` binary on a random port, driven over HTTP.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_arguments)]

mod helpers;

mod audit;
mod authorization;
mod expiry;
mod foundation;
mod identity;
mod languages;
mod operator;
mod orders;
mod photos;
mod right_to_work;
mod security;
mod sessions;
