//! The operator's partner clients and outbox: who may use them, secrets shown once and rotated, event
//! subscriptions, dead letters sent again.

use serde_json::{Value, json};

use crate::authorization::{wait_for, webhook_receiver};
use crate::helpers::{ADMIN, OPERATOR, TestApp, VERIFIER, WORKER, assert_problem, spawn_app};
use crate::orders::{complete_contact, partner_token};

async fn token_for(app: &TestApp, client_id: &str, secret: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/oauth/token"))
        .form(&[("grant_type", "client_credentials"), ("client_id", client_id), ("client_secret", secret)])
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn only_operators_reach_the_operator_routes() {
    let app = spawn_app().await;
    let operator = app.login(OPERATOR.0, OPERATOR.1).await;
    let callers = [
        ("anonymous", None, 401),
        ("worker", Some(app.login(WORKER.0, WORKER.1).await.access), 403),
        ("admin", Some(app.login(ADMIN.0, ADMIN.1).await.access), 403),
        ("verifier", Some(app.login(VERIFIER.0, VERIFIER.1).await.access), 403),
        ("partner", Some(partner_token(&app).await), 403),
    ];
    let message = uuid::Uuid::now_v7();
    let routes: Vec<(&str, String, Value)> = vec![
        ("GET", "/api/v1/partner-clients".into(), json!(null)),
        ("POST", "/api/v1/partner-clients".into(), json!({"client_id": "sneaky-print", "name": "Sneaky"})),
        ("PATCH", "/api/v1/partner-clients/demo-partner".into(), json!({"name": "Taken over"})),
        ("POST", "/api/v1/partner-clients/demo-partner/rotate-secret".into(), json!(null)),
        ("GET", "/api/v1/outbox".into(), json!(null)),
        ("POST", format!("/api/v1/outbox/{message}/retry"), json!(null)),
        ("POST", "/api/v1/companies".into(), json!({"name": "X AB", "org_number": "556677-8899", "admin_email": "x@example.com"})),
        ("GET", "/api/v1/staff".into(), json!(null)),
        ("POST", "/api/v1/staff".into(), json!({"email": "x@example.com", "role": "operator"})),
        ("DELETE", format!("/api/v1/staff/{message}/roles/verifier"), json!(null)),
        ("GET", "/api/v1/audit-events".into(), json!(null)),
    ];
    for (method, path, body) in &routes {
        for (who, token, expected) in &callers {
            let mut req = app.client.request(method.parse().unwrap(), app.url(path));
            if let Some(t) = token {
                req = req.bearer_auth(t);
            }
            if !body.is_null() {
                req = req.json(body);
            }
            let res = req.send().await.unwrap();
            assert_eq!(res.status().as_u16(), *expected, "{method} {path} as {who}");
        }
    }
    // A company admin lists only their own companies; workers and verifiers none.
    let demo_admin = app.login(ADMIN.0, ADMIN.1).await;
    let theirs: Value = app.get_auth("/api/v1/companies", &demo_admin.access).await.json().await.unwrap();
    assert_eq!(theirs["items"].as_array().unwrap().len(), 1);
    let cid = theirs["items"][0]["id"].as_str().unwrap().to_owned();
    for (who, token, _) in &callers {
        let res = match token {
            Some(t) => app.get_auth("/api/v1/companies", t).await,
            None => app.get(&format!("/api/v1/companies/{cid}")).await,
        };
        if *who != "admin" {
            assert!([401, 403].contains(&res.status().as_u16()), "GET companies as {who}");
        }
        if let Some(t) = token.as_ref().filter(|_| *who != "admin") {
            assert_eq!(app.get_auth(&format!("/api/v1/companies/{cid}/admins"), t).await.status(), 403, "admins as {who}");
        }
    }
    // Nothing changed: the demo partner keeps its name and secret, and no client was created.
    let list: Value = app.get_auth("/api/v1/partner-clients", &operator.access).await.json().await.unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1, "{list}");
    assert_eq!(list["items"][0]["name"], "Demo Card Printing");
    assert_eq!(token_for(&app, "demo-partner", "demo-partner-secret").await.status(), 200);
}

