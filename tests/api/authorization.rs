//! Authorization matrix: every card-order and card route called by every role and by another tenant; only
//! the owner succeeds, the rest get 401/403/404 without data.

use serde_json::{Value, json};

use crate::helpers::{ADMIN, TestApp, Tokens, VERIFIER, WORKER, assert_problem, spawn_app};
use crate::orders::{company_id, complete_contact, order_body, partner_token, produce_and_deliver};

/// Runs a CLI command against the test database.
pub fn cli(app: &TestApp, args: &[&str]) -> String {
    let out = cli_command(app, args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The CLI's exit status, for commands that must fail.
pub fn cli_status(app: &TestApp, args: &[&str]) -> std::process::ExitStatus {
    cli_command(app, args).output().unwrap().status
}

fn cli_command(app: &TestApp, args: &[&str]) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_sitecard"));
    cmd.args(args)
        .env("DATABASE_URL", &app.database_url)
        .env("SITECARD_DEV", "1")
        .env("SITECARD_PUBLIC_URL", "http://sitecard.test")
        .env("SITECARD_LOG", "warn")
        .env("SITECARD_OBJECT_STORE", std::env::temp_dir().join("sitecard-cli-objects"));
    cmd
}

/// Finishes an emailed invitation: password, phone, code.
pub async fn accept_invitation(app: &TestApp, email: &str, phone: &str) -> Tokens {
    let link = app.last_link(email).await;
    let token = link.split("token=").nth(1).unwrap();
    let res =
        app.post_json("/api/v1/accounts", &json!({"registration_token": token, "password": "site office 2026", "phone": phone})).await;
    assert_eq!(res.status(), 201);
    let ch: Value = res.json().await.unwrap();
    let code = app.last_code(phone).await;
    assert_eq!(
        app.post_json("/api/v1/accounts/verify-phone", &json!({"challenge_id": ch["challenge_id"], "code": code})).await.status(),
        200
    );
    app.login_with(email, "site office 2026", phone).await
}

struct Caller {
    name: &'static str,
    token: Option<String>,
}

#[tokio::test]
async fn only_the_owner_reaches_each_order_and_card_route() {
    let app = spawn_app().await;
    cli(
        &app,
        &["admin", "create-company", "--name", "Other Bygg AB", "--org-number", "556000-0019", "--admin-email", "other.admin@example.com"],
    );
    let other_admin = accept_invitation(&app, "other.admin@example.com", "+46702220000").await;
    app.register_worker("other.worker@example.com", "+46703330000", "bricks and mortar 42").await;
    let other_worker = app.login_with("other.worker@example.com", "bricks and mortar 42", "+46703330000").await;

    let admin = app.login(ADMIN.0, ADMIN.1).await;
    let worker = app.login(WORKER.0, WORKER.1).await;
    let verifier = app.login(VERIFIER.0, VERIFIER.1).await;
    let partner = partner_token(&app).await;
    let cid = company_id(&app, &admin).await;
    complete_contact(&app, &worker).await;
    let orders: Vec<Value> = app.get_auth("/api/v1/me/card-orders", &worker.access).await.json().await.unwrap();
    let oid = orders[0]["id"].as_str().unwrap().to_owned();
    assert_eq!(
        // Written as a float (`1.0`), as JavaScript and many mobile JSON libraries do: still an integer.
        app.post_auth(&format!("/api/v1/me/card-orders/{oid}/accept"), &worker.access, &json!({"version": orders[0]["version"].as_f64()}))
            .await
            .status(),
        200
    );
    let (card, number) = produce_and_deliver(&app, &oid, "GH0000000001").await;
    // A second, untouched order so that state-changing routes have something to act on.
    let fresh = crate::orders::create_ready_order(&app, &admin, &cid, &order_body(WORKER.0, "Jan Piotr", "Kowalski", "1990-04-12")).await;
    let fresh_id = fresh["id"].as_str().unwrap().to_owned();

    let callers = [
        Caller { name: "anonymous", token: None },
        Caller { name: "worker", token: Some(worker.access.clone()) },
        Caller { name: "other worker", token: Some(other_worker.access.clone()) },
        Caller { name: "admin", token: Some(admin.access.clone()) },
        Caller { name: "other company's admin", token: Some(other_admin.access.clone()) },
        Caller { name: "verifier", token: Some(verifier.access.clone()) },
        Caller { name: "partner", token: Some(partner.clone()) },
    ];
    // (method, path, body, the callers that may succeed). State-changing calls that succeed are listed
    // last so earlier rows still find the order in its state.
    let routes: Vec<(&str, String, Value, &[&str])> = vec![
        ("GET", "/api/v1/me/card-orders".into(), json!(null), &["worker", "other worker", "admin", "other company's admin", "verifier"]),
        ("GET", format!("/api/v1/me/card-orders/{oid}"), json!(null), &["worker"]),
        ("GET", "/api/v1/me/cards".into(), json!(null), &["worker", "other worker", "admin", "other company's admin", "verifier"]),
        ("POST", format!("/api/v1/me/cards/{card}/pin"), json!({"card_number": number}), &[]),
        ("GET", format!("/api/v1/companies/{cid}/card-orders"), json!(null), &["admin"]),
        ("GET", format!("/api/v1/companies/{cid}/card-orders/{oid}"), json!(null), &["admin"]),
        ("GET", format!("/api/v1/companies/{cid}/cards"), json!(null), &["admin"]),
        ("GET", "/api/v1/partner/production-orders".into(), json!(null), &["partner"]),
        ("POST", format!("/api/v1/companies/{cid}/card-orders"), order_body("x@example.com", "A", "B", "1990-01-01"), &["admin"]),
        (
            "PATCH",
            format!("/api/v1/companies/{cid}/card-orders/{fresh_id}"),
            json!({"version": fresh["version"], "surname": "Kowalski"}),
            &["admin"],
        ),
        ("GET", format!("/api/v1/card-orders/{oid}/photo"), json!(null), &["worker", "admin", "verifier", "partner"]),
        ("GET", "/api/v1/partner/photo-reviews".into(), json!(null), &["partner"]),
        ("PUT", format!("/api/v1/companies/{cid}/card-orders/{fresh_id}/photo"), json!(null), &["admin"]),
        ("POST", format!("/api/v1/companies/{cid}/cards/{card}/block"), json!({"reason": "test"}), &["admin"]),
        ("POST", format!("/api/v1/companies/{cid}/cards/{card}/unblock"), json!({"reason": "test"}), &["admin"]),
        ("POST", format!("/api/v1/me/cards/{card}/activate"), json!({"card_number": number}), &["worker"]),
        ("POST", format!("/api/v1/me/cards/{card}/report-lost"), json!({}), &["worker"]),
        ("POST", format!("/api/v1/cards/{card}/activate-in-person"), json!({"document_number": "EA1234567", "card_number": number}), &[]),
        ("POST", format!("/api/v1/me/card-orders/{fresh_id}/reject"), json!({"reason": "not me"}), &["worker"]),
        ("POST", format!("/api/v1/companies/{cid}/card-orders/{oid}/cancel"), json!({}), &[]),
        (
            "POST",
            format!("/api/v1/partner/production-orders/{oid}/events"),
            json!({"type": "delivered", "occurred_at": "2026-11-26T10:00:00Z"}),
            &[],
        ),
    ];
    for (method, path, body, allowed) in &routes {
        for caller in &callers {
            let mut req = app.client.request(method.parse().unwrap(), app.url(path));
            if let Some(t) = &caller.token {
                req = req.bearer_auth(t);
            }
            if method == &"PUT" {
                req = req.header("content-type", "image/png").body(crate::orders::portrait_png());
            } else if !body.is_null() {
                req = req.json(body);
            }
            let res = req.send().await.unwrap();
            let status = res.status().as_u16();
            let text = res.text().await.unwrap();
            if allowed.contains(&caller.name) {
                assert!(status < 400 || status == 409 || status == 422, "{method} {path} as {}: {status} {text}", caller.name);
            } else {
                assert!([401, 403, 404, 409, 422].contains(&status), "{method} {path} as {}: {status} {text}", caller.name);
                if [401, 403, 404].contains(&status) {
                    assert!(
                        !text.contains("Kowalski") && !text.contains("GH0000000001"),
                        "{method} {path} as {} leaked data: {text}",
                        caller.name
                    );
                } else {
                    // 409/422 are only acceptable for callers that own the resource but hit a state rule.
                    assert!(
                        allowed.is_empty() || matches!(caller.name, "worker" | "admin" | "verifier"),
                        "{method} {path} as {}: {status} {text}",
                        caller.name
                    );
                }
            }
        }
    }
    // Who may act is decided before what they sent: a blank reason is the admin's 422, everyone else's 403.
    for action in ["block", "unblock", "terminate"] {
        let path = format!("/api/v1/companies/{cid}/cards/{card}/{action}");
        for (who, token) in [("worker", &worker.access), ("verifier", &verifier.access), ("other admin", &other_admin.access)] {
            let status = app.post_auth(&path, token, &json!({"reason": "  "})).await.status();
            assert_eq!(status, 403, "{action} with a blank reason as {who}");
        }
        assert_problem(app.post_auth(&path, &admin.access, &json!({"reason": "  "})).await, 422, "validation_failed").await;
    }
    // Another company's admin sees nothing of this company's orders by id, even under their own company.
    let other_cid: Value = app.get_auth("/api/v1/me", &other_admin.access).await.json().await.unwrap();
    let other_cid = other_cid["companies"][0]["id"].as_str().unwrap();
    let res = app.get_auth(&format!("/api/v1/companies/{other_cid}/card-orders/{oid}"), &other_admin.access).await;
    assert_eq!(res.status(), 404);
}

pub type Received = std::sync::Arc<std::sync::Mutex<Vec<(String, String)>>>;

/// A partner's webhook receiver on a random port: keeps each delivery's `Sitecard-Signature` and body.
pub async fn webhook_receiver() -> (u16, Received) {
    use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen: Received = Default::default();
    let store = seen.clone();
    tokio::spawn(async move {
        loop {
            let Ok((sock, _)) = listener.accept().await else { return };
            let store = store.clone();
            tokio::spawn(async move {
                let (r, mut w) = sock.into_split();
                let mut reader = BufReader::new(r);
                let (mut sig, mut len) = (String::new(), 0usize);
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).await.unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                    let lower = line.to_lowercase();
                    if let Some(v) = lower.strip_prefix("content-length:") {
                        len = v.trim().parse().unwrap_or(0);
                    }
                    if lower.starts_with("sitecard-signature:") {
                        sig = line.split_once(':').unwrap().1.trim().to_owned();
                    }
                }
                let mut body = vec![0u8; len];
                let _ = reader.read_exact(&mut body).await;
                store.lock().unwrap().push((sig, String::from_utf8_lossy(&body).into_owned()));
                let _ = w.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n").await;
            });
        }
    });
    (port, seen)
}

