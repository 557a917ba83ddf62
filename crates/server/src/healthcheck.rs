//! `sitecard healthcheck`: the container's health probe. Docker runs it in exec form, so it works on images
//! without a shell (dash, the Debian `/bin/sh`, has no `/dev/tcp`).

use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum Unhealthy {
    #[error("{url}: {reason}")]
    Unreachable { url: String, reason: String },
    #[error("{url} answered {status}")]
    NotReady { url: String, status: u16 },
}

/// Ok when `url` answers 200 within 3 seconds.
pub async fn run(url: &str) -> Result<(), Unhealthy> {
    let unreachable = |reason: String| Unhealthy::Unreachable { url: url.to_owned(), reason };
    let client = sitecard_notify::adapters::http_client(Duration::from_secs(3)).map_err(|e| unreachable(e.to_string()))?;
    let res = client.get(url).send().await.map_err(|e| unreachable(e.to_string()))?;
    match res.status().as_u16() {
        200 => Ok(()),
        status => Err(Unhealthy::NotReady { url: url.to_owned(), status }),
    }
}
