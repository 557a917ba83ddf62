//! The card photo: upload, checks, storage, the partner's review, and who may see it.

use serde_json::{Value, json};

use crate::authorization::{accept_invitation, cli};
use crate::helpers::{ADMIN, VERIFIER, WORKER, assert_problem, spawn_app};
use crate::orders::{company_id, order_body, partner_token, portrait_png, upload_photo};

fn portrait(w: u32, h: u32, format: image::ImageFormat) -> Vec<u8> {
    sitecard_app::photo::generated_portrait(w, h, format)
}

/// A real decompression bomb: a 20000×20000 PNG of zeros, a few kilobytes compressed.
fn png_bomb() -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, 20_000, 20_000);
        enc.set_color(png::ColorType::Grayscale);
        enc.set_depth(png::BitDepth::One);
        enc.set_compression(png::Compression::Fast);
        let mut w = enc.write_header().unwrap();
        let mut stream = w.stream_writer().unwrap();
        let row = vec![0u8; 2500];
        for _ in 0..20_000 {
            std::io::Write::write_all(&mut stream, &row).unwrap();
        }
        stream.finish().unwrap();
    }
    out
}

#[tokio::test]
async fn a_portrait_is_uploaded_replaced_reviewed_and_shown_to_the_worker() {
    let app = spawn_app().await;
    let admin = app.login(ADMIN.0, ADMIN.1).await;
    let cid = company_id(&app, &admin).await;
    let created: Value = app
        .post_auth(
            &format!("/api/v1/companies/{cid}/card-orders"),
            &admin.access,
            &order_body(WORKER.0, "Jan Piotr", "Kowalski", "1990-04-12"),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(created["status"], "awaiting_photo");
    assert!(created["photo_url"].is_null());
    let oid = created["id"].as_str().unwrap().to_owned();

    let res = upload_photo(&app, &admin, &cid, &oid, portrait_png(), "image/png").await;
    assert_eq!(res.status(), 200);
    let first: Value = res.json().await.unwrap();
    assert_eq!(first["status"], "awaiting_photo_review");
    assert_eq!(first["photo_url"], format!("/api/v1/card-orders/{oid}/photo"));
    let res = upload_photo(&app, &admin, &cid, &oid, portrait(700, 1000, image::ImageFormat::Jpeg), "image/jpeg").await;
    assert_eq!(res.status(), 200, "a new photo replaces the old one while under review");

    let p = partner_token(&app).await;
    let queue: Value = app.get_auth("/api/v1/partner/photo-reviews", &p).await.json().await.unwrap();
    assert!(queue["items"].as_array().unwrap().iter().any(|o| o["id"] == oid.as_str() && o["photo_url"].is_string()));
    assert_problem(
        app.post_auth(&format!("/api/v1/partner/photo-reviews/{oid}"), &p, &json!({"decision": "rejected"})).await,
        422,
        "validation_failed",
    )
    .await;
    let rejected: Value = app
        .post_auth(&format!("/api/v1/partner/photo-reviews/{oid}"), &p, &json!({"decision": "rejected", "reason": "face not visible"}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(rejected["status"], "photo_rejected");
    assert!(
        app.outbox(ADMIN.0)
            .await
            .iter()
            .any(|m| m["subject"] == "A card photo was rejected" && m["body"].as_str().unwrap().contains("face not visible"))
    );
    assert_problem(
        app.post_auth(&format!("/api/v1/partner/photo-reviews/{oid}"), &p, &json!({"decision": "approved"})).await,
        409,
        "invalid_state",
    )
    .await;

    assert_eq!(upload_photo(&app, &admin, &cid, &oid, portrait_png(), "image/png").await.status(), 200);
    let approved: Value =
        app.post_auth(&format!("/api/v1/partner/photo-reviews/{oid}"), &p, &json!({"decision": "approved"})).await.json().await.unwrap();
    assert_eq!(approved["status"], "awaiting_cardholder");
    assert!(app.outbox(WORKER.0).await.iter().any(|m| m["subject"] == "Check and accept your card order"));

    let worker = app.login(WORKER.0, WORKER.1).await;
    let mine: Value = app.get_auth(&format!("/api/v1/me/card-orders/{oid}"), &worker.access).await.json().await.unwrap();
    let url = mine["photo_url"].as_str().unwrap();
    let res = app.get_auth(url, &worker.access).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "image/jpeg");
    assert!(res.headers()["cache-control"].to_str().unwrap().contains("private"));
    let bytes = res.bytes().await.unwrap();
    let img = image::load_from_memory(&bytes).unwrap();
    assert!(img.height() > img.width() && img.width() >= 600);
    // The production queue carries the photo for printing once the order is confirmed.
    crate::orders::complete_contact(&app, &worker).await;
    assert_eq!(
        app.post_auth(&format!("/api/v1/me/card-orders/{oid}/accept"), &worker.access, &json!({"version": mine["version"]})).await.status(),
        200
    );
    let queue: Value = app.get_auth("/api/v1/partner/production-orders", &p).await.json().await.unwrap();
    assert!(queue["items"].as_array().unwrap().iter().any(|o| o["id"] == oid.as_str() && o["photo_url"] == url));
    assert_problem(upload_photo(&app, &admin, &cid, &oid, portrait_png(), "image/png").await, 409, "invalid_state").await;
}

#[tokio::test]
async fn bad_files_are_refused_with_clear_codes_and_nothing_is_stored() {
    let app = spawn_app().await;
    let admin = app.login(ADMIN.0, ADMIN.1).await;
    let cid = company_id(&app, &admin).await;
    let created: Value = app
        .post_auth(&format!("/api/v1/companies/{cid}/card-orders"), &admin.access, &order_body("x@example.com", "A", "B", "1990-01-01"))
        .await
        .json()
        .await
        .unwrap();
    let oid = created["id"].as_str().unwrap().to_owned();
    let stored_before = app.stored_objects().len();
    let mut truncated = portrait(600, 800, image::ImageFormat::Jpeg);
    truncated.truncate(300);
    let mut big = portrait(600, 800, image::ImageFormat::Png);
    big.resize(5 * 1024 * 1024 + 10, 0);
    let cases: Vec<(&str, Vec<u8>, &str, u16, &str)> = vec![
        ("text named png", b"not an image at all".to_vec(), "image/png", 415, "unsupported_image"),
        ("gif", b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x00\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;".to_vec(), "image/jpeg", 415, "unsupported_image"),
        ("wrong content type", portrait_png(), "text/plain", 415, "unsupported_image"),
        ("too small", portrait(300, 400, image::ImageFormat::Png), "image/png", 422, "photo_too_small"),
        ("landscape", portrait(1000, 800, image::ImageFormat::Jpeg), "image/jpeg", 422, "photo_not_portrait"),
        ("corrupt", truncated, "image/jpeg", 422, "photo_unreadable"),
        ("over 5 MB", big, "image/png", 413, "photo_too_large"),
        ("decompression bomb", png_bomb(), "image/png", 413, "photo_too_large"),
    ];
    for (name, bytes, ct, status, code) in cases {
        let res = upload_photo(&app, &admin, &cid, &oid, bytes, ct).await;
        assert_eq!(res.status().as_u16(), status, "{name}");
        assert_problem(res, status, code).await;
    }
    assert_eq!(app.stored_objects().len(), stored_before, "nothing was stored");
    let detail: Value = app.get_auth(&format!("/api/v1/companies/{cid}/card-orders/{oid}"), &admin.access).await.json().await.unwrap();
    assert_eq!(detail["status"], "awaiting_photo");
    assert_eq!(app.get("/healthz").await.status(), 200);
    let status = std::fs::read_to_string(format!("/proc/{}/status", app.pid())).unwrap();
    let hwm_kb: u64 = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap().split_whitespace().nth(1).unwrap().parse().unwrap();
    assert!(hwm_kb < 300 * 1024, "peak memory {hwm_kb} kB: the bomb was not decoded");
}

#[tokio::test]
async fn a_polyglot_file_is_stored_re_encoded_without_its_payload() {
    let app = spawn_app().await;
    let admin = app.login(ADMIN.0, ADMIN.1).await;
    let cid = company_id(&app, &admin).await;
    let created: Value = app
        .post_auth(&format!("/api/v1/companies/{cid}/card-orders"), &admin.access, &order_body("y@example.com", "A", "B", "1990-01-01"))
        .await
        .json()
        .await
        .unwrap();
    let oid = created["id"].as_str().unwrap();
    let mut polyglot = portrait(600, 800, image::ImageFormat::Jpeg);
    polyglot.extend_from_slice(b"PK\x03\x04\x14\x00\x00\x00evil.sh#!/bin/sh\nrm -rf /\n<script>alert(1)</script>");
    assert_eq!(upload_photo(&app, &admin, &cid, oid, polyglot, "image/jpeg").await.status(), 200);
    let res = app.get_auth(&format!("/api/v1/card-orders/{oid}/photo"), &admin.access).await;
    let bytes = res.bytes().await.unwrap();
    assert!(!bytes.windows(4).any(|w| w == b"PK\x03\x04"));
    assert!(!bytes.windows(8).any(|w| w == b"<script>"));
    for f in app.stored_objects() {
        let stored = std::fs::read(f).unwrap();
        assert!(!stored.windows(4).any(|w| w == b"PK\x03\x04"), "stored re-encoded");
    }
}

#[tokio::test]
async fn only_the_people_involved_may_see_a_photo() {
    let app = spawn_app().await;
    cli(
        &app,
        &["admin", "create-company", "--name", "Other Bygg AB", "--org-number", "556000-0019", "--admin-email", "other.admin@example.com"],
    );
    let other_admin = accept_invitation(&app, "other.admin@example.com", "+46702220000").await;
    app.register_worker("other.worker@example.com", "+46703330000", "bricks and mortar 42").await;
    let other_worker = app.login_with("other.worker@example.com", "bricks and mortar 42", "+46703330000").await;
    let worker = app.login(WORKER.0, WORKER.1).await;
    let admin = app.login(ADMIN.0, ADMIN.1).await;
    let verifier = app.login(VERIFIER.0, VERIFIER.1).await;
    let partner = partner_token(&app).await;
    let orders: Vec<Value> = app.get_auth("/api/v1/me/card-orders", &worker.access).await.json().await.unwrap();
    let url = orders[0]["photo_url"].as_str().expect("the seeded order has a portrait").to_owned();
    for (who, token, status) in [
        ("worker", Some(&worker.access), 200),
        ("admin", Some(&admin.access), 200),
        ("verifier", Some(&verifier.access), 200),
        ("partner", Some(&partner), 200),
        ("other company's admin", Some(&other_admin.access), 404),
        ("other worker", Some(&other_worker.access), 404),
        ("anonymous", None, 401),
    ] {
        let mut req = app.client.get(app.url(&url));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let res = req.send().await.unwrap();
        assert_eq!(res.status().as_u16(), status, "{who}");
        if status != 200 {
            assert_eq!(res.headers()["content-type"], "application/problem+json", "{who}");
        }
    }
}

/// Runs when `SITECARD_TEST_S3_ENDPOINT` points at an S3-compatible server with a bucket
/// `sitecard-photos` (`make test` starts moto for it: scripts/s3-photo-test.sh).
#[tokio::test]
async fn photos_can_live_in_an_s3_compatible_bucket() {
    let Ok(endpoint) = std::env::var("SITECARD_TEST_S3_ENDPOINT") else {
        eprintln!("SITECARD_TEST_S3_ENDPOINT not set: the S3 variant runs from `make test` (scripts/s3-photo-test.sh)");
        return;
    };
    let prefix = format!("run-{}", uuid::Uuid::new_v4().simple());
    let env = vec![
        ("SITECARD_OBJECT_STORE".to_owned(), format!("s3://sitecard-photos/{prefix}")),
        ("AWS_ENDPOINT".into(), endpoint.clone()),
        ("AWS_ALLOW_HTTP".into(), "true".into()),
        ("AWS_ACCESS_KEY_ID".into(), "test".into()),
        ("AWS_SECRET_ACCESS_KEY".into(), "test".into()),
        ("AWS_REGION".into(), "us-east-1".into()),
    ];
    let app = crate::helpers::spawn_app_with(crate::helpers::SpawnOptions { dev: true, env }).await;
    let admin = app.login(ADMIN.0, ADMIN.1).await;
    let cid = company_id(&app, &admin).await;
    let created: Value = app
        .post_auth(&format!("/api/v1/companies/{cid}/card-orders"), &admin.access, &order_body("s3@example.com", "A", "B", "1990-01-01"))
        .await
        .json()
        .await
        .unwrap();
    let oid = created["id"].as_str().unwrap();
    assert_eq!(upload_photo(&app, &admin, &cid, oid, portrait_png(), "image/png").await.status(), 200);
    let res = app.get_auth(&format!("/api/v1/card-orders/{oid}/photo"), &admin.access).await;
    assert_eq!(res.status(), 200);
    assert_eq!(image::guess_format(&res.bytes().await.unwrap()).unwrap(), image::ImageFormat::Jpeg);
    assert!(app.stored_objects().is_empty(), "nothing on local disk");
    let listing = reqwest::get(format!("{endpoint}/sitecard-photos?list-type=2&prefix={prefix}/")).await.unwrap().text().await.unwrap();
    // Content-addressed: the seeded portrait and this upload are the same image, stored once.
    assert_eq!(listing.matches("<Key>").count(), 1, "{listing}");
    assert!(listing.contains(&format!("<Key>{prefix}/photos/")), "{listing}");
}
