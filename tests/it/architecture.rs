//! The dependency rules of docs/architecture.md, checked on the resolved graph
//! that `cargo metadata` reports, so a forbidden dependency fails here whether it
//! is direct or comes in through another crate.

use serde_json::Value;
use std::collections::{BTreeSet, HashMap};

struct Graph {
    /// Package id -> package name.
    names: HashMap<String, String>,
    /// Package id -> ids of its normal (non-dev, non-build) dependencies.
    deps: HashMap<String, Vec<String>>,
    workspace: Vec<String>,
}

fn graph() -> Graph {
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
    let meta: Value = serde_json::from_slice(&out.stdout).unwrap();
    let names = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_owned(),
                p["name"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let deps = meta["resolve"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|node| {
            let normal = node["deps"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| {
                    d["dep_kinds"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|k| k["kind"].is_null())
                })
                .map(|d| d["pkg"].as_str().unwrap().to_owned())
                .collect();
            (node["id"].as_str().unwrap().to_owned(), normal)
        })
        .collect();
    let workspace = meta["workspace_members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    Graph {
        names,
        deps,
        workspace,
    }
}

impl Graph {
    fn id(&self, name: &str) -> &str {
        self.workspace
            .iter()
            .find(|id| self.names[*id] == name)
            .unwrap_or_else(|| panic!("no workspace crate {name}"))
    }

    fn direct_workspace_deps(&self, name: &str) -> BTreeSet<String> {
        self.deps[self.id(name)]
            .iter()
            .filter(|d| self.workspace.contains(d))
            .map(|d| self.names[d].clone())
            .collect()
    }

    fn transitive(&self, name: &str) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![self.id(name).to_owned()];
        while let Some(id) = stack.pop() {
            for dep in &self.deps[&id] {
                if seen.insert(self.names[dep].clone()) {
                    stack.push(dep.clone());
                }
            }
        }
        seen
    }
}

#[test]
fn crates_below_the_shells_never_depend_on_tauri_clap_or_anyhow() {
    let g = graph();
    for name in [
        "model", "store", "search", "ingest", "cite", "verify", "library",
    ] {
        let deps = g.transitive(name);
        for banned in ["tauri", "clap", "anyhow"] {
            assert!(
                !deps.contains(banned),
                "{name} depends on {banned}: only the shells (the app, cli) may"
            );
        }
    }
}

#[test]
fn dependencies_point_from_the_shells_down_to_the_model() {
    let g = graph();
    let expect = |name: &str, allowed: &[&str]| {
        let allowed: BTreeSet<String> = allowed.iter().map(|s| s.to_string()).collect();
        let actual = g.direct_workspace_deps(name);
        assert!(
            actual.is_subset(&allowed),
            "{name} may depend on {allowed:?} among our crates, but depends on {actual:?}"
        );
    };
    expect("model", &[]);
    for layer in ["store", "search", "ingest", "cite", "verify"] {
        expect(layer, &["model"]);
    }
    expect(
        "library",
        &["model", "store", "search", "ingest", "cite", "verify"],
    );
    expect("cli", &["library", "model"]);
    expect("commonplace-app", &["library", "model"]);
}

#[test]
fn only_library_touches_sqlite_and_tantivy_among_the_front_ends() {
    let g = graph();
    for shell in ["commonplace-app", "cli"] {
        let direct: BTreeSet<String> = g.deps[g.id(shell)]
            .iter()
            .map(|d| g.names[d].clone())
            .collect();
        for engine in ["rusqlite", "tantivy"] {
            assert!(
                !direct.contains(engine),
                "{shell} uses {engine} directly; go through library"
            );
        }
    }
}
