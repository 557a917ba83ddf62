//! Identity verification, registration and two-factor login, with the abuse cases.

use serde_json::{Value, json};

use crate::helpers::{ADMIN, DEMO_PASSWORD, SpawnOptions, VERIFIER, WORKER, assert_problem, spawn_app, spawn_app_with};

const NEW_PASSWORD: &str = "bricks and mortar 42";

#[tokio::test]
async fn a_verified_worker_registers_from_the_emailed_link_and_signs_in_with_an_sms_code() {
    let app = spawn_app().await;
    let record = app.register_worker("new.worker@example.com", "+48 601 234 567", NEW_PASSWORD).await;
    assert!(record["id"].is_string() && record["person_id"].is_string() && record["verified_at"].is_string());
    assert_eq!(record["registration_link_sent"], true);

    let tokens = app.login_with("new.worker@example.com", NEW_PASSWORD, "+48601234567").await;
    let me: Value = app.get_auth("/api/v1/me", &tokens.access).await.json().await.unwrap();
    assert_eq!(me["email"], "new.worker@example.com");
    assert_eq!(me["roles"], json!(["cardholder"]));
    assert_eq!(me["person"]["surname"], "Müller");
    assert_eq!(me["person"]["nationality"], "DEU");
    assert!(me["person"]["document_number_masked"].as_str().unwrap().starts_with("•••"));
    assert_eq!(me["contact"]["phone"], "+48601234567");

    // The verifier can read the record, with the document number masked.
    let verifier = app.login(VERIFIER.0, VERIFIER.1).await;
    let rec: Value = app
        .get_auth(&format!("/api/v1/identity-verifications/{}", record["id"].as_str().unwrap()), &verifier.access)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(rec["given_names"], "Anna-Maria");
    assert!(rec["document_number_masked"].as_str().unwrap().contains('•'));
}

#[tokio::test]
async fn a_registration_link_works_once() {
    let app = spawn_app().await;
    app.register_worker("once@example.com", "+46701112233", NEW_PASSWORD).await;
    let link = app.last_link("once@example.com").await;
    let token = link.split("token=").nth(1).unwrap();
    let res =
        app.post_json("/api/v1/accounts", &json!({ "registration_token": token, "password": NEW_PASSWORD, "phone": "+46701112233" })).await;
    assert_problem(res, 410, "registration_token_invalid").await;
    let res = app
        .post_json("/api/v1/accounts", &json!({ "registration_token": "made-up", "password": NEW_PASSWORD, "phone": "+46701112233" }))
        .await;
    assert_problem(res, 410, "registration_token_invalid").await;
}

#[tokio::test]
async fn registration_rejects_weak_passwords_and_bad_phones() {
    let app = spawn_app().await;
    let verifier = app.login(VERIFIER.0, VERIFIER.1).await;
    app.verify_identity(&verifier, "weak@example.com", "Ola", "Nordmann", "1979-05-17", "NOR", "AB9876543").await;
    let link = app.last_link("weak@example.com").await;
    let token = link.split("token=").nth(1).unwrap();
    for pw in ["short", "password1", "nordmann1979"] {
        let res = app.post_json("/api/v1/accounts", &json!({ "registration_token": token, "password": pw, "phone": "+4791234567" })).await;
        let body = assert_problem(res, 400, "weak_password").await;
        assert_eq!(body["errors"][0]["field"], "password", "{pw}");
    }
    let res =
        app.post_json("/api/v1/accounts", &json!({ "registration_token": token, "password": NEW_PASSWORD, "phone": "0701234567" })).await;
    let body = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "phone");
}

#[tokio::test]
async fn unknown_email_and_wrong_password_answer_identically() {
    let app = spawn_app().await;
    let a = app.start_login(WORKER.0, "wrong-password-123").await;
    let b = app.start_login("nobody@example.com", "wrong-password-123").await;
    assert_eq!(a.status(), 401);
    assert_eq!(b.status(), 401);
    let (a, b): (Value, Value) = (a.json().await.unwrap(), b.json().await.unwrap());
    assert_eq!(a, b);
    assert_eq!(a["code"], "invalid_credentials");
}

#[tokio::test]
async fn the_sixth_wrong_code_finds_the_challenge_dead() {
    let app = spawn_app().await;
    let ch: Value = app.start_login(WORKER.0, DEMO_PASSWORD).await.json().await.unwrap();
    let right = app.last_code(WORKER.1).await;
    let wrong = if right == "000000" { "111111" } else { "000000" };
    for _ in 0..5 {
        let res = app.post_json("/api/v1/auth/login/verify", &json!({ "challenge_id": ch["challenge_id"], "code": wrong })).await;
        assert_problem(res, 401, "invalid_code").await;
    }
    let res = app.post_json("/api/v1/auth/login/verify", &json!({ "challenge_id": ch["challenge_id"], "code": right })).await;
    assert_problem(res, 410, "challenge_expired").await;
}

