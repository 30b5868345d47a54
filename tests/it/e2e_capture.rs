//! Clipping from the browser, end to end: Debian's Chromium with the extension
//! loaded (`--load-extension`), driven by playwright-core (extension/tests/
//! drive.mjs, nothing downloaded), on a small site of 127.0.0.1 whose article
//! is rendered by a script and shows only after a login sets a cookie. The
//! toolbar button is clicked through the DevTools protocol; the browser starts
//! the real `commonplace` host from the manifest `commonplace browser install`
//! wrote; the capture reaches the running app over its socket and shows up in
//! Recent captures without a refresh, checked through the app's WebDriver
//! session. Then the same with the app closed: the host saves into the library
//! itself and the app shows the capture at its next start.

use crate::webdriver::{app_binary, App};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

const EXTENSION_ID: &str = "hcgnllkjlmcheccdfoleflhlhacojocf";
const PASSAGE: &str = "the decision followed a seven-year antitrust investigation";
const SECOND: &str = "The company said it would appeal";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `commonplace` program (package `cli`), built beside the app by
/// `cargo test --workspace`.
fn cli() -> PathBuf {
    let path = Path::new(&app_binary()).with_file_name("commonplace");
    assert!(
        path.is_file(),
        "{} is missing: build it with `cargo build -p cli` (./scripts/test does)",
        path.display()
    );
    path
}

/// A browser profile, a runtime folder and a library, all of their own.
struct Setup {
    _tmp: tempfile::TempDir,
    library: PathBuf,
    runtime: PathBuf,
    config: PathBuf,
    home: PathBuf,
    /// The test site's port, the same for every run, so its address is too.
    port: String,
}

impl Setup {
    fn new() -> Setup {
        // Short: a Unix socket's path must fit in 108 bytes.
        let tmp = tempfile::Builder::new()
            .prefix("cp")
            .tempdir_in("/tmp")
            .unwrap();
        let dir = tmp.path().to_owned();
        let runtime = dir.join("run");
        std::fs::create_dir_all(&runtime).unwrap();
        std::fs::set_permissions(
            &runtime,
            std::os::unix::fs::PermissionsExt::from_mode(0o700),
        )
        .unwrap();
        let setup = Setup {
            library: dir.join("library"),
            runtime,
            config: dir.join("config"),
            home: dir.join("home"),
            port: std::net::TcpListener::bind("127.0.0.1:0")
                .unwrap()
                .local_addr()
                .unwrap()
                .port()
                .to_string(),
            _tmp: tmp,
        };
        std::fs::create_dir_all(&setup.home).unwrap();
        // The browsers' manifests, as a writer installs them.
        let out = Command::new(cli())
            .args(["browser", "install"])
            .env("HOME", &setup.home)
            .env("XDG_CONFIG_HOME", &setup.config)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(said.contains("installed for Chromium"), "{said}");
        setup
    }