/// Creates a partner client posting to `port`; returns its webhook secret.
pub fn partner_with_webhook(app: &TestApp, client_id: &str, port: u16) -> String {
    let url = format!("http://127.0.0.1:{port}/hook");
    let out = cli(app, &["admin", "create-partner-client", "--client-id", client_id, "--name", client_id, "--webhook-url", &url]);
    assert!(out.contains("client_secret="));
    out.lines().find_map(|l| l.strip_prefix("webhook_secret=")).unwrap().split_whitespace().next().unwrap().to_owned()
}

pub async fn wait_for(seen: &Received, n: usize) -> Vec<(String, String)> {
    for _ in 0..100 {
        if seen.lock().unwrap().len() >= n {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    seen.lock().unwrap().clone()
}

#[tokio::test]
async fn partners_receive_the_events_they_subscribe_to_signed() {
    let (printer_port, printer) = webhook_receiver().await;
    let (gate_port, gate) = webhook_receiver().await;
    let app = spawn_app().await;
    let secret = partner_with_webhook(&app, "printer-2", printer_port);
    partner_with_webhook(&app, "gate-1", gate_port);
    let out = cli(&app, &["admin", "set-webhook-events", "--client-id", "gate-1", "--events", "card.activated,card.blocked"]);
    assert!(out.contains("card.activated, card.blocked"), "{out}");
    let refused = cli_status(&app, &["admin", "set-webhook-events", "--client-id", "gate-1", "--events", "order.shipped"]);
    assert!(!refused.success(), "an unknown event type is refused");

    let worker = app.login(WORKER.0, WORKER.1).await;
    complete_contact(&app, &worker).await;
    let orders: Vec<Value> = app.get_auth("/api/v1/me/card-orders", &worker.access).await.json().await.unwrap();
    let oid = orders[0]["id"].as_str().unwrap();
    assert_eq!(
        // Written as a float (`1.0`), as JavaScript and many mobile JSON libraries do: still an integer.
        app.post_auth(&format!("/api/v1/me/card-orders/{oid}/accept"), &worker.access, &json!({"version": orders[0]["version"].as_f64()}))
            .await
            .status(),
        200
    );
    let (card_id, number) = produce_and_deliver(&app, oid, "AB1234567890").await;
    let worker = app.login(WORKER.0, WORKER.1).await;
    let res = app.post_auth(&format!("/api/v1/me/cards/{card_id}/activate"), &worker.access, &json!({"card_number": number})).await;
    assert_eq!(res.status(), 200);
    let admin = app.login(ADMIN.0, ADMIN.1).await;
    let cid = company_id(&app, &admin).await;
    let res = app.post_auth(&format!("/api/v1/companies/{cid}/cards/{card_id}/block"), &admin.access, &json!({"reason": "lost"})).await;
    assert_eq!(res.status(), 200);

    let got = wait_for(&printer, 3).await;
    let types: Vec<String> =
        got.iter().map(|(_, b)| serde_json::from_str::<Value>(b).unwrap()["type"].as_str().unwrap().to_owned()).collect();
    assert_eq!(types, ["order.confirmed", "card.activated", "card.blocked"], "every type by default, in order");
    let mut ids = vec![];
    for (sig, body) in &got {
        let v: Value = serde_json::from_str(body).unwrap();
        assert_eq!(v["event"], v["type"], "legacy field kept");
        assert_eq!(v["order_id"], oid);
        assert_eq!(v["data"]["order_id"], oid);
        assert_eq!(v["status"], v["data"]["status"]);
        assert!(v["created_at"].as_str().is_some_and(|t| chrono::DateTime::parse_from_rfc3339(t).is_ok()), "{v}");
        ids.push(v["id"].as_str().unwrap().to_owned());
        let t: i64 = sig.split(',').next().unwrap().trim_start_matches("t=").parse().unwrap();
        assert!((chrono::Utc::now().timestamp() - t).abs() < 60, "signed when sent");
        assert_eq!(sig, &sitecard_notify::adapters::webhook_signature(secret.as_bytes(), t, body), "verifies with the printed secret");
    }
    ids.dedup();
    assert_eq!(ids.len(), 3, "each event has its own id");
    let blocked: Value = serde_json::from_str(&got[2].1).unwrap();
    assert_eq!(blocked["data"]["card_number"], number);
    assert_eq!(blocked["data"]["status"], "blocked");

    let got = wait_for(&gate, 2).await;
    let types: Vec<String> =
        got.iter().map(|(_, b)| serde_json::from_str::<Value>(b).unwrap()["type"].as_str().unwrap().to_owned()).collect();
    assert_eq!(types, ["card.activated", "card.blocked"], "only the subscribed types");
}

#[tokio::test]
async fn cancelled_orders_reach_partner_webhooks() {
    let (port, seen) = webhook_receiver().await;
    let app = spawn_app().await;
    partner_with_webhook(&app, "printer-3", port);
    let admin = app.login(ADMIN.0, ADMIN.1).await;
    let cid = company_id(&app, &admin).await;
    let worker = app.login(WORKER.0, WORKER.1).await;
    let orders: Vec<Value> = app.get_auth("/api/v1/me/card-orders", &worker.access).await.json().await.unwrap();
    let oid = orders[0]["id"].as_str().unwrap();
    assert_eq!(app.post_auth(&format!("/api/v1/companies/{cid}/card-orders/{oid}/cancel"), &admin.access, &json!({})).await.status(), 200);
    let got = wait_for(&seen, 1).await;
    let v: Value = serde_json::from_str(&got[0].1).unwrap();
    assert_eq!((v["type"].as_str(), v["status"].as_str(), v["order_id"].as_str()), (Some("order.cancelled"), Some("cancelled"), Some(oid)));
}

#[tokio::test]
async fn partner_tokens_need_the_right_secret_and_grant() {
    let app = spawn_app().await;
    let bad = app
        .client
        .post(app.url("/api/v1/oauth/token"))
        .form(&[("grant_type", "client_credentials"), ("client_id", "demo-partner"), ("client_secret", "wrong")])
        .send()
        .await
        .unwrap();
    crate::helpers::assert_problem(bad, 401, "invalid_client").await;
    let grant = app
        .client
        .post(app.url("/api/v1/oauth/token"))
        .form(&[("grant_type", "password"), ("client_id", "demo-partner"), ("client_secret", "demo-partner-secret")])
        .send()
        .await
        .unwrap();
    crate::helpers::assert_problem(grant, 400, "unsupported_grant_type").await;
    let basic = app
        .client
        .post(app.url("/api/v1/oauth/token"))
        .basic_auth("demo-partner", Some("demo-partner-secret"))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap();
    assert_eq!(basic.status(), 200);
    // A worker's token is not a partner token, and the other way round.
    let worker = app.login(WORKER.0, WORKER.1).await;
    assert_eq!(app.get_auth("/api/v1/partner/production-orders", &worker.access).await.status(), 403);
    let p = partner_token(&app).await;
    assert_eq!(app.get_auth("/api/v1/me", &p).await.status(), 403);
}

#[tokio::test]
async fn cards_past_valid_until_are_expired() {
    let app = spawn_app().await;
    let worker = app.login(WORKER.0, WORKER.1).await;
    complete_contact(&app, &worker).await;
    let orders: Vec<Value> = app.get_auth("/api/v1/me/card-orders", &worker.access).await.json().await.unwrap();
    let oid = orders[0]["id"].as_str().unwrap();
    app.post_auth(&format!("/api/v1/me/card-orders/{oid}/accept"), &worker.access, &json!({"version": orders[0]["version"]})).await;
    let (card, number) = produce_and_deliver(&app, oid, "JK0000000001").await;
    assert_eq!(
        app.post_auth(&format!("/api/v1/me/cards/{card}/activate"), &worker.access, &json!({"card_number": number})).await.status(),
        200
    );
    app.exec_sql("UPDATE cards SET valid_until = '2020-01-01'").await;
    let check: Value = app.get("/api/v1/card-check/JK0000000001").await.json().await.unwrap();
    assert_eq!(check["reason"], "expired");
    let cards: Vec<Value> = app.get_auth("/api/v1/me/cards", &worker.access).await.json().await.unwrap();
    assert_eq!(cards[0]["status"], "expired");
    let res = app.post_auth(&format!("/api/v1/me/cards/{card}/report-lost"), &worker.access, &json!({})).await;
    assert_eq!(res.status(), 409);
}