#[tokio::test]
async fn an_expired_challenge_fails_and_a_used_one_cannot_be_replayed() {
    let app = spawn_app().await;
    let ch: Value = app.start_login(WORKER.0, DEMO_PASSWORD).await.json().await.unwrap();
    let code = app.last_code(WORKER.1).await;
    app.exec_sql("UPDATE login_challenges SET expires_at = '2000-01-01 00:00:00+00:00'").await;
    let res = app.post_json("/api/v1/auth/login/verify", &json!({ "challenge_id": ch["challenge_id"], "code": code })).await;
    assert_problem(res, 410, "challenge_expired").await;

    let ch: Value = app.start_login(WORKER.0, DEMO_PASSWORD).await.json().await.unwrap();
    let code = app.last_code(WORKER.1).await;
    let ok = app.post_json("/api/v1/auth/login/verify", &json!({ "challenge_id": ch["challenge_id"], "code": code })).await;
    assert_eq!(ok.status(), 200);
    let again = app.post_json("/api/v1/auth/login/verify", &json!({ "challenge_id": ch["challenge_id"], "code": code })).await;
    assert_problem(again, 410, "challenge_expired").await;
}

#[tokio::test]
async fn one_code_sent_many_times_at_once_opens_exactly_one_session() {
    let app = spawn_app().await;
    let ch: Value = app.start_login(WORKER.0, DEMO_PASSWORD).await.json().await.unwrap();
    let code = app.last_code(WORKER.1).await;
    let url = app.url("/api/v1/auth/login/verify");
    let mut handles = vec![];
    for _ in 0..8 {
        let (c, url, body) = (app.client.clone(), url.clone(), json!({ "challenge_id": ch["challenge_id"], "code": code }));
        handles.push(tokio::spawn(async move {
            let res = c.post(url).json(&body).send().await.unwrap();
            (res.status().as_u16(), res.json::<Value>().await.unwrap())
        }));
    }
    let mut answers = vec![];
    for h in handles {
        answers.push(h.await.unwrap());
    }
    let winners: Vec<&Value> = answers.iter().filter(|(s, _)| *s == 200).map(|(_, b)| b).collect();
    assert_eq!(winners.len(), 1, "{answers:?}");
    assert!(answers.iter().all(|(s, b)| *s == 200 || (*s == 410 && b["code"] == "challenge_expired")), "{answers:?}");
    // The code is spent in the session's own transaction: the losers left no session behind.
    let access = winners[0]["access_token"].as_str().unwrap();
    let sessions: Value = app.get_auth("/api/v1/auth/sessions", access).await.json().await.unwrap();
    assert_eq!(sessions.as_array().unwrap().len(), 1, "{sessions}");
}

#[tokio::test]
async fn resend_waits_a_minute_then_sends_a_new_code() {
    let app = spawn_app().await;
    let ch: Value = app.start_login(WORKER.0, DEMO_PASSWORD).await.json().await.unwrap();
    assert_eq!(ch["method"], "sms");
    assert_eq!(ch["masked_phone"], "+46•••••••03");
    let res = app.post_json("/api/v1/auth/login/resend", &json!({ "challenge_id": ch["challenge_id"] })).await;
    let retry: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry));
    assert_problem(res, 429, "resend_too_soon").await;

    let first = app.last_code(WORKER.1).await;
    app.exec_sql("UPDATE login_challenges SET last_sent_at = '2000-01-01 00:00:00+00:00'").await;
    let res = app.post_json("/api/v1/auth/login/resend", &json!({ "challenge_id": ch["challenge_id"] })).await;
    assert_eq!(res.status(), 202);
    let second = app.last_code(WORKER.1).await;
    assert_eq!(app.outbox(WORKER.1).await.len(), 2);
    if first != second {
        let res = app.post_json("/api/v1/auth/login/verify", &json!({ "challenge_id": ch["challenge_id"], "code": first })).await;
        assert_problem(res, 401, "invalid_code").await;
    }
    let res = app.post_json("/api/v1/auth/login/verify", &json!({ "challenge_id": ch["challenge_id"], "code": second })).await;
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn refresh_rotates_and_reuse_revokes_the_family() {
    let app = spawn_app().await;
    let t = app.login(WORKER.0, WORKER.1).await;
    let res = app.post_json("/api/v1/auth/refresh", &json!({ "refresh_token": t.refresh })).await;
    assert_eq!(res.status(), 200);
    let t2: Value = res.json().await.unwrap();
    let refresh2 = t2["refresh_token"].as_str().unwrap().to_owned();
    assert_ne!(refresh2, t.refresh);
    assert_eq!(app.get_auth("/api/v1/me", t2["access_token"].as_str().unwrap()).await.status(), 200);

    // The spent token comes back: the whole family ends, including the newest token and access tokens.
    assert_problem(app.post_json("/api/v1/auth/refresh", &json!({ "refresh_token": t.refresh })).await, 401, "invalid_refresh_token").await;
    assert_problem(app.post_json("/api/v1/auth/refresh", &json!({ "refresh_token": refresh2 })).await, 401, "invalid_refresh_token").await;
    assert_problem(app.get_auth("/api/v1/me", t2["access_token"].as_str().unwrap()).await, 401, "session_ended").await;
    assert_problem(app.post_json("/api/v1/auth/refresh", &json!({ "refresh_token": "nonsense" })).await, 401, "invalid_refresh_token")
        .await;
}