    /// Runs the browser through one scenario; what the driver saw.
    fn drive(&self, scenario: &str, vars: &[(&str, &str)]) -> Value {
        let script = repo().join("extension/tests/drive.mjs");
        assert!(
            repo()
                .join("extension/node_modules/playwright-core")
                .is_dir(),
            "the extension's npm packages are missing: run ./scripts/setup --test"
        );
        let mut cmd = Command::new("node");
        cmd.arg(&script)
            .env("SCENARIO", scenario)
            .env("SITE_PORT", &self.port)
            // The profile is Chromium's folder under XDG_CONFIG_HOME, so the
            // manifest `browser install` wrote there is the one it reads.
            .env("UDD", self.config.join("chromium"))
            .env("EXT", repo().join("extension/src"))
            .env("EXT_ID", EXTENSION_ID)
            .env("CHROMIUM", "/usr/bin/chromium")
            .env("HOME", &self.home)
            .env("XDG_CONFIG_HOME", &self.config)
            .env("XDG_RUNTIME_DIR", &self.runtime)
            .env("COMMONPLACE_LIBRARY", &self.library)
            .envs(vars.iter().copied());
        if let Some(dir) = std::env::var_os("COMMONPLACE_SCREENSHOTS") {
            cmd.env("SHOTS", std::path::absolute(dir).unwrap());
        }
        let out = cmd.output().expect("node runs (Node.js 20 or newer)");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let line = stdout.lines().last().unwrap_or_default();
        let value: Value = serde_json::from_str(line).unwrap_or_else(|_| {
            panic!(
                "the browser driver said: {stdout}\n{}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
        assert!(
            value.get("failed").is_none(),
            "the browser driver failed: {}",
            value["failed"]
        );
        value
    }

    fn launch(&self) -> App {
        App::launch_with(
            &self.library,
            &[
                ("XDG_RUNTIME_DIR", self.runtime.to_str().unwrap()),
                ("HOME", self.home.to_str().unwrap()),
            ],
        )
    }
}

fn invoke(app: &App, command: &str, args: Value) -> Value {
    app.script_async(
        "const [command, args, done] = arguments;
         window.__TAURI_INTERNALS__.invoke(command, args).then(done).catch(e => done({ error: e }));",
        json!([command, args]),
    )
}

/// Waits for the element's text content (WebKitWebDriver reads the quote's
/// clamped box as empty, so the content is read by a script).
fn wait_content(app: &App, css: &str, want: &str) {
    app.wait_for(&format!("{css} to read {want:?}"), || {
        let text = app.script(
            "return document.querySelector(arguments[0])?.textContent ?? null;",
            json!([css]),
        );
        (text == want).then_some(())
    });
}

/// Listening sockets of the project's processes (there must be none). Under
/// WebDriver, WebKitWebDriver starts the app with its inspector server on a
/// loopback port (`WEBKIT_INSPECTOR_SERVER` or `WEBKIT_INSPECTOR_HTTP_SERVER` in the
/// app's environment) to drive it: that listener is the test harness's, and
/// is the only one left out.
fn project_tcp_listeners() -> Vec<String> {
    let out = Command::new("ss")
        .arg("-ltnp")
        .output()
        .expect("ss runs (iproute2)");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.contains("\"commonplace"))
        .filter(|l| {
            let pid = l
                .split("pid=")
                .nth(1)
                .and_then(|p| p.split(',').next())
                .unwrap_or("");
            let environ = std::fs::read(format!("/proc/{pid}/environ")).unwrap_or_default();
            let harness: Vec<String> = String::from_utf8_lossy(&environ)
                .split('\0')
                .filter(|v| v.starts_with("WEBKIT_INSPECTOR"))
                .filter_map(|v| v.split_once('=').map(|(_, addr)| addr.to_owned()))
                .collect();
            !harness.iter().any(|addr| l.contains(&format!(" {addr} ")))
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_passage_clipped_in_chromium_appears_in_the_running_app_and_in_a_closed_one_at_its_next_start()
{
    let setup = Setup::new();
    let app = setup.launch();
    app.wait_text(".empty-state h1", |t| t == "Your commonplace book is empty");
    app.click_on("#captures-link");
    app.find("#captures-empty");
    // The app's own button writes the manifests too (naming the `commonplace`
    // program beside it).
    app.click_on("#connect-browsers");
    let installed = app.wait_text("#installed-hosts", |t| t.contains("firefox"));
    assert!(
        installed.contains("chromium: ") && installed.contains("NativeMessagingHosts"),
        "{installed}"
    );

    let seen = setup.drive(
        "clip",
        &[
            ("PASSAGE", PASSAGE),
            ("NOTE", "Seven years for one case"),
            ("TAGS", "antitrust, eu"),
            ("CLAIM", "Antitrust cases take years"),
            ("STANCE", "supports"),
            ("SHOT_NAME", "extension-popup"),
        ],
    );
    assert!(
        seen["beforeLogin"]
            .as_str()
            .unwrap()
            .contains("PAYWALL-TEXT"),
        "{seen}"
    );
    assert_eq!(seen["selected"], PASSAGE);
    assert_eq!(seen["status"], "Clip saved to Commonplace", "{seen}");
    assert_eq!(seen["quote"], PASSAGE, "the popup shows the saved quote");
    assert_eq!(seen["afterSave"], "Saved with your details", "{seen}");

    // In the open inbox at once, pushed by the change event.
    wait_content(&app, "#captures .capture-quote", PASSAGE);
    app.wait_text("#capture-count", |t| t == "1");
    assert!(
        project_tcp_listeners().is_empty(),
        "no process of the project listens on TCP: {:?}",
        project_tcp_listeners()
    );
    app.screenshot("browser-captures");

    let captures = invoke(&app, "recent_captures", json!({"limit": 10}));
    let capture = &captures[0];
    assert_eq!(capture["exact"], PASSAGE);
    assert_eq!(capture["placement"], "exact");
    assert_eq!(capture["note"], "Seven years for one case");
    assert_eq!(capture["tags"], json!(["antitrust", "eu"]));
    assert_eq!(
        capture["claims"][0]["statement"],
        "Antitrust cases take years"
    );
    assert_eq!(capture["claims"][0]["stance"], "supports");
    let view = invoke(&app, "get_source", json!({"id": capture["sourceId"]}));
    let meta = &view["source"]["meta"];
    assert_eq!(meta["title"], "EU fines search giant over shopping results");
    assert_eq!(meta["containerTitle"], "The Test Ledger");
    assert_eq!(meta["authors"][0]["family"], "Lindqvist");
    assert_eq!(meta["issued"]["year"], 2017);
    assert!(meta["url"]
        .as_str()
        .unwrap()
        .starts_with("http://127.0.0.1:"));
    assert!(
        meta["accessed"]["year"].as_i64().unwrap() >= 2025,
        "the access date is set"
    );
    let text: String = view["source"]["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["text"].as_str().unwrap_or_default().to_owned() + "\n")
        .collect();
    assert!(
        text.contains("ZEBRA-MEMBER-TEXT"),
        "the logged-in text, rendered by the page's script: {text}"
    );
    assert!(!text.contains("PAYWALL-TEXT"), "not the paywall");

    // Clicking the capture opens the reader at the passage.
    app.click_on("#captures .capture");
    app.wait_text("#reader-text mark.flash", |t| t == PASSAGE);
    app.wait_for("the capture counted as seen", || {
        app.try_find("#capture-count").is_none().then_some(())
    });
    drop(app);

    // The app closed: the host saves into the library itself.
    let closed = setup.drive(
        "clip",
        &[
            ("PASSAGE", SECOND),
            ("SHOT_NAME", "extension-popup-app-closed"),
        ],
    );
    assert_eq!(closed["status"], "Clip saved to Commonplace", "{closed}");
    assert!(closed["source"]
        .as_str()
        .unwrap()
        .contains("EU fines search giant"));
    // A message that breaks the schema is refused, saying why.
    let refused = setup.drive("malformed", &[]);
    assert_eq!(refused["reply"]["ok"], false, "{refused}");
    assert!(
        refused["reply"]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("unknown field"),
        "{refused}"
    );

    let app = setup.launch();
    app.wait_text("#capture-count", |t| t == "1");
    app.click_on("#captures-link");
    wait_content(&app, "#captures .capture.new .capture-quote", SECOND);
    let captures = invoke(&app, "recent_captures", json!({"limit": 10}));
    assert_eq!(
        captures.as_array().unwrap().len(),
        2,
        "the refused message saved nothing"
    );
    assert_eq!(
        captures[0]["sourceId"], captures[1]["sourceId"],
        "the same address joined its source"
    );
}
