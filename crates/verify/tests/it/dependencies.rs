//! The rule of the brief and of docs/architecture.md for this crate: it depends
//! on `model` among our crates and never, even through another crate, on the
//! shells' or the storage's crates. Checked on the graph `cargo metadata` resolves.

use serde_json::Value;
use std::collections::{BTreeSet, HashMap};

#[test]
fn verify_depends_on_model_only_and_on_no_shell_or_storage_crate() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: Value = serde_json::from_slice(&out.stdout).expect("cargo metadata is JSON");
    let name_of: HashMap<&str, &str> = meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap_or_default(),
                p["name"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    let normal_deps: HashMap<&str, Vec<&str>> = meta["resolve"]["nodes"]
        .as_array()
        .expect("resolve nodes")
        .iter()
        .map(|node| {
            let deps = node["deps"]
                .as_array()
                .expect("deps")
                .iter()
                .filter(|d| {
                    d["dep_kinds"]
                        .as_array()
                        .is_some_and(|k| k.iter().any(|k| k["kind"].is_null()))
                })
                .filter_map(|d| d["pkg"].as_str())
                .collect();
            (node["id"].as_str().unwrap_or_default(), deps)
        })
        .collect();
    let me = name_of
        .iter()
        .find(|(id, name)| **name == "verify" && id.contains("crates/verify"))
        .map(|(id, _)| *id)
        .expect("the verify package");
    let mut seen = BTreeSet::new();
    let mut stack = vec![me];
    while let Some(id) = stack.pop() {
        for dep in &normal_deps[id] {
            if seen.insert(name_of[dep]) {
                stack.push(dep);
            }
        }
    }
    for banned in [
        "tauri", "clap", "anyhow", "rusqlite", "tantivy", "library", "store", "search", "ingest",
        "cite",
    ] {
        assert!(
            !seen.contains(banned),
            "verify depends on {banned}, which it must not"
        );
    }
    assert!(seen.contains("model"), "verify speaks the model's types");
}