#[tokio::test]
async fn web_clients_refresh_with_the_cookie_and_the_csrf_header_only() {
    let app = spawn_app().await;
    let ch: Value = app.start_login(WORKER.0, DEMO_PASSWORD).await.json().await.unwrap();
    let code = app.last_code(WORKER.1).await;
    let res =
        app.post_json("/api/v1/auth/login/verify", &json!({ "challenge_id": ch["challenge_id"], "code": code, "client": "web" })).await;
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict")
            && cookie.contains("Secure")
            && cookie.contains("Path=/api/v1/auth"),
        "{cookie}"
    );
    let body: Value = res.json().await.unwrap();
    assert!(body.get("refresh_token").is_none(), "web clients never see the refresh token");
    let pair = cookie.split(';').next().unwrap().to_owned();

    let no_header =
        reqwest::Client::new().post(app.url("/api/v1/auth/refresh")).header("cookie", &pair).json(&json!({})).send().await.unwrap();
    assert_problem(no_header, 401, "invalid_refresh_token").await;
    let ok = reqwest::Client::new()
        .post(app.url("/api/v1/auth/refresh"))
        .header("cookie", &pair)
        .header("x-sitecard-client", "web")
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    assert!(ok.headers()["set-cookie"].to_str().unwrap().starts_with("sitecard_refresh="));
}

#[tokio::test]
async fn forged_and_expired_access_tokens_are_refused() {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
    let app = spawn_app().await;
    let t = app.login(WORKER.0, WORKER.1).await;
    let parts: Vec<&str> = t.access.split('.').collect();
    let header: Value = serde_json::from_slice(&B64.decode(parts[0]).unwrap()).unwrap();
    let mut claims: Value = serde_json::from_slice(&B64.decode(parts[1]).unwrap()).unwrap();

    // alg: none
    let none = format!("{}.{}.", B64.encode(r#"{"alg":"none","typ":"JWT"}"#), parts[1]);
    // a changed payload (verifier role added) with the old signature
    claims["roles"] = json!(["cardholder", "verifier"]);
    let tampered = format!("{}.{}.{}", parts[0], B64.encode(claims.to_string()), parts[2]);
    // key confusion: HS256 keyed with the public key
    let jwks: Value = app.get("/.well-known/jwks.json").await.json().await.unwrap();
    let x = jwks["keys"][0]["x"].as_str().unwrap();
    let mut hs = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256);
    hs.kid = header["kid"].as_str().map(str::to_owned);
    let confused = jsonwebtoken::encode(&hs, &claims, &jsonwebtoken::EncodingKey::from_secret(x.as_bytes())).unwrap();
    // a wrong key with the right kid
    let mut ed = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::EdDSA);
    ed.kid = header["kid"].as_str().map(str::to_owned);
    let mut der = vec![0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20];
    der.extend_from_slice(&[9u8; 32]);
    let wrong_key = jsonwebtoken::encode(&ed, &claims, &jsonwebtoken::EncodingKey::from_ed_der(&der)).unwrap();
    // an unknown kid
    ed.kid = Some("no-such-key".into());
    let unknown_kid = jsonwebtoken::encode(&ed, &claims, &jsonwebtoken::EncodingKey::from_ed_der(&der)).unwrap();

    for (name, token) in [
        ("none", none),
        ("tampered", tampered),
        ("hs256", confused),
        ("wrong key", wrong_key),
        ("unknown kid", unknown_kid),
        ("garbage", "abc.def.ghi".into()),
    ] {
        let res = app.get_auth("/api/v1/me", &token).await;
        assert_eq!(res.status(), 401, "{name}");
    }

    // Expired: signed with the server's own key (read from the database, as an attacker with a stale token).
    let db = app.db().await;
    use sea_orm::{ConnectionTrait, Statement};
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), "SELECT kid, private_key_enc FROM signing_keys"))
        .await
        .unwrap()
        .unwrap();
    let kid: String = row.try_get("", "kid").unwrap();
    let enc: String = row.try_get("", "private_key_enc").unwrap();
    let seed_b64 = sitecard_app::crypto::DataCipher::new(crate::helpers::DEV_KEY).decrypt(&enc).unwrap();
    let seed = B64.decode(seed_b64).unwrap();
    let mut der = vec![0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20];
    der.extend_from_slice(&seed);
    let mut real: Value = serde_json::from_slice(&B64.decode(parts[1]).unwrap()).unwrap();
    let key = jsonwebtoken::EncodingKey::from_ed_der(&der);
    let mut ed = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::EdDSA);
    ed.kid = Some(kid);
    let still_valid = jsonwebtoken::encode(&ed, &real, &key).unwrap();
    assert_eq!(app.get_auth("/api/v1/me", &still_valid).await.status(), 200, "control: the re-signed token is accepted");
    real["exp"] = json!(chrono::Utc::now().timestamp() - 60);
    let expired = jsonwebtoken::encode(&ed, &real, &key).unwrap();
    assert_eq!(app.get_auth("/api/v1/me", &expired).await.status(), 401, "expired");
}

