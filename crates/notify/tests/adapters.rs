//! Each delivery adapter against a local stub server, and the dispatcher over a real SQLite outbox.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::{Arc, Mutex};

use sitecard_notify::adapters::{HttpSmsSender, SmtpSender, WebhookSender, webhook_signature};
use sitecard_notify::{Dispatcher, Message, Transports};
use sitecard_persistence::outbox;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// A minimal SMTP server: accepts every message and records what it was given.
async fn smtp_stub() -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let store = seen.clone();
    tokio::spawn(async move {
        loop {
            let Ok((sock, _)) = listener.accept().await else { return };
            let store = store.clone();
            tokio::spawn(async move {
                let (r, mut w) = sock.into_split();
                let mut lines = BufReader::new(r).lines();
                w.write_all(b"220 stub ESMTP\r\n").await.unwrap();
                let mut in_data = false;
                let mut data = String::new();
                while let Ok(Some(line)) = lines.next_line().await {
                    if in_data {
                        if line == "." {
                            in_data = false;
                            store.lock().unwrap().push(std::mem::take(&mut data));
                            w.write_all(b"250 queued\r\n").await.unwrap();
                        } else {
                            data.push_str(&line);
                            data.push('\n');
                        }
                        continue;
                    }
                    let upper = line.to_uppercase();
                    let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                        b"250-stub\r\n250 8BITMIME\r\n"
                    } else if upper.starts_with("DATA") {
                        in_data = true;
                        b"354 go ahead\r\n"
                    } else if upper.starts_with("QUIT") {
                        let _ = w.write_all(b"221 bye\r\n").await;
                        return;
                    } else {
                        b"250 ok\r\n"
                    };
                    w.write_all(reply).await.unwrap();
                }
            });
        }
    });
    (port, seen)
}

/// A minimal HTTP server answering every request with `status`, recording method, path, headers and body.
async fn http_stub(status: u16) -> (u16, Arc<Mutex<Vec<(String, String)>>>) {
    http_stub_answering(status, String::new()).await
}

/// Answers 302 to `location`.
async fn http_redirect_stub(location: &str) -> (u16, Arc<Mutex<Vec<(String, String)>>>) {
    http_stub_answering(302, format!("location: {location}\r\n")).await
}

/// Records every request and answers `status` with `extra_headers` (each line ending in CRLF).
async fn http_stub_answering(status: u16, extra_headers: String) -> (u16, Arc<Mutex<Vec<(String, String)>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let store = seen.clone();
    tokio::spawn(async move {
        loop {
            let Ok((sock, _)) = listener.accept().await else { return };
            let store = store.clone();
            let extra_headers = extra_headers.clone();
            tokio::spawn(async move {
                let (r, mut w) = sock.into_split();
                let mut reader = BufReader::new(r);
                let mut head = String::new();
                let mut len = 0usize;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).await.unwrap_or(0) == 0 {
                        return;
                    }
                    if line == "\r\n" {
                        break;
                    }
                    if let Some(v) = line.to_lowercase().strip_prefix("content-length:") {
                        len = v.trim().parse().unwrap_or(0);
                    }
                    head.push_str(&line);
                }
                let mut body = vec![0u8; len];
                reader.read_exact(&mut body).await.unwrap();
                store.lock().unwrap().push((head, String::from_utf8_lossy(&body).into_owned()));
                let resp = format!("HTTP/1.1 {status} X\r\n{extra_headers}content-length: 2\r\nconnection: close\r\n\r\n{{}}");
                let _ = w.write_all(resp.as_bytes()).await;
            });
        }
    });
    (port, seen)
}

#[tokio::test]
async fn smtp_adapter_delivers_to_an_smtp_server() {
    let (port, seen) = smtp_stub().await;
    let sender = SmtpSender::new(&format!("smtp://127.0.0.1:{port}"), "Sitecard <no-reply@sitecard.test>").unwrap();
    sender.send("worker@example.com", "Create your Sitecard account", "Hello Jan\nhttps://x/register?token=abc").await.unwrap();
    let mails = seen.lock().unwrap().clone();
    assert_eq!(mails.len(), 1);
    assert!(mails[0].contains("Subject: Create your Sitecard account"));
    assert!(mails[0].contains("To: worker@example.com"));
    assert!(mails[0].contains("register?token=abc"));
}

