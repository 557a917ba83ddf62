//! Secrets at rest and in flight: AES-256-GCM for document numbers and TOTP secrets, an HMAC blind index
//! to look documents up, hashes for tokens and one-time codes, and argon2id on a bounded blocking pool.

use std::sync::Arc;

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use argon2::{Argon2, PasswordHash, PasswordHasher as _};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use tokio::sync::Semaphore;

use crate::error::AppError;

type HmacSha256 = Hmac<Sha256>;

/// Keys derived from the one data key in config (`SITECARD_DATA_KEY`).
#[derive(Clone)]
pub struct DataCipher {
    aead: Aes256Gcm,
    index_key: [u8; 32],
    code_key: [u8; 32],
    webhook_key: [u8; 32],
}

fn derive(key: &[u8; 32], label: &str) -> [u8; 32] {
    let mut mac = hmac_with(key);
    mac.update(label.as_bytes());
    mac.finalize().into_bytes().into()
}

#[allow(clippy::expect_used)]
fn hmac_with(key: &[u8]) -> HmacSha256 {
    // HMAC takes keys of any length: this cannot fail.
    <HmacSha256 as Mac>::new_from_slice(key).expect("HMAC accepts any key length")
}

impl DataCipher {
    pub fn new(key: [u8; 32]) -> Self {
        let enc = derive(&key, "sitecard/aes-256-gcm/v1");
        Self {
            aead: Aes256Gcm::new(&enc.into()),
            index_key: derive(&key, "sitecard/blind-index/v1"),
            code_key: derive(&key, "sitecard/one-time-code/v1"),
            webhook_key: derive(&key, "sitecard/webhook/v1"),
        }
    }

    /// `base64(nonce || ciphertext)`.
    pub fn encrypt(&self, plaintext: &str) -> Result<String, AppError> {
        let mut nonce = [0u8; 12];
        rand::rng().fill_bytes(&mut nonce);
        let ct = self.aead.encrypt(&Nonce::from(nonce), plaintext.as_bytes()).map_err(|_| AppError::internal("encryption failed"))?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&ct);
        Ok(STANDARD.encode(out))
    }

    pub fn decrypt(&self, stored: &str) -> Result<String, AppError> {
        let raw = STANDARD.decode(stored).map_err(|_| AppError::internal("stored ciphertext is not base64"))?;
        if raw.len() < 13 {
            return Err(AppError::internal("stored ciphertext too short"));
        }
        let (nonce, ct) = raw.split_at(12);
        let nonce: [u8; 12] = nonce.try_into().map_err(|_| AppError::internal("nonce"))?;
        let pt =
            self.aead.decrypt(&Nonce::from(nonce), ct).map_err(|_| AppError::internal("decryption failed (wrong SITECARD_DATA_KEY?)"))?;
        String::from_utf8(pt).map_err(|_| AppError::internal("decrypted text is not UTF-8"))
    }

    /// Deterministic keyed hash for equality look-ups of encrypted values.
    pub fn blind_index(&self, value: &str) -> String {
        hmac_hex(&self.index_key, value.as_bytes())
    }

    /// The blind index of an identity document: its number within its issuing country.
    pub fn document_index(&self, issuing_country: &str, number: &sitecard_domain::DocumentNumber) -> String {
        self.blind_index(&format!("{issuing_country}:{}", number.as_str()))
    }

    /// Codes have little entropy, so they are hashed with a server key and bound to their challenge.
    pub fn code_hash(&self, challenge_id: uuid::Uuid, code: &str) -> String {
        hmac_hex(&self.code_key, format!("{challenge_id}:{code}").as_bytes())
    }

    /// The webhook secret of clients made before secrets were stored (and rotatable): derived from the id.
    pub fn webhook_secret(&self, client_id: &str) -> String {
        hmac_hex(&self.webhook_key, client_id.as_bytes())
    }

    /// A partner client's webhook secret: its stored one, decrypted, else the one derived from its client id.
    pub fn partner_webhook_secret(&self, client_id: &str, stored: Option<&str>) -> Result<String, AppError> {
        match stored {
            Some(enc) => self.decrypt(enc),
            None => Ok(self.webhook_secret(client_id)),
        }
    }
}

fn hmac_hex(key: &[u8], data: &[u8]) -> String {
    let mut mac = hmac_with(key);
    mac.update(data);
    hex::encode(mac.finalize().into_bytes())
}

/// Random tokens (refresh tokens, emailed links) have 256 bits, so a plain SHA-256 is enough to store them.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

pub fn random_token() -> String {
    let mut b = [0u8; 32];
    rand::rng().fill_bytes(&mut b);
    URL_SAFE_NO_PAD.encode(b)
}