#[tokio::test]
async fn roles_are_enforced_on_identity_routes() {
    let app = spawn_app().await;
    let worker = app.login(WORKER.0, WORKER.1).await;
    let admin = app.login(ADMIN.0, ADMIN.1).await;
    let body = json!({"document_type":"passport","document_number":"X1234567","issuing_country":"SWE","document_expiry":"2031-01-01","given_names":"A","surname":"B","date_of_birth":"1990-01-01","nationality":"SWE","email":"x@example.com"});
    assert_problem(app.post_auth("/api/v1/identity-verifications", &worker.access, &body).await, 403, "forbidden").await;
    assert_problem(app.post_auth("/api/v1/identity-verifications", &admin.access, &body).await, 403, "forbidden").await;
    assert_problem(app.post_json("/api/v1/identity-verifications", &body).await, 401, "unauthenticated").await;
    let id = uuid::Uuid::new_v4();
    assert_problem(app.get_auth(&format!("/api/v1/identity-verifications/{id}"), &worker.access).await, 403, "forbidden").await;
    assert_problem(
        app.post_auth(
            &format!("/api/v1/identity-verifications/{id}/reset-second-factor"),
            &worker.access,
            &json!({"new_phone": "+46700000009"}),
        )
        .await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(app.get("/api/v1/me").await, 401, "unauthenticated").await;
}

#[tokio::test]
async fn identity_records_are_validated() {
    let app = spawn_app().await;
    let verifier = app.login(VERIFIER.0, VERIFIER.1).await;
    let res = app
        .post_auth(
            "/api/v1/identity-verifications",
            &verifier.access,
            &json!({"document_type":"driving_licence","document_number":"1","issuing_country":"XX","document_expiry":"2001-01-01","given_names":" ","surname":"B","date_of_birth":"2999-01-01","nationality":"ZZZ","email":"not-an-email"}),
        )
        .await;
    let body = assert_problem(res, 422, "validation_failed").await;
    let fields: Vec<&str> = body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    for f in
        ["document_type", "document_number", "issuing_country", "nationality", "given_names", "email", "document_expiry", "date_of_birth"]
    {
        assert!(fields.contains(&f), "{f} missing in {fields:?}");
    }
    // An impossible date is a field error, not a parse failure of the whole body.
    let res = app
        .post_auth(
            "/api/v1/identity-verifications",
            &verifier.access,
            &json!({"document_type":"passport","document_number":"AB5551234","issuing_country":"SWE","document_expiry":"2031-02-31","given_names":"A","surname":"B","date_of_birth":"1990-01-01","nationality":"SWE","email":"date@example.com"}),
        )
        .await;
    let body = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "document_expiry");
    assert_eq!(body["errors"][0]["code"], "invalid_date");
    // The same document cannot be recorded for a second person.
    app.verify_identity(&verifier, "first@example.com", "Eva", "Lind", "1985-01-01", "SWE", "SE7654321").await;
    let res = app
        .post_auth(
            "/api/v1/identity-verifications",
            &verifier.access,
            &json!({"document_type":"passport","document_number":"se 765 4321","issuing_country":"SE","document_expiry":"2031-01-31","given_names":"Eva","surname":"Lind","date_of_birth":"1985-01-01","nationality":"SWE","email":"second@example.com"}),
        )
        .await;
    assert_problem(res, 409, "document_in_use").await;
}

#[tokio::test]
async fn sessions_can_be_listed_and_revoked_and_logout_ends_the_session() {
    let app = spawn_app().await;
    let a = app.login(WORKER.0, WORKER.1).await;
    let b = app.login(WORKER.0, WORKER.1).await;
    let list: Vec<Value> = app.get_auth("/api/v1/auth/sessions", &a.access).await.json().await.unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list.iter().filter(|s| s["current"] == true).count(), 1);
    let other = list.iter().find(|s| s["current"] == false).unwrap()["id"].as_str().unwrap().to_owned();
    assert_eq!(app.delete_auth(&format!("/api/v1/auth/sessions/{other}"), &a.access, None).await.status(), 204);
    assert_problem(app.get_auth("/api/v1/me", &b.access).await, 401, "session_ended").await;
    // Another person's session id is simply not found.
    let admin = app.login(ADMIN.0, ADMIN.1).await;
    let res = app.delete_auth(&format!("/api/v1/auth/sessions/{other}"), &admin.access, None).await;
    assert_problem(res, 404, "not_found").await;

    let c = app.login(WORKER.0, WORKER.1).await;
    assert_eq!(app.delete_auth("/api/v1/auth/sessions", &a.access, None).await.status(), 204);
    assert_eq!(app.get_auth("/api/v1/me", &c.access).await.status(), 401);
    assert_eq!(app.get_auth("/api/v1/me", &a.access).await.status(), 200);

    let res = app.client.post(app.url("/api/v1/auth/logout")).bearer_auth(&a.access).send().await.unwrap();
    assert_eq!(res.status(), 204);
    assert_eq!(app.get_auth("/api/v1/me", &a.access).await.status(), 401);
    assert_problem(app.post_json("/api/v1/auth/refresh", &json!({ "refresh_token": a.refresh })).await, 401, "invalid_refresh_token").await;
}

fn totp_now(secret: &str) -> String {
    let secret = totp_rs::Secret::try_from_base32(secret).unwrap();
    totp_rs::Builder::new().with_secret(secret).build().unwrap().generate_current().to_string()
}