#[tokio::test]
async fn http_sms_adapter_posts_json_with_the_bearer_token_and_reports_rejections() {
    let (port, seen) = http_stub(200).await;
    let sender = HttpSmsSender::new(&format!("http://127.0.0.1:{port}/v1/sms"), "sms-token", "Sitecard").unwrap();
    sender.send("+46700000003", "Your code is 123456").await.unwrap();
    let (head, body) = seen.lock().unwrap()[0].clone();
    assert!(head.starts_with("POST /v1/sms"));
    assert!(head.to_lowercase().contains("authorization: bearer sms-token"));
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json, serde_json::json!({"from": "Sitecard", "to": "+46700000003", "message": "Your code is 123456"}));

    let (port, _) = http_stub(503).await;
    let failing = HttpSmsSender::new(&format!("http://127.0.0.1:{port}/v1/sms"), "t", "Sitecard").unwrap();
    assert!(failing.send("+46700000003", "x").await.is_err());
}

#[tokio::test]
async fn webhooks_carry_a_verifiable_signature() {
    let (port, seen) = http_stub(204).await;
    let body = r#"{"event":"order.confirmed"}"#;
    let sig = webhook_signature(b"secret", 1_700_000_000, body);
    WebhookSender::new(true).unwrap().send(&format!("http://127.0.0.1:{port}/hook"), body, &sig).await.unwrap();
    let (head, got) = seen.lock().unwrap()[0].clone();
    assert_eq!(got, body);
    assert!(head.to_lowercase().contains(&format!("sitecard-signature: {}", sig.to_lowercase())));
    assert!(sig.starts_with("t=1700000000,v1="));
    assert_ne!(sig, webhook_signature(b"other", 1_700_000_000, body));
}

async fn sqlite_outbox() -> (tempfile::TempDir, sitecard_persistence::Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = sitecard_persistence::connect(&format!("sqlite://{}/o.db", dir.path().display()), 1).await.unwrap();
    sitecard_persistence::migrate(&db).await.unwrap();
    (dir, db)
}

#[tokio::test]
async fn the_dispatcher_delivers_scrubs_codes_and_retries_failures_with_backoff() {
    let (_dir, db) = sqlite_outbox().await;
    let (smtp_port, mails) = smtp_stub().await;
    let (sms_port, texts) = http_stub(500).await;
    sitecard_notify::queue(&db, "worker@example.com", &Message::PasswordChanged, sitecard_domain::Language::Sv).await.unwrap();
    sitecard_notify::queue(&db, "+46700000003", &Message::LoginCode { code: "654321".into() }, sitecard_domain::Language::En)
        .await
        .unwrap();
    let transports = Transports {
        email: Some(SmtpSender::new(&format!("smtp://127.0.0.1:{smtp_port}"), "no-reply@sitecard.test").unwrap()),
        sms: Some(HttpSmsSender::new(&format!("http://127.0.0.1:{sms_port}/sms"), "t", "Sitecard").unwrap()),
        webhook: None,
        dev_sink: false,
    };
    let dispatcher = Dispatcher::new(db.clone(), transports);
    assert_eq!(dispatcher.run_once().await.unwrap(), 2);
    assert_eq!(mails.lock().unwrap().len(), 1);
    let mail = mails.lock().unwrap()[0].replace("=\n", "");
    assert!(mail.contains("Subject: Ditt =?utf-8?b?U2l0ZWNhcmQtbMO2c2Vub3Jk?= har bytts"), "{mail}");
    assert!(mail.contains("L=C3=B6senordet till ditt Sitecard-konto har bytts"), "Swedish text: {mail}");
    assert_eq!(texts.lock().unwrap().len(), 1, "the SMS was tried");

    let all = outbox::recent(&db, None, 10).await.unwrap();
    let email = all.iter().find(|m| m.channel == "email").unwrap();
    assert_eq!(email.status, "sent");
    let sms = all.iter().find(|m| m.channel == "sms").unwrap();
    assert_eq!(sms.status, "pending", "a failed SMS is retried later");
    assert_eq!(sms.attempts, 1);
    assert!(sms.next_attempt_at > chrono::Utc::now() + chrono::Duration::seconds(5));
    assert!(sms.last_error.as_deref().unwrap().contains("500"));
    // Not due yet: nothing to do.
    assert_eq!(dispatcher.run_once().await.unwrap(), 0);

    // The provider recovers; the retry delivers and the code is scrubbed from storage.
    let (ok_port, ok_texts) = http_stub(200).await;
    let dispatcher = Dispatcher::new(
        db.clone(),
        Transports {
            email: None,
            sms: Some(HttpSmsSender::new(&format!("http://127.0.0.1:{ok_port}/sms"), "t", "Sitecard").unwrap()),
            webhook: None,
            dev_sink: false,
        },
    );
    use sea_orm::ConnectionTrait;
    db.execute_unprepared("UPDATE outbox_messages SET next_attempt_at = '2000-01-01 00:00:00+00:00' WHERE channel = 'sms'").await.unwrap();
    assert_eq!(dispatcher.run_once().await.unwrap(), 1);
    assert!(ok_texts.lock().unwrap()[0].1.contains("654321"));
    let sms = outbox::recent(&db, Some("+46700000003"), 1).await.unwrap().remove(0);
    assert_eq!(sms.status, "sent");
    assert!(!sms.body.contains("654321"), "codes do not outlive delivery");
    assert!(sms.payload.is_none());
}