/// A 6-digit code from the OS CSPRNG, uniform over 000000–999999.
pub fn random_code() -> String {
    loop {
        if let Some(code) = sitecard_domain::challenge::code_from_u32(rand::rng().next_u32()) {
            return code;
        }
    }
}

pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

/// argon2id with the OWASP parameters (`Argon2::default()`: m = 19 MiB, t = 2, p = 1) on a dedicated pool of
/// one thread per core, each with its own 19 MiB block buffer reused for every verify (no allocation churn,
/// a flat memory ceiling) and running at the lowest CPU priority, so a login flood uses the CPU the event
/// loop leaves over instead of starving it.
#[derive(Clone)]
pub struct PasswordHasher {
    jobs: std::sync::mpsc::Sender<Job>,
    queue: Arc<Semaphore>,
}

/// What an unknown email's password is checked against, so that it takes as long as a wrong password: any
/// argon2id hash with the parameters of [`hash_now`] (a test holds them equal). A constant rather than a hash
/// computed at start-up: start-up stays fast and does not leave its 19 MiB of blocks with the allocator.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$VEhelZ5cmPcveZDleYpcJA$m/uSz1XznaOMssUXvWywutoE5B5Jy1r5cMMZ/5NbrG8";

enum Job {
    Hash(String, tokio::sync::oneshot::Sender<Result<String, AppError>>),
    Verify(String, String, tokio::sync::oneshot::Sender<bool>),
}

impl PasswordHasher {
    pub fn new(threads: usize) -> Result<Self, AppError> {
        let (tx, rx) = std::sync::mpsc::channel::<Job>();
        let rx = Arc::new(std::sync::Mutex::new(rx));
        for i in 0..threads.max(1) {
            let rx = rx.clone();
            std::thread::Builder::new().name(format!("argon2-{i}")).spawn(move || hasher_thread(&rx)).map_err(AppError::internal)?;
        }
        // A bounded wait list: beyond it callers queue on the semaphore, not in memory.
        Ok(Self { jobs: tx, queue: Arc::new(Semaphore::new(threads.max(1) * 8)) })
    }

    pub async fn hash(&self, password: String) -> Result<String, AppError> {
        let _permit = self.queue.acquire().await.map_err(AppError::internal)?;
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.jobs.send(Job::Hash(password, tx)).map_err(|_| AppError::internal("hasher pool stopped"))?;
        rx.await.map_err(|_| AppError::internal("hasher pool stopped"))?
    }

    /// Verifies against `stored`, or against a dummy hash when there is no account, so that unknown emails
    /// take as long as wrong passwords.
    pub async fn verify(&self, password: String, stored: Option<String>) -> Result<bool, AppError> {
        let _permit = self.queue.acquire().await.map_err(AppError::internal)?;
        let real = stored.is_some();
        let stored = stored.unwrap_or_else(|| DUMMY_HASH.to_owned());
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.jobs.send(Job::Verify(password, stored, tx)).map_err(|_| AppError::internal("hasher pool stopped"))?;
        let ok = rx.await.map_err(|_| AppError::internal("hasher pool stopped"))?;
        Ok(ok && real)
    }
}

fn hasher_thread(rx: &std::sync::Mutex<std::sync::mpsc::Receiver<Job>>) {
    run_at_idle_priority();
    // Allocated on the first verify and kept: idle instances stay small, busy ones never re-allocate.
    let mut blocks: Vec<argon2::Block> = Vec::new();
    loop {
        let job = match rx.lock() {
            Ok(guard) => guard.recv(),
            Err(_) => return,
        };
        match job {
            Ok(Job::Hash(password, reply)) => {
                let _ = reply.send(hash_now(&password));
            }
            Ok(Job::Verify(password, stored, reply)) => {
                let _ = reply.send(verify_with(&mut blocks, password.as_bytes(), &stored));
            }
            Err(_) => return,
        }
    }
}

/// `SCHED_IDLE` where there is one (Linux), else the lowest nice level. A nice-19 thread may still finish its
/// time slice before a woken event-loop or database thread gets the core (EEVDF's run-to-parity); an
/// idle-policy thread is preempted at once. (On the benchmark VM the login-flood read latency measured the
/// same either way; the policy states the intent without depending on the scheduler's slice rules.)
fn run_at_idle_priority() {
    #[cfg(target_os = "linux")]
    {
        use thread_priority::{NormalThreadSchedulePolicy, ThreadPriority, ThreadSchedulePolicy};
        let idle = ThreadSchedulePolicy::Normal(NormalThreadSchedulePolicy::Idle);
        if thread_priority::set_thread_priority_and_policy(thread_priority::thread_native_id(), ThreadPriority::Min, idle).is_ok() {
            return;
        }
    }
    let _ = thread_priority::set_current_thread_priority(thread_priority::ThreadPriority::Min);
}

