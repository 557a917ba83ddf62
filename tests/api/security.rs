//! The security pass (issue 27): attacks that worked before it, tried again against the real binary.
//! Parallel attempts are real concurrent requests; the suite runs on SQLite and PostgreSQL.

use serde_json::{Value, json};

use crate::helpers::{DEMO_PASSWORD, TestApp, WORKER, assert_problem, spawn_app};
use crate::orders::{complete_contact, produce_and_deliver};

/// Sends `n` copies of a POST at once; answers their statuses and bodies.
async fn post_at_once(app: &TestApp, path: &str, token: Option<&str>, bodies: Vec<Value>) -> Vec<(u16, Value)> {
    let url = app.url(path);
    let handles: Vec<_> = bodies
        .into_iter()
        .map(|body| {
            let (c, url, token) = (app.client.clone(), url.clone(), token.map(str::to_owned));
            tokio::spawn(async move {
                let mut req = c.post(url).json(&body);
                if let Some(t) = token {
                    req = req.bearer_auth(t);
                }
                let res = req.send().await.unwrap();
                (res.status().as_u16(), res.json::<Value>().await.unwrap_or(Value::Null))
            })
        })
        .collect();
    let mut out = vec![];
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}

/// The demo worker's order accepted, produced and delivered as card `number`: (a fresh sign-in, card id, number).
async fn delivered_card(app: &TestApp, number: &str) -> (crate::helpers::Tokens, String, String) {
    let worker = app.login(WORKER.0, WORKER.1).await;
    complete_contact(app, &worker).await;
    let orders: Vec<Value> = app.get_auth("/api/v1/me/card-orders", &worker.access).await.json().await.unwrap();
    let id = orders[0]["id"].as_str().unwrap();
    app.post_auth(&format!("/api/v1/me/card-orders/{id}/accept"), &worker.access, &json!({"version": orders[0]["version"]})).await;
    let (card, number) = produce_and_deliver(app, id, number).await;
    (app.login(WORKER.0, WORKER.1).await, card, number)
}

fn count(answers: &[(u16, Value)], status: u16, code: &str) -> usize {
    answers.iter().filter(|(s, b)| *s == status && b["code"] == code).count()
}

fn wrong_code(right: &str) -> &'static str {
    if right == "000000" { "111111" } else { "000000" }
}

async fn stored_idempotent_answers(app: &TestApp) -> Vec<String> {
    use sea_orm::{ConnectionTrait, Statement};
    let db = app.db().await;
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), "SELECT key, body FROM idempotency_keys"))
        .await
        .expect("read idempotency_keys");
    rows.iter().map(|r| format!("{} {}", r.try_get::<String>("", "key").unwrap(), r.try_get::<String>("", "body").unwrap())).collect()
}

#[tokio::test]
async fn keyed_sign_in_and_refresh_answers_are_never_stored_or_replayed() {
    let app = spawn_app().await;
    let ch: Value = app.start_login(WORKER.0, DEMO_PASSWORD).await.json().await.unwrap();
    let code = app.last_code(WORKER.1).await;
    let verify = |key: &'static str| {
        let body = json!({ "challenge_id": ch["challenge_id"], "code": code });
        app.client.post(app.url("/api/v1/auth/login/verify")).header("idempotency-key", key).json(&body).send()
    };
    let first = verify("login-1").await.unwrap();
    assert_eq!(first.status(), 200);
    let tokens: Value = first.json().await.unwrap();
    // The same key from anyone (another IP, no cookie) is not a way to get the tokens again.
    let replay = verify("login-1").await.unwrap();
    assert!(replay.headers().get("idempotent-replayed").is_none());
    assert_problem(replay, 410, "challenge_expired").await;

    let refresh = |key: &'static str| {
        let body = json!({ "refresh_token": tokens["refresh_token"] });
        app.client.post(app.url("/api/v1/auth/refresh")).header("idempotency-key", key).json(&body).send()
    };
    assert_eq!(refresh("refresh-1").await.unwrap().status(), 200);
    // A replayed refresh would have bypassed reuse detection; now it is the reuse it is.
    assert_problem(refresh("refresh-1").await.unwrap(), 401, "invalid_refresh_token").await;
    let stored = stored_idempotent_answers(&app).await;
    assert!(stored.is_empty(), "nothing on /auth/* is kept: {stored:?}");
}