#[tokio::test]
async fn operators_create_change_and_rotate_partner_clients() {
    let (port, seen) = webhook_receiver().await;
    let app = spawn_app().await;
    let operator = app.login(OPERATOR.0, OPERATOR.1).await;
    let url = format!("http://127.0.0.1:{port}/hook");

    let res = app
        .post_auth(
            "/api/v1/partner-clients",
            &operator.access,
            &json!({"client_id": "Bad Id", "name": " ", "webhook_events": ["order.shipped"]}),
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    let fields: Vec<&str> = problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["client_id", "name", "webhook_events"], "every field error at once");
    let res = app
        .post_auth("/api/v1/partner-clients", &operator.access, &json!({"client_id": "gate-7", "name": "Gate", "webhook_url": "ftp://x"}))
        .await;
    assert_problem(res, 422, "invalid_webhook_url").await;

    let res = app
        .post_auth("/api/v1/partner-clients", &operator.access, &json!({"client_id": "gate-7", "name": "Gate 7", "webhook_url": url}))
        .await;
    assert_eq!(res.status(), 201);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let created: Value = res.json().await.unwrap();
    let (secret, webhook_secret) = (created["client_secret"].as_str().unwrap(), created["webhook_secret"].as_str().unwrap().to_owned());
    assert!(secret.len() >= 32 && webhook_secret.len() >= 32 && secret != webhook_secret);
    assert_eq!(token_for(&app, "gate-7", secret).await.status(), 200);
    let again = app.post_auth("/api/v1/partner-clients", &operator.access, &json!({"client_id": "gate-7", "name": "Gate 7"})).await;
    assert_problem(again, 409, "client_exists").await;

    let list = app.get_auth("/api/v1/partner-clients", &operator.access).await.text().await.unwrap();
    assert!(!list.contains(secret) && !list.contains(&webhook_secret), "secrets are shown once: {list}");
    let list: Value = serde_json::from_str(&list).unwrap();
    let gate = list["items"].as_array().unwrap().iter().find(|c| c["client_id"] == "gate-7").unwrap().clone();
    assert_eq!(gate["webhook_events"], Value::Null, "every type by default");

    // Only card events from now on; the name stays as it was.
    let res = app
        .patch_auth("/api/v1/partner-clients/gate-7", &operator.access, &json!({"webhook_events": ["card.blocked", "order.cancelled"]}))
        .await;
    assert_eq!(res.status(), 200);
    let changed: Value = res.json().await.unwrap();
    assert_eq!((changed["name"].as_str(), &changed["webhook_events"]), (Some("Gate 7"), &json!(["card.blocked", "order.cancelled"])));
    assert_eq!(app.patch_auth("/api/v1/partner-clients/nobody", &operator.access, &json!({"name": "x"})).await.status(), 404);

    let rotated: Value =
        app.post_auth("/api/v1/partner-clients/gate-7/rotate-secret", &operator.access, &json!(null)).await.json().await.unwrap();
    let new_webhook_secret = rotated["webhook_secret"].as_str().unwrap().to_owned();
    assert_ne!(new_webhook_secret, webhook_secret);
    assert_problem(token_for(&app, "gate-7", secret).await, 401, "invalid_client").await;
    assert_eq!(token_for(&app, "gate-7", rotated["client_secret"].as_str().unwrap()).await.status(), 200);

    // The worker accepts (order.confirmed: not subscribed), the company cancels (order.cancelled: subscribed),
    // signed with the rotated secret.
    let worker = app.login(WORKER.0, WORKER.1).await;
    complete_contact(&app, &worker).await;
    let orders: Vec<Value> = app.get_auth("/api/v1/me/card-orders", &worker.access).await.json().await.unwrap();
    let oid = orders[0]["id"].as_str().unwrap();
    let accepted =
        app.post_auth(&format!("/api/v1/me/card-orders/{oid}/accept"), &worker.access, &json!({"version": orders[0]["version"]})).await;
    assert_eq!(accepted.status(), 200);
    let admin = app.login(ADMIN.0, ADMIN.1).await;
    let cid = crate::orders::company_id(&app, &admin).await;
    assert_eq!(app.post_auth(&format!("/api/v1/companies/{cid}/card-orders/{oid}/cancel"), &admin.access, &json!({})).await.status(), 200);
    let got = wait_for(&seen, 1).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let got = if seen.lock().unwrap().len() > got.len() { seen.lock().unwrap().clone() } else { got };
    assert_eq!(got.len(), 1, "{got:?}");
    let (sig, body) = &got[0];
    assert_eq!(serde_json::from_str::<Value>(body).unwrap()["type"], "order.cancelled");
    let t: i64 = sig.split(',').next().unwrap().trim_start_matches("t=").parse().unwrap();
    assert_eq!(sig, &sitecard_notify::adapters::webhook_signature(new_webhook_secret.as_bytes(), t, body));
}