#[tokio::test]
async fn an_authenticator_app_replaces_sms_after_enrolment_and_can_be_removed() {
    let app = spawn_app().await;
    let t = app.login(WORKER.0, WORKER.1).await;
    let res = app.post_auth("/api/v1/auth/totp", &t.access, &json!({})).await;
    assert_eq!(res.status(), 200);
    let enrol: Value = res.json().await.unwrap();
    assert!(enrol["otpauth_uri"].as_str().unwrap().starts_with("otpauth://totp/Sitecard"));
    assert!(enrol["qr_svg"].as_str().unwrap().starts_with("<svg"));
    let secret = enrol["secret"].as_str().unwrap();
    assert_problem(app.post_auth("/api/v1/auth/totp/confirm", &t.access, &json!({"code": "000000"})).await, 401, "invalid_code").await;
    assert_eq!(app.post_auth("/api/v1/auth/totp/confirm", &t.access, &json!({"code": totp_now(secret)})).await.status(), 204);

    let sms_before = app.outbox(WORKER.1).await.len();
    let ch: Value = app.start_login(WORKER.0, DEMO_PASSWORD).await.json().await.unwrap();
    assert_eq!(ch["method"], "totp");
    assert_eq!(app.outbox(WORKER.1).await.len(), sms_before, "no SMS is sent when an app is enrolled");
    assert_problem(app.post_json("/api/v1/auth/login/resend", &json!({"challenge_id": ch["challenge_id"]})).await, 409, "not_applicable")
        .await;
    // The code that confirmed the app cannot be replayed (RFC 6238 section 5.2)...
    let replay = app.post_json("/api/v1/auth/login/verify", &json!({"challenge_id": ch["challenge_id"], "code": totp_now(secret)})).await;
    assert_problem(replay, 401, "invalid_code").await;
    // ...but the code of the next 30-second window works (simulated: the used step is forgotten).
    app.exec_sql("UPDATE accounts SET totp_last_step = NULL").await;
    let res = app.post_json("/api/v1/auth/login/verify", &json!({"challenge_id": ch["challenge_id"], "code": totp_now(secret)})).await;
    assert_eq!(res.status(), 200);
    app.exec_sql("UPDATE accounts SET totp_last_step = NULL").await;
    let t2: Value = res.json().await.unwrap();
    let access = t2["access_token"].as_str().unwrap();
    let me: Value = app.get_auth("/api/v1/me", access).await.json().await.unwrap();
    assert_eq!(me["totp_enabled"], true);

    assert_problem(app.delete_auth("/api/v1/auth/totp", access, Some(&json!({"code": "000000"}))).await, 401, "invalid_code").await;
    assert_eq!(app.delete_auth("/api/v1/auth/totp", access, Some(&json!({"code": totp_now(secret)}))).await.status(), 204);
    let ch: Value = app.start_login(WORKER.0, DEMO_PASSWORD).await.json().await.unwrap();
    assert_eq!(ch["method"], "sms");
}

#[tokio::test]
async fn a_forgotten_password_is_reset_by_emailed_link_and_sms_code() {
    let app = spawn_app().await;
    let old = app.login(WORKER.0, WORKER.1).await;
    assert_eq!(app.post_json("/api/v1/auth/password-reset", &json!({"email": "nobody@example.com"})).await.status(), 202);
    assert!(app.outbox("nobody@example.com").await.is_empty());
    assert_eq!(app.post_json("/api/v1/auth/password-reset", &json!({"email": WORKER.0})).await.status(), 202);
    let link = app.last_link(WORKER.0).await;
    assert!(link.starts_with("http://sitecard.test/reset-password?token="), "{link}");
    let token = link.split("token=").nth(1).unwrap();

    let weak = assert_problem(
        app.post_json("/api/v1/auth/password-reset/confirm", &json!({"token": token, "new_password": "12345678"})).await,
        400,
        "weak_password",
    )
    .await;
    assert_eq!(weak["errors"][0]["field"], "new_password");
    assert_problem(
        app.post_json("/api/v1/auth/password-reset/confirm", &json!({"token": "bogus", "new_password": NEW_PASSWORD})).await,
        410,
        "reset_token_invalid",
    )
    .await;
    let res = app.post_json("/api/v1/auth/password-reset/confirm", &json!({"token": token, "new_password": NEW_PASSWORD})).await;
    assert_eq!(res.status(), 200);
    let ch: Value = res.json().await.unwrap();
    let code = app.last_code(WORKER.1).await;
    let res = app.post_json("/api/v1/auth/password-reset/verify", &json!({"challenge_id": ch["challenge_id"], "code": code})).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["password_changed"], true);

    assert_eq!(app.get_auth("/api/v1/me", &old.access).await.status(), 401, "every session ended");
    assert_eq!(app.start_login(WORKER.0, DEMO_PASSWORD).await.status(), 401);
    app.login_with(WORKER.0, NEW_PASSWORD, WORKER.1).await;
    // The link is spent.
    assert_problem(
        app.post_json("/api/v1/auth/password-reset/confirm", &json!({"token": token, "new_password": NEW_PASSWORD})).await,
        410,
        "reset_token_invalid",
    )
    .await;
}

