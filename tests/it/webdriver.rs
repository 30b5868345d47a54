//! A small W3C WebDriver client and the harness that runs the real app under
//! Xvfb through `tauri-driver` (which starts WebKitWebDriver). Everything it
//! starts is stopped when the harness is dropped, pass or fail.

use serde_json::{json, Value};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const W3C_ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// An element reference returned by the driver.
#[derive(Clone, Debug)]
pub struct Element(String);

/// One app at a time: end-to-end tests share the machine's two cores, and a
/// native dialog typed into by xdotool wants the machine quiet.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

pub struct App {
    _turn: std::sync::MutexGuard<'static, ()>,
    agent: ureq::Agent,
    base: String,
    session: String,
    pub display: String,
    driver: Child,
    xvfb: Child,
    /// The app's own data, config, cache and state folders (the web view's
    /// local storage, the logs): every launch starts as a fresh install.
    _profile: tempfile::TempDir,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The app under test: this build's, or (for a benchmark's "before" figures)
/// another build named by `COMMONPLACE_APP`.
pub fn app_binary() -> String {
    std::env::var("COMMONPLACE_APP")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_commonplace-app").to_owned())
}

fn find_tauri_driver() -> PathBuf {
    let candidates = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .chain(std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo/bin")));
    for dir in candidates {
        let path = dir.join("tauri-driver");
        if path.is_file() {
            return path;
        }
    }
    panic!(
        "tauri-driver is not installed. The end-to-end tests need it and WebKitWebDriver: \
         run ./scripts/test (it installs both), or `cargo install tauri-driver --locked` \
         and `apt-get install webkit2gtk-driver xvfb`."
    );
}

fn start_xvfb() -> (Child, String) {
    for n in 90..140 {
        if Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
            || Path::new(&format!("/tmp/.X{n}-lock")).exists()
        {
            continue;
        }
        let display = format!(":{n}");
        let mut child = Command::new("Xvfb")
            .args([&display, "-screen", "0", "1280x860x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb runs (apt-get install xvfb)");
        let socket = format!("/tmp/.X11-unix/X{n}");
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if Path::new(&socket).exists() {
                return (child, display);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("Xvfb did not start on {display}");
    }
    panic!("no free X display between :90 and :189");
}

impl App {
    /// Starts Xvfb, tauri-driver and the app binary on the library in `library`.
    pub fn launch(library: &Path) -> App {
        App::launch_with(library, &[])
    }

    /// [`App::launch`], with more environment for the app (test hooks).
    pub fn launch_with(library: &Path, env: &[(&str, &str)]) -> App {
        let turn = ONE_AT_A_TIME
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let (xvfb, display) = start_xvfb();
        let profile = tempfile::tempdir().expect("a profile folder");
        let xdg = |name: &str| {
            let dir = profile.path().join(name);
            std::fs::create_dir_all(&dir).unwrap();
            dir
        };
        let port = free_port();
        let native_port = free_port();
        let mut cmd = Command::new(find_tauri_driver());
        cmd.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native_port.to_string(),
        ])
        .env("DISPLAY", &display)
        .env("COMMONPLACE_LIBRARY", library)
        .env("GDK_BACKEND", "x11")
        .env("XDG_DATA_HOME", xdg("data"))
        .env("XDG_CONFIG_HOME", xdg("config"))
        .env("XDG_CACHE_HOME", xdg("cache"))
        .env("XDG_STATE_HOME", xdg("state"))
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            cmd.process_group(0);
        }
        let driver = cmd.spawn().expect("tauri-driver starts");
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        let base = format!("http://127.0.0.1:{port}");
        let mut app = App {
            _turn: turn,
            _profile: profile,
            agent,
            base,
            session: String::new(),
            display,
            driver,
            xvfb,
        };
        app.wait_for_driver();
        let application = app_binary();
        let created = app.send(
            "POST",
            "/session",
            Some(json!({"capabilities": {"alwaysMatch": {
                "browserName": "wry",
                "tauri:options": {"application": application}
            }}})),
        );
        app.session = created["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {created}"))
            .to_owned();
        app
    }

    fn wait_for_driver(&self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(mut r) = self.agent.get(&format!("{}/status", self.base)).call() {
                if r.status().is_success() || r.body_mut().read_to_string().is_ok() {
                    return;
                }
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("tauri-driver did not answer on {}", self.base);
    }

    /// A raw WebDriver request; returns the `value` of the answer, panicking on an error.
    fn send(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{}", self.base, path);
        let response = match (method, body) {
            ("GET", _) => self.agent.get(&url).call(),
            ("DELETE", _) => self.agent.delete(&url).call(),
            (_, body) => self
                .agent
                .post(&url)
                .send_json(body.unwrap_or_else(|| json!({}))),
        };
        let mut response = response.unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let status = response.status();
        let value: Value = response.body_mut().read_json().unwrap_or(Value::Null);
        if !status.is_success() {
            panic!("{method} {path} failed ({status}): {value}");
        }
        value["value"].clone()
    }

    fn session_path(&self, rest: &str) -> String {
        format!("/session/{}{rest}", self.session)
    }

    /// Finds an element by CSS selector, waiting up to 15 s for it to appear.
    pub fn find(&self, css: &str) -> Element {
        self.wait_for(&format!("element {css}"), || self.try_find(css))
    }

    pub fn try_find(&self, css: &str) -> Option<Element> {
        let url = format!("{}{}", self.base, self.session_path("/element"));
        let mut response = self
            .agent
            .post(&url)
            .send_json(json!({"using": "css selector", "value": css}))
            .ok()?;
        if !response.status().is_success() {
            return None;
        }
        let value: Value = response.body_mut().read_json().ok()?;
        value["value"][W3C_ELEMENT]
            .as_str()
            .map(|id| Element(id.to_owned()))
    }

    pub fn find_all(&self, css: &str) -> Vec<Element> {
        let value = self.send(
            "POST",
            &self.session_path("/elements"),
            Some(json!({"using": "css selector", "value": css})),
        );
        value
            .as_array()
            .unwrap()
            .iter()
            .map(|v| Element(v[W3C_ELEMENT].as_str().unwrap().to_owned()))
            .collect()
    }

    /// Polls `f` until it gives a value, for at most 15 seconds.
    pub fn wait_for<T>(&self, what: &str, mut f: impl FnMut() -> Option<T>) -> T {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Some(v) = f() {
                return v;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until the element matching `css` (looked up afresh each time, since
    /// views re-render) has text for which `ok` holds, and returns that text.
    pub fn wait_text(&self, css: &str, ok: impl Fn(&str) -> bool) -> String {
        let mut last = String::new();
        let found = self.wait_for_quietly(|| {
            let el = self.try_find(css)?;
            let url = format!(
                "{}{}",
                self.base,
                self.session_path(&format!("/element/{}/text", el.0))
            );
            let mut response = self.agent.get(&url).call().ok()?;
            if !response.status().is_success() {
                return None;
            }
            let value: Value = response.body_mut().read_json().ok()?;
            last = value["value"].as_str()?.to_owned();
            ok(&last).then(|| last.clone())
        });
        found.unwrap_or_else(|| panic!("timed out waiting for {css}; its text was {last:?}"))
    }

    /// Like [`App::wait_for`], but `None` when the time is up.
    pub fn wait_for_quietly<T>(&self, mut f: impl FnMut() -> Option<T>) -> Option<T> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Some(v) = f() {
                return Some(v);
            }
            if Instant::now() > deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn click(&self, el: &Element) {
        self.send(
            "POST",
            &self.session_path(&format!("/element/{}/click", el.0)),
            None,
        );
    }

    /// Finds the element and clicks it; when the view re-renders between the
    /// two (a stale element), finds it again, as a person would click the
    /// button that is on screen now.
    pub fn click_on(&self, css: &str) {
        let url_of = |el: &Element| {
            format!(
                "{}{}",
                self.base,
                self.session_path(&format!("/element/{}/click", el.0))
            )
        };
        self.wait_for(&format!("a click on {css}"), || {
            let el = self.try_find(css)?;
            let mut response = self.agent.post(&url_of(&el)).send_json(json!({})).ok()?;
            if response.status().is_success() {
                return Some(());
            }
            let value: Value = response.body_mut().read_json().unwrap_or(Value::Null);
            if value["value"]["error"] == "stale element reference" {
                return None;
            }
            panic!("click on {css} failed: {value}");
        });
    }

    /// Types `text` into an element; a newline is typed as the Enter key.
    pub fn type_into(&self, el: &Element, text: &str) {
        let text = text.replace('\n', "\u{E007}");
        self.send(
            "POST",
            &self.session_path(&format!("/element/{}/value", el.0)),
            Some(json!({"text": text})),
        );
    }

    /// The element's text, or `None` when it is gone (a view re-rendered).
    pub fn try_text(&self, el: &Element) -> Option<String> {
        let url = format!(
            "{}{}",
            self.base,
            self.session_path(&format!("/element/{}/text", el.0))
        );
        let mut response = self.agent.get(&url).call().ok()?;
        if !response.status().is_success() {
            return None;
        }
        let value: Value = response.body_mut().read_json().ok()?;
        value["value"].as_str().map(str::to_owned)
    }

    pub fn text(&self, el: &Element) -> String {
        self.send(
            "GET",
            &self.session_path(&format!("/element/{}/text", el.0)),
            None,
        )
        .as_str()
        .unwrap_or_default()
        .to_owned()
    }

    /// Presses and releases keys as a keyboard would, wherever the focus is.
    pub fn press(&self, keys: &[&str]) {
        let mut actions = Vec::new();
        for key in keys {
            actions.push(json!({"type": "keyDown", "value": key}));
            actions.push(json!({"type": "keyUp", "value": key}));
        }
        self.send(
            "POST",
            &self.session_path("/actions"),
            Some(json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})),
        );
    }

    /// Selects `quote` in the reader's text as a mouse drag would leave it.
    pub fn select_in_reader(&self, quote: &str) {
        let selected = self.script(
            "const quote = arguments[0];
             const walker = document.createTreeWalker(document.getElementById('reader-text'), NodeFilter.SHOW_TEXT);
             while (walker.nextNode()) {
               const node = walker.currentNode;
               const at = node.data.indexOf(quote);
               if (at >= 0) {
                 const range = document.createRange();
                 range.setStart(node, at);
                 range.setEnd(node, at + quote.length);
                 window.getSelection().removeAllRanges();
                 window.getSelection().addRange(range);
                 return window.getSelection().toString();
               }
             }
             return null;",
            json!([quote]),
        );
        assert_eq!(selected, json!(quote), "the quote is in the reader");
    }

    /// Presses keys together (a chord such as Ctrl+Z), then releases them.
    pub fn chord(&self, keys: &[&str]) {
        let mut actions = Vec::new();
        for key in keys {
            actions.push(json!({"type": "keyDown", "value": key}));
        }
        for key in keys.iter().rev() {
            actions.push(json!({"type": "keyUp", "value": key}));
        }
        self.send(
            "POST",
            &self.session_path("/actions"),
            Some(json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})),
        );
    }

    /// Picks a file in the native "Open File" dialog as a person would: types its
    /// path into the dialog (GTK opens its location bar for a leading "/") and
    /// presses Return. The dialog must already be opening.
    pub fn choose_in_file_dialog(&self, path: &Path) {
        self.wait_for("the Open File dialog", || {
            let out = Command::new("xdotool")
                .args(["search", "--name", "Open File"])
                .env("DISPLAY", &self.display)
                .output()
                .ok()?;
            (out.status.success() && !out.stdout.is_empty()).then_some(())
        });
        std::thread::sleep(Duration::from_millis(1000));
        let xdotool = |args: &[&str]| {
            let status = Command::new("xdotool")
                .args(args)
                .env("DISPLAY", &self.display)
                .status()
                .expect("xdotool runs (apt-get install xdotool)");
            assert!(status.success(), "xdotool {args:?}");
        };
        let dialog_open = || {
            Command::new("xdotool")
                .args(["search", "--onlyvisible", "--name", "Open File"])
                .env("DISPLAY", &self.display)
                .output()
                .is_ok_and(|out| out.status.success() && !out.stdout.is_empty())
        };
        // Pasted into the location bar (Ctrl+L opens it): typed, the bar's
        // completion of names can arrive between keys and garble the path. A
        // dialog that is still open after Return gets the path again.
        let put_on_clipboard = || {
            use std::io::Write;
            let mut xclip = Command::new("xclip")
                .args(["-selection", "clipboard", "-i"])
                .env("DISPLAY", &self.display)
                .stdin(Stdio::piped())
                .spawn()
                .expect("xclip runs (apt-get install xclip)");
            xclip
                .stdin
                .take()
                .unwrap()
                .write_all(path.display().to_string().as_bytes())
                .unwrap();
            let _ = xclip.wait();
        };
        for _ in 0..3 {
            put_on_clipboard();
            xdotool(&["key", "ctrl+l"]);
            std::thread::sleep(Duration::from_millis(400));
            xdotool(&["key", "ctrl+a"]);
            xdotool(&["key", "ctrl+v"]);
            std::thread::sleep(Duration::from_millis(600));
            xdotool(&["key", "Return"]);
            std::thread::sleep(Duration::from_millis(1500));
            if !dialog_open() {
                return;
            }
        }
        let _ = Command::new("import")
            .args([
                "-display",
                &self.display,
                "-window",
                "root",
                "/tmp/file-dialog-failed.png",
            ])
            .status();
        panic!("the file dialog did not take {}", path.display());
    }

    /// Picks every file of `folder` in the native "Open File" dialog: goes to
    /// the folder through the location bar, then selects all of its files in the
    /// list (Ctrl+A) and presses Return. The dialog must already be opening.
    pub fn choose_all_in_file_dialog(&self, folder: &Path) {
        let mut path = folder.display().to_string();
        path.push('/');
        self.wait_for("the Open File dialog", || {
            let out = Command::new("xdotool")
                .args(["search", "--onlyvisible", "--name", "Open File"])
                .env("DISPLAY", &self.display)
                .output()
                .ok()?;
            (out.status.success() && !out.stdout.is_empty()).then_some(())
        });
        std::thread::sleep(Duration::from_millis(1000));
        let xdotool = |args: &[&str]| {
            let status = Command::new("xdotool")
                .args(args)
                .env("DISPLAY", &self.display)
                .status()
                .expect("xdotool runs (apt-get install xdotool)");
            assert!(status.success(), "xdotool {args:?}");
        };
        // Pasted, not typed: the bar's completion could garble a typed path.
        self.set_clipboard(&path);
        xdotool(&["key", "ctrl+l"]);
        std::thread::sleep(Duration::from_millis(400));
        xdotool(&["key", "ctrl+a"]);
        xdotool(&["key", "ctrl+v"]);
        std::thread::sleep(Duration::from_millis(600));
        xdotool(&["key", "Return"]);
        std::thread::sleep(Duration::from_millis(1200));
        // The folder opens with its list of files focused: all of them.
        xdotool(&["key", "ctrl+a"]);
        std::thread::sleep(Duration::from_millis(300));
        xdotool(&["key", "Return"]);
    }

    /// Resizes the app's window, as dragging its corner would.
    pub fn resize_window(&self, width: u32, height: u32) {
        self.send(
            "POST",
            &self.session_path("/window/rect"),
            Some(json!({"width": width, "height": height})),
        );
    }

    /// Puts text on the clipboard of the app's display, as copying it in
    /// another application would.
    pub fn set_clipboard(&self, text: &str) {
        use std::io::Write;
        let mut child = Command::new("xclip")
            .args(["-selection", "clipboard", "-i"])
            .env("DISPLAY", &self.display)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("xclip runs (apt-get install xclip)");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
        // xclip serves the selection from the background until another
        // application takes it over.
        let _ = child.wait();
    }

    /// What another application gets when it pastes `target` ("text/html",
    /// "UTF8_STRING") from the clipboard of the app's display.
    pub fn clipboard(&self, target: &str) -> String {
        let out = Command::new("xclip")
            .args(["-selection", "clipboard", "-o", "-t", target])
            .env("DISPLAY", &self.display)
            .output()
            .expect("xclip runs (apt-get install xclip)");
        assert!(
            out.status.success(),
            "xclip -t {target}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("clipboard text is UTF-8")
    }

    /// Runs a script in the page and returns its result.
    /// Whether a JavaScript alert, confirm or prompt is open.
    pub fn has_alert(&self) -> bool {
        let url = format!("{}{}", self.base, self.session_path("/alert/text"));
        self.agent
            .get(&url)
            .call()
            .is_ok_and(|r| r.status().is_success())
    }

    pub fn script(&self, script: &str, args: Value) -> Value {
        self.send(
            "POST",
            &self.session_path("/execute/sync"),
            Some(json!({"script": script, "args": args})),
        )
    }

    /// Runs an async script; it calls its last argument with the result.
    pub fn script_async(&self, script: &str, args: Value) -> Value {
        self.send(
            "POST",
            &self.session_path("/execute/async"),
            Some(json!({"script": script, "args": args})),
        )
    }

    /// A screenshot of the whole virtual screen, when COMMONPLACE_SCREENSHOTS names a folder.
    pub fn screenshot(&self, name: &str) {
        let Some(dir) = std::env::var_os("COMMONPLACE_SCREENSHOTS") else {
            return;
        };
        // The DOM can be ahead of what has been painted to the X server: wait
        // for two frames to be drawn, then for the X server to have them.
        self.script_async(
            "const done = arguments[arguments.length - 1];
             requestAnimationFrame(() => requestAnimationFrame(() => done(1)));",
            json!([]),
        );
        std::thread::sleep(Duration::from_millis(800));
        let path = Path::new(&dir).join(format!("{name}.png"));
        let status = Command::new("import")
            .args(["-display", &self.display, "-window", "root"])
            .arg(&path)
            .status();
        assert!(
            status.is_ok_and(|s| s.success()),
            "screenshot {name} failed"
        );
    }
}

impl Drop for App {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let url = format!("{}{}", self.base, self.session_path(""));
            let _ = self.agent.delete(&url).call();
        }
        // tauri-driver leaves WebKitWebDriver running unless its whole group goes.
        let _ = Command::new("kill")
            .args(["-TERM", "--", &format!("-{}", self.driver.id())])
            .status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        // SIGTERM lets Xvfb remove its lock file and socket (SIGKILL would not).
        let _ = Command::new("kill")
            .args(["-TERM", &self.xvfb.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline && matches!(self.xvfb.try_wait(), Ok(None)) {
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.xvfb.kill();
        let _ = self.xvfb.wait();
    }
}