#[tokio::test]
async fn operators_see_dead_letters_without_content_and_send_them_again() {
    let (port, seen) = webhook_receiver().await;
    let app = spawn_app().await;
    let operator = app.login(OPERATOR.0, OPERATOR.1).await;
    // The partner's receiver is misconfigured: its webhooks die (simulated: the URL has no listener, then the
    // message is marked dead as the dispatcher would after its last attempt).
    let res = app
        .post_auth(
            "/api/v1/partner-clients",
            &operator.access,
            &json!({"client_id": "late-print", "name": "Late", "webhook_url": "http://127.0.0.1:9/hook"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let admin = app.login(ADMIN.0, ADMIN.1).await;
    let cid = crate::orders::company_id(&app, &admin).await;
    let worker = app.login(WORKER.0, WORKER.1).await;
    let orders: Vec<Value> = app.get_auth("/api/v1/me/card-orders", &worker.access).await.json().await.unwrap();
    let oid = orders[0]["id"].as_str().unwrap();
    assert_eq!(app.post_auth(&format!("/api/v1/companies/{cid}/card-orders/{oid}/cancel"), &admin.access, &json!({})).await.status(), 200);
    // After its first failed attempt the message waits 10 s for the next: mark it dead then, not mid-attempt.
    let mut failed = false;
    for _ in 0..100 {
        let page: Value = app.get_auth("/api/v1/outbox?status=pending", &operator.access).await.json().await.unwrap();
        if page["items"].as_array().unwrap().iter().any(|m| m["channel"] == "webhook" && m["attempts"] == 1 && m["last_error"].is_string())
        {
            failed = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(failed, "the first delivery failed and was rescheduled");
    app.exec_sql("UPDATE outbox_messages SET status = 'dead', attempts = 12 WHERE channel = 'webhook'").await;

    let page: Value = app.get_auth("/api/v1/outbox?status=dead", &operator.access).await.json().await.unwrap();
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{page}");
    let dead = &items[0];
    assert_eq!(
        (dead["channel"].as_str(), dead["kind"].as_str(), dead["to"].as_str()),
        (Some("webhook"), Some("order.cancelled"), Some("http://127.0.0.1:9"))
    );
    assert!(page.get("next_cursor").is_none());
    // Sign-in codes are listed masked and without their text or code.
    let all = app.get_auth("/api/v1/outbox?limit=100", &operator.access).await.text().await.unwrap();
    assert!(!all.contains(ADMIN.1) && all.contains("+46•••••••01") && all.contains("login-code"), "{all}");
    let fields: std::collections::BTreeSet<String> = serde_json::from_str::<Value>(&all).unwrap()["items"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|m| m.as_object().unwrap().keys().cloned())
        .collect();
    let allowed = ["id", "channel", "to", "kind", "status", "attempts", "last_error", "next_attempt_at", "created_at"];
    assert!(fields.iter().all(|f| allowed.contains(&f.as_str())), "never a message's text, code or link: {fields:?}");
    assert_problem(app.get_auth("/api/v1/outbox?status=lost", &operator.access).await, 422, "validation_failed").await;

    // The operator fixes the URL and sends the dead letter again: it arrives.
    let url = format!("http://127.0.0.1:{port}/hook");
    assert_eq!(app.patch_auth("/api/v1/partner-clients/late-print", &operator.access, &json!({"webhook_url": url})).await.status(), 200);
    let id = dead["id"].as_str().unwrap();
    assert_eq!(app.post_auth(&format!("/api/v1/outbox/{id}/retry"), &operator.access, &json!(null)).await.status(), 202);
    let got = wait_for(&seen, 1).await;
    assert_eq!(got.len(), 1);
    assert_eq!(serde_json::from_str::<Value>(&got[0].1).unwrap()["order_id"], oid);
    // Only dead letters are retried.
    assert_problem(app.post_auth(&format!("/api/v1/outbox/{id}/retry"), &operator.access, &json!(null)).await, 409, "not_dead").await;
}

#[tokio::test]
async fn operators_register_companies_whose_admins_manage_their_admins() {
    use crate::authorization::accept_invitation;
    let app = spawn_app().await;
    let operator = app.login(OPERATOR.0, OPERATOR.1).await;
    let body = |org: &str, email: &str| json!({"name": "Bygg & Montage i Norr AB", "org_number": org, "admin_email": email});
    let res = app.post_auth("/api/v1/companies", &operator.access, &body("556677-8898", "boss@example.com")).await;
    let problem = assert_problem(res, 422, "invalid_org_number").await;
    assert_eq!(problem["errors"][0]["field"], "org_number");
    assert_eq!(problem["errors"][0]["code"], "check_digit");
    let res = app.post_auth("/api/v1/companies", &operator.access, &json!({"name": " ", "org_number": "12", "admin_email": "nope"})).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(problem["errors"].as_array().unwrap().len(), 3, "every field at once: {problem}");

    let res = app.post_auth("/api/v1/companies", &operator.access, &body("5566778899", "boss@example.com")).await;
    assert_eq!(res.status(), 201);
    let company: Value = res.json().await.unwrap();
    assert_eq!((company["org_number"].as_str(), company["country"].as_str()), (Some("556677-8899"), Some("SE")));
    let cid = company["id"].as_str().unwrap();
    assert_problem(
        app.post_auth("/api/v1/companies", &operator.access, &body("556677-8899", "other@example.com")).await,
        409,
        "company_exists",
    )
    .await;
    let polish = json!({"name": "Budimex Serwis", "org_number": "KRS 0000123456", "country": "PL", "admin_email": "pl@example.com"});
    assert_eq!(app.post_auth("/api/v1/companies", &operator.access, &polish).await.status(), 201);
    let found: Value = app.get_auth("/api/v1/companies?q=MONTAGE", &operator.access).await.json().await.unwrap();
    assert_eq!(found["items"].as_array().unwrap().len(), 1, "{found}");
    let found: Value = app.get_auth("/api/v1/companies?q=0000123", &operator.access).await.json().await.unwrap();
    assert_eq!(found["items"][0]["country"], "PL");

    // The invited admin registers, sees only their company, and invites a second admin.
    let admins: Value = app.get_auth(&format!("/api/v1/companies/{cid}/admins"), &operator.access).await.json().await.unwrap();
    assert_eq!(admins, json!([{"account_id": admins[0]["account_id"], "email": "boss@example.com", "status": "invited"}]));
    let boss = accept_invitation(&app, "boss@example.com", "+46705550001").await;
    let theirs: Value = app.get_auth("/api/v1/companies", &boss.access).await.json().await.unwrap();
    assert_eq!(theirs["items"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect::<Vec<_>>(), [cid]);
    let res = app.post_auth(&format!("/api/v1/companies/{cid}/admins"), &boss.access, &json!({"email": "deputy@example.com"})).await;
    assert_eq!(res.status(), 201);
    let deputy_id = res.json::<Value>().await.unwrap()["account_id"].as_str().unwrap().to_owned();
    let deputy = accept_invitation(&app, "deputy@example.com", "+46705550002").await;
    assert_eq!(app.get_auth(&format!("/api/v1/companies/{cid}/card-orders"), &deputy.access).await.status(), 200);

    // Two admins removing each other at the same moment: exactly one removal happens.
    let boss_id = admins[0]["account_id"].as_str().unwrap();
    let (remove_deputy, remove_boss) =
        (format!("/api/v1/companies/{cid}/admins/{deputy_id}"), format!("/api/v1/companies/{cid}/admins/{boss_id}"));
    let (a, b) = tokio::join!(app.delete_auth(&remove_deputy, &boss.access, None), app.delete_auth(&remove_boss, &deputy.access, None));
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort_unstable();
    assert!(statuses == [204, 403] || statuses == [204, 409], "one wins, the other is refused: {statuses:?}");
    let left: Value = app.get_auth(&format!("/api/v1/companies/{cid}/admins"), &operator.access).await.json().await.unwrap();
    assert_eq!(left.as_array().unwrap().len(), 1, "{left}");
    let last = left[0]["account_id"].as_str().unwrap();
    assert_problem(app.delete_auth(&format!("/api/v1/companies/{cid}/admins/{last}"), &operator.access, None).await, 409, "last_admin")
        .await;
    // The removed one has lost the company at once.
    let removed = if last == boss_id { &deputy } else { &boss };
    assert_eq!(app.get_auth(&format!("/api/v1/companies/{cid}/card-orders"), &removed.access).await.status(), 403);
}

#[tokio::test]
async fn operators_invite_staff_and_a_removed_role_ends_its_sessions() {
    let app = spawn_app().await;
    let operator = app.login(OPERATOR.0, OPERATOR.1).await;
    let verifier = app.login(VERIFIER.0, VERIFIER.1).await;
    assert_eq!(app.get_auth("/api/v1/identity-verifications?email=worker@demo.test", &verifier.access).await.status(), 200);

    let res = app.post_auth("/api/v1/staff", &operator.access, &json!({"email": "desk.malmo@example.com", "role": "verifier"})).await;
    assert_eq!(res.status(), 201);
    let bad = app.post_auth("/api/v1/staff", &operator.access, &json!({"email": "x@example.com", "role": "company_admin"})).await;
    assert_problem(bad, 422, "validation_failed").await;
    let staff: Vec<Value> = app.get_auth("/api/v1/staff", &operator.access).await.json().await.unwrap();
    let emails: Vec<(&str, &str)> = staff.iter().map(|s| (s["email"].as_str().unwrap(), s["status"].as_str().unwrap())).collect();
    assert_eq!(emails, [("desk.malmo@example.com", "invited"), ("operator@demo.test", "active"), ("verifier@demo.test", "active")]);

    let vid = staff.iter().find(|s| s["email"] == VERIFIER.0).unwrap()["account_id"].as_str().unwrap().to_owned();
    assert_eq!(app.delete_auth(&format!("/api/v1/staff/{vid}/roles/verifier"), &operator.access, None).await.status(), 204);
    let after = app.get_auth("/api/v1/identity-verifications?email=worker@demo.test", &verifier.access).await;
    assert_eq!(after.status(), 401, "the session ended at once");
    assert_eq!(app.delete_auth(&format!("/api/v1/staff/{vid}/roles/verifier"), &operator.access, None).await.status(), 404);
    let me: Value = app.get_auth("/api/v1/me", &operator.access).await.json().await.unwrap();
    let oid = me["id"].as_str().or(me["account_id"].as_str()).unwrap().to_owned();
    assert_problem(app.delete_auth(&format!("/api/v1/staff/{oid}/roles/operator"), &operator.access, None).await, 409, "last_operator")
        .await;
}

#[tokio::test]
async fn operators_read_the_audit_log_filtered_and_paged() {
    let app = spawn_app().await;
    let operator = app.login(OPERATOR.0, OPERATOR.1).await;
    let me: Value = app.get_auth("/api/v1/me", &operator.access).await.json().await.unwrap();
    let operator_id = me["id"].as_str().unwrap();
    for id in ["audit-one", "audit-two", "audit-three"] {
        let res = app.post_auth("/api/v1/partner-clients", &operator.access, &json!({"client_id": id, "name": id})).await;
        assert_eq!(res.status(), 201);
    }
    let mine: Value = app
        .get_auth(&format!("/api/v1/audit-events?actor_id={operator_id}&kind=partner_client_created"), &operator.access)
        .await
        .json()
        .await
        .unwrap();
    let clients: Vec<&str> = mine["items"].as_array().unwrap().iter().map(|e| e["data"]["client_id"].as_str().unwrap()).collect();
    assert_eq!(clients, ["audit-three", "audit-two", "audit-one"], "newest first");
    assert!(mine["items"].as_array().unwrap().iter().all(|e| e["actor_id"] == operator_id && e["actor_kind"] == "account"));

    let mut seen = vec![];
    let mut url = format!("/api/v1/audit-events?actor_id={operator_id}&kind=partner_client_created&limit=1");
    loop {
        let page: Value = app.get_auth(&url, &operator.access).await.json().await.unwrap();
        seen.extend(page["items"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap().to_owned()));
        match page.get("next_cursor").and_then(Value::as_str) {
            Some(c) => url = format!("/api/v1/audit-events?actor_id={operator_id}&kind=partner_client_created&limit=1&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(seen.len(), 3, "paged one by one, each once");
    let future: Value = app.get_auth("/api/v1/audit-events?from=2999-01-01T00:00:00Z", &operator.access).await.json().await.unwrap();
    assert_eq!(future["items"], json!([]));
    let res = app.get_auth("/api/v1/audit-events?subject_id=nope&from=yesterday&limit=0", &operator.access).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(problem["errors"].as_array().unwrap().len(), 3, "{problem}");
}
