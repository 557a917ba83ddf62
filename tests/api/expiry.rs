//! Cards expire for real, driven by the development clock (never by sleeping through days): reminders 30 and 7
//! days before, each once; then `expired` stored, announced by email and webhook, and in the gate feed.

use serde_json::{Value, json};

use crate::authorization::{partner_with_webhook, wait_for, webhook_receiver};
use crate::helpers::{ADMIN, TestApp, WORKER, spawn_app};
use crate::orders::{company_id, complete_contact, partner_token, produce_and_deliver};

async fn emails(app: &TestApp, to: &str, subject_start: &str) -> usize {
    app.outbox(to).await.iter().filter(|m| m["subject"].as_str().is_some_and(|s| s.starts_with(subject_start))).count()
}

/// Polls until `n` emails starting with `subject_start` reached `to` (the job runs every 200 ms in tests).
async fn wait_for_emails(app: &TestApp, to: &str, subject_start: &str, n: usize) {
    for _ in 0..100 {
        if emails(app, to, subject_start).await >= n {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("{n} × {subject_start:?} to {to} never arrived");
}

async fn feed(app: &TestApp, partner: &str, cursor: &str) -> Value {
    app.get_auth(&format!("/api/v1/card-status-changes?cursor={cursor}"), partner).await.json().await.unwrap()
}

#[tokio::test]
async fn cards_are_reminded_then_expired_and_gates_follow_every_change() {
    let (port, hooks) = webhook_receiver().await;
    let app = spawn_app().await;
    partner_with_webhook(&app, "gate-expiry", port);
    let worker = app.login(WORKER.0, WORKER.1).await;
    complete_contact(&app, &worker).await;
    let orders: Vec<Value> = app.get_auth("/api/v1/me/card-orders", &worker.access).await.json().await.unwrap();
    let oid = orders[0]["id"].as_str().unwrap();
    let accepted =
        app.post_auth(&format!("/api/v1/me/card-orders/{oid}/accept"), &worker.access, &json!({"version": orders[0]["version"]})).await;
    assert_eq!(accepted.status(), 200);
    let (card_id, number) = produce_and_deliver(&app, oid, "AB1234567890").await;
    let worker = app.login(WORKER.0, WORKER.1).await;
    let res = app.post_auth(&format!("/api/v1/me/cards/{card_id}/activate"), &worker.access, &json!({"card_number": number})).await;
    assert_eq!(res.status(), 200);
    let admin = app.login(ADMIN.0, ADMIN.1).await;
    let cid = company_id(&app, &admin).await;
    let card: Value = app.get_auth(&format!("/api/v1/companies/{cid}/cards/{card_id}"), &admin.access).await.json().await.unwrap();
    let valid_until = chrono::NaiveDate::parse_from_str(card["valid_until"].as_str().unwrap(), "%Y-%m-%d").unwrap();

    // The gate feed: production then activation, in order, once settled; nothing new means the same cursor.
    let partner = partner_token(&app).await;
    app.advance_clock(1).await; // past the feed's settle time
    let first = feed(&app, &partner, "0").await;
    let statuses: Vec<&str> = first["items"].as_array().unwrap().iter().map(|i| i["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["inactive", "active"], "{first}");
    assert!(first["items"].as_array().unwrap().iter().all(|i| i["card_number"] == number));
    let cursor = first["next_cursor"].as_str().unwrap().to_owned();
    assert_eq!(feed(&app, &partner, &cursor).await, json!({"items": [], "next_cursor": cursor}));
    assert_eq!(app.get("/api/v1/card-status-changes").await.status(), 401, "gates authenticate");

    // A block and its lifting reach the gates in order, after the cursor they kept.
    for action in ["block", "unblock"] {
        let url = format!("/api/v1/companies/{cid}/cards/{card_id}/{action}");
        assert_eq!(app.post_auth(&url, &admin.access, &json!({"reason": "badge left on site"})).await.status(), 200, "{action}");
    }
    let today = app.advance_clock(1).await;
    let blocked = feed(&app, &partner, &cursor).await;
    let statuses: Vec<&str> = blocked["items"].as_array().unwrap().iter().map(|i| i["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["blocked", "active"], "{blocked}");
    let cursor = blocked["next_cursor"].as_str().unwrap().to_owned();

    // 20 days before: the 30-day reminder, once (the job runs many times meanwhile).
    app.advance_clock((valid_until - today).num_days() - 20).await;
    wait_for_emails(&app, WORKER.0, "Your card expires on", 1).await;
    wait_for_emails(&app, ADMIN.0, "Your card expires on", 1).await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(emails(&app, WORKER.0, "Your card expires on").await, 1, "each reminder once");
    // 5 days before: the 7-day reminder.
    app.advance_clock(15).await;
    wait_for_emails(&app, WORKER.0, "Your card expires on", 2).await;
    let still: Value = app.get("/api/v1/card-check/AB1234567890").await.json().await.unwrap();
    assert_eq!(still["status"], "valid", "valid through its last day");

    // The day after its last valid day: expired within a pass, stored, announced, in the feed.
    app.advance_clock(6).await;
    wait_for_emails(&app, WORKER.0, "Your card has expired", 1).await;
    let expired: Value = app.get_auth(&format!("/api/v1/companies/{cid}/cards?status=expired"), &admin.access).await.json().await.unwrap();
    assert_eq!(expired["items"].as_array().unwrap().len(), 1, "{expired}");
    let active: Value = app.get_auth(&format!("/api/v1/companies/{cid}/cards?status=active"), &admin.access).await.json().await.unwrap();
    assert_eq!(active["items"], json!([]), "an expired card is no longer listed as active");
    let check: Value = app.get("/api/v1/card-check/AB1234567890").await.json().await.unwrap();
    assert_eq!((check["status"].as_str(), check["reason"].as_str()), (Some("not_valid"), Some("expired")));
    app.advance_clock(1).await;
    let later = feed(&app, &partner, &cursor).await;
    let items = later["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{later}");
    assert_eq!((items[0]["status"].as_str(), items[0]["card_number"].as_str()), (Some("expired"), Some(number.as_str())));
    let got = wait_for(&hooks, 5).await;
    let types: Vec<String> =
        got.iter().map(|(_, b)| serde_json::from_str::<Value>(b).unwrap()["type"].as_str().unwrap().to_owned()).collect();
    assert!(types.contains(&"card.expired".to_owned()), "{types:?}");

    // The company renews the expired card: a new order from its details, waiting for a photo.
    let res = app.post_auth(&format!("/api/v1/companies/{cid}/cards/{card_id}/renew"), &admin.access, &json!(null)).await;
    assert_eq!(res.status(), 201);
    let renewal: Value = res.json().await.unwrap();
    assert_eq!(renewal["status"], "awaiting_photo");
    assert_eq!((renewal["holder"]["surname"].as_str(), renewal["email"].as_str()), (Some("Kowalski"), Some(WORKER.0)));
    let worker = app.login(WORKER.0, WORKER.1).await;
    let res = app.post_auth(&format!("/api/v1/companies/{cid}/cards/{card_id}/renew"), &worker.access, &json!(null)).await;
    assert_eq!(res.status(), 403, "only the company renews");
}