#[tokio::test]
async fn a_new_phone_takes_effect_only_after_its_code() {
    let app = spawn_app().await;
    let t = app.login(WORKER.0, WORKER.1).await;
    assert_problem(app.post_auth("/api/v1/me/phone", &t.access, &json!({"phone": "12"})).await, 422, "validation_failed").await;
    let res = app.post_auth("/api/v1/me/phone", &t.access, &json!({"phone": "+46 70 999 88 77"})).await;
    assert_eq!(res.status(), 202);
    let ch: Value = res.json().await.unwrap();
    let me: Value = app.get_auth("/api/v1/me", &t.access).await.json().await.unwrap();
    assert_eq!(me["contact"]["phone"], WORKER.1, "unchanged until the code is typed");
    let code = app.last_code("+46709998877").await;
    let res = app.post_auth("/api/v1/me/phone/verify", &t.access, &json!({"challenge_id": ch["challenge_id"], "code": code})).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["phone"], "+46709998877");
    // Someone else cannot finish a phone change with the same challenge.
    let admin = app.login(ADMIN.0, ADMIN.1).await;
    assert_eq!(
        app.post_auth("/api/v1/me/phone/verify", &admin.access, &json!({"challenge_id": ch["challenge_id"], "code": code})).await.status(),
        410
    );
}

