//! The right to work: a permit is required beside a non-EU/EEA/Swiss passport, caps the card's validity and
//! moves it when renewed; the active card's digital credential verifies against the JWKS. Time moves through
//! the development clock, never by sleeping.

use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::{Value, json};

use crate::helpers::{ADMIN, TestApp, Tokens, VERIFIER, WORKER, assert_problem, spawn_app};
use crate::orders::{company_id, create_ready_order, order_body, partner_event, partner_token};

const OLENA: (&str, &str) = ("olena.shevchenko@example.com", "+46700000321");
const PASSWORD: &str = "a long passphrase for Olena";

fn passport(email: &str, nationality: &str, permit: Option<Value>) -> Value {
    let mut body = json!({
        "document_type": "passport", "document_number": "FE1234567", "issuing_country": nationality,
        "document_expiry": "2033-01-31", "given_names": "Olena", "surname": "Shevchenko",
        "date_of_birth": "1992-05-17", "nationality": nationality, "email": email
    });
    if let Some(p) = permit {
        body["right_to_work"] = p;
    }
    body
}

fn permit(valid_until: chrono::NaiveDate) -> Value {
    json!({"document_type": "residence_permit", "document_number": "UT 123-4567", "issuing_country": "SE", "valid_until": valid_until.to_string()})
}

async fn reminders(app: &TestApp) -> usize {
    app.outbox(OLENA.0).await.iter().filter(|m| m["subject"].as_str().is_some_and(|s| s.starts_with("Your card expires on"))).count()
}

async fn card_of(app: &TestApp, worker: &Tokens) -> Value {
    let cards: Vec<Value> = app.get_auth("/api/v1/me/cards", &worker.access).await.json().await.unwrap();
    assert_eq!(cards.len(), 1, "{cards:?}");
    cards.into_iter().next().unwrap()
}

/// Registers Olena from her emailed link and proves her phone.
async fn register(app: &TestApp) -> Tokens {
    let link = app.last_link(OLENA.0).await;
    let token = link.split("token=").nth(1).unwrap();
    let res = app.post_json("/api/v1/accounts", &json!({"registration_token": token, "password": PASSWORD, "phone": OLENA.1})).await;
    assert_eq!(res.status(), 201);
    let ch: Value = res.json().await.unwrap();
    let code = app.last_code(OLENA.1).await;
    let res = app.post_json("/api/v1/accounts/verify-phone", &json!({"challenge_id": ch["challenge_id"], "code": code})).await;
    assert_eq!(res.status(), 200);
    app.login_with(OLENA.0, PASSWORD, OLENA.1).await
}

/// Checks the credential as a gate would: signature by the JWKS key named in the header, type, expiry.
async fn verify_credential(app: &TestApp, credential: &str) -> Value {
    let header = jsonwebtoken::decode_header(credential).unwrap();
    assert_eq!(header.alg, Algorithm::EdDSA);
    assert_eq!(header.typ.as_deref(), Some("sitecard-card+jwt"));
    let jwks: Value = app.get("/.well-known/jwks.json").await.json().await.unwrap();
    let kid = header.kid.unwrap();
    let key = jwks["keys"].as_array().unwrap().iter().find(|k| k["kid"] == kid.as_str()).expect("the kid is published");
    let key = DecodingKey::from_ed_components(key["x"].as_str().unwrap()).unwrap();
    let mut validation = Validation::new(Algorithm::EdDSA);
    validation.set_required_spec_claims(&["exp", "sub"]);
    validation.validate_aud = false;
    jsonwebtoken::decode::<Value>(credential, &key, &validation).expect("the credential verifies").claims
}

