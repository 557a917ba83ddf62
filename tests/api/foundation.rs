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

    // /metrics: operators only on the main address.
    assert_problem(app.get("/metrics").await, 401, "unauthenticated").await;
    let worker = app.login(crate::helpers::WORKER.0, crate::helpers::WORKER.1).await;
    assert_problem(app.get_auth("/metrics", &worker.access).await, 403, "forbidden").await;
    app.exec_sql("UPDATE accounts SET roles = roles || ',operator' WHERE email = 'admin@demo.test'").await;
    let operator = app.login(crate::helpers::ADMIN.0, crate::helpers::ADMIN.1).await;
    let metrics = app.get_auth("/metrics", &operator.access).await.text().await.unwrap();
    assert!(metrics.contains(r#"sitecard_http_requests_total{method="GET",route="/healthz",status="200"} 1"#), "{metrics}");
    assert!(metrics.contains("sitecard_http_request_duration_seconds_bucket"));
}

#[tokio::test]
async fn metrics_are_served_without_sign_in_only_on_the_private_metrics_address() {
    use crate::helpers::{SpawnOptions, spawn_app_with};
    let app =
        spawn_app_with(SpawnOptions { env: vec![("SITECARD_METRICS_LISTEN".into(), "127.0.0.1:0".into())], ..Default::default() }).await;
    let url =
        app.logs().lines().find_map(|l| l.strip_prefix("sitecard metrics on ").map(str::to_owned)).expect("the metrics address is printed");
    assert_eq!(app.get("/healthz").await.status(), 200);
    let text = app.client.get(&url).send().await.unwrap().text().await.unwrap();
    assert!(text.contains(r#"route="/healthz""#), "{text}");
    // The private listener serves nothing else.
    assert_eq!(app.client.get(url.replace("/metrics", "/healthz")).send().await.unwrap().status(), 404);
    assert_problem(app.get("/metrics").await, 401, "unauthenticated").await;
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

#[tokio::test]
async fn the_healthcheck_command_exits_0_only_when_the_server_is_ready() {
    let app = spawn_app().await;
    let healthcheck = |url: String| {
        std::process::Command::new(env!("CARGO_BIN_EXE_sitecard")).args(["healthcheck", "--url", &url]).env_clear().output().expect("run")
    };
    let ready = healthcheck(app.url("/readyz"));
    assert!(ready.status.success(), "{}", String::from_utf8_lossy(&ready.stderr));
    let not_found = healthcheck(app.url("/api/v1/no-such-thing"));
    assert_eq!(not_found.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&not_found.stderr).contains("answered 404"));
    // Nothing listening: a closed port on this machine.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let down = healthcheck(format!("http://127.0.0.1:{port}/readyz"));
    assert_eq!(down.status.code(), Some(1));
    // The default asks this machine's SITECARD_PORT.
    let app_port = app.address.rsplit(':').next().unwrap();
    let by_port = std::process::Command::new(env!("CARGO_BIN_EXE_sitecard"))
        .arg("healthcheck")
        .env_clear()
        .env("SITECARD_PORT", app_port)
        .output()
        .unwrap();
    assert!(by_port.status.success(), "{}", String::from_utf8_lossy(&by_port.stderr));
}

#[tokio::test]
async fn hashed_assets_are_sent_precompressed_by_accept_encoding_and_cached_for_good() {
    let app = spawn_app().await;
    let assets = app.static_dir().join("assets");
    // What the SPA build writes beside each asset; the server sends the bytes as they are.
    std::fs::write(assets.join("app.js.br"), b"brotli bytes").unwrap();
    std::fs::write(assets.join("app.js.gz"), b"gzip bytes").unwrap();
    let get = |accept: &'static str| app.client.get(app.url("/assets/app.js")).header("accept-encoding", accept).send();
    for (accept, encoding, body) in [
        ("gzip, deflate, br", Some("br"), "brotli bytes"),
        ("gzip", Some("gzip"), "gzip bytes"),
        ("br;q=0, gzip", Some("gzip"), "gzip bytes"),
        ("identity", None, "console.log('spa')"),
    ] {
        let res = get(accept).await.unwrap();
        assert_eq!(res.status(), 200, "{accept}");
        assert_eq!(res.headers().get("content-encoding").map(|v| v.to_str().unwrap()), encoding, "{accept}");
        assert!(res.headers()["content-type"].to_str().unwrap().contains("javascript"), "{accept}");
        assert!(res.headers()["vary"].to_str().unwrap().to_lowercase().contains("accept-encoding"), "{accept}");
        assert_eq!(res.headers()["cache-control"], "public, max-age=31536000, immutable");
        assert_eq!(res.text().await.unwrap(), body, "{accept}");
    }
}
