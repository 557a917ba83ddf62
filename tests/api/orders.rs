//! Card orders from order to active card: the company, the worker, the partner, the public check.

use serde_json::{Value, json};

use crate::helpers::{ADMIN, DEMO_PASSWORD, TestApp, Tokens, VERIFIER, WORKER, assert_problem, spawn_app};

pub async fn company_id(app: &TestApp, admin: &Tokens) -> String {
    let me: Value = app.get_auth("/api/v1/me", &admin.access).await.json().await.unwrap();
    me["companies"][0]["id"].as_str().expect("the demo admin administers Demo Bygg AB").to_owned()
}

pub fn order_body(email: &str, given: &str, surname: &str, dob: &str) -> Value {
    json!({
        "given_names": given, "surname": surname, "date_of_birth": dob, "email": email, "phone": "+46700000003",
        "delivery": {"recipient": "Site office", "address_line1": "Byggvägen 1", "postal_code": "111 22", "city": "Stockholm", "country": "SE"}
    })
}

pub fn portrait_png() -> Vec<u8> {
    sitecard_app::photo::generated_portrait(600, 800, image::ImageFormat::Png)
}

pub async fn upload_photo(app: &TestApp, admin: &Tokens, cid: &str, oid: &str, bytes: Vec<u8>, content_type: &str) -> reqwest::Response {
    app.client
        .put(app.url(&format!("/api/v1/companies/{cid}/card-orders/{oid}/photo")))
        .bearer_auth(&admin.access)
        .header("content-type", content_type)
        .body(bytes)
        .send()
        .await
        .unwrap()
}

/// Orders an order through the photo step: portrait uploaded and approved by the partner.
pub async fn create_ready_order(app: &TestApp, admin: &Tokens, cid: &str, body: &Value) -> Value {
    let res = app.post_auth(&format!("/api/v1/companies/{cid}/card-orders"), &admin.access, body).await;
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    assert_eq!(created["status"], "awaiting_photo");
    let oid = created["id"].as_str().unwrap();
    let res = upload_photo(app, admin, cid, oid, portrait_png(), "image/png").await;
    assert_eq!(res.status(), 200);
    let p = partner_token(app).await;
    let res = app.post_auth(&format!("/api/v1/partner/photo-reviews/{oid}"), &p, &json!({"decision": "approved"})).await;
    assert_eq!(res.status(), 200);
    let ready: Value = res.json().await.unwrap();
    assert_eq!(ready["status"], "awaiting_cardholder");
    ready
}