#[tokio::test]
async fn a_permit_is_required_caps_the_card_and_moves_it_when_renewed() {
    let app = spawn_app().await;
    let verifier = app.login(VERIFIER.0, VERIFIER.1).await;
    let admin = app.login(ADMIN.0, ADMIN.1).await;
    let cid = company_id(&app, &admin).await;
    let order = create_ready_order(&app, &admin, &cid, &order_body(OLENA.0, "Olena", "Shevchenko", "1992-05-17")).await;
    let oid = order["id"].as_str().unwrap();
    let start = app.advance_clock(0).await;

    // A Ukrainian passport alone is refused; with another mistake the permit is one of the field errors.
    let p = assert_problem(
        app.post_auth("/api/v1/identity-verifications", &verifier.access, &passport(OLENA.0, "UKR", None)).await,
        422,
        "right_to_work_required",
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "right_to_work");
    let mut two_wrong = passport(OLENA.0, "UKR", None);
    two_wrong["document_expiry"] = json!("2020-01-01");
    let p =
        assert_problem(app.post_auth("/api/v1/identity-verifications", &verifier.access, &two_wrong).await, 422, "validation_failed").await;
    let codes: Vec<&str> = p["errors"].as_array().unwrap().iter().map(|e| e["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["document_expired", "right_to_work_required"], "{p}");
    // An ended or malformed permit is refused field by field; an EU citizen needs none.
    let p = assert_problem(
        app.post_auth(
            "/api/v1/identity-verifications",
            &verifier.access,
            &passport(OLENA.0, "UKR", Some(permit(start.pred_opt().unwrap()))),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(
        (p["errors"][0]["field"].as_str(), p["errors"][0]["code"].as_str()),
        (Some("right_to_work.valid_until"), Some("permit_expired"))
    );
    let bad = json!({"document_number": "x", "issuing_country": "Narnia", "valid_until": "2031-02-31"});
    let p = assert_problem(
        app.post_auth("/api/v1/identity-verifications", &verifier.access, &passport(OLENA.0, "UKR", Some(bad))).await,
        422,
        "validation_failed",
    )
    .await;
    let fields: Vec<&str> = p["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["right_to_work.document_number", "right_to_work.issuing_country", "right_to_work.valid_until"]);
    let p = assert_problem(
        app.post_auth(
            "/api/v1/identity-verifications",
            &verifier.access,
            &passport(OLENA.0, "POL", Some(permit(start + chrono::Days::new(400)))),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["code"], "not_needed");
    let registration = |m: &Value| m["link"].as_str().is_some_and(|l| l.contains("/register?"));
    assert!(!app.outbox(OLENA.0).await.iter().any(registration), "nothing was recorded");

    // With the permit: recorded and shown on the record.
    let permit_end = start + chrono::Days::new(400);
    let res = app.post_auth("/api/v1/identity-verifications", &verifier.access, &passport(OLENA.0, "UKR", Some(permit(permit_end)))).await;
    assert_eq!(res.status(), 201);
    let recorded: Value = res.json().await.unwrap();
    let rid = recorded["id"].as_str().unwrap();
    let shown: Value = app.get_auth(&format!("/api/v1/identity-verifications/{rid}"), &verifier.access).await.json().await.unwrap();
    assert_eq!(shown["right_to_work_required"], true);
    assert_eq!(shown["right_to_work"]["valid_until"], permit_end.to_string());
    assert_eq!(shown["right_to_work"]["document_number_last3"], "567");
    assert_eq!(shown["right_to_work"]["issuing_country"], "SWE");
    assert!(!shown.to_string().contains("1234567"), "the permit number is never shown whole");

    // Olena registers, accepts, and the card produced is valid until the permit's end, not five years.
    let olena = register(&app).await;
    let res = app
        .patch_auth(
            "/api/v1/me/contact",
            &olena.access,
            &json!({"address_line1": "Storgatan 1", "postal_code": "111 22", "city": "Stockholm", "country": "SE"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let mine: Value = app.get_auth(&format!("/api/v1/me/card-orders/{oid}"), &olena.access).await.json().await.unwrap();
    let res = app.post_auth(&format!("/api/v1/me/card-orders/{oid}/accept"), &olena.access, &json!({"version": mine["version"]})).await;
    assert_eq!(res.status(), 200, "{:?}", res.text().await);
    let partner = partner_token(&app).await;
    let now = chrono::Utc::now().to_rfc3339();
    for (i, ev) in
        [json!({"type": "accepted", "occurred_at": now}), json!({"type": "produced", "card_number": "UA1234567890", "occurred_at": now})]
            .into_iter()
            .enumerate()
    {
        assert_eq!(partner_event(&app, &partner, oid, ev, &format!("rtw-{i}")).await.status(), 200);
    }
    let card = card_of(&app, &olena).await;
    assert_eq!(card["valid_until"], permit_end.to_string(), "the permit ends before five years");
    let card_id = card["id"].as_str().unwrap();
    let credential_url = format!("/api/v1/me/cards/{card_id}/credential");
    assert_problem(app.get_auth(&credential_url, &olena.access).await, 409, "invalid_state").await;
    let res = app.post_auth(&format!("/api/v1/me/cards/{card_id}/activate"), &olena.access, &json!({"card_number": "UA1234567890"})).await;
    assert_eq!(res.status(), 200);

    // The digital card: verifies with the JWKS, names the card and its holder, lives a day at most.
    let res = app.get_auth(&credential_url, &olena.access).await;
    assert_eq!(res.status(), 200);
    let issued: Value = res.json().await.unwrap();
    let credential = issued["credential"].as_str().unwrap();
    let claims = verify_credential(&app, credential).await;
    assert_eq!(claims["sub"], "UA1234567890");
    assert_eq!(claims["name"], "Olena Shevchenko");
    assert_eq!(claims["company"], "Demo Bygg AB");
    assert_eq!(claims["valid_until"], permit_end.to_string());
    let lifetime = claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap();
    assert!((1..=86_400).contains(&lifetime), "{lifetime}");
    assert_eq!(app.get_auth("/api/v1/me", credential).await.status(), 401, "a card is not an access token");
    let worker = app.login(WORKER.0, WORKER.1).await;
    assert_problem(app.get_auth(&credential_url, &worker.access).await, 404, "not_found").await;
    assert_problem(app.get(&credential_url).await, 401, "unauthenticated").await;

    // 20 days before the permit ends: the 30-day reminder goes out.
    let day = app.advance_clock((permit_end - start).num_days() - 20).await;
    for _ in 0..100 {
        if reminders(&app).await == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(reminders(&app).await, 1);

    // A renewed permit moves the card (and the gate feed hears of it); the reminders start over.
    let partner = partner_token(&app).await;
    let before: Value = app.get_auth("/api/v1/card-status-changes?cursor=0&limit=100", &partner).await.json().await.unwrap();
    let renewed_end = day + chrono::Days::new(700);
    let url = format!("/api/v1/identity-verifications/{rid}/right-to-work");
    assert_problem(app.post_auth(&url, &olena.access, &permit(renewed_end)).await, 403, "forbidden").await;
    let res = app.post_auth(&url, &verifier.access, &permit(renewed_end)).await;
    assert_eq!(res.status(), 200);
    let shown: Value = res.json().await.unwrap();
    assert_eq!(shown["right_to_work"]["valid_until"], renewed_end.to_string());
    assert_eq!(card_of(&app, &olena).await["valid_until"], renewed_end.to_string());
    let cursor = before["next_cursor"].as_str().unwrap();
    app.advance_clock(1).await; // past the feed's settle time
    let after: Value = app.get_auth(&format!("/api/v1/card-status-changes?cursor={cursor}"), &partner).await.json().await.unwrap();
    let items = after["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{after}");
    assert_eq!((items[0]["status"].as_str(), items[0]["valid_until"].as_str()), (Some("active"), Some(renewed_end.to_string().as_str())));

    // A permit beyond five years moves the card only to five years after production.
    let far = day + chrono::Days::new(365 * 8);
    assert_eq!(app.post_auth(&url, &verifier.access, &permit(far)).await.status(), 200);
    let capped = card_of(&app, &olena).await["valid_until"].as_str().unwrap().to_owned();
    let capped = chrono::NaiveDate::parse_from_str(&capped, "%Y-%m-%d").unwrap();
    use chrono::Datelike;
    assert_eq!(capped, start.with_year(start.year() + 5).unwrap(), "five years after production at most");

    // Past the first permit's end the card is still valid, and no second 30-day reminder came for the old date.
    app.advance_clock(30).await;
    let check: Value = app.get("/api/v1/card-check/UA1234567890").await.json().await.unwrap();
    assert_eq!(check["status"], "valid", "{check}");
    assert_eq!(reminders(&app).await, 1);
    // An EU citizen's record takes no permit.
    let seeded: Vec<Value> =
        app.get_auth(&format!("/api/v1/identity-verifications?email={}", WORKER.0), &verifier.access).await.json().await.unwrap();
    assert_eq!(seeded[0]["right_to_work_required"], false);
    assert_eq!(seeded[0]["right_to_work"], Value::Null);
    let p = assert_problem(
        app.post_auth(
            &format!("/api/v1/identity-verifications/{}/right-to-work", seeded[0]["id"].as_str().unwrap()),
            &verifier.access,
            &permit(far),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["code"], "not_needed");
}