/// Verifies a PHC-format argon2 hash using the caller's block buffer.
fn verify_with(blocks: &mut Vec<argon2::Block>, password: &[u8], stored: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(stored) else { return false };
    let Ok(params) = argon2::Params::try_from(&parsed) else { return false };
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else { return false };
    let Ok(algorithm) = argon2::Algorithm::try_from(parsed.algorithm.as_str()) else { return false };
    let version = parsed.version.and_then(|v| argon2::Version::try_from(v).ok()).unwrap_or_default();
    let needed = params.block_count();
    if blocks.len() < needed {
        blocks.resize(needed, argon2::Block::default());
    }
    let mut out = vec![0u8; expected.len()];
    let ok = Argon2::new(algorithm, version, params)
        .hash_password_into_with_memory(password, salt.as_ref(), &mut out, &mut blocks[..needed])
        .is_ok();
    ok && bool::from(out.as_slice().ct_eq(expected.as_bytes()))
}

fn hash_now(password: &str) -> Result<String, AppError> {
    Argon2::default().hash_password(password.as_bytes()).map(|h| h.to_string()).map_err(|e| AppError::internal(format!("argon2: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dummy_hash_costs_what_a_new_hash_costs() {
        let fresh = hash_now("anything").unwrap();
        let params = |phc: &str| phc.split('$').take(4).collect::<Vec<_>>().join("$");
        assert_eq!(params(DUMMY_HASH), params(&fresh), "algorithm, version, m, t, p");
        assert!(argon2::PasswordHash::new(DUMMY_HASH).is_ok());
    }

    #[test]
    fn encryption_round_trips_and_is_randomised() {
        let c = DataCipher::new([7u8; 32]);
        let a = c.encrypt("AB1234567").unwrap();
        let b = c.encrypt("AB1234567").unwrap();
        assert_ne!(a, b);
        assert_eq!(c.decrypt(&a).unwrap(), "AB1234567");
        assert!(DataCipher::new([8u8; 32]).decrypt(&a).is_err());
        assert_eq!(c.blind_index("x"), c.blind_index("x"));
        assert_ne!(c.blind_index("x"), DataCipher::new([8u8; 32]).blind_index("x"));
    }

    #[test]
    fn pooled_verification_agrees_with_the_reference_implementation() {
        use argon2::PasswordVerifier;
        let stored = hash_now("correct horse battery staple").unwrap();
        let mut blocks = Vec::new();
        assert!(verify_with(&mut blocks, b"correct horse battery staple", &stored));
        assert!(!verify_with(&mut blocks, b"correct horse battery stapler", &stored));
        assert!(!verify_with(&mut blocks, b"x", "not a hash"));
        let parsed = PasswordHash::new(&stored).unwrap();
        assert!(Argon2::default().verify_password(b"correct horse battery staple", &parsed).is_ok());
        // Reusing the buffer gives the same answers.
        assert!(verify_with(&mut blocks, b"correct horse battery staple", &stored));
    }

    /// The hashing threads must yield the CPU to the event loop at once (see `run_at_idle_priority`).
    #[cfg(target_os = "linux")]
    #[tokio::test]
    async fn hashing_threads_run_at_idle_priority() {
        let hasher = PasswordHasher::new(1).unwrap();
        // A verify has run on the thread, so it has set its policy.
        assert!(!hasher.verify("x".into(), None).await.unwrap());
        let mut policies = Vec::new();
        for task in std::fs::read_dir("/proc/self/task").unwrap() {
            let stat = std::fs::read_to_string(task.unwrap().path().join("stat")).unwrap_or_default();
            // `pid (comm) state ...`: the comm may hold spaces, so fields are counted after its closing parenthesis.
            let Some((head, rest)) = stat.rsplit_once(") ") else { continue };
            if head.ends_with("(argon2-0") {
                // Field 41 of stat(5) is the policy; `rest` starts at field 3.
                policies.push(rest.split_whitespace().nth(38).unwrap_or_default().to_owned());
            }
        }
        assert!(!policies.is_empty(), "no argon2 thread found");
        // SCHED_IDLE is 5.
        assert!(policies.iter().all(|p| p == "5"), "argon2 thread policies: {policies:?}");
    }

    #[test]
    fn codes_are_six_digits() {
        for _ in 0..100 {
            let c = random_code();
            assert_eq!(c.len(), 6);
            assert!(c.chars().all(|d| d.is_ascii_digit()));
        }
    }
}
