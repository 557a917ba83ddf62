//! The shape DESIGN.md draws, checked on the tree itself so that it cannot drift: crates depend inwards only
//! (server → api → app → {domain, persistence, notify}; domain on nothing of ours), no ORM type above
//! persistence, and handlers stay thin (extract, authorise, call one use case, map: at most 40 lines).

use std::path::{Path, PathBuf};

fn crates_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("crates/").to_path_buf()
}

/// Our crates a crate's `[dependencies]` names (dev-dependencies may reach further: tests drive the whole).
fn our_dependencies(crate_dir: &str) -> Vec<String> {
    let manifest = std::fs::read_to_string(crates_dir().join(crate_dir).join("Cargo.toml")).expect("Cargo.toml");
    let mut section = String::new();
    let mut ours = vec![];
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line.to_owned();
        } else if section == "[dependencies]" {
            let name = line.split(['=', '.', ' ']).next().unwrap_or_default();
            if name.starts_with("sitecard-") || name == "migration" {
                ours.push(name.to_owned());
            }
        }
    }
    ours.sort();
    ours
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable source dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn crates_depend_inwards_only() {
    let allowed: [(&str, &[&str]); 5] = [
        ("domain", &[]),
        ("persistence", &["migration", "sitecard-domain"]),
        ("notify", &["sitecard-domain", "sitecard-persistence"]),
        ("app", &["sitecard-domain", "sitecard-notify", "sitecard-persistence"]),
        ("api", &["sitecard-app", "sitecard-domain"]),
    ];
    for (krate, expected) in allowed {
        assert_eq!(our_dependencies(krate), expected, "crates/{krate} depends on");
    }
}

#[test]
fn no_orm_or_storage_type_above_persistence() {
    // What the API and the use cases may not name: the ORM, and (for the API) storage and adapters directly.
    let forbidden: [(&str, &[&str]); 2] =
        [("api", &["sea_orm", "sitecard_persistence", "sitecard_notify"]), ("app", &["sea_orm", "ActiveValue", "Set("])];
    for (krate, words) in forbidden {
        let mut files = vec![];
        rust_files(&crates_dir().join(krate).join("src"), &mut files);
        for file in files.iter().filter(|f| !f.ends_with("architecture.rs")) {
            let text = std::fs::read_to_string(file).expect("source");
            for word in words {
                assert!(!text.contains(word), "{} names `{word}`", file.display());
            }
        }
    }
}

#[test]
fn every_handler_is_at_most_forty_lines() {
    let mut files = vec![];
    rust_files(&crates_dir().join("api/src/routes"), &mut files);
    let routes = ["#[get(", "#[post(", "#[put(", "#[patch(", "#[delete("];
    let mut handlers = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).expect("source");
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if !routes.iter().any(|r| line.starts_with(r)) {
                continue;
            }
            let start = (i..lines.len()).find(|&j| lines[j].starts_with("pub async fn")).expect("handler after its route");
            let end = (start..lines.len()).find(|&j| lines[j] == "}").expect("handler's closing brace");
            handlers += 1;
            assert!(end - start < 40, "{}:{} is {} lines", file.display(), start + 1, end - start + 1);
        }
    }
    // The walk found the handlers (a moved folder must not make this pass by finding none).
    assert!(handlers > 80, "found only {handlers} handlers");
}
