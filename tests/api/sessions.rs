//! Sessions held in memory (`sitecard_app::session_cache`) end as promptly as sessions read from the database: every
//! check here first uses the token, so the session is in the cache when the change comes.

use serde_json::{Value, json};

use crate::helpers::*;

#[tokio::test]
async fn a_session_used_a_moment_ago_ends_at_once_on_logout_revocation_and_password_change() {
    let app = spawn_app().await;
    let a = app.login(WORKER.0, WORKER.1).await;
    let b = app.login(WORKER.0, WORKER.1).await;
    for t in [&a, &b] {
        assert_eq!(app.get_auth("/api/v1/me", &t.access).await.status(), 200);
    }

    // Revoking another device.
    let list: Vec<Value> = app.get_auth("/api/v1/auth/sessions", &a.access).await.json().await.unwrap();
    let other = list.iter().find(|s| s["current"] == false).unwrap()["id"].as_str().unwrap().to_owned();
    assert_eq!(app.delete_auth(&format!("/api/v1/auth/sessions/{other}"), &a.access, None).await.status(), 204);
    assert_problem(app.get_auth("/api/v1/me", &b.access).await, 401, "session_ended").await;

    // A change to the account is seen by the next request of the same session.
    let res = app.patch_auth("/api/v1/me", &a.access, &json!({"language": "sv"})).await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let me: Value = app.get_auth("/api/v1/me", &a.access).await.json().await.unwrap();
    assert_eq!(me["language"], "sv");

    // A password change ends the other sessions (just used) and keeps this one, with the new password.
    let c = app.login(WORKER.0, WORKER.1).await;
    assert_eq!(app.get_auth("/api/v1/me", &c.access).await.status(), 200);
    let res = app
        .post_auth(
            "/api/v1/me/password",
            &a.access,
            &json!({"current_password": DEMO_PASSWORD, "new_password": "a-much-newer-passphrase-7"}),
        )
        .await;
    assert!(res.status().is_success(), "{}", res.text().await.unwrap());
    assert_problem(app.get_auth("/api/v1/me", &c.access).await, 401, "session_ended").await;
    // The next change checks the new password, not the hash the cache held before.
    let res = app
        .post_auth(
            "/api/v1/me/password",
            &a.access,
            &json!({"current_password": "a-much-newer-passphrase-7", "new_password": "yet-another-passphrase-8"}),
        )
        .await;
    assert!(res.status().is_success(), "{}", res.text().await.unwrap());

    // Logout.
    assert_eq!(app.post_auth("/api/v1/auth/logout", &a.access, &json!({})).await.status(), 204);
    assert_problem(app.get_auth("/api/v1/me", &a.access).await, 401, "session_ended").await;
}

#[tokio::test]
async fn refresh_token_reuse_ends_a_session_in_use_at_once() {
    let app = spawn_app().await;
    let t = app.login(WORKER.0, WORKER.1).await;
    assert_eq!(app.get_auth("/api/v1/me", &t.access).await.status(), 200);
    let next: Value = app.post_json("/api/v1/auth/refresh", &json!({ "refresh_token": t.refresh })).await.json().await.unwrap();
    let access = next["access_token"].as_str().unwrap();
    assert_eq!(app.get_auth("/api/v1/me", access).await.status(), 200);
    // The spent token comes back: the whole family ends, including the access token just used.
    assert_problem(app.post_json("/api/v1/auth/refresh", &json!({ "refresh_token": t.refresh })).await, 401, "invalid_refresh_token").await;
    assert_problem(app.get_auth("/api/v1/me", access).await, 401, "session_ended").await;
}

