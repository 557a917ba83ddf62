//! Delivers the outbox: claims due messages, sends each through its channel's adapter, and retries
//! failures with exponential backoff. Any number of instances may run it (claims are leased rows).

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use sitecard_persistence::Db;
use sitecard_persistence::outbox::{self, OutboxMessage};
use sitecard_persistence::partners;

use crate::adapters::{DeliveryError, HttpSmsSender, SmtpSender, WebhookSender};

/// Give up after this many attempts (about a day of backoff).
pub const MAX_ATTEMPTS: i32 = 12;

#[derive(Default)]
pub struct Transports {
    pub email: Option<SmtpSender>,
    pub sms: Option<HttpSmsSender>,
    pub webhook: Option<WebhookSender>,
    /// Dev mode: channels without an adapter are "delivered" by keeping the message in the outbox.
    pub dev_sink: bool,
}

#[derive(Clone)]
pub struct Dispatcher {
    db: Db,
    transports: Arc<Transports>,
}

pub fn backoff(attempts: i32) -> chrono::Duration {
    let secs = 5i64.saturating_mul(1i64 << attempts.clamp(0, 14)).min(3 * 3600);
    chrono::Duration::seconds(secs)
}

impl Dispatcher {
    pub fn new(db: Db, transports: Transports) -> Self {
        Self { db, transports: Arc::new(transports) }
    }

    /// One pass: returns how many messages were handled.
    pub async fn run_once(&self) -> Result<usize, sitecard_persistence::DbError> {
        let batch = outbox::claim_due(&self.db, 20, chrono::Duration::seconds(60)).await?;
        let n = batch.len();
        for msg in batch {
            self.deliver(msg).await?;
        }
        Ok(n)
    }

    async fn deliver(&self, msg: OutboxMessage) -> Result<(), sitecard_persistence::DbError> {
        let t = &self.transports;
        let result: Option<Result<(), DeliveryError>> = match msg.channel.as_str() {
            "email" => match &t.email {
                Some(s) => Some(s.send(&msg.recipient, msg.subject.as_deref().unwrap_or("Sitecard"), &msg.body).await),
                None => None,
            },
            "sms" => match &t.sms {
                Some(s) => Some(s.send(&msg.recipient, &msg.body).await),
                None => None,
            },
            "webhook" => match &t.webhook {
                Some(s) => Some(self.send_webhook(s, &msg).await?),
                None => None,
            },
            _ => Some(Err(DeliveryError::Transport(format!("unknown channel {}", msg.channel)))),
        };
        match result {
            Some(Ok(())) => {
                tracing::info!(message_id = %msg.id, channel = %msg.channel, "message delivered");
                // Codes and links must not outlive delivery; webhooks keep their body for audits.
                outbox::mark_sent(&self.db, msg.id, msg.channel != "webhook").await
            }
            None if t.dev_sink => outbox::mark_sent(&self.db, msg.id, false).await,
            None => {
                tracing::warn!(message_id = %msg.id, channel = %msg.channel, "no transport configured; message stays queued");
                outbox::mark_failed(&self.db, msg.id, "no transport configured", Some(Utc::now() + chrono::Duration::minutes(5))).await
            }
            Some(Err(e)) => {
                let attempts = msg.attempts + 1;
                // A forbidden destination stays forbidden: dead at once instead of retried for days.
                let next = (attempts < MAX_ATTEMPTS && !matches!(e, DeliveryError::Forbidden(_))).then(|| Utc::now() + backoff(attempts));
                tracing::warn!(message_id = %msg.id, channel = %msg.channel, attempts, error = %e, "delivery failed");
                outbox::mark_failed(&self.db, msg.id, &e.to_string(), next).await
            }
        }
    }

    /// A webhook goes to its partner client's current URL, signed with its current secret, so a URL fixed or a
    /// secret rotated after the event was queued applies to its retries too.
    async fn send_webhook(
        &self,
        sender: &WebhookSender,
        msg: &OutboxMessage,
    ) -> Result<Result<(), DeliveryError>, sitecard_persistence::DbError> {
        let extras = msg.payload.as_deref().and_then(|p| serde_json::from_str::<serde_json::Value>(p).ok()).unwrap_or_default();
        let client = match extras["client_id"].as_str() {
            Some(id) => match partners::find_by_client_id(&self.db, id).await? {
                Some(c) => Some(c),
                None => return Ok(Err(DeliveryError::Forbidden(format!("partner client {id} no longer exists")))),
            },
            None => None,
        };
        let url = match &client {
            Some(c) => match c.webhook_url.as_deref() {
                Some(url) => url.to_owned(),
                None => return Ok(Err(DeliveryError::Forbidden(format!("partner client {} has no webhook URL now", c.client_id)))),
            },
            None => msg.recipient.clone(),
        };
        let sig = sender.signature_for(
            client.as_ref().map(|c| (c.client_id.as_str(), c.webhook_secret_enc.as_deref())),
            extras["signature"].as_str(),
            &msg.body,
        );
        Ok(sender.send(&url, &msg.body, &sig).await)
    }

    /// Runs until the process stops, polling every `interval`.
    pub async fn run(self, interval: Duration) {
        loop {
            match self.run_once().await {
                Ok(n) if n > 0 => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "outbox pass failed"),
            }
            tokio::time::sleep(interval).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::backoff;

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(backoff(1).num_seconds(), 10);
        assert_eq!(backoff(2).num_seconds(), 20);
        assert_eq!(backoff(30).num_seconds(), 3 * 3600);
    }
}
