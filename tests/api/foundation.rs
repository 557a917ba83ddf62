use serde_json::Value;

use crate::helpers::{assert_problem, spawn_app};

#[tokio::test]
async fn health_ready_and_metrics_answer() {
    let app = spawn_app().await;
    let res = app.get("/healthz").await;
    assert_eq!(res.status(), 200);
    assert!(res.headers().get("x-request-id").is_some());
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "ok");

    let ready: Value = app.get("/readyz").await.json().await.unwrap();
    assert_eq!(ready["status"], "ok");
    assert_eq!(ready["database"], if crate::helpers::using_postgres() { "postgres" } else { "sqlite" });

    let metrics = app.get("/metrics").await.text().await.unwrap();
    assert!(metrics.contains(r#"sitecard_http_requests_total{method="GET",route="/healthz",status="200"} 1"#), "{metrics}");
    assert!(metrics.contains("sitecard_http_request_duration_seconds_bucket"));
}

#[tokio::test]
async fn unknown_routes_and_wrong_methods_are_problems() {
    let app = spawn_app().await;
    assert_problem(app.get("/api/v1/no-such-thing").await, 404, "not_found").await;
    let res = app.client.post(app.url("/healthz")).send().await.unwrap();
    assert_eq!(res.headers()["allow"], "GET", "405 names the resource's own methods");
    assert_problem(res, 405, "method_not_allowed").await;
    // A resource with several methods lists them all, and only them.
    let res = app.client.put(app.url("/api/v1/auth/totp")).send().await.unwrap();
    let allow = res.headers()["allow"].to_str().unwrap().to_owned();
    assert!(allow.contains("POST") && allow.contains("DELETE") && !allow.contains("PUT"), "{allow}");
    assert_problem(res, 405, "method_not_allowed").await;
    let res = app.client.request(reqwest::Method::OPTIONS, app.url("/api/v1/me")).send().await.unwrap();
    assert!(!res.headers()["allow"].to_str().unwrap().contains("OPTIONS"));
    assert_problem(res, 405, "method_not_allowed").await;
    assert_problem(app.client.delete(app.url("/api/v1/openapi.json")).send().await.unwrap(), 404, "not_found").await;
    assert_problem(app.get("/assets/missing.js").await, 404, "not_found").await;
}

#[tokio::test]
async fn request_ids_are_echoed_when_sane() {
    let app = spawn_app().await;
    let res = app.client.get(app.url("/healthz")).header("x-request-id", "abc-123").send().await.unwrap();
    assert_eq!(res.headers()["x-request-id"], "abc-123");
    let res = app.client.get(app.url("/healthz")).header("x-request-id", "bad id with spaces").send().await.unwrap();
    assert_ne!(res.headers()["x-request-id"], "bad id with spaces");
}

#[tokio::test]
async fn the_spa_is_served_with_client_side_routes_falling_back_to_index() {
    let app = spawn_app().await;
    for path in ["/", "/orders/123", "/register?token=abc"] {
        let res = app.get(path).await;
        assert_eq!(res.status(), 200, "{path}");
        assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
        assert!(res.text().await.unwrap().contains("Sitecard test SPA"));
    }
    let res = app.get("/assets/app.js").await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["cache-control"].to_str().unwrap().contains("immutable"));
    // Path traversal never leaves the static directory.
    let res = app.get("/assets/../../etc/passwd").await;
    assert!(!res.text().await.unwrap().contains("root:"));
}

#[tokio::test]
async fn security_headers_are_set() {
    let app = spawn_app().await;
    let res = app.get("/").await;
    for h in ["content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy"] {
        assert!(res.headers().get(h).is_some(), "missing {h}");
    }
}

#[tokio::test]
async fn openapi_document_and_docs_ui_are_served_offline() {
    let app = spawn_app().await;
    let doc: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    assert!(doc["paths"]["/healthz"].is_object());
    let checked_in: Value =
        serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../openapi/openapi.json")).unwrap())
            .unwrap();
    assert!(doc == checked_in, "the served document differs from openapi/openapi.json: run `make openapi`");
    let res = app.get("/docs/").await;
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().to_lowercase().contains("swagger"));
    assert_eq!(app.get("/docs").await.status(), 308);
}

#[tokio::test]
async fn cors_allows_configured_origins_only() {
    let app = crate::helpers::spawn_app_with(crate::helpers::SpawnOptions {
        dev: true,
        env: vec![("SITECARD_CORS_ORIGINS".into(), "https://app.example".into())],
    })
    .await;
    let ok = app.client.get(app.url("/healthz")).header("origin", "https://app.example").send().await.unwrap();
    assert_eq!(ok.headers()["access-control-allow-origin"], "https://app.example");
    let bad = app.client.get(app.url("/healthz")).header("origin", "https://evil.example").send().await.unwrap();
    assert!(bad.headers().get("access-control-allow-origin").is_none());
}
