//! The audit log (issue 27, finding 9): appends take no lock, a background sealer writes signed checkpoints,
//! and the CLI and the operator endpoint find changed, removed and cut-off events.

use sea_orm::{ConnectionTrait, Statement};
use serde_json::Value;
use sitecard_domain::audit_chain::CheckpointBody;

use crate::helpers::{ADMIN, TestApp, WORKER, spawn_app};

async fn operator(app: &TestApp) -> String {
    app.exec_sql("UPDATE accounts SET roles = roles || ',operator' WHERE email = 'admin@demo.test'").await;
    app.login(ADMIN.0, ADMIN.1).await.access
}

async fn chain(app: &TestApp, token: &str, published: Option<&str>) -> Value {
    let path = match published {
        Some(p) => format!("/api/v1/audit-chain?published={p}"),
        None => "/api/v1/audit-chain".to_owned(),
    };
    let res = app.get_auth(&path, token).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

/// Waits until the sealer has sealed everything written so far; answers the report.
async fn sealed(app: &TestApp, token: &str) -> Value {
    for _ in 0..100 {
        let report = chain(app, token, None).await;
        // The verification request itself writes no event, so this settles.
        if report["unsealed_events"] == 0 && report["checkpoints"].as_u64() > Some(0) {
            return report;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the sealer did not seal the audit log: {}", chain(app, token, None).await);
}

fn cli(app: &TestApp, published: Option<&str>) -> (bool, String) {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_sitecard"));
    cmd.args(["admin", "verify-audit-chain"]).env("DATABASE_URL", &app.database_url).env("SITECARD_DEV", "1");
    if let Some(p) = published {
        cmd.args(["--published", p]);
    }
    let out = cmd.output().unwrap();
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

fn problem(report: &Value) -> &str {
    assert_eq!(report["ok"], false, "{report}");
    report["problem"]["code"].as_str().unwrap_or_default()
}

async fn scalar(app: &TestApp, sql: &str) -> i64 {
    let db = app.db().await;
    let row = db.query_one_raw(Statement::from_string(db.get_database_backend(), sql)).await.unwrap().unwrap();
    row.try_get_by_index::<i64>(0).unwrap()
}

#[tokio::test]
async fn the_sealed_audit_log_verifies_and_every_kind_of_tampering_is_found() {
    let app = spawn_app().await;
    let op = operator(&app).await;
    app.start_login(WORKER.0, "wrong-password").await;
    let first = sealed(&app, &op).await;
    assert_eq!(first["ok"], true, "{first}");
    let published_1 = first["last_checkpoint"]["published_form"].as_str().unwrap().to_owned();
    let (ok, out) = cli(&app, Some(&published_1));
    assert!(ok && out.contains("audit chain OK") && out.contains(&published_1), "{out}");

    // More events, a second checkpoint: the first published one still verifies.
    app.login(WORKER.0, WORKER.1).await;
    let second = sealed(&app, &op).await;
    let published_2 = second["last_checkpoint"]["published_form"].as_str().unwrap().to_owned();
    assert_ne!(published_1, published_2);
    assert_eq!(chain(&app, &op, Some(&published_1)).await["ok"], true);
    assert!(second["sealed_events"].as_u64() > first["sealed_events"].as_u64());

    // 1. A sealed event changed: its checkpoint's Merkle root no longer rebuilds.
    let seq = scalar(&app, "SELECT MIN(seq) FROM audit_events WHERE kind = 'login_failed'").await;
    app.exec_sql(&format!("UPDATE audit_events SET kind = 'login_succeeded' WHERE seq = {seq}")).await;
    assert_eq!(problem(&chain(&app, &op, None).await), "events_altered");
    let (ok, out) = cli(&app, None);
    assert!(!ok && out.contains("BROKEN"), "{out}");
    app.exec_sql(&format!("UPDATE audit_events SET kind = 'login_failed' WHERE seq = {seq}")).await;
    assert_eq!(chain(&app, &op, None).await["ok"], true, "restored");

    // 2. A checkpoint rewritten with a correct hash but no signing key: the signature fails.
    let db = app.db().await;
    let backend = db.get_database_backend();
    let row = db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT prev_hash, merkle_root, events, total_events, sealed_at, hash FROM audit_checkpoints WHERE number = 1",
        ))
        .await
        .unwrap()
        .unwrap();
    let original_hash: String = row.try_get("", "hash").unwrap();
    let sealed_at: chrono::DateTime<chrono::Utc> = row.try_get("", "sealed_at").unwrap();
    let forged = CheckpointBody {
        number: 1,
        prev_hash: [0; 32],
        merkle_root: [9; 32],
        events: row.try_get("", "events").unwrap(),
        total_events: row.try_get("", "total_events").unwrap(),
        sealed_at,
    };
    let original_root: String = row.try_get("", "merkle_root").unwrap();
    app.exec_sql(&format!(
        "UPDATE audit_checkpoints SET merkle_root = '{}', hash = '{}' WHERE number = 1",
        hex::encode(forged.merkle_root),
        hex::encode(forged.hash())
    ))
    .await;
    assert_eq!(problem(&chain(&app, &op, None).await), "signature_invalid");
    app.exec_sql(&format!("UPDATE audit_checkpoints SET merkle_root = '{original_root}', hash = '{original_hash}' WHERE number = 1")).await;
    assert_eq!(chain(&app, &op, None).await["ok"], true, "restored");

    // 3. The newest checkpoint removed, its events kept: they name a checkpoint that is gone.
    let last = second["last_checkpoint"]["number"].as_i64().unwrap();
    app.exec_sql(&format!("DELETE FROM audit_checkpoints WHERE number = {last}")).await;
    assert_eq!(problem(&chain(&app, &op, None).await), "events_orphaned");

    // 4. ... and its events too: consistent on its own, found only against the published checkpoint.
    app.exec_sql(&format!("DELETE FROM audit_events WHERE checkpoint = {last}")).await;
    assert_eq!(chain(&app, &op, None).await["ok"], true, "a cut-off log looks whole without an outside anchor");
    assert_eq!(problem(&chain(&app, &op, Some(&published_2)).await), "published_checkpoint_missing");
    let (ok, out) = cli(&app, Some(&published_2));
    assert!(!ok && out.contains("PublishedCheckpointMissing"), "{out}");

    // 5. A sealed event deleted from an earlier batch.
    let seq = scalar(&app, "SELECT MAX(seq) FROM audit_events WHERE checkpoint = 1").await;
    app.exec_sql(&format!("DELETE FROM audit_events WHERE seq = {seq}")).await;
    let report = chain(&app, &op, Some(&published_1)).await;
    assert_eq!(problem(&report), "events_altered");
    assert_eq!(report["problem"]["checkpoint"], 1);
}

#[tokio::test]
async fn only_operators_verify_and_a_malformed_published_checkpoint_is_refused() {
    let app = spawn_app().await;
    let worker = app.login(WORKER.0, WORKER.1).await;
    crate::helpers::assert_problem(app.get("/api/v1/audit-chain").await, 401, "unauthenticated").await;
    crate::helpers::assert_problem(app.get_auth("/api/v1/audit-chain", &worker.access).await, 403, "forbidden").await;
    let op = operator(&app).await;
    for bad in ["12", "x:abc", "0:00", "3:zz"] {
        let res = app.get_auth(&format!("/api/v1/audit-chain?published={bad}"), &op).await;
        crate::helpers::assert_problem(res, 422, "validation_failed").await;
    }
}

#[tokio::test]
async fn parallel_appends_get_distinct_numbers_and_are_all_sealed() {
    let app = spawn_app().await;
    let op = operator(&app).await;
    // 24 failed sign-ins at once, each appending an event in its own transaction, with no lock between them.
    let handles: Vec<_> = (0..24)
        .map(|i| {
            let (c, url) = (app.client.clone(), app.url("/api/v1/auth/login"));
            tokio::spawn(async move {
                c.post(url)
                    .header("X-Forwarded-For", format!("10.9.0.{i}"))
                    .json(&serde_json::json!({"email": format!("nobody{i}@example.com"), "password": "wrong-password-123"}))
                    .send()
                    .await
                    .unwrap()
                    .status()
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.await.unwrap(), 401);
    }
    let report = sealed(&app, &op).await;
    assert_eq!(report["ok"], true, "{report}");
    let events = scalar(&app, "SELECT COUNT(*) FROM audit_events").await;
    assert_eq!(scalar(&app, "SELECT COUNT(DISTINCT seq) FROM audit_events").await, events);
    assert_eq!(report["sealed_events"].as_i64(), Some(events));
    assert!(scalar(&app, "SELECT COUNT(*) FROM audit_events WHERE kind = 'login_failed'").await >= 24);
}
