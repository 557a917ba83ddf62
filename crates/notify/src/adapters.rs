//! Delivery adapters: SMTP (lettre), an HTTP SMS provider, outgoing webhooks, and the dev sink that keeps
//! everything in the outbox for `GET /api/v1/dev/outbox`.

use std::time::Duration;

use lettre::message::{Mailbox, header::ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message as Email, Tokio1Executor};

#[derive(Debug, thiserror::Error)]
pub enum DeliveryError {
    #[error("invalid address: {0}")]
    Address(String),
    #[error("transport: {0}")]
    Transport(String),
    #[error("rejected by provider: status {0}")]
    Rejected(u16),
}

/// Sends email through an SMTP server (`smtp://host:port`, `smtps://…`, `smtp://user:pass@host?tls=required`).
pub struct SmtpSender {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpSender {
    pub fn new(url: &str, from: &str) -> Result<Self, DeliveryError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| DeliveryError::Transport(e.to_string()))?
            .timeout(Some(Duration::from_secs(15)))
            .build();
        let from = from.parse().map_err(|e: lettre::address::AddressError| DeliveryError::Address(e.to_string()))?;
        Ok(Self { transport, from })
    }

    pub async fn send(&self, to: &str, subject: &str, body: &str) -> Result<(), DeliveryError> {
        let to: Mailbox = to.parse().map_err(|e: lettre::address::AddressError| DeliveryError::Address(e.to_string()))?;
        let email = Email::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body.to_owned())
            .map_err(|e| DeliveryError::Transport(e.to_string()))?;
        self.transport.send(email).await.map_err(|e| DeliveryError::Transport(e.to_string()))?;
        Ok(())
    }
}

/// Sends SMS through an HTTP provider with the common JSON shape:
/// `POST {base_url}` with `Authorization: Bearer {token}` and `{"from", "to", "message"}`; any 2xx is success.
pub struct HttpSmsSender {
    client: reqwest013::Client,
    url: String,
    token: String,
    from: String,
}

impl HttpSmsSender {
    pub fn new(url: &str, token: &str, from: &str) -> Result<Self, DeliveryError> {
        let client = http_client(Duration::from_secs(15))?;
        Ok(Self { client, url: url.to_owned(), token: token.to_owned(), from: from.to_owned() })
    }

    pub async fn send(&self, to: &str, message: &str) -> Result<(), DeliveryError> {
        let res = self
            .client
            .post(&self.url)
            .bearer_auth(&self.token)
            .json(&serde_json::json!({ "from": self.from, "to": to, "message": message }))
            .send()
            .await
            .map_err(|e| DeliveryError::Transport(e.without_url().to_string()))?;
        if !res.status().is_success() {
            return Err(DeliveryError::Rejected(res.status().as_u16()));
        }
        Ok(())
    }
}

/// Posts signed JSON to partner webhook URLs (`Sitecard-Signature: t=…,v1=HMAC-SHA256(secret, "t.body")`).
pub struct WebhookSender {
    client: reqwest013::Client,
}

impl WebhookSender {
    pub fn new() -> Result<Self, DeliveryError> {
        Ok(Self { client: http_client(Duration::from_secs(10))? })
    }

    pub async fn send(&self, url: &str, body: &str, signature: &str) -> Result<(), DeliveryError> {
        let res = self
            .client
            .post(url)
            .header("content-type", "application/json")
            .header("Sitecard-Signature", signature)
            .body(body.to_owned())
            .send()
            .await
            .map_err(|e| DeliveryError::Transport(e.without_url().to_string()))?;
        if !res.status().is_success() {
            return Err(DeliveryError::Rejected(res.status().as_u16()));
        }
        Ok(())
    }
}

/// An HTTPS client over ring (the process's one TLS crypto library; installing it again is harmless): reqwest
/// is built without a provider of its own and would panic without one.
pub fn http_client(timeout: Duration) -> Result<reqwest013::Client, DeliveryError> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest013::Client::builder().timeout(timeout).build().map_err(|e| DeliveryError::Transport(e.to_string()))
}

/// `t=<unix>,v1=<hex hmac-sha256 of "t.body">`, as Stripe-style receivers expect.
pub fn webhook_signature(secret: &[u8], timestamp: i64, body: &str) -> String {
    use hmac::{Hmac, Mac};
    let mut mac = match Hmac::<sha2::Sha256>::new_from_slice(secret) {
        Ok(m) => m,
        Err(_) => return String::new(),
    };
    mac.update(format!("{timestamp}.{body}").as_bytes());
    format!("t={timestamp},v1={}", hex::encode(mac.finalize().into_bytes()))
}
