//! The app's security configuration, read from the files the build uses: a strict
//! CSP, no global Tauri object, and capabilities that grant the main window only
//! the app's own commands.

use serde_json::Value;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_csp_allows_no_inline_or_remote_code_and_no_plugins() {
    let conf = read_json(&root().join("tauri.conf.json"));
    assert_eq!(
        conf["app"]["withGlobalTauri"], false,
        "withGlobalTauri must stay off"
    );
    let csp = &conf["app"]["security"]["csp"];
    assert!(csp.is_object(), "a CSP must be set");
    let directive = |name: &str| {
        csp[name]
            .as_str()
            .unwrap_or_else(|| panic!("CSP lacks {name}"))
    };
    assert_eq!(directive("object-src"), "'none'");
    assert_eq!(directive("script-src"), "'self'");
    assert_eq!(directive("base-uri"), "'none'");
    for (name, value) in csp.as_object().unwrap() {
        let value = value.as_str().unwrap();
        for weak in ["unsafe-inline", "unsafe-eval", "*", "https:", "http:"] {
            let tokens: Vec<&str> = value.split_whitespace().collect();
            let weak_token = tokens
                .iter()
                .any(|t| *t == weak || t.contains(&format!("'{weak}'")));
            assert!(!weak_token, "CSP {name} allows {weak}: {value}");
        }
        for token in value.split_whitespace() {
            let remote = (token.starts_with("http://") || token.starts_with("https://"))
                && token != "http://ipc.localhost";
            assert!(!remote, "CSP {name} allows the remote origin {token}");
        }
    }
}

/// Plugin permissions the main window may have, each reviewed: listening to window
/// events (file drops) and the native open/save dialogs. Nothing here reads files,
/// runs programs, makes requests or reads the clipboard.
const PLUGIN_PERMISSIONS: &[&str] = &[
    "core:event:allow-listen",
    "core:event:allow-unlisten",
    "dialog:allow-open",
    "dialog:allow-save",
];

#[test]
fn capabilities_name_their_windows_and_grant_only_app_commands() {
    let build_rs = std::fs::read_to_string(root().join("src-tauri/build.rs")).unwrap();
    let dir = root().join("src-tauri/capabilities");
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        files += 1;
        let cap = read_json(&path);
        for window in cap["windows"].as_array().expect("windows listed") {
            let window = window.as_str().unwrap();
            assert!(
                !window.contains('*'),
                "{}: wildcard window {window}",
                path.display()
            );
        }
        assert!(
            cap.get("remote").is_none(),
            "{}: no remote URLs may reach the IPC",
            path.display()
        );
        for permission in cap["permissions"].as_array().unwrap() {
            let id = permission.as_str().unwrap_or_else(|| {
                panic!(
                    "{}: scoped permissions need review: {permission}",
                    path.display()
                )
            });
            if PLUGIN_PERMISSIONS.contains(&id) {
                continue;
            }
            let command = id
                .strip_prefix("allow-")
                .unwrap_or_else(|| {
                    panic!(
                        "{}: {id} is neither an app command nor a reviewed plugin permission",
                        path.display()
                    )
                })
                .replace('-', "_");
            assert!(
                build_rs.contains(&format!("\"{command}\"")),
                "{}: {id} grants a command the AppManifest does not list",
                path.display()
            );
        }
    }
    assert!(files > 0, "there must be a capability for the main window");
}
