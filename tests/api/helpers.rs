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
    opts: SpawnOptions,
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

    let mut seed = Command::new(env!("CARGO_BIN_EXE_sitecard"));
    let objects = dir.path().join("objects");
    seed.arg("seed-demo")
        .env_clear()
        .env("DATABASE_URL", &database_url)
        .env("SITECARD_DEV", "1")
        .env("SITECARD_LOG", "warn")
        .env("SITECARD_OBJECT_STORE", &objects);
    for (k, v) in &opts.env {
        seed.env(k, v);
    }
    let out = seed.output().expect("run seed-demo");
    assert!(out.status.success(), "seed-demo failed: {}", String::from_utf8_lossy(&out.stderr));

    let logs = Arc::new(Mutex::new(Vec::new()));
    let (child, address) = start_server(&database_url, &static_dir, &objects, &opts, &logs);
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).cookie_store(true).build().expect("client");
    TestApp { address, client, database_url, logs, child, opts, _dir: dir }
}

/// Starts `sitecard serve` on port 0 and waits for its "listening" line; output goes to `logs`.
fn start_server(
    database_url: &str,
    static_dir: &std::path::Path,
    objects: &std::path::Path,
    opts: &SpawnOptions,
    logs: &Arc<Mutex<Vec<String>>>,
) -> (Child, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sitecard"));
    cmd.arg("serve")
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", database_url)
        .env("SITECARD_PORT", "0")
        .env("SITECARD_HOST", "127.0.0.1")
        .env("SITECARD_WORKERS", "2")
        .env("SITECARD_EXPIRY_INTERVAL_MS", "200")
        .env("SITECARD_DB_POOL_SIZE", "5")
        .env("SITECARD_STATIC_DIR", static_dir)
        .env("SITECARD_PUBLIC_URL", "http://sitecard.test")
        .env("SITECARD_DEV", if opts.dev { "1" } else { "0" })
        .env("SITECARD_DATA_KEY", hex_dev_key())
        .env("SITECARD_OBJECT_STORE", objects)
        .env("SITECARD_DISPATCH_INTERVAL_MS", "100")
        .env("SITECARD_AUDIT_SEAL_INTERVAL_MS", "200")
        .env("SITECARD_LOG", "debug,sqlx=warn,sea_orm=warn,actix_server=warn,hyper=warn,h2=warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in &opts.env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("spawn sitecard");
    let (tx, rx) = mpsc::channel::<String>();
    let logs = logs.clone();
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
            panic!("sitecard did not start; output:\n{}", logs.lock().expect("logs").join("\n"))
        }
    };
    (child, line.trim_start_matches("sitecard listening on ").trim().to_owned())
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

    /// Stops the server (SIGKILL) and starts a new one on the same database and object store.
    pub fn restart(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let (child, address) =
            start_server(&self.database_url, &self._dir.path().join("static"), &self._dir.path().join("objects"), &self.opts, &self.logs);
        self.child = child;
        self.address = address;
    }

    /// Where the server finds the (stand-in) SPA build.
    pub fn static_dir(&self) -> std::path::PathBuf {
        self._dir.path().join("static")
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Files the server stored in its object store (card photos).
    pub fn stored_objects(&self) -> Vec<std::path::PathBuf> {
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() { walk(&p, out) } else { out.push(p) }
            }
        }
        let mut out = vec![];
        walk(&self._dir.path().join("objects"), &mut out);
        out
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

/// The development data key, so tests can read what the server encrypted (signing keys, documents).
pub const DEV_KEY: [u8; 32] = *b"sitecard-dev-key-not-for-real-da";

pub fn hex_dev_key() -> String {
    DEV_KEY.iter().map(|b| format!("{b:02x}")).collect()
}

pub const DEMO_PASSWORD: &str = "demo-password-1";
pub const VERIFIER: (&str, &str) = ("verifier@demo.test", "+46700000002");
pub const OPERATOR: (&str, &str) = ("operator@demo.test", "+46700000004");
pub const ADMIN: (&str, &str) = ("admin@demo.test", "+46700000001");
pub const WORKER: (&str, &str) = ("worker@demo.test", "+46700000003");

#[derive(Clone, Debug)]
pub struct Tokens {
    pub access: String,
    pub refresh: String,
}

impl TestApp {
    /// Messages in the dev outbox to `to`, newest first.
    pub async fn outbox(&self, to: &str) -> Vec<Value> {
        let res = self.client.get(self.url("/api/v1/dev/outbox")).query(&[("to", to)]).send().await.expect("outbox");
        assert_eq!(res.status(), 200);
        res.json::<Vec<Value>>().await.expect("outbox json")
    }

    /// Moves the server's development clock `days` ahead; returns its new date. Tests drive time, never sleep.
    pub async fn advance_clock(&self, days: i64) -> chrono::NaiveDate {
        let res = self.post_json("/api/v1/dev/clock", &serde_json::json!({"days": days})).await;
        assert_eq!(res.status(), 200);
        let now: Value = res.json().await.expect("clock json");
        chrono::DateTime::parse_from_rfc3339(now["now"].as_str().expect("now")).expect("RFC 3339").date_naive()
    }