/// On PostgreSQL a change made by anyone — another instance, an operator's SQL — reaches this instance as a
/// notice from the database. On SQLite there is one instance and this test does not apply.
#[tokio::test]
async fn a_session_ended_in_the_database_by_someone_else_is_refused_within_moments_on_postgres() {
    if !using_postgres() {
        return;
    }
    let app = spawn_app().await;
    let t = app.login(WORKER.0, WORKER.1).await;
    for _ in 0..3 {
        assert_eq!(app.get_auth("/api/v1/me", &t.access).await.status(), 200);
    }
    // The session was served from memory (the listener is connected), so the database was not asked.
    app.exec_sql("UPDATE accounts SET roles = roles || ',operator' WHERE email = 'admin@demo.test'").await;
    let operator = app.login(ADMIN.0, ADMIN.1).await;
    assert!(memory_lookups(&app, &operator.access).await >= 1, "no session came from memory");
    app.exec_sql("UPDATE sessions SET revoked_at = now(), revoked_reason = 'test' WHERE revoked_at IS NULL AND account_id = (SELECT id FROM accounts WHERE email = 'worker@demo.test')").await;
    let started = std::time::Instant::now();
    loop {
        let status = app.get_auth("/api/v1/me", &t.access).await.status();
        if status == 401 {
            break;
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(2), "the revoked session still works after {:?}", started.elapsed());
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }

    // The listener's connection is cut: notices sent before it is back are lost, so meanwhile sessions are read
    // from the database, and a revocation is still seen.
    let t = app.login(WORKER.0, WORKER.1).await;
    for _ in 0..3 {
        assert_eq!(app.get_auth("/api/v1/me", &t.access).await.status(), 200);
    }
    app.exec_sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'")
        .await;
    app.exec_sql("UPDATE sessions SET revoked_at = now(), revoked_reason = 'test' WHERE revoked_at IS NULL AND account_id = (SELECT id FROM accounts WHERE email = 'worker@demo.test')").await;
    let started = std::time::Instant::now();
    while app.get_auth("/api/v1/me", &t.access).await.status() != 401 {
        assert!(started.elapsed() < std::time::Duration::from_secs(2), "revoked while the listener was cut, still works");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    // And once it is back, the cache serves again.
    let t = app.login(WORKER.0, WORKER.1).await;
    assert_eq!(app.get_auth("/api/v1/me", &t.access).await.status(), 200);
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let before = memory_lookups(&app, &operator.access).await;
    for _ in 0..3 {
        assert_eq!(app.get_auth("/api/v1/me", &t.access).await.status(), 200);
    }
    assert!(memory_lookups(&app, &operator.access).await > before, "the cache did not come back after the listener reconnected");
    assert!(app.logs().contains("session cache off until it is back"), "the cut connection went unnoticed");
}

async fn memory_lookups(app: &TestApp, operator: &str) -> u64 {
    let metrics = app.get_auth("/metrics", operator).await.text().await.unwrap();
    metrics
        .lines()
        .find_map(|l| l.strip_prefix(r#"sitecard_session_lookups_total{source="memory"} "#))
        .and_then(|n| n.trim().parse::<u64>().ok())
        .unwrap_or(0)
}

/// The verified person is served from memory with the session; a change to it (here by SQL, as another instance
/// or a verifier's correction would make it) is heard through the database's notice on PostgreSQL.
#[tokio::test]
async fn a_changed_verified_person_is_seen_by_the_next_reads_on_postgres() {
    if !using_postgres() {
        return;
    }
    let app = spawn_app().await;
    let t = app.login(WORKER.0, WORKER.1).await;
    let me: Value = app.get_auth("/api/v1/me", &t.access).await.json().await.unwrap();
    assert_eq!(me["person"]["surname"], "Kowalski");
    let orders: Vec<Value> = app.get_auth("/api/v1/me/card-orders", &t.access).await.json().await.unwrap();
    assert_eq!(orders[0]["identity_check"]["matches"], true, "{}", orders[0]);
    app.exec_sql("UPDATE persons SET surname = 'Kowalsky'").await;
    let started = std::time::Instant::now();
    loop {
        let orders: Vec<Value> = app.get_auth("/api/v1/me/card-orders", &t.access).await.json().await.unwrap();
        if orders[0]["identity_check"]["fields"] == json!(["surname"]) {
            break;
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(2), "the changed person is not seen: {}", orders[0]);
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn the_session_hint_cookie_comes_with_sign_in_and_goes_with_logout() {
    let app = spawn_app().await;
    let ch: Value = app.start_login(WORKER.0, DEMO_PASSWORD).await.json().await.unwrap();
    let code = app.last_code(WORKER.1).await;
    let res =
        app.post_json("/api/v1/auth/login/verify", &json!({ "challenge_id": ch["challenge_id"], "code": code, "client": "web" })).await;
    let cookies: Vec<String> = res.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_owned()).collect();
    let hint = cookies.iter().find(|c| c.starts_with("sitecard_session_hint=1")).expect("a session hint");
    assert!(hint.contains("Path=/") && hint.contains("SameSite=Strict") && !hint.contains("HttpOnly"), "{hint}");
    let body: Value = res.json().await.unwrap();
    let res = app.post_auth("/api/v1/auth/logout", body["access_token"].as_str().unwrap(), &json!({})).await;
    let cookies: Vec<String> = res.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_owned()).collect();
    for name in ["sitecard_refresh=", "sitecard_session_hint="] {
        let removal = cookies.iter().find(|c| c.starts_with(name)).unwrap_or_else(|| panic!("{name} not removed: {cookies:?}"));
        assert!(removal.contains("Max-Age=0"), "{removal}");
    }
}

#[tokio::test]
async fn the_page_says_development_mode_only_in_development_mode() {
    let page = "<!doctype html><html><head><title>Sitecard</title></head><body><div id=root></div></body></html>";
    for dev in [true, false] {
        let app = spawn_app_with(SpawnOptions { dev, ..SpawnOptions::default() }).await;
        std::fs::write(app.static_dir().join("index.html"), page).unwrap();
        let html = app.get("/sign-in").await.text().await.unwrap();
        assert_eq!(html.contains(r#"<meta name="sitecard-dev" content="1"></head>"#), dev, "{html}");
    }
}

#[tokio::test]
async fn one_refresh_token_sent_eight_times_at_once_is_rotated_once_and_ends_its_family() {
    let app = spawn_app().await;
    let t = app.login(WORKER.0, WORKER.1).await;
    let body = json!({ "refresh_token": t.refresh });
    let sends: Vec<_> = (0..8)
        .map(|_| {
            let request = app.client.post(app.url("/api/v1/auth/refresh")).json(&body);
            tokio::spawn(async move { request.send().await.unwrap() })
        })
        .collect();
    let mut answers = vec![];
    for send in sends {
        answers.push(send.await.unwrap());
    }
    let statuses: Vec<u16> = answers.iter().map(|r| r.status().as_u16()).collect();
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == 200 || *s == 401), "{statuses:?}");
    // The losers were reuse: the family, including the winner's new pair, is over.
    let winner: Value = answers.into_iter().find(|r| r.status() == 200).unwrap().json().await.unwrap();
    assert_problem(app.get_auth("/api/v1/me", winner["access_token"].as_str().unwrap()).await, 401, "session_ended").await;
    let again = app.post_json("/api/v1/auth/refresh", &json!({ "refresh_token": winner["refresh_token"] })).await;
    assert_problem(again, 401, "invalid_refresh_token").await;
}