#[tokio::test]
async fn without_a_transport_messages_stay_queued_and_dev_mode_keeps_them_readable() {
    let (_dir, db) = sqlite_outbox().await;
    sitecard_notify::queue(&db, "+46700000003", &Message::LoginCode { code: "111222".into() }, sitecard_domain::Language::En)
        .await
        .unwrap();
    let d = Dispatcher::new(db.clone(), Transports::default());
    d.run_once().await.unwrap();
    assert_eq!(outbox::recent(&db, None, 1).await.unwrap()[0].status, "pending");

    let (_dir2, db2) = sqlite_outbox().await;
    sitecard_notify::queue(&db2, "+46700000003", &Message::LoginCode { code: "111222".into() }, sitecard_domain::Language::En)
        .await
        .unwrap();
    Dispatcher::new(db2.clone(), Transports { dev_sink: true, ..Default::default() }).run_once().await.unwrap();
    let m = outbox::recent(&db2, None, 1).await.unwrap().remove(0);
    assert_eq!(m.status, "sent");
    assert!(m.body.contains("111222"), "the dev outbox keeps the code for the dev page");
}

#[tokio::test]
async fn webhooks_go_only_to_public_https_destinations_and_never_follow_redirects() {
    use sitecard_notify::adapters::{DeliveryError, check_webhook_url};
    let (port, seen) = http_stub(204).await;
    let strict = WebhookSender::new(false).unwrap();
    // Loopback, by IP literal and by a name that resolves to it, over http and https: refused, nothing sent.
    for url in [
        format!("http://127.0.0.1:{port}/hook"),
        format!("https://127.0.0.1:{port}/hook"),
        format!("https://localhost:{port}/hook"),
        format!("https://[::ffff:127.0.0.1]:{port}/hook"),
        "https://169.254.169.254/latest/meta-data".to_owned(),
        "https://10.0.0.1/hook".to_owned(),
    ] {
        let err = strict.send(&url, "{}", "t=1,v1=x").await.unwrap_err();
        assert!(matches!(err, DeliveryError::Forbidden(_)), "{url}: {err:?}");
    }
    assert!(seen.lock().unwrap().is_empty(), "nothing reached the private address");
    for (url, ok) in [
        ("https://partner.example/hooks/sitecard", true),
        ("http://partner.example/hook", false),
        ("https://user:pw@partner.example/hook", false),
        ("https://192.168.1.10/hook", false),
        ("not a url", false),
    ] {
        assert_eq!(check_webhook_url(url, false).is_ok(), ok, "{url}");
    }
    assert!(check_webhook_url("http://192.168.1.10/hook", true).is_ok(), "allowed in development or by the operator");

    // A redirect is an answer, not an instruction: reported, not followed.
    let (target, reached) = http_stub(204).await;
    let (redirecting, _) = http_redirect_stub(&format!("http://127.0.0.1:{target}/elsewhere")).await;
    let err = WebhookSender::new(true).unwrap().send(&format!("http://127.0.0.1:{redirecting}/hook"), "{}", "t=1,v1=x").await.unwrap_err();
    assert!(matches!(err, DeliveryError::Rejected(302)), "{err:?}");
    assert!(reached.lock().unwrap().is_empty(), "the redirect was not followed");
}