pub async fn partner_token(app: &TestApp) -> String {
    let res = app
        .client
        .post(app.url("/api/v1/oauth/token"))
        .form(&[("grant_type", "client_credentials"), ("client_id", "demo-partner"), ("client_secret", "demo-partner-secret")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    res.json::<Value>().await.unwrap()["access_token"].as_str().unwrap().to_owned()
}

pub async fn partner_event(app: &TestApp, token: &str, order: &str, body: Value, key: &str) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/api/v1/partner/production-orders/{order}/events")))
        .bearer_auth(token)
        .header("idempotency-key", key)
        .json(&body)
        .send()
        .await
        .unwrap()
}

pub async fn complete_contact(app: &TestApp, worker: &Tokens) {
    let res = app
        .patch_auth(
            "/api/v1/me/contact",
            &worker.access,
            &json!({"address_line1": "Storgatan 1", "postal_code": "111 22", "city": "Stockholm", "country": "SE"}),
        )
        .await;
    assert_eq!(res.status(), 200);
}

/// The seeded order through production to a delivered card; returns (card id, card number).
pub async fn produce_and_deliver(app: &TestApp, order_id: &str, number: &str) -> (String, String) {
    let p = partner_token(app).await;
    let queue: Value = app.get_auth("/api/v1/partner/production-orders?status=confirmed", &p).await.json().await.unwrap();
    assert!(queue["items"].as_array().unwrap().iter().any(|o| o["id"] == order_id), "confirmed order is in the queue");
    let now = chrono::Utc::now().to_rfc3339();
    for (i, ev) in [
        json!({"type": "accepted", "occurred_at": now}),
        json!({"type": "produced", "card_number": number, "occurred_at": now}),
        json!({"type": "shipped", "tracking_number": "PN123SE", "occurred_at": now}),
        json!({"type": "delivered", "occurred_at": now}),
    ]
    .into_iter()
    .enumerate()
    {
        let res = partner_event(app, &p, order_id, ev, &format!("{order_id}-{i}")).await;
        assert_eq!(res.status(), 200, "event {i}");
    }
    let worker = app.login(WORKER.0, WORKER.1).await;
    let cards: Vec<Value> = app.get_auth("/api/v1/me/cards", &worker.access).await.json().await.unwrap();
    let card = cards.iter().find(|c| c["card_number_last4"] == number[8..]).expect("the card is the worker's");
    assert_eq!(card["status"], "inactive");
    // Typing the number at activation proves the worker holds the card, so it is not shown before.
    assert!(card.get("card_number").is_none(), "{card}");
    (card["id"].as_str().unwrap().to_owned(), number.to_owned())
}

async fn seeded_order(app: &TestApp, worker: &Tokens) -> Value {
    let orders: Vec<Value> = app.get_auth("/api/v1/me/card-orders", &worker.access).await.json().await.unwrap();
    assert_eq!(orders.len(), 1);
    // The demo order matches the demo worker's passport.
    assert_eq!(orders[0]["identity_check"], json!({"matches": true, "fields": []}));
    orders[0].clone()
}

#[tokio::test]
async fn from_order_to_active_card_and_a_valid_card_check() {
    let app = spawn_app().await;
    let worker = app.login(WORKER.0, WORKER.1).await;
    let order = seeded_order(&app, &worker).await;
    assert_eq!(order["status"], "awaiting_cardholder");
    assert_eq!(order["company"]["name"], "Demo Bygg AB");
    assert_eq!(order["missing_contact_fields"], json!(["address_line1", "postal_code", "city", "country"]));
    let id = order["id"].as_str().unwrap();

    let res = app.post_auth(&format!("/api/v1/me/card-orders/{id}/accept"), &worker.access, &json!({"version": order["version"]})).await;
    let body = assert_problem(res, 422, "contact_incomplete").await;
    assert_eq!(body["errors"].as_array().unwrap().len(), 4);

    complete_contact(&app, &worker).await;
    let res = app.post_auth(&format!("/api/v1/me/card-orders/{id}/accept"), &worker.access, &json!({"version": order["version"]})).await;
    assert_eq!(res.status(), 200);
    let accepted: Value = res.json().await.unwrap();
    assert_eq!(accepted["status"], "confirmed");
    let statuses: Vec<&str> = accepted["history"].as_array().unwrap().iter().map(|h| h["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["awaiting_photo", "awaiting_photo_review", "awaiting_cardholder", "confirmed"]);
    assert!(app.outbox(WORKER.0).await.iter().any(|m| m["subject"] == "Your card will be produced"));

    let (card_id, number) = produce_and_deliver(&app, id, "AB1234567890").await;
    let delivered: Vec<Value> = app.get_auth("/api/v1/me/card-orders", &worker.access).await.json().await.unwrap();
    let statuses: Vec<&str> = delivered[0]["history"].as_array().unwrap().iter().map(|h| h["status"].as_str().unwrap()).collect();
    // `produced` keeps the order in production: one `in_production` entry, not two.
    assert_eq!(statuses[4..], ["in_production", "shipped", "delivered"]);
    let check: Value = app.get("/api/v1/card-check/AB1234567890").await.json().await.unwrap();
    assert_eq!(
        check,
        json!({"status": "not_valid", "reason": "not_activated", "valid_until": check["valid_until"], "company_name": "Demo Bygg AB"})
    );

    let worker = app.login(WORKER.0, WORKER.1).await;
    let res = app.post_auth(&format!("/api/v1/me/cards/{card_id}/activate"), &worker.access, &json!({"card_number": "AB1234567899"})).await;
    assert_problem(res, 422, "card_number_mismatch").await;
    let res =
        app.post_auth(&format!("/api/v1/me/cards/{card_id}/activate"), &worker.access, &json!({"card_number": "ab 1234 5678 90"})).await;
    assert_eq!(res.status(), 200);
    let act: Value = res.json().await.unwrap();
    assert_eq!(act["card"]["status"], "active");
    let pin = act["pin"].as_str().unwrap().to_owned();
    assert_eq!(pin.len(), 4);
    let again: Value = app
        .post_auth(&format!("/api/v1/me/cards/{card_id}/pin"), &worker.access, &json!({"card_number": number}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again["pin"], pin.as_str());
    assert_problem(
        app.post_auth(&format!("/api/v1/me/cards/{card_id}/activate"), &worker.access, &json!({"card_number": number})).await,
        409,
        "invalid_state",
    )
    .await;

    let check: Value = app.get("/api/v1/card-check/AB1234567890").await.json().await.unwrap();
    assert_eq!(check["status"], "valid");
    assert_eq!(check["company_name"], "Demo Bygg AB");
    assert!(check.get("given_names").is_none() && check.get("surname").is_none(), "no personal data");
    let unknown: Value = app.get("/api/v1/card-check/ZZ0000000000").await.json().await.unwrap();
    assert_eq!(unknown, json!({"status": "not_valid", "reason": "unknown"}));
    let garbage: Value = app.get("/api/v1/card-check/%3Cscript%3E").await.json().await.unwrap();
    assert_eq!(garbage["reason"], "unknown");

    // Lost: blocked at once, the admin is told; the company unblocks; then terminates for good.
    let lost: Value =
        app.post_auth(&format!("/api/v1/me/cards/{card_id}/report-lost"), &worker.access, &json!({})).await.json().await.unwrap();
    assert_eq!(lost["status"], "blocked");
    assert_eq!(app.get("/api/v1/card-check/AB1234567890").await.json::<Value>().await.unwrap()["reason"], "blocked");
    assert!(app.outbox(ADMIN.0).await.iter().any(|m| m["subject"] == "A card was blocked"));
    let admin = app.login(ADMIN.0, ADMIN.1).await;
    let cid = company_id(&app, &admin).await;
    let res =
        app.post_auth(&format!("/api/v1/companies/{cid}/cards/{card_id}/unblock"), &admin.access, &json!({"reason": "found it"})).await;
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "active");
    let res = app
        .post_auth(&format!("/api/v1/companies/{cid}/cards/{card_id}/terminate"), &admin.access, &json!({"reason": "left the company"}))
        .await;
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "terminated");
    assert_problem(
        app.post_auth(&format!("/api/v1/companies/{cid}/cards/{card_id}/unblock"), &admin.access, &json!({"reason": "x"})).await,
        409,
        "invalid_state",
    )
    .await;
    assert_eq!(app.get("/api/v1/card-check/AB1234567890").await.json::<Value>().await.unwrap()["reason"], "terminated");
    let page: Value = app.get_auth(&format!("/api/v1/companies/{cid}/cards?status=terminated"), &admin.access).await.json().await.unwrap();
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_mismatch_sends_the_order_back_to_the_company_which_corrects_it() {
    let app = spawn_app().await;
    let admin = app.login(ADMIN.0, ADMIN.1).await;
    let cid = company_id(&app, &admin).await;
    // The verified passport says "Jan Piotr Kowalski", born 1990-04-12, POL.
    let mut body = order_body(WORKER.0, "Jan Piotr", "Kowalsky", "1990-04-21");
    body["nationality"] = json!("CZE");
    let created = create_ready_order(&app, &admin, &cid, &body).await;
    // Whether an email has an account is not the ordering company's to learn.
    assert!(created.get("account_linked").is_none());
    let id = created["id"].as_str().unwrap().to_owned();
    assert!(app.outbox(WORKER.0).await.iter().any(|m| m["subject"] == "Your site ID card has been ordered"));

    let worker = app.login(WORKER.0, WORKER.1).await;
    complete_contact(&app, &worker).await;
    // Known before Accept: the worker sees which fields differ from the passport.
    let before: Value = app.get_auth(&format!("/api/v1/me/card-orders/{id}"), &worker.access).await.json().await.unwrap();
    assert_eq!(before["identity_check"], json!({"matches": false, "fields": ["surname", "date_of_birth", "nationality"]}));
    let listed: Vec<Value> = app.get_auth("/api/v1/me/card-orders", &worker.access).await.json().await.unwrap();
    assert!(listed.iter().any(|o| o["id"] == id.as_str() && o["identity_check"]["matches"] == false));
    let res = app.post_auth(&format!("/api/v1/me/card-orders/{id}/accept"), &worker.access, &json!({"version": created["version"]})).await;
    let problem = assert_problem(res, 422, "identity_mismatch").await;
    let fields: Vec<&str> = problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["surname", "date_of_birth", "nationality"]);
    let mine: Value = app.get_auth(&format!("/api/v1/me/card-orders/{id}"), &worker.access).await.json().await.unwrap();
    assert_eq!(mine["status"], "needs_correction");
    assert_eq!(mine["mismatch_fields"], json!(["surname", "date_of_birth", "nationality"]));
    assert!(app.outbox(ADMIN.0).await.iter().any(|m| m["subject"] == "A card order needs correction"));

    // Stale version, then a real correction (ICAO spelling of the same name is fine).
    let res = app
        .patch_auth(&format!("/api/v1/companies/{cid}/card-orders/{id}"), &admin.access, &json!({"version": 1, "surname": "KOWALSKI"}))
        .await;
    assert_problem(res, 409, "stale_version").await;
    let res = app
        .patch_auth(
            &format!("/api/v1/companies/{cid}/card-orders/{id}"),
            &admin.access,
            &json!({"version": mine["version"], "surname": "KOWALSKI", "date_of_birth": "1990-04-12", "nationality": "PL"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let corrected: Value = res.json().await.unwrap();
    assert_eq!(corrected["status"], "awaiting_cardholder");
    assert_eq!(corrected["holder"]["nationality"], "POL");
    let res =
        app.post_auth(&format!("/api/v1/me/card-orders/{id}/accept"), &worker.access, &json!({"version": corrected["version"]})).await;
    assert_eq!(res.status(), 200);
    let detail: Value = app.get_auth(&format!("/api/v1/companies/{cid}/card-orders/{id}"), &admin.access).await.json().await.unwrap();
    let statuses: Vec<&str> = detail["history"].as_array().unwrap().iter().map(|h| h["status"].as_str().unwrap()).collect();
    assert_eq!(
        statuses,
        ["awaiting_photo", "awaiting_photo_review", "awaiting_cardholder", "needs_correction", "awaiting_cardholder", "confirmed"]
    );
    // The worker's view reads the order, its company and the history in one joined statement: the same six
    // steps with the same times, oldest first, and the order's fields once.
    let mine: Value = app.get_auth(&format!("/api/v1/me/card-orders/{id}"), &worker.access).await.json().await.unwrap();
    assert_eq!(mine["history"], detail["history"]);
    assert_eq!((mine["status"].as_str(), mine["holder"]["surname"].as_str()), (Some("confirmed"), Some("KOWALSKI")));
    assert_eq!(mine["company"]["id"], cid);
    // The list (two statements however many orders) answers each order as its own read does, newest first: this
    // one, then the demo order, each with its own history.
    let list: Vec<Value> = app.get_auth("/api/v1/me/card-orders", &worker.access).await.json().await.unwrap();
    assert_eq!(list.len(), 2, "{list:?}");
    assert_eq!(list[0], mine);
    let demo = app.get_auth(&format!("/api/v1/me/card-orders/{}", list[1]["id"].as_str().unwrap()), &worker.access).await;
    let demo: Value = demo.json().await.unwrap();
    assert_eq!(list[1], demo);
    assert!(!demo["history"].as_array().unwrap().is_empty() && demo["history"] != mine["history"], "{demo}");
}

#[tokio::test]
async fn orders_are_validated_listed_filtered_paged_and_cancelled() {
    let app = spawn_app().await;
    let admin = app.login(ADMIN.0, ADMIN.1).await;
    let cid = company_id(&app, &admin).await;
    let res = app
        .post_auth(
            &format!("/api/v1/companies/{cid}/card-orders"),
            &admin.access,
            &json!({"given_names": "", "surname": "X", "date_of_birth": "2999-01-01", "email": "nope", "phone": "123", "nationality": "QQQ",
                    "delivery": {"recipient": "", "address_line1": "a", "postal_code": "!", "city": "c", "country": "Sverige"}}),
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    let fields: Vec<&str> = problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    for f in
        ["given_names", "date_of_birth", "email", "phone", "nationality", "delivery.recipient", "delivery.postal_code", "delivery.country"]
    {
        assert!(fields.contains(&f), "{f} in {fields:?}");
    }
    assert_problem(
        app.post_auth(&format!("/api/v1/companies/{cid}/card-orders"), &admin.access, &json!({"surname": "only"})).await,
        400,
        "invalid_body",
    )
    .await;

    for i in 0..5 {
        let res = app
            .post_auth(
                &format!("/api/v1/companies/{cid}/card-orders"),
                &admin.access,
                &order_body(&format!("w{i}@example.com"), "Ann", "Berg", "1990-01-01"),
            )
            .await;
        assert_eq!(res.status(), 201);
    }
    let mut seen = vec![];
    let mut cursor: Option<String> = None;
    loop {
        let url = match &cursor {
            Some(c) => format!("/api/v1/companies/{cid}/card-orders?limit=2&cursor={c}"),
            None => format!("/api/v1/companies/{cid}/card-orders?limit=2"),
        };
        let page: Value = app.get_auth(&url, &admin.access).await.json().await.unwrap();
        for o in page["items"].as_array().unwrap() {
            seen.push(o["id"].as_str().unwrap().to_owned());
        }
        // Lists leave the history to single reads instead of sending an empty one.
        assert!(page["items"].as_array().unwrap().iter().all(|o| o.get("history").is_none()), "{page}");
        match page.get("next_cursor") {
            Some(c) => cursor = Some(c.as_str().expect("a cursor, never null").to_owned()),
            None => break,
        }
    }
    assert_eq!(seen.len(), 6, "5 new orders and the seeded one, each once");
    let mut dedup = seen.clone();
    dedup.dedup();
    assert_eq!(dedup.len(), 6);
    assert_problem(
        app.get_auth(&format!("/api/v1/companies/{cid}/card-orders?status=bogus"), &admin.access).await,
        422,
        "validation_failed",
    )
    .await;
    assert_problem(app.get_auth(&format!("/api/v1/companies/{cid}/card-orders?limit=0"), &admin.access).await, 422, "validation_failed")
        .await;

    let res = app
        .post_auth(&format!("/api/v1/companies/{cid}/card-orders/{}/cancel", seen[0]), &admin.access, &json!({"reason": "ordered twice"}))
        .await;
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "cancelled");
    assert_problem(
        app.post_auth(&format!("/api/v1/companies/{cid}/card-orders/{}/cancel", seen[0]), &admin.access, &json!({})).await,
        409,
        "invalid_state",
    )
    .await;
    let cancelled: Value =
        app.get_auth(&format!("/api/v1/companies/{cid}/card-orders?status=cancelled"), &admin.access).await.json().await.unwrap();
    assert_eq!(cancelled["items"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_worker_rejects_an_order_and_the_company_is_told() {
    let app = spawn_app().await;
    let worker = app.login(WORKER.0, WORKER.1).await;
    let order = seeded_order(&app, &worker).await;
    let id = order["id"].as_str().unwrap();
    assert_problem(
        app.post_auth(&format!("/api/v1/me/card-orders/{id}/reject"), &worker.access, &json!({"reason": "  "})).await,
        422,
        "validation_failed",
    )
    .await;
    let res = app
        .post_auth(&format!("/api/v1/me/card-orders/{id}/reject"), &worker.access, &json!({"reason": "I do not work for this company"}))
        .await;
    let rejected: Value = res.json().await.unwrap();
    assert_eq!(rejected["status"], "rejected");
    assert_eq!(rejected["reason"], "I do not work for this company");
    assert!(app.outbox(ADMIN.0).await.iter().any(|m| m["body"].as_str().unwrap().contains("I do not work for this company")));
    assert_problem(
        app.post_auth(&format!("/api/v1/me/card-orders/{id}/accept"), &worker.access, &json!({"version": rejected["version"]})).await,
        409,
        "invalid_state",
    )
    .await;
}

#[tokio::test]
async fn concurrent_accepts_of_one_order_have_exactly_one_winner() {
    let app = spawn_app().await;
    let worker = app.login(WORKER.0, WORKER.1).await;
    complete_contact(&app, &worker).await;
    let order = seeded_order(&app, &worker).await;
    let url = app.url(&format!("/api/v1/me/card-orders/{}/accept", order["id"].as_str().unwrap()));
    let mut handles = vec![];
    for _ in 0..8 {
        let (c, url, token, v) = (app.client.clone(), url.clone(), worker.access.clone(), order["version"].clone());
        handles.push(tokio::spawn(async move {
            c.post(url).bearer_auth(token).json(&json!({"version": v})).send().await.unwrap().status().as_u16()
        }));
    }
    let mut statuses = vec![];
    for h in handles {
        statuses.push(h.await.unwrap());
    }
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == 200 || *s == 409), "{statuses:?}");
    let detail: Value =
        app.get_auth(&format!("/api/v1/me/card-orders/{}", order["id"].as_str().unwrap()), &worker.access).await.json().await.unwrap();
    assert_eq!(
        detail["history"].as_array().unwrap().iter().filter(|h| h["status"] == "confirmed").count(),
        1,
        "one confirmation in the history"
    );
}

#[tokio::test]
async fn the_same_partner_event_twice_changes_state_once() {
    let app = spawn_app().await;
    let worker = app.login(WORKER.0, WORKER.1).await;
    complete_contact(&app, &worker).await;
    let order = seeded_order(&app, &worker).await;
    let id = order["id"].as_str().unwrap();
    assert_eq!(
        app.post_auth(&format!("/api/v1/me/card-orders/{id}/accept"), &worker.access, &json!({"version": order["version"]})).await.status(),
        200
    );
    let p = partner_token(&app).await;
    let now = chrono::Utc::now().to_rfc3339();
    let accepted = json!({"type": "accepted", "occurred_at": now});
    let first = partner_event(&app, &p, id, accepted.clone(), "k-1").await;
    assert_eq!(first.status(), 200);
    let first: Value = first.json().await.unwrap();
    let second = partner_event(&app, &p, id, accepted.clone(), "k-1").await;
    assert_eq!(second.status(), 200);
    assert_eq!(second.headers()["idempotent-replayed"], "true");
    assert_eq!(second.json::<Value>().await.unwrap(), first);
    // Without the key the same event is a state error, not a second transition.
    assert_problem(partner_event(&app, &p, id, accepted, "k-2").await, 409, "invalid_state").await;
    // A reused key with a different body is refused.
    let other = json!({"type": "failed", "reason": "x", "occurred_at": now});
    assert_problem(partner_event(&app, &p, id, other, "k-1").await, 422, "idempotency_key_reused").await;
    let produced = json!({"type": "produced", "card_number": "ab123", "occurred_at": now});
    assert_problem(partner_event(&app, &p, id, produced, "k-3").await, 422, "validation_failed").await;
    let detail: Value = app.get_auth(&format!("/api/v1/me/card-orders/{id}"), &worker.access).await.json().await.unwrap();
    assert_eq!(detail["status"], "in_production");
    assert_eq!(detail["history"].as_array().unwrap().last().unwrap()["status"], "in_production");
    assert_eq!(detail["history"].as_array().unwrap().iter().filter(|h| h["status"] == "in_production").count(), 1);
}

#[tokio::test]
async fn five_wrong_card_numbers_lock_activation_until_a_verifier_activates_in_person() {
    let app = spawn_app().await;
    let worker = app.login(WORKER.0, WORKER.1).await;
    complete_contact(&app, &worker).await;
    let order = seeded_order(&app, &worker).await;
    let id = order["id"].as_str().unwrap();
    app.post_auth(&format!("/api/v1/me/card-orders/{id}/accept"), &worker.access, &json!({"version": order["version"]})).await;
    let (card_id, number) = produce_and_deliver(&app, id, "CD0000000001").await;
    for _ in 0..5 {
        assert_problem(
            app.post_auth(&format!("/api/v1/me/cards/{card_id}/activate"), &worker.access, &json!({"card_number": "CD0000000002"})).await,
            422,
            "card_number_mismatch",
        )
        .await;
    }
    assert_problem(
        app.post_auth(&format!("/api/v1/me/cards/{card_id}/activate"), &worker.access, &json!({"card_number": number})).await,
        409,
        "activation_locked",
    )
    .await;
    let verifier = app.login(VERIFIER.0, VERIFIER.1).await;
    // At the desk: the worker's record by email, then their cards, the locked one among them.
    let records: Vec<Value> =
        app.get_auth(&format!("/api/v1/identity-verifications?email={}", WORKER.0), &verifier.access).await.json().await.unwrap();
    let record = records[0]["id"].as_str().unwrap();
    assert!(records[0]["reference"].as_str().is_some_and(|r| r.len() == 9 && r.as_bytes()[4] == b'-'), "{records:?}");
    let desk = format!("/api/v1/identity-verifications/{record}/cards");
    assert_problem(app.get_auth(&desk, &worker.access).await, 403, "forbidden").await;
    let cards: Vec<Value> = app.get_auth(&desk, &verifier.access).await.json().await.unwrap();
    let locked = cards.iter().find(|c| c["id"] == card_id.as_str()).expect("the locked card is listed");
    assert_eq!((locked["card_number_last4"].as_str(), locked["status"].as_str()), (Some("0001"), Some("inactive")));
    assert_eq!(locked["activation_locked"], true);
    assert!(locked.get("card_number").is_none(), "the full number is never listed");
    let url = format!("/api/v1/cards/{card_id}/activate-in-person");
    assert_problem(
        app.post_auth(&url, &worker.access, &json!({"document_number": "EA1234567", "card_number": number})).await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        app.post_auth(&url, &verifier.access, &json!({"document_number": "XX0000000", "card_number": number})).await,
        422,
        "document_mismatch",
    )
    .await;
    let res = app.post_auth(&url, &verifier.access, &json!({"document_number": "EA1234567", "card_number": number})).await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["card"]["status"], "active");
    let pin: Value = app
        .post_auth(&format!("/api/v1/me/cards/{card_id}/pin"), &worker.access, &json!({"card_number": number}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(pin["pin"], body["pin"]);
}

#[tokio::test]
async fn activating_a_new_card_terminates_the_old_one() {
    let app = spawn_app().await;
    let worker = app.login(WORKER.0, WORKER.1).await;
    complete_contact(&app, &worker).await;
    let order = seeded_order(&app, &worker).await;
    let first_id = order["id"].as_str().unwrap().to_owned();
    app.post_auth(&format!("/api/v1/me/card-orders/{first_id}/accept"), &worker.access, &json!({"version": order["version"]})).await;
    let (old_card, old_number) = produce_and_deliver(&app, &first_id, "EF0000000001").await;
    assert_eq!(
        app.post_auth(&format!("/api/v1/me/cards/{old_card}/activate"), &worker.access, &json!({"card_number": old_number})).await.status(),
        200
    );

    let admin = app.login(ADMIN.0, ADMIN.1).await;
    let cid = company_id(&app, &admin).await;
    let created = create_ready_order(&app, &admin, &cid, &order_body(WORKER.0, "Jan Piotr", "Kowalski", "1990-04-12")).await;
    let second_id = created["id"].as_str().unwrap();
    app.post_auth(&format!("/api/v1/me/card-orders/{second_id}/accept"), &worker.access, &json!({"version": created["version"]})).await;
    let (new_card, new_number) = produce_and_deliver(&app, second_id, "EF0000000002").await;
    assert_eq!(
        app.post_auth(&format!("/api/v1/me/cards/{new_card}/activate"), &worker.access, &json!({"card_number": new_number})).await.status(),
        200
    );
    assert_eq!(app.get("/api/v1/card-check/EF0000000001").await.json::<Value>().await.unwrap()["reason"], "terminated");
    assert_eq!(app.get("/api/v1/card-check/EF0000000002").await.json::<Value>().await.unwrap()["status"], "valid");
}

#[tokio::test]
async fn an_order_placed_before_the_worker_exists_links_when_their_identity_is_verified() {
    let app = spawn_app().await;
    let admin = app.login(ADMIN.0, ADMIN.1).await;
    let cid = company_id(&app, &admin).await;
    let created = create_ready_order(&app, &admin, &cid, &order_body("later@example.com", "Anna-Maria", "Mueller", "1988-02-29")).await;
    app.register_worker("later@example.com", "+46701010101", "bricks and mortar 42").await;
    let w = app.login_with("later@example.com", "bricks and mortar 42", "+46701010101").await;
    let orders: Vec<Value> = app.get_auth("/api/v1/me/card-orders", &w.access).await.json().await.unwrap();
    assert_eq!(orders.len(), 1, "{orders:?}");
    assert_eq!(orders[0]["status"], "awaiting_cardholder", "{orders:?}");
    assert_eq!(orders[0]["missing_contact_fields"], json!(["address_line1", "postal_code", "city", "country"]));
    complete_contact(&app, &w).await;
    // "Mueller" on the order, "Müller" in the passport: the ICAO match accepts it.
    let res = app
        .post_auth(
            &format!("/api/v1/me/card-orders/{}/accept", orders[0]["id"].as_str().unwrap()),
            &w.access,
            &json!({"version": orders[0]["version"]}),
        )
        .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let detail: Value = app
        .get_auth(&format!("/api/v1/companies/{cid}/card-orders/{}", created["id"].as_str().unwrap()), &admin.access)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(detail["status"], "confirmed");
    let _ = DEMO_PASSWORD;
}

#[tokio::test]
async fn the_card_check_is_rate_limited() {
    let app = spawn_app().await;
    for _ in 0..60 {
        assert_eq!(app.get("/api/v1/card-check/AB0000000000").await.status(), 200);
    }
    let res = app.get("/api/v1/card-check/AB0000000000").await;
    assert!(res.headers().get("retry-after").is_some());
    assert_problem(res, 429, "too_many_attempts").await;
}

#[tokio::test]
async fn a_retried_accept_with_the_same_idempotency_key_returns_the_first_answer() {
    let app = spawn_app().await;
    let worker = app.login(WORKER.0, WORKER.1).await;
    complete_contact(&app, &worker).await;
    let order = seeded_order(&app, &worker).await;
    let url = app.url(&format!("/api/v1/me/card-orders/{}/accept", order["id"].as_str().unwrap()));
    let send = |key: &'static str, version: Value| {
        let (c, url, token) = (app.client.clone(), url.clone(), worker.access.clone());
        async move { c.post(url).bearer_auth(token).header("idempotency-key", key).json(&json!({"version": version})).send().await.unwrap() }
    };
    let first = send("accept-1", order["version"].clone()).await;
    assert_eq!(first.status(), 200);
    let first: Value = first.json().await.unwrap();
    let retry = send("accept-1", order["version"].clone()).await;
    assert_eq!(retry.status(), 200, "the retry gets the first answer, not 409");
    assert_eq!(retry.headers()["idempotent-replayed"], "true");
    assert_eq!(retry.json::<Value>().await.unwrap(), first);
    assert_problem(send("accept-1", json!(99)).await, 422, "idempotency_key_reused").await;
    assert_problem(send("accept-2", order["version"].clone()).await, 409, "stale_version").await;
    // A refusal is replayed as the same problem, status and content type included.
    let replayed = send("accept-2", order["version"].clone()).await;
    assert_eq!(replayed.headers()["idempotent-replayed"], "true");
    assert_problem(replayed, 409, "stale_version").await;
    // Another caller's identical key is a different request.
    let admin = app.login(ADMIN.0, ADMIN.1).await;
    let res = app
        .client
        .post(url.clone())
        .bearer_auth(&admin.access)
        .header("idempotency-key", "accept-1")
        .json(&json!({"version": order["version"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn a_key_whose_first_request_is_still_running_is_refused_not_replayed_empty() {
    let app = spawn_app().await;
    let worker = app.login(WORKER.0, WORKER.1).await;
    complete_contact(&app, &worker).await;
    let order = seeded_order(&app, &worker).await;
    let me: Value = app.get_auth("/api/v1/me", &worker.access).await.json().await.unwrap();
    // The middleware's claim of `busy-1` by a request that has not answered yet (another instance, or one
    // that is about to): the stored row has no answer.
    let stored_key = format!("http:account:{}:{}", me["id"].as_str().unwrap(), sitecard_app::crypto::token_hash("busy-1"));
    let path = format!("/api/v1/me/card-orders/{}/accept", order["id"].as_str().unwrap());
    let body = json!({"version": order["version"]});
    let hash = sitecard_app::crypto::token_hash(&format!("POST {path} {body}"));
    sitecard_persistence::idempotency::claim(&app.db().await, &stored_key, &hash).await.unwrap();
    let res =
        app.client.post(app.url(&path)).bearer_auth(&worker.access).header("idempotency-key", "busy-1").json(&body).send().await.unwrap();
    let problem = assert_problem(res, 409, "conflict").await;
    assert!(problem["detail"].as_str().unwrap().contains("still in progress"), "{problem}");
    // Nothing happened: the order is still waiting for the worker.
    let again: Value =
        app.get_auth(&format!("/api/v1/me/card-orders/{}", order["id"].as_str().unwrap()), &worker.access).await.json().await.unwrap();
    assert_eq!(again["status"], "awaiting_cardholder");
}

#[tokio::test]
async fn companies_can_correct_an_order_during_the_photo_step_and_read_one_card() {
    let app = spawn_app().await;
    let admin = app.login(ADMIN.0, ADMIN.1).await;
    let cid = company_id(&app, &admin).await;
    let created: Value = app
        .post_auth(
            &format!("/api/v1/companies/{cid}/card-orders"),
            &admin.access,
            &order_body("typo@example.com", "Anna", "Lindqvst", "1990-01-01"),
        )
        .await
        .json()
        .await
        .unwrap();
    let oid = created["id"].as_str().unwrap();
    let res = app
        .patch_auth(
            &format!("/api/v1/companies/{cid}/card-orders/{oid}"),
            &admin.access,
            &json!({"version": created["version"], "surname": "Lindqvist"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let fixed: Value = res.json().await.unwrap();
    assert_eq!(fixed["status"], "awaiting_photo", "the photo step is still open");
    assert_eq!(fixed["holder"]["surname"], "Lindqvist");

    // A card seen by the company carries the holder's name.
    let worker = app.login(WORKER.0, WORKER.1).await;
    complete_contact(&app, &worker).await;
    let order = seeded_order(&app, &worker).await;
    let id = order["id"].as_str().unwrap();
    app.post_auth(&format!("/api/v1/me/card-orders/{id}/accept"), &worker.access, &json!({"version": order["version"]})).await;
    let (card, number) = produce_and_deliver(&app, id, "LM0000000001").await;
    let view: Value = app.get_auth(&format!("/api/v1/companies/{cid}/cards/{card}"), &admin.access).await.json().await.unwrap();
    assert_eq!(view["holder_name"], "Jan Piotr Kowalski");
    assert_eq!(view["card_number"], number.as_str());
    for _ in 0..2 {
        let res =
            app.post_auth(&format!("/api/v1/me/cards/{card}/activate"), &worker.access, &json!({"card_number": "LM0000000009"})).await;
        let p = assert_problem(res, 422, "card_number_mismatch").await;
        assert!(p["remaining_attempts"].as_i64().unwrap() >= 3);
    }
}

#[tokio::test]
async fn company_admins_find_orders_and_cards_by_names_email_and_card_digits() {
    let app = spawn_app().await;
    let admin = app.login(ADMIN.0, ADMIN.1).await;
    let cid = company_id(&app, &admin).await;
    for (email, given, surname) in [("l.muller@example.com", "Łukasz", "Müller-Nowak"), ("anna.berg@example.com", "Anna", "Berg")] {
        let res = app
            .post_auth(&format!("/api/v1/companies/{cid}/card-orders"), &admin.access, &order_body(email, given, surname, "1990-01-01"))
            .await;
        assert_eq!(res.status(), 201);
    }
    let found = |q: &str| {
        let (app, admin, cid) = (&app, &admin, &cid);
        let q = q.to_owned();
        async move {
            let page: Value =
                app.get_auth(&format!("/api/v1/companies/{cid}/card-orders?q={q}"), &admin.access).await.json().await.unwrap();
            let mut names: Vec<String> =
                page["items"].as_array().unwrap().iter().map(|o| o["holder"]["surname"].as_str().unwrap().to_owned()).collect();
            names.sort();
            names
        }
    };
    assert_eq!(found("muller").await, ["Müller-Nowak"], "any spelling of a name");
    assert_eq!(found("MUELLER").await, ["Müller-Nowak"]);
    assert_eq!(found("nowak").await, ["Müller-Nowak"], "either part of a double-barrelled name");
    assert_eq!(found("lukasz").await, ["Müller-Nowak"]);
    assert_eq!(found("anna%20be").await, ["Berg"], "every word, each a prefix");
    assert_eq!(found("anna%20muller").await, Vec::<String>::new());
    assert_eq!(found("anna.berg@example.com").await, ["Berg"]);
    assert_eq!(found("kowalski").await, ["Kowalski"], "the seeded order");
    assert_problem(
        app.get_auth(&format!("/api/v1/companies/{cid}/card-orders?q={}", "x".repeat(101)), &admin.access).await,
        422,
        "validation_failed",
    )
    .await;

    // A correction re-indexes the order; a produced card is found by its number and last digits.
    let berg: Value = app.get_auth(&format!("/api/v1/companies/{cid}/card-orders?q=berg"), &admin.access).await.json().await.unwrap();
    let berg = &berg["items"][0];
    let res = app
        .patch_auth(
            &format!("/api/v1/companies/{cid}/card-orders/{}", berg["id"].as_str().unwrap()),
            &admin.access,
            &json!({"version": berg["version"], "surname": "Bergström"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(found("bergstr").await, ["Bergström"]);
    let worker = app.login(WORKER.0, WORKER.1).await;
    complete_contact(&app, &worker).await;
    let order = seeded_order(&app, &worker).await;
    let oid = order["id"].as_str().unwrap();
    let accepted =
        app.post_auth(&format!("/api/v1/me/card-orders/{oid}/accept"), &worker.access, &json!({"version": order["version"]})).await;
    assert_eq!(accepted.status(), 200);
    produce_and_deliver(&app, oid, "AB1234567890").await;
    for q in ["7890", "4567890", "ab1234567890"] {
        let cards: Value = app.get_auth(&format!("/api/v1/companies/{cid}/cards?q={q}"), &admin.access).await.json().await.unwrap();
        assert_eq!(cards["items"].as_array().unwrap().len(), 1, "cards?q={q}");
        assert_eq!(found(q).await, ["Kowalski"], "orders?q={q}");
    }
    let none: Value = app.get_auth(&format!("/api/v1/companies/{cid}/cards?q=890"), &admin.access).await.json().await.unwrap();
    assert_eq!(none["items"], json!([]), "three digits are too few to mean a card");

    if crate::helpers::using_postgres() {
        // The search is a range on the primary key (company_id, term, order_id): the plan uses it.
        use sea_orm::{ConnectionTrait, Statement, TransactionTrait};
        let db = app.db().await;
        let db = db.begin().await.unwrap();
        // A handful of rows would be scanned whatever the indexes; the plan shows which index serves the query.
        db.execute_raw(Statement::from_string(sea_orm::DbBackend::Postgres, "SET LOCAL enable_seqscan = off")).await.unwrap();
        let sql = format!(
            "EXPLAIN SELECT order_id FROM search_terms WHERE company_id = '{cid}' AND term >= 'kowal' AND term < 'kowal\u{10FFFF}'"
        );
        let plan = db.query_all_raw(Statement::from_string(sea_orm::DbBackend::Postgres, sql)).await.unwrap();
        let plan: Vec<String> = plan.iter().map(|r| r.try_get_by_index::<String>(0).unwrap()).collect();
        assert!(plan.iter().any(|l| l.contains("Index")), "{plan:?}");
    }
}

fn csv_row(given: &str, surname: &str, dob: &str, email: &str) -> String {
    format!("{given};{surname};{dob};POL;{email};+48601234567;Site office;Storgatan 12;;114 55;Stockholm;SE\n")
}

async fn post_csv(app: &TestApp, admin: &Tokens, cid: &str, csv: impl Into<Vec<u8>>) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/api/v1/companies/{cid}/card-orders/batch")))
        .bearer_auth(&admin.access)
        .header("content-type", "text/csv; charset=utf-8")
        .body(csv.into())
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_crew_is_ordered_from_csv_all_or_nothing_with_every_error_at_once() {
    let app = spawn_app().await;
    let admin = app.login(ADMIN.0, ADMIN.1).await;
    let cid = company_id(&app, &admin).await;
    let header =
        "given_names;surname;date_of_birth;nationality;email;phone;recipient;address_line1;address_line2;postal_code;city;country\n";
    let before: Value = app.get_auth(&format!("/api/v1/companies/{cid}/card-orders?limit=100"), &admin.access).await.json().await.unwrap();
    let before = before["items"].as_array().unwrap().len();

    // Excel's `;`, a byte order mark, and two bad rows among good ones: nothing is created, both rows are named.
    let bad = format!(
        "\u{feff}{header}{}{}{}",
        csv_row("Jan", "Nowak", "1985-02-03", "jan.nowak@example.com"),
        csv_row("Ewa", "", "1985-02-30", "ewa@example.com"),
        csv_row("Adam", "Wiśniewski", "1991-07-01", "not-an-email"),
    );
    let problem = assert_problem(post_csv(&app, &admin, &cid, bad).await, 422, "batch_invalid").await;
    let errors: Vec<(u64, &str)> =
        problem["errors"].as_array().unwrap().iter().map(|e| (e["row"].as_u64().unwrap(), e["field"].as_str().unwrap())).collect();
    assert_eq!(errors, [(2, "surname"), (2, "date_of_birth"), (3, "email")], "{problem}");
    let after: Value = app.get_auth(&format!("/api/v1/companies/{cid}/card-orders?limit=100"), &admin.access).await.json().await.unwrap();
    assert_eq!(after["items"].as_array().unwrap().len(), before, "all or nothing");

    // A header without a required column is row 0.
    let problem = assert_problem(post_csv(&app, &admin, &cid, "given_names,surname\nA,B\n").await, 422, "batch_invalid").await;
    assert!(problem["errors"].as_array().unwrap().iter().all(|e| e["row"] == 0 && e["code"] == "missing_column"), "{problem}");

    // Comma-separated, two workers: checked first (a dry run creates nothing), then both ordered, each emailed.
    let good = format!(
        "{}{}{}",
        header.replace(';', ","),
        csv_row("Jan", "Nowak", "1985-02-03", "jan.nowak@example.com").replace(';', ","),
        csv_row("Adam", "Wiśniewski", "1991-07-01", "adam.w@example.com").replace(';', ",")
    );
    let dry = app
        .client
        .post(app.url(&format!("/api/v1/companies/{cid}/card-orders/batch?dry_run=true")))
        .bearer_auth(&admin.access)
        .header("content-type", "text/csv")
        .body(good.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(dry.status(), 200);
    assert_eq!(dry.json::<Value>().await.unwrap(), json!({"created": [], "rows": 2}));
    assert!(app.outbox("adam.w@example.com").await.is_empty(), "a dry run orders nothing");
    let res = post_csv(&app, &admin, &cid, good).await;
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    assert_eq!(created["created"].as_array().unwrap().len(), 2);
    assert!(app.outbox("adam.w@example.com").await.iter().any(|m| m["channel"] == "email"));
    let found: Value =
        app.get_auth(&format!("/api/v1/companies/{cid}/card-orders?q=wisniewski"), &admin.access).await.json().await.unwrap();
    assert_eq!(found["items"].as_array().unwrap().len(), 1, "batch orders are searchable");

    let many: String =
        std::iter::once(header.to_owned()).chain((0..501).map(|i| csv_row("A", "B", "1990-01-01", &format!("w{i}@example.com")))).collect();
    assert_problem(post_csv(&app, &admin, &cid, many).await, 413, "too_many_rows").await;
    let json = app.post_auth(&format!("/api/v1/companies/{cid}/card-orders/batch"), &admin.access, &json!({})).await;
    assert_problem(json, 415, "unsupported_media_type").await;
    let worker = app.login(WORKER.0, WORKER.1).await;
    assert_eq!(post_csv(&app, &worker, &cid, header).await.status(), 403);
}
