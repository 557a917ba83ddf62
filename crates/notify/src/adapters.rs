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
    /// Never to be sent there (a webhook to a private address, or not https): retrying changes nothing.
    #[error("destination not allowed: {0}")]
    Forbidden(String),
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
/// Only to https URLs whose every address is public, never following redirects (SSRF): unless
/// `allow_private` (development mode, or `SITECARD_WEBHOOK_ALLOW_PRIVATE=1` for a partner on the same network).
pub struct WebhookSender {
    allow_private: bool,
    secrets: Option<WebhookSecrets>,
}

/// A partner client's webhook secret from its client id and its stored (encrypted) secret, if it has one.
pub type WebhookSecrets = std::sync::Arc<dyn Fn(&str, Option<&str>) -> Option<String> + Send + Sync>;

impl WebhookSender {
    pub fn new(allow_private: bool) -> Result<Self, DeliveryError> {
        Ok(Self { allow_private, secrets: None })
    }

    /// Signs each delivery at the moment it is sent, so a retry hours later still carries a fresh timestamp.
    pub fn with_secrets(mut self, secrets: WebhookSecrets) -> Self {
        self.secrets = Some(secrets);
        self
    }

    /// The `Sitecard-Signature` for a delivery now: with the client's current secret when the message names
    /// its client, else the signature stored with the message (messages queued before signing moved here).
    pub fn signature_for(&self, client: Option<(&str, Option<&str>)>, stored: Option<&str>, body: &str) -> String {
        let secret = match (client, &self.secrets) {
            (Some((id, enc)), Some(secrets)) => secrets(id, enc),
            _ => None,
        };
        match secret {
            Some(secret) => webhook_signature(secret.as_bytes(), chrono::Utc::now().timestamp(), body),
            None => stored.unwrap_or_default().to_owned(),
        }
    }

    pub async fn send(&self, url: &str, body: &str, signature: &str) -> Result<(), DeliveryError> {
        let target = check_webhook_url(url, self.allow_private)?;
        let host = target.host_str().unwrap_or_default().to_owned();
        let port = target.port_or_known_default().unwrap_or(443);
        let addrs: Vec<std::net::SocketAddr> = tokio::net::lookup_host((host.trim_matches(['[', ']']), port))
            .await
            .map_err(|e| DeliveryError::Transport(format!("cannot resolve {host}: {e}")))?
            .collect();
        if addrs.is_empty() {
            return Err(DeliveryError::Transport(format!("{host} has no address")));
        }
        if !self.allow_private && addrs.iter().any(|a| !sitecard_domain::destination::is_public_destination(a.ip())) {
            return Err(DeliveryError::Forbidden(format!("{host} resolves to a private, loopback or link-local address")));
        }
        // The addresses just checked are the ones connected to: a second lookup (DNS rebinding) cannot swap them.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest013::Client::builder()
            .timeout(Duration::from_secs(10))
            .redirect(reqwest013::redirect::Policy::none())
            .resolve_to_addrs(&host, &addrs)
            .build()
            .map_err(|e| DeliveryError::Transport(e.to_string()))?;
        let res = client
            .post(target)
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

/// A webhook URL as configured: https (or http when `allow_private`), a host, no credentials in it, and not an
/// IP literal of a private network. Where a host name resolves to is checked again at every send.
pub fn check_webhook_url(url: &str, allow_private: bool) -> Result<reqwest013::Url, DeliveryError> {
    let forbidden = |why: &str| DeliveryError::Forbidden(why.to_owned());
    let parsed = reqwest013::Url::parse(url.trim()).map_err(|_| forbidden("not a URL"))?;
    match parsed.scheme() {
        "https" => {}
        "http" if allow_private => {}
        _ => return Err(forbidden("webhook URLs must use https")),
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(forbidden("no user name or password in the URL; requests are signed instead"));
    }
    let host = parsed.host_str().filter(|h| !h.is_empty()).ok_or_else(|| forbidden("the URL has no host"))?;
    let literal = host.trim_matches(['[', ']']).parse::<std::net::IpAddr>().ok();
    if !allow_private && literal.is_some_and(|ip| !sitecard_domain::destination::is_public_destination(ip)) {
        return Err(forbidden("a private, loopback or link-local address"));
    }
    Ok(parsed)
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