#[tokio::test]
async fn keyed_answers_belong_to_the_account_and_die_with_the_session_and_after_a_day() {
    let app = spawn_app().await;
    let worker = app.login(WORKER.0, WORKER.1).await;
    let send = |token: String, key: &'static str, city: &'static str| {
        app.client
            .patch(app.url("/api/v1/me/contact"))
            .bearer_auth(token)
            .header("idempotency-key", key)
            .json(&json!({ "city": city }))
            .send()
    };
    let first = send(worker.access.clone(), "contact-1", "Malmö").await.unwrap();
    assert_eq!(first.status(), 200);
    // Another session of the same account retrying with the key gets the first answer.
    let second_session = app.login(WORKER.0, WORKER.1).await;
    let retry = send(second_session.access.clone(), "contact-1", "Malmö").await.unwrap();
    assert_eq!(retry.headers().get("idempotent-replayed").and_then(|v| v.to_str().ok()), Some("true"));
    // Someone else's same key is their own request.
    let admin = app.login(crate::helpers::ADMIN.0, crate::helpers::ADMIN.1).await;
    let other = send(admin.access.clone(), "contact-1", "Malmö").await.unwrap();
    assert!(other.headers().get("idempotent-replayed").is_none());
    let stored = stored_idempotent_answers(&app).await;
    assert_eq!(stored.len(), 2, "{stored:?}");
    assert!(stored.iter().all(|s| s.starts_with("http:account:")), "scoped by principal, not by a header hash: {stored:?}");

    // After logout the session's token replays nothing: it is refused like any request of an ended session.
    let res = app.client.post(app.url("/api/v1/auth/logout")).bearer_auth(&worker.access).send().await.unwrap();
    assert_eq!(res.status(), 204);
    let after_logout = send(worker.access.clone(), "contact-1", "Malmö").await.unwrap();
    assert!(after_logout.headers().get("idempotent-replayed").is_none());
    assert_eq!(after_logout.status(), 401);

    // Kept 24 hours: an older answer is not replayed, the request runs again.
    app.exec_sql("UPDATE idempotency_keys SET created_at = '2000-01-01 00:00:00+00:00'").await;
    let later = send(second_session.access.clone(), "contact-1", "Malmö").await.unwrap();
    assert_eq!(later.status(), 200);
    assert!(later.headers().get("idempotent-replayed").is_none());
}