#[tokio::test]
async fn contact_details_and_language_are_validated_and_saved() {
    let app = spawn_app().await;
    let t = app.login(WORKER.0, WORKER.1).await;
    let res = app.patch_auth("/api/v1/me/contact", &t.access, &json!({"country": "Sweden", "postal_code": "!!"})).await;
    let body = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(body["errors"].as_array().unwrap().len(), 2);
    let res = app
        .patch_auth(
            "/api/v1/me/contact",
            &t.access,
            &json!({"address_line1": "Storgatan 1", "postal_code": "111 22", "city": "Stockholm", "country": "se"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let c: Value = res.json().await.unwrap();
    assert_eq!(c["country"], "SE");
    assert_eq!(c["city"], "Stockholm");
    assert_problem(app.patch_auth("/api/v1/me", &t.access, &json!({"language": "xx"})).await, 422, "validation_failed").await;
    let me: Value = app.patch_auth("/api/v1/me", &t.access, &json!({"language": "pl"})).await.json().await.unwrap();
    assert_eq!(me["language"], "pl");
    // Messages now follow the account's language.
    app.start_login(WORKER.0, DEMO_PASSWORD).await;
    let sms = &app.outbox(WORKER.1).await[0];
    assert!(sms["body"].as_str().unwrap().contains("kod logowania"), "{sms}");
}

#[tokio::test]
async fn a_verifier_resets_a_lost_phone_in_person() {
    let app = spawn_app().await;
    let record = app.register_worker("lost.phone@example.com", "+46701234000", NEW_PASSWORD).await;
    let worker = app.login_with("lost.phone@example.com", NEW_PASSWORD, "+46701234000").await;
    let verifier = app.login(VERIFIER.0, VERIFIER.1).await;
    let url = format!("/api/v1/identity-verifications/{}/reset-second-factor", record["id"].as_str().unwrap());
    assert_problem(
        app.post_auth(&url, &verifier.access, &json!({"new_phone": "+46701234111", "document_number": "WRONG123"})).await,
        422,
        "document_mismatch",
    )
    .await;
    let res =
        app.post_auth(&url, &verifier.access, &json!({"new_phone": "+46701234111", "document_number": record["document_number"]})).await;
    assert_eq!(res.status(), 200);
    assert_eq!(app.get_auth("/api/v1/me", &worker.access).await.status(), 401, "old sessions end");
    app.login_with("lost.phone@example.com", NEW_PASSWORD, "+46701234111").await;
}

#[tokio::test]
async fn repeated_wrong_passwords_lock_the_address_with_retry_after_for_known_and_unknown_emails_alike() {
    let app = spawn_app().await;
    for email in [WORKER.0, "ghost@example.com"] {
        for _ in 0..10 {
            assert_eq!(app.start_login(email, "not-the-password").await.status(), 401);
        }
        let res = app.start_login(email, DEMO_PASSWORD).await;
        assert!(res.headers().get("retry-after").is_some());
        assert_problem(res, 429, "too_many_attempts").await;
    }
}

#[tokio::test]
async fn one_client_guessing_across_many_addresses_is_stopped_by_its_ip_even_for_a_fresh_address() {
    let app = spawn_app().await;
    // 30 attempts from this client, 3 per address: no address reaches its own limit of 10.
    for i in 0..30 {
        let res = app.start_login(&format!("guess{}@example.com", i / 3), "not-the-password").await;
        assert_eq!(res.status(), 401, "attempt {i}");
    }
    // Now even the right password for an address never tried from here is refused, with a time to wait.
    let res = app.start_login(WORKER.0, DEMO_PASSWORD).await;
    let retry: u64 = res.headers().get("retry-after").and_then(|v| v.to_str().ok()).and_then(|v| v.parse().ok()).expect("Retry-After");
    assert!((1..=15 * 60).contains(&retry), "{retry}");
    assert_problem(res, 429, "too_many_attempts").await;
}

#[tokio::test]
async fn malformed_input_gets_problems_not_500s() {
    let app = spawn_app().await;
    let url = app.url("/api/v1/auth/login");
    let c = &app.client;
    assert_problem(
        c.post(&url).header("content-type", "application/json").body("{\"email\":").send().await.unwrap(),
        400,
        "malformed_json",
    )
    .await;
    assert_problem(c.post(&url).header("content-type", "application/json").body("[1,2]").send().await.unwrap(), 400, "invalid_body").await;
    assert_problem(c.post(&url).header("content-type", "text/plain").body("hi").send().await.unwrap(), 415, "unsupported_media_type").await;
    let huge = format!("{{\"email\":\"{}\",\"password\":\"x\"}}", "a".repeat(100_000));
    assert_problem(c.post(&url).header("content-type", "application/json").body(huge).send().await.unwrap(), 413, "payload_too_large")
        .await;
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let res = c.post(&url).header("content-type", "application/json").body(deep).send().await.unwrap();
    assert_eq!(res.status(), 400);
    assert_problem(app.get("/api/v1/identity-verifications/not-a-uuid").await, 401, "unauthenticated").await;
    let v = app.login(VERIFIER.0, VERIFIER.1).await;
    assert_problem(app.get_auth("/api/v1/identity-verifications/not-a-uuid", &v.access).await, 400, "invalid_path").await;
}

#[tokio::test]
async fn the_dev_outbox_does_not_exist_outside_dev_mode() {
    let app = spawn_app_with(SpawnOptions { dev: false, env: vec![] }).await;
    assert_problem(app.get("/api/v1/dev/outbox").await, 404, "not_found").await;
}

#[tokio::test]
async fn no_secret_reaches_the_logs() {
    let app = spawn_app().await;
    app.register_worker("logs@example.com", "+46705556677", NEW_PASSWORD).await;
    let t = app.login_with("logs@example.com", NEW_PASSWORD, "+46705556677").await;
    app.start_login("logs@example.com", "a-wrong-password-xyz").await;
    let codes: Vec<String> = app.outbox("+46705556677").await.iter().filter_map(|m| m["code"].as_str().map(str::to_owned)).collect();
    let link = app.last_link("logs@example.com").await;
    let token = link.split("token=").nth(1).unwrap().to_owned();
    app.get(&format!("/register?token={token}")).await;
    let logs = app.logs();
    assert!(logs.contains("request finished"), "logs were captured");
    let mut secrets =
        vec![NEW_PASSWORD.to_owned(), "a-wrong-password-xyz".into(), t.access.clone(), t.refresh.clone(), token, "+46705556677".into()];
    secrets.extend(codes.into_iter().map(|c| format!("\"{c}\"")));
    for s in secrets {
        assert!(!logs.contains(&s), "a secret reached the logs: {s}");
    }
    let db = app.db().await;
    use sea_orm::{ConnectionTrait, Statement};
    let rows =
        db.query_all_raw(Statement::from_string(db.get_database_backend(), "SELECT document_number_enc FROM persons")).await.unwrap();
    for r in rows {
        let enc: String = r.try_get("", "document_number_enc").unwrap();
        let plain = sitecard_app::crypto::DataCipher::new(crate::helpers::DEV_KEY).decrypt(&enc).unwrap();
        assert!(!logs.contains(&plain), "a document number reached the logs");
        assert_ne!(enc, plain, "document numbers are encrypted at rest");
    }
}

#[tokio::test]
async fn signing_keys_rotate_without_cutting_off_live_tokens() {
    use base64::Engine;
    let kid_of = |t: &str| -> String {
        let h: Value =
            serde_json::from_slice(&base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(t.split('.').next().unwrap()).unwrap())
                .unwrap();
        h["kid"].as_str().unwrap().to_owned()
    };
    let mut app = spawn_app().await;
    let old = app.login(WORKER.0, WORKER.1).await;
    let out = crate::authorization::cli(&app, &["admin", "rotate-signing-key"]);
    assert!(out.contains("new signing key"), "{out}");
    // Instances reload keys every minute; a restarted one has them at once.
    app.restart();
    let jwks: Value = app.get("/.well-known/jwks.json").await.json().await.unwrap();
    assert_eq!(jwks["keys"].as_array().unwrap().len(), 2, "old and new key are both published");
    assert_eq!(app.get_auth("/api/v1/me", &old.access).await.status(), 200, "tokens signed by the previous key still verify");
    let new = app.login(WORKER.0, WORKER.1).await;
    assert_ne!(kid_of(&new.access), kid_of(&old.access), "new tokens are signed with the new key");
    // Two more rotations retire the first key: its tokens stop working.
    crate::authorization::cli(&app, &["admin", "rotate-signing-key"]);
    crate::authorization::cli(&app, &["admin", "rotate-signing-key"]);
    app.restart();
    assert_eq!(app.get_auth("/api/v1/me", &old.access).await.status(), 401);
}

#[tokio::test]
async fn an_invited_verifier_sets_a_password_and_records_identities() {
    let app = spawn_app().await;
    let out = crate::authorization::cli(&app, &["admin", "create-verifier", "--email", "clerk@office.example", "--language", "sv"]);
    assert!(out.contains("invitation link (dev mode): http://sitecard.test/register?token="), "{out}");
    let mail = &app.outbox("clerk@office.example").await[0];
    assert_eq!(mail["subject"], "Du är inbjuden till Sitecard");
    let clerk = crate::authorization::accept_invitation(&app, "clerk@office.example", "+46704440000").await;
    let me: Value = app.get_auth("/api/v1/me", &clerk.access).await.json().await.unwrap();
    assert_eq!(me["roles"], json!(["verifier"]));
    app.verify_identity(&clerk, "someone@example.com", "Eva", "Lind", "1985-01-01", "SWE", "SE1112223").await;
    let out = crate::authorization::cli(&app, &["admin", "create-operator", "--email", "ops@sitecard.example"]);
    assert!(out.contains("invited ops@sitecard.example as operator"), "{out}");
}

#[tokio::test]
async fn a_registration_link_is_checked_before_anything_is_typed() {
    let app = spawn_app().await;
    let verifier = app.login(VERIFIER.0, VERIFIER.1).await;
    app.verify_identity(&verifier, "check.link@example.com", "Ola", "Nordmann", "1990-01-01", "NOR", "N12345678").await;
    let link = app.last_link("check.link@example.com").await;
    let token = link.split("token=").nth(1).unwrap().to_owned();
    let res = app.get(&format!("/api/v1/accounts/registration-tokens/{token}")).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap(), json!({"email": "check.link@example.com"}));
    assert_problem(app.get("/api/v1/accounts/registration-tokens/not-a-real-token").await, 410, "registration_token_invalid").await;
    // Once used, the link answers 410 too.
    let res =
        app.post_json("/api/v1/accounts", &json!({"registration_token": token, "password": NEW_PASSWORD, "phone": "+46701234999"})).await;
    let ch: Value = res.json().await.unwrap();
    let code = app.last_code("+46701234999").await;
    let res = app.post_json("/api/v1/accounts/verify-phone", &json!({"challenge_id": ch["challenge_id"], "code": code})).await;
    assert_eq!(res.status(), 200);
    assert_problem(app.get(&format!("/api/v1/accounts/registration-tokens/{token}")).await, 410, "registration_token_invalid").await;
}

#[tokio::test]
async fn a_signed_in_worker_changes_the_password_and_the_other_sessions_end() {
    let app = spawn_app().await;
    let here = app.login(WORKER.0, WORKER.1).await;
    let elsewhere = app.login(WORKER.0, WORKER.1).await;
    let change = |current: &str, new: &str| {
        let body = json!({"current_password": current, "new_password": new});
        app.client.post(app.url("/api/v1/me/password")).bearer_auth(&here.access).json(&body).send()
    };
    assert_problem(change("not-my-password", NEW_PASSWORD).await.unwrap(), 401, "invalid_credentials").await;
    assert_problem(change(DEMO_PASSWORD, "password").await.unwrap(), 400, "weak_password").await;
    assert_eq!(change(DEMO_PASSWORD, NEW_PASSWORD).await.unwrap().status(), 204);
    assert_eq!(app.get_auth("/api/v1/me", &here.access).await.status(), 200, "this session stays");
    assert_eq!(app.get_auth("/api/v1/me", &elsewhere.access).await.status(), 401, "the others end");
    assert!(app.outbox(WORKER.0).await.iter().any(|m| m["subject"] == "Your Sitecard password was changed"));
    assert_problem(app.start_login(WORKER.0, DEMO_PASSWORD).await, 401, "invalid_credentials").await;
    app.login_with(WORKER.0, NEW_PASSWORD, WORKER.1).await;
}

/// The worker's sign-in by password and SMS code; answers the verify step's body (tokens, `offer_totp`).
async fn signed_in_by_sms(app: &crate::helpers::TestApp) -> Value {
    let ch: Value = app.start_login(WORKER.0, DEMO_PASSWORD).await.json().await.unwrap();
    let code = app.last_code(WORKER.1).await;
    app.post_json("/api/v1/auth/login/verify", &json!({ "challenge_id": ch["challenge_id"], "code": code })).await.json().await.unwrap()
}

#[tokio::test]
async fn a_declined_authenticator_offer_is_not_made_again() {
    let app = spawn_app().await;
    let offer = |body: &Value| body["offer_totp"].as_bool();
    let t = signed_in_by_sms(&app).await;
    assert_eq!(offer(&t), Some(true), "{t}");
    let access = t["access_token"].as_str().unwrap().to_owned();
    let me: Value = app.get_auth("/api/v1/me", &access).await.json().await.unwrap();
    assert_eq!(me["totp_offer_declined"], false);

    assert_problem(app.post_json("/api/v1/me/authenticator-offer/decline", &json!({})).await, 401, "unauthenticated").await;
    for _ in 0..2 {
        assert_eq!(app.post_auth("/api/v1/me/authenticator-offer/decline", &access, &json!({})).await.status(), 204);
    }
    let me: Value = app.get_auth("/api/v1/me", &access).await.json().await.unwrap();
    assert_eq!(me["totp_offer_declined"], true);

    let t = signed_in_by_sms(&app).await;
    assert_eq!(offer(&t), Some(false), "not offered again after no, thanks: {t}");
}
