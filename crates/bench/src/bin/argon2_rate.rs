//! The password-login baseline: raw argon2id verifies per second with Sitecard's parameters
//! (`Argon2::default()`: m = 19 MiB, t = 2, p = 1) on all cores. Usage: `argon2_rate SECONDS [THREADS]`.
//! Prints `argon2id_verifies_per_second=<rate>`.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};

fn main() {
    let mut args = std::env::args().skip(1);
    let seconds: f64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(5.0);
    let threads: usize =
        args.next().and_then(|t| t.parse().ok()).unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2));
    let stored = match Argon2::default().hash_password(b"demo-password-1") {
        Ok(h) => h.to_string(),
        Err(e) => {
            eprintln!("hash failed: {e}");
            std::process::exit(1);
        }
    };
    let count = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let (count, stored) = (count.clone(), stored.clone());
            std::thread::spawn(move || {
                let Ok(parsed) = PasswordHash::new(&stored) else { return };
                while Instant::now() < deadline {
                    let ok = Argon2::default().verify_password(b"demo-password-1", &parsed).is_ok();
                    if ok {
                        count.fetch_add(1, Ordering::Relaxed);
                    }
                }
            })
        })
        .collect();
    for h in handles {
        let _ = h.join();
    }
    let rate = count.load(Ordering::Relaxed) as f64 / seconds;
    println!("argon2id_verifies_per_second={rate:.1} threads={threads}");
}
