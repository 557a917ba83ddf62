//! `spawn_app()`: the real `sitecard` binary on port 0 with a fresh database, driven over HTTP.
#![allow(dead_code)] // shared helpers; each test module uses a subset
//!
//! `SITECARD_TEST_DB=postgres` runs against a fresh PostgreSQL database per test (server from
//! `SITECARD_TEST_PG_URL`, default `postgres://postgres@127.0.0.1:5432`); otherwise a fresh SQLite file.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use serde_json::Value;

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub database_url: String,
    logs: Arc<Mutex<Vec<String>>>,
    child: Child,
    _dir: tempfile::TempDir,
}

pub struct SpawnOptions {
    pub dev: bool,
    pub env: Vec<(String, String)>,
}

impl Default for SpawnOptions {
    fn default() -> Self {
        Self { dev: true, env: vec![] }
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(SpawnOptions::default()).await
}

pub fn using_postgres() -> bool {
    std::env::var("SITECARD_TEST_DB").map(|v| v == "postgres").unwrap_or(false)
}

async fn fresh_database(dir: &std::path::Path) -> String {
    if !using_postgres() {
        return format!("sqlite://{}/sitecard.db", dir.display());
    }
    let server = std::env::var("SITECARD_TEST_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".into());
    let name = format!("sitecard_t_{}", uuid::Uuid::new_v4().simple());
    let admin = sea_orm::Database::connect(format!("{server}/postgres")).await.expect("connect to PostgreSQL for tests");
    use sea_orm::ConnectionTrait;
    admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.expect("create test database");
    let _ = admin.close().await;
    format!("{server}/{name}")
}

pub async fn spawn_app_with(opts: SpawnOptions) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let static_dir = dir.path().join("static");
    std::fs::create_dir_all(static_dir.join("assets")).expect("static dir");
    std::fs::write(static_dir.join("index.html"), "<!doctype html><title>Sitecard test SPA</title><div id=root></div>").expect("index");
    std::fs::write(static_dir.join("assets/app.js"), "console.log('spa')").expect("asset");
    let database_url = fresh_database(dir.path()).await;

    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sitecard"));
    cmd.arg("serve")
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", &database_url)
        .env("SITECARD_PORT", "0")
        .env("SITECARD_HOST", "127.0.0.1")
        .env("SITECARD_WORKERS", "2")
        .env("SITECARD_DB_POOL_SIZE", "5")
        .env("SITECARD_STATIC_DIR", &static_dir)
        .env("SITECARD_PUBLIC_URL", "http://sitecard.test")
        .env("SITECARD_DEV", if opts.dev { "1" } else { "0" })
        .env("SITECARD_LOG", "debug,sqlx=warn,sea_orm=warn,actix_server=warn,hyper=warn,h2=warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in &opts.env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("spawn sitecard");
    let logs = Arc::new(Mutex::new(Vec::new()));
    let (tx, rx) = mpsc::channel::<String>();
    for stream in [
        child.stdout.take().map(|s| Box::new(s) as Box<dyn std::io::Read + Send>),
        child.stderr.take().map(|s| Box::new(s) as Box<dyn std::io::Read + Send>),
    ]
    .into_iter()
    .flatten()
    {
        let logs = logs.clone();
        let tx = tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                if std::env::var("TEST_LOG").is_ok() {
                    eprintln!("{line}");
                }
                if line.starts_with("sitecard listening on ") {
                    let _ = tx.send(line.clone());
                }
                logs.lock().expect("logs").push(line);
            }
        });
    }
    let line = match rx.recv_timeout(Duration::from_secs(60)) {
        Ok(l) => l,
        Err(_) => {
            let _ = child.kill();
            panic!("sitecard did not start; output:\n{}", logs.lock().expect("logs").join("\n"));
        }
    };
    let address = line.trim_start_matches("sitecard listening on ").trim().to_owned();
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).cookie_store(true).build().expect("client");
    TestApp { address, client, database_url, logs, child, _dir: dir }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub fn logs(&self) -> String {
        self.logs.lock().expect("logs").join("\n")
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("request")
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> reqwest::Response {
        self.client.post(self.url(path)).json(body).send().await.expect("request")
    }
}

/// Asserts an RFC 9457 problem with the given status and code, and returns its body.
pub async fn assert_problem(res: reqwest::Response, status: u16, code: &str) -> Value {
    assert_eq!(res.status().as_u16(), status, "status");
    let ct = res.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert!(ct.starts_with("application/problem+json"), "content-type was {ct}");
    let body: Value = res.json().await.expect("problem body");
    assert_eq!(body["code"], code, "problem: {body}");
    assert_eq!(body["status"], status);
    assert!(body["title"].is_string() && body["type"].is_string());
    body
}