    pub async fn last_code(&self, phone: &str) -> String {
        let msgs = self.outbox(phone).await;
        msgs.iter().find_map(|m| m["code"].as_str().map(str::to_owned)).unwrap_or_else(|| panic!("no code sent to {phone}: {msgs:?}"))
    }

    pub async fn last_link(&self, email: &str) -> String {
        let msgs = self.outbox(email).await;
        msgs.iter().find_map(|m| m["link"].as_str().map(str::to_owned)).unwrap_or_else(|| panic!("no link sent to {email}: {msgs:?}"))
    }

    pub async fn db(&self) -> sea_orm::DatabaseConnection {
        sea_orm::Database::connect(&self.database_url).await.expect("connect to the test database")
    }

    pub async fn exec_sql(&self, sql: &str) {
        use sea_orm::ConnectionTrait;
        let db = self.db().await;
        db.execute_unprepared(sql).await.expect("sql");
        let _ = db.close().await;
    }

    pub async fn start_login(&self, email: &str, password: &str) -> reqwest::Response {
        self.post_json("/api/v1/auth/login", &serde_json::json!({ "email": email, "password": password })).await
    }

    /// Password, then the SMS code from the dev outbox.
    pub async fn login(&self, email: &str, phone: &str) -> Tokens {
        self.login_with(email, DEMO_PASSWORD, phone).await
    }

    pub async fn login_with(&self, email: &str, password: &str, phone: &str) -> Tokens {
        let res = self.start_login(email, password).await;
        assert_eq!(res.status(), 200, "login {email}");
        let ch: Value = res.json().await.unwrap();
        let code = self.last_code(phone).await;
        let res =
            self.post_json("/api/v1/auth/login/verify", &serde_json::json!({ "challenge_id": ch["challenge_id"], "code": code })).await;
        assert_eq!(res.status(), 200, "verify {email}");
        let t: Value = res.json().await.unwrap();
        Tokens { access: t["access_token"].as_str().unwrap().to_owned(), refresh: t["refresh_token"].as_str().unwrap().to_owned() }
    }

    pub async fn get_auth(&self, path: &str, token: &str) -> reqwest::Response {
        self.client.get(self.url(path)).bearer_auth(token).send().await.expect("request")
    }

    pub async fn post_auth(&self, path: &str, token: &str, body: &Value) -> reqwest::Response {
        self.client.post(self.url(path)).bearer_auth(token).json(body).send().await.expect("request")
    }

    pub async fn patch_auth(&self, path: &str, token: &str, body: &Value) -> reqwest::Response {
        self.client.patch(self.url(path)).bearer_auth(token).json(body).send().await.expect("request")
    }

    pub async fn delete_auth(&self, path: &str, token: &str, body: Option<&Value>) -> reqwest::Response {
        let mut req = self.client.delete(self.url(path)).bearer_auth(token);
        if let Some(b) = body {
            req = req.json(b);
        }
        req.send().await.expect("request")
    }

    /// A verifier records a passport for `email`; returns the verification record.
    pub async fn verify_identity(
        &self,
        verifier: &Tokens,
        email: &str,
        given: &str,
        surname: &str,
        dob: &str,
        nationality: &str,
        doc_number: &str,
    ) -> Value {
        let res = self
            .post_auth(
                "/api/v1/identity-verifications",
                &verifier.access,
                &serde_json::json!({
                    "document_type": "passport", "document_number": doc_number, "issuing_country": nationality,
                    "document_expiry": "2031-01-31", "given_names": given, "surname": surname,
                    "date_of_birth": dob, "nationality": nationality, "email": email
                }),
            )
            .await;
        assert_eq!(res.status(), 201, "record verification");
        let v: Value = res.json().await.unwrap();
        assert!(v["registration_link_sent"].is_boolean());
        v
    }

    /// The whole worker path: verified in person, registers from the emailed link, proves the phone.
    pub async fn register_worker(&self, email: &str, phone: &str, password: &str) -> Value {
        let verifier = self.login(VERIFIER.0, VERIFIER.1).await;
        let document = format!("C{}", &uuid::Uuid::new_v4().simple().to_string()[..8].to_uppercase());
        let mut record = self.verify_identity(&verifier, email, "Anna-Maria", "Müller", "1988-02-29", "DEU", &document).await;
        // Not part of the answer (it is masked there): what the worker's passport says, for tests that present it again.
        record["document_number"] = Value::String(document);
        let link = self.last_link(email).await;
        let token = link.split("token=").nth(1).unwrap().to_owned();
        let res = self
            .post_json("/api/v1/accounts", &serde_json::json!({ "registration_token": token, "password": password, "phone": phone }))
            .await;
        assert_eq!(res.status(), 201, "create account");
        let ch: Value = res.json().await.unwrap();
        let code = self.last_code(&phone.replace(' ', "")).await;
        let res =
            self.post_json("/api/v1/accounts/verify-phone", &serde_json::json!({ "challenge_id": ch["challenge_id"], "code": code })).await;
        assert_eq!(res.status(), 200, "verify phone");
        record
    }
}
