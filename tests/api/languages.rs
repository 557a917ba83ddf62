//! Nine languages, and the chosen one sticks (issue 31): the account's language picks the text of every email
//! and SMS; a language chosen in the app and sent with sign-in is saved before the code goes out.

use serde_json::{Value, json};

use crate::helpers::{DEMO_PASSWORD, TestApp, WORKER, assert_problem, spawn_app};

async fn last_sms_body(app: &TestApp, phone: &str) -> String {
    let msgs = app.outbox(phone).await;
    msgs.iter().find(|m| m["code"].is_string()).and_then(|m| m["body"].as_str()).unwrap_or_default().to_owned()
}

async fn language_of(app: &TestApp, token: &str) -> String {
    let me: Value = app.get_auth("/api/v1/me", token).await.json().await.unwrap();
    me["language"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn each_of_the_nine_languages_is_accepted_and_picks_the_sign_in_sms() {
    let app = spawn_app().await;
    let t = app.login(WORKER.0, WORKER.1).await;
    for lang in ["en", "sv", "pl", "lt", "lv", "et", "ro", "uk", "de"] {
        let res = app.patch_auth("/api/v1/me", &t.access, &json!({ "language": lang })).await;
        assert_eq!(res.status(), 200, "{lang}");
        assert_eq!(language_of(&app, &t.access).await, lang);
    }
    // Five SMS an hour per account: the sign-in above and one for each of these.
    let mut texts = vec![];
    for lang in ["lt", "uk"] {
        app.patch_auth("/api/v1/me", &t.access, &json!({ "language": lang })).await;
        assert_eq!(app.start_login(WORKER.0, DEMO_PASSWORD).await.status(), 200);
        texts.push(last_sms_body(&app, WORKER.1).await);
    }
    assert!(texts[0].contains("Sitecard") && texts[0] != texts[1], "{texts:?}");
    assert!(texts[1].chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)), "the Ukrainian SMS is Cyrillic: {}", texts[1]);
    let res = app.patch_auth("/api/v1/me", &t.access, &json!({ "language": "fr" })).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["code"], "unsupported_language");
}

#[tokio::test]
async fn a_language_chosen_in_the_app_is_saved_at_sign_in_before_the_code_is_sent() {
    let app = spawn_app().await;
    let res = app.post_json("/api/v1/auth/login", &json!({ "email": WORKER.0, "password": DEMO_PASSWORD, "language": "sv" })).await;
    assert_eq!(res.status(), 200);
    let sms = last_sms_body(&app, WORKER.1).await;
    assert!(sms.contains("inloggningskod"), "the code goes out in the chosen language: {sms}");
    let t = app.login(WORKER.0, WORKER.1).await;
    assert_eq!(language_of(&app, &t.access).await, "sv", "and the account keeps it");

    // Without a choice the account's language stays; an unknown code is ignored, never a failed sign-in.
    for body in
        [json!({ "email": WORKER.0, "password": DEMO_PASSWORD }), json!({ "email": WORKER.0, "password": DEMO_PASSWORD, "language": "xx" })]
    {
        assert_eq!(app.post_json("/api/v1/auth/login", &body).await.status(), 200);
        assert!(last_sms_body(&app, WORKER.1).await.contains("inloggningskod"));
    }
    // A wrong password changes nothing, so nobody can set another person's language.
    let res = app.post_json("/api/v1/auth/login", &json!({ "email": WORKER.0, "password": "wrong-password-1", "language": "de" })).await;
    assert_eq!(res.status(), 401);
    let t = app.login(WORKER.0, WORKER.1).await;
    assert_eq!(language_of(&app, &t.access).await, "sv");
}

#[tokio::test]
async fn problems_speak_the_language_the_request_asks_for_and_keep_their_code() {
    let app = spawn_app().await;
    let wrong = json!({ "email": WORKER.0, "password": "wrong-password-1" });
    let ask = |lang: &'static str| {
        let (client, url, wrong) = (app.client.clone(), app.url("/api/v1/auth/login"), wrong.clone());
        async move { client.post(url).header("Accept-Language", lang).json(&wrong).send().await.unwrap() }
    };
    let de = ask("de-DE,de;q=0.9,en;q=0.8").await;
    assert_eq!(de.status(), 401);
    assert_eq!(de.headers()["content-language"], "de");
    assert!(de.headers().contains_key("www-authenticate"), "the headers of the answer are kept");
    let body: Value = de.json().await.unwrap();
    assert_eq!(body["code"], "invalid_credentials");
    assert!(body["detail"].as_str().unwrap_or_default().contains("Passwort"), "{body}");

    let uk: Value = ask("uk").await.json().await.unwrap();
    assert!(uk["detail"].as_str().unwrap_or_default().chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)), "{uk}");

    // English, or a language we do not write, keeps the developer's answer.
    for lang in ["en-GB", "fr"] {
        let res = ask(lang).await;
        assert!(!res.headers().contains_key("content-language"));
        let body: Value = res.json().await.unwrap();
        assert_eq!((body["code"].as_str(), body["detail"].as_str()), (Some("invalid_credentials"), None), "{lang}");
    }

    // Field errors keep their codes; the summary is in Polish.
    let t = app.login(WORKER.0, WORKER.1).await;
    let res = app
        .client
        .patch(app.url("/api/v1/me"))
        .bearer_auth(&t.access)
        .header("Accept-Language", "pl")
        .json(&json!({ "language": "xx" }))
        .send()
        .await
        .unwrap();
    let body = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["code"], "unsupported_language");
    assert!(body["detail"].as_str().is_some_and(|d| d.contains("popraw")), "{body}");
}