#[tokio::test]
async fn pin_views_are_never_kept_for_replay() {
    let app = spawn_app().await;
    let (worker, card, number) = delivered_card(&app, "PN0000000001").await;
    for path in [format!("/api/v1/me/cards/{card}/activate"), format!("/api/v1/me/cards/{card}/pin")] {
        let res = app
            .client
            .post(app.url(&path))
            .bearer_auth(&worker.access)
            .header("idempotency-key", "pin-1")
            .json(&json!({ "card_number": number }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{path}");
    }
    let stored = stored_idempotent_answers(&app).await;
    assert!(stored.iter().all(|s| !s.contains("\"pin\"")), "{stored:?}");
}

#[tokio::test]
async fn parallel_wrong_codes_on_one_challenge_are_judged_at_most_five_times() {
    let app = spawn_app().await;
    let ch: Value = app.start_login(WORKER.0, DEMO_PASSWORD).await.json().await.unwrap();
    let right = app.last_code(WORKER.1).await;
    let body = json!({ "challenge_id": ch["challenge_id"], "code": wrong_code(&right) });
    let answers = post_at_once(&app, "/api/v1/auth/login/verify", None, vec![body; 20]).await;
    assert_eq!(count(&answers, 401, "invalid_code"), 5, "{answers:?}");
    // The rest were refused unjudged: the challenge was used up (or, for a moment, the account's run was full
    // of tries still being judged).
    assert_eq!(count(&answers, 410, "challenge_expired") + count(&answers, 429, "too_many_attempts"), 15, "{answers:?}");
    let res = app.post_json("/api/v1/auth/login/verify", &json!({ "challenge_id": ch["challenge_id"], "code": right })).await;
    assert_problem(res, 410, "challenge_expired").await;
}

#[tokio::test]
async fn parallel_wrong_passwords_are_judged_at_most_ten_times() {
    let app = spawn_app().await;
    let body = json!({ "email": WORKER.0, "password": "not-the-password" });
    let answers = post_at_once(&app, "/api/v1/auth/login", None, vec![body; 25]).await;
    assert_eq!(count(&answers, 401, "invalid_credentials"), 10, "{answers:?}");
    assert_eq!(count(&answers, 429, "too_many_attempts"), 15, "{answers:?}");
    // The right password is refused too while the address is locked, and the lock is audited once.
    assert_problem(app.start_login(WORKER.0, DEMO_PASSWORD).await, 429, "too_many_attempts").await;
    assert_eq!(audit_kinds(&app).await.iter().filter(|k| *k == "login_locked").count(), 1);
}

#[tokio::test]
async fn parallel_wrong_card_numbers_are_judged_at_most_five_times() {
    let app = spawn_app().await;
    let (worker, card, number) = delivered_card(&app, "PA0000000001").await;
    let body = json!({ "card_number": "PA0000000002" });
    let answers = post_at_once(&app, &format!("/api/v1/me/cards/{card}/activate"), Some(&worker.access), vec![body; 20]).await;
    assert_eq!(count(&answers, 422, "card_number_mismatch"), 5, "{answers:?}");
    assert_eq!(count(&answers, 409, "activation_locked"), 15, "{answers:?}");
    let res = app.post_auth(&format!("/api/v1/me/cards/{card}/activate"), &worker.access, &json!({ "card_number": number })).await;
    assert_problem(res, 409, "activation_locked").await;
}

#[tokio::test]
async fn a_run_of_wrong_codes_across_challenges_locks_the_second_factor_and_tells_the_worker() {
    let app = spawn_app().await;
    for _ in 0..2 {
        let ch: Value = app.start_login(WORKER.0, DEMO_PASSWORD).await.json().await.unwrap();
        let right = app.last_code(WORKER.1).await;
        let body = json!({ "challenge_id": ch["challenge_id"], "code": wrong_code(&right) });
        let answers = post_at_once(&app, "/api/v1/auth/login/verify", None, vec![body; 5]).await;
        assert_eq!(count(&answers, 401, "invalid_code"), 5, "{answers:?}");
    }
    // A new challenge (the password is right) does not start a new run: even the right code is refused.
    let ch: Value = app.start_login(WORKER.0, DEMO_PASSWORD).await.json().await.unwrap();
    let right = app.last_code(WORKER.1).await;
    let res = app.post_json("/api/v1/auth/login/verify", &json!({ "challenge_id": ch["challenge_id"], "code": right })).await;
    assert!(res.headers().get("retry-after").is_some());
    assert_problem(res, 429, "too_many_attempts").await;
    let mails = app.outbox(WORKER.0).await;
    assert_eq!(mails.iter().filter(|m| m["subject"].as_str().is_some_and(|s| s.contains("Sign-in codes paused"))).count(), 1, "{mails:?}");
    assert_eq!(audit_kinds(&app).await.iter().filter(|k| *k == "second_factor_locked").count(), 1);
    // Once the lock's window has passed, the right code works again and ends the run.
    app.exec_sql("UPDATE rate_limits SET window_start = 0 WHERE key LIKE 'second-factor:%'").await;
    let res = app.post_json("/api/v1/auth/login/verify", &json!({ "challenge_id": ch["challenge_id"], "code": right })).await;
    assert_eq!(res.status(), 200);
}

async fn audit_kinds(app: &TestApp) -> Vec<String> {
    use sea_orm::{ConnectionTrait, Statement};
    let db = app.db().await;
    let rows = db.query_all_raw(Statement::from_string(db.get_database_backend(), "SELECT kind FROM audit_events")).await.expect("audit");
    rows.iter().map(|r| r.try_get::<String>("", "kind").unwrap()).collect()
}

#[tokio::test]
async fn a_spoofed_forwarded_for_does_not_choose_the_client_ip_behind_a_trusted_proxy() {
    use crate::helpers::{SpawnOptions, spawn_app_with};
    let app = spawn_app_with(SpawnOptions { env: vec![("SITECARD_TRUSTED_PROXIES".into(), "1".into())], ..Default::default() }).await;
    let check = |xff: String| app.client.get(app.url("/api/v1/card-check/AB1234567890")).header("x-forwarded-for", xff).send();
    // The proxy appends the address it saw (203.0.113.9); what the client wrote before it changes nothing.
    for i in 0..60 {
        let res = check(format!("10.9.{}.{}, 203.0.113.9", i / 200, i % 200)).await.unwrap();
        assert_eq!(res.status(), 200, "check {i}");
    }
    assert_problem(check("10.200.0.1, 203.0.113.9".into()).await.unwrap(), 429, "too_many_attempts").await;
    // Another client behind the same proxy is another client.
    assert_eq!(check("203.0.113.10".into()).await.unwrap().status(), 200);
}

#[tokio::test]
async fn a_refused_token_is_named_in_www_authenticate_and_oauth_errors_follow_rfc_6749() {
    let app = spawn_app().await;
    let challenge = |res: &reqwest::Response| {
        res.headers().get_all("www-authenticate").iter().map(|v| v.to_str().unwrap().to_owned()).collect::<Vec<_>>()
    };
    let none = app.get("/api/v1/me").await;
    assert_eq!(challenge(&none), [r#"Bearer realm="sitecard""#]);
    assert_problem(none, 401, "unauthenticated").await;
    let forged = app.get_auth("/api/v1/me", "not.a.token").await;
    assert_eq!(challenge(&forged), [r#"Bearer realm="sitecard", error="invalid_token""#]);
    assert_problem(forged, 401, "invalid_token").await;

    let token = |form: &[(&str, &str)]| app.client.post(app.url("/api/v1/oauth/token")).form(form).send();
    let wrong = token(&[("grant_type", "client_credentials"), ("client_id", "demo-partner"), ("client_secret", "wrong")]).await.unwrap();
    assert!(challenge(&wrong).iter().any(|c| c.starts_with("Basic")), "{:?}", challenge(&wrong));
    assert_eq!(assert_problem(wrong, 401, "invalid_client").await["error"], "invalid_client");
    let grant = token(&[("grant_type", "password"), ("client_id", "demo-partner"), ("client_secret", "x")]).await.unwrap();
    assert_eq!(assert_problem(grant, 400, "unsupported_grant_type").await["error"], "unsupported_grant_type");
    let missing = token(&[("client_id", "demo-partner")]).await.unwrap();
    assert_eq!(assert_problem(missing, 400, "invalid_request").await["error"], "invalid_request");
    // Everywhere else the problem has no OAuth member.
    assert!(assert_problem(app.get("/api/v1/me").await, 401, "unauthenticated").await.get("error").is_none());
}

#[tokio::test]
async fn the_verifier_reset_needs_the_recorded_document_and_tells_the_old_phone() {
    let app = spawn_app().await;
    let record = app.register_worker("reset.doc@example.com", "+46701234500", "a-long-enough-passphrase").await;
    let verifier = app.login(crate::helpers::VERIFIER.0, crate::helpers::VERIFIER.1).await;
    let url = format!("/api/v1/identity-verifications/{}/reset-second-factor", record["id"].as_str().unwrap());
    // The verifier's word alone does not move a worker's second factor.
    let missing =
        assert_problem(app.post_auth(&url, &verifier.access, &json!({"new_phone": "+46701234511"})).await, 422, "validation_failed").await;
    assert_eq!(missing["errors"][0]["field"], "document_number");
    let wrong = json!({"new_phone": "+46701234511", "document_number": "X1234567"});
    assert_problem(app.post_auth(&url, &verifier.access, &wrong).await, 422, "document_mismatch").await;
    assert_eq!(audit_kinds(&app).await.iter().filter(|k| *k == "second_factor_reset_refused").count(), 1);
    let typed = record["document_number"].as_str().unwrap().to_lowercase();
    let res = app.post_auth(&url, &verifier.access, &json!({"new_phone": "+46701234511", "document_number": typed})).await;
    assert_eq!(res.status(), 200);
    let old_phone = app.outbox("+46701234500").await;
    assert!(old_phone[0]["body"].as_str().unwrap().contains("removed from your account"), "{old_phone:?}");
    assert!(old_phone[0]["code"].is_null());
    let mails = app.outbox("reset.doc@example.com").await;
    assert!(mails.iter().any(|m| m["subject"] == "Your Sitecard phone was changed"), "{mails:?}");
}

#[tokio::test]
async fn a_record_never_moves_a_verified_account_to_another_persons_document() {
    let app = spawn_app().await;
    app.register_worker("relink@example.com", "+46701234600", "a-long-enough-passphrase").await;
    let verifier = app.login(crate::helpers::VERIFIER.0, crate::helpers::VERIFIER.1).await;
    let record = |given: &str, doc: &str| {
        json!({
            "document_type": "passport", "document_number": doc, "issuing_country": "DEU", "document_expiry": "2031-01-31",
            "given_names": given, "surname": "Müller", "date_of_birth": "1988-02-29", "nationality": "DEU", "email": "relink@example.com"
        })
    };
    let other = app.post_auth("/api/v1/identity-verifications", &verifier.access, &record("Eve", "E99887766")).await;
    assert_problem(other, 409, "identity_already_verified").await;
    assert_eq!(audit_kinds(&app).await.iter().filter(|k| *k == "identity_relink_refused").count(), 1);
    // The same person with a renewed passport is recorded.
    let renewed = app.post_auth("/api/v1/identity-verifications", &verifier.access, &record("Anna Maria", "R11223344")).await;
    assert_eq!(renewed.status(), 201);
}

#[tokio::test]
async fn the_verifier_finds_records_by_email_or_document_number_and_nobody_else_does() {
    let app = spawn_app().await;
    let record = app.register_worker("desk@example.com", "+46701234700", "a-long-enough-passphrase").await;
    let verifier = app.login(crate::helpers::VERIFIER.0, crate::helpers::VERIFIER.1).await;
    let find = |q: &[(&str, &str)]| app.client.get(app.url("/api/v1/identity-verifications")).bearer_auth(&verifier.access).query(q).send();
    let by_email: Vec<Value> = find(&[("email", "Desk@Example.com")]).await.unwrap().json().await.unwrap();
    assert_eq!(by_email.len(), 1);
    assert_eq!(by_email[0]["id"], record["id"]);
    let doc = record["document_number"].as_str().unwrap();
    let typed = format!("{} {}", doc[..4].to_lowercase(), &doc[4..]);
    let by_doc: Vec<Value> = find(&[("document_number", typed.as_str())]).await.unwrap().json().await.unwrap();
    assert_eq!(by_doc.len(), 1, "{by_doc:?}");
    assert_eq!(by_doc[0]["id"], record["id"]);
    assert!(!by_doc[0].to_string().contains(doc), "the number stays masked");
    let none: Vec<Value> = find(&[("document_number", "Z9999999")]).await.unwrap().json().await.unwrap();
    assert!(none.is_empty());
    assert_problem(find(&[]).await.unwrap(), 422, "validation_failed").await;
    let worker = app.login(WORKER.0, WORKER.1).await;
    let res = app.get_auth("/api/v1/identity-verifications?email=desk@example.com", &worker.access).await;
    assert_problem(res, 403, "forbidden").await;
}

#[tokio::test]
async fn factor_changes_need_a_fresh_sign_in_or_the_password_and_the_owner_is_told() {
    let app = spawn_app().await;
    let worker = app.login(WORKER.0, WORKER.1).await;
    // A stolen access token of a session signed in long ago: not enough to add an app or move the phone.
    app.exec_sql("UPDATE sessions SET created_at = '2000-01-01 00:00:00+00:00'").await;
    assert_problem(app.post_auth("/api/v1/auth/totp", &worker.access, &json!({})).await, 403, "step_up_required").await;
    let res = app.post_auth("/api/v1/me/phone", &worker.access, &json!({ "phone": "+46709990001" })).await;
    assert_problem(res, 403, "step_up_required").await;
    let res = app.post_auth("/api/v1/me/phone", &worker.access, &json!({ "phone": "+46709990001", "current_password": "guess" })).await;
    assert_problem(res, 401, "invalid_credentials").await;
    // The password typed again is the step-up.
    let res = app.post_auth("/api/v1/auth/totp", &worker.access, &json!({ "current_password": DEMO_PASSWORD })).await;
    assert_eq!(res.status(), 200);
    let res =
        app.post_auth("/api/v1/me/phone", &worker.access, &json!({ "phone": "+46709990001", "current_password": DEMO_PASSWORD })).await;
    assert_eq!(res.status(), 202);
    let ch: Value = res.json().await.unwrap();
    let code = app.last_code("+46709990001").await;
    let res = app.post_auth("/api/v1/me/phone/verify", &worker.access, &json!({ "challenge_id": ch["challenge_id"], "code": code })).await;
    assert_eq!(res.status(), 200);
    // The old phone and the email address are told.
    let old = app.outbox(WORKER.1).await;
    assert!(old[0]["body"].as_str().unwrap().contains("another phone number"), "{old:?}");
    let mails = app.outbox(WORKER.0).await;
    assert!(mails.iter().any(|m| m["subject"] == "Your Sitecard sign-in was changed"), "{mails:?}");
    // A fresh sign-in needs no password (it was two factors a moment ago).
    let fresh = app.login(WORKER.0, "+46709990001").await;
    assert_eq!(app.post_auth("/api/v1/auth/totp", &fresh.access, &json!({})).await.status(), 200);
}

#[tokio::test]
async fn cors_grants_only_configured_origins_never_one_matching_the_host_header() {
    let app = spawn_app().await;
    let preflight = |origin: &'static str, host: Option<&'static str>| {
        let mut req = app
            .client
            .request(reqwest::Method::OPTIONS, app.url("/api/v1/me"))
            .header("origin", origin)
            .header("access-control-request-method", "GET")
            .header("access-control-request-headers", "authorization");
        if let Some(h) = host {
            req = req.header("host", h);
        }
        req.send()
    };
    let granted = |res: &reqwest::Response| res.headers().get("access-control-allow-origin").map(|v| v.to_str().unwrap().to_owned());
    // The configured public URL (SITECARD_PUBLIC_URL=http://sitecard.test in the tests).
    assert_eq!(granted(&preflight("http://sitecard.test", None).await.unwrap()).as_deref(), Some("http://sitecard.test"));
    // An origin that matches the request's own Host is still a foreign origin.
    assert_eq!(granted(&preflight("http://evil.example", Some("evil.example")).await.unwrap()), None);
    assert_eq!(granted(&preflight("https://sitecard.test", None).await.unwrap()), None, "another scheme is another origin");
    // A same-origin page's own request (it sends Origin too) is served; it needs no CORS header.
    let res = app.client.get(app.url("/healthz")).header("origin", app.address.clone()).send().await.unwrap();
    assert_eq!(res.status(), 200);
}
