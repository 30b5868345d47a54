//! Capture to visible: from the moment the browser would start the native
//! messaging host with a page to the moment the capture is on screen in the
//! running app's Recent captures, for pages of 10 KB, 1 MB and 10 MB.
//!
//! Starts the built app under Xvfb through tauri-driver with the inbox open,
//! and for each capture runs the real `commonplace` host as a browser does
//! (the extension's origin as argument, one framed message on stdin). The
//! host checks the message and relays it over the app's socket; the app reads
//! the page, saves it and pushes the change event; the inbox reloads and
//! draws the row. A MutationObserver in the page notes when each row appears
//! (wall-clock milliseconds, the same clock as the host's start). Prints
//! p50/p95 per size; asserts nothing.
//!
//! `cargo bench --bench capture_latency` (RUNS=5 for a quicker run).

#[path = "../tests/it/webdriver.rs"]
#[allow(dead_code)]
mod webdriver;

use serde_json::json;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const ORIGIN: &str = "chrome-extension://hcgnllkjlmcheccdfoleflhlhacojocf/";
const WORDS: [&str; 24] = [
    "market",
    "regulator",
    "fined",
    "company",
    "record",
    "investigation",
    "shopping",
    "results",
    "appeal",
    "analysts",
    "reserves",
    "remedies",
    "retail",
    "online",
    "brussels",
    "competition",
    "ranking",
    "rivals",
    "traffic",
    "decision",
    "billion",
    "euros",
    "service",
    "users",
];

/// A news page of about `bytes` bytes whose paragraph `marker` is unique.
fn page(bytes: usize, marker: &str) -> String {
    let mut body = String::with_capacity(bytes + 1024);
    let mut n = 0usize;
    body.push_str(&format!(
        "<p>The {marker} passage opens this report on competition in online retail.</p>\n"
    ));
    while body.len() < bytes {
        body.push_str("<p>");
        for i in 0..60 {
            body.push_str(WORDS[(n * 7 + i * 13) % WORDS.len()]);
            body.push(' ');
        }
        body.push_str("end.</p>\n");
        n += 1;
    }
    format!(
        "<!DOCTYPE html><html><head><title>Report {marker}</title><meta property=\"og:site_name\" content=\"Bench Ledger\"></head>\
         <body><article><h1>Report {marker}</h1>{body}</article></body></html>"
    )
}

fn now_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs_f64()
        * 1000.0
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() {
    let host = std::path::Path::new(&webdriver::app_binary()).with_file_name("commonplace");
    assert!(host.is_file(), "build the host first: cargo build -p cli");
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(9);
    let tmp = tempfile::Builder::new()
        .prefix("cpb")
        .tempdir_in("/tmp")
        .unwrap();
    let runtime = tmp.path().join("run");
    std::fs::create_dir_all(&runtime).unwrap();
    std::fs::set_permissions(
        &runtime,
        std::os::unix::fs::PermissionsExt::from_mode(0o700),
    )
    .unwrap();
    let library = tmp.path().join("library");
    let app =
        webdriver::App::launch_with(&library, &[("XDG_RUNTIME_DIR", runtime.to_str().unwrap())]);
    app.wait_text(".empty-state h1", |t| !t.is_empty());
    app.click_on("#captures-link");
    app.find("#captures-empty");
    app.script(
        "window.__seen = {};
         new MutationObserver(() => {
           for (const q of document.querySelectorAll('#captures .capture-title')) {
             if (!(q.textContent in window.__seen)) window.__seen[q.textContent] = Date.now();
           }
         }).observe(document.body, { childList: true, subtree: true, characterData: true });",
        json!([]),
    );
    println!("capture to visible in the running app ({runs} captures per size, new source each)");
    for (label, bytes) in [
        ("10 KB", 10_000),
        ("1 MB", 1_000_000),
        ("10 MB", 10_000_000),
    ] {
        let mut times = Vec::new();
        for run in 0..runs {
            let marker = format!("m{bytes}x{run}");
            let exact = format!("The {marker} passage opens this report");
            let message = json!({"v": 1, "type": "capture",
                "page": {"url": format!("https://bench.example/{marker}"), "title": format!("Report {marker}"), "html": page(bytes, &marker)},
                "selection": {"exact": exact, "prefix": "", "suffix": "", "start": 0, "end": 10}})
            .to_string();
            let started = now_ms();
            let mut child = Command::new(&host)
                .arg(ORIGIN)
                .env("XDG_RUNTIME_DIR", &runtime)
                .env("COMMONPLACE_LIBRARY", &library)
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            let mut stdin = child.stdin.take().unwrap();
            stdin
                .write_all(&(message.len() as u32).to_ne_bytes())
                .unwrap();
            stdin.write_all(message.as_bytes()).unwrap();
            drop(stdin);
            let out = child.wait_with_output().unwrap();
            assert!(
                String::from_utf8_lossy(&out.stdout).contains("\"ok\":true"),
                "the capture failed: {}",
                String::from_utf8_lossy(&out.stdout)
            );
            let title = format!("Report {marker}");
            let deadline = Instant::now() + Duration::from_secs(60);
            let shown = loop {
                let seen = app.script(
                    "return window.__seen[arguments[0]] ?? null;",
                    json!([title]),
                );
                if let Some(ms) = seen.as_f64() {
                    break ms;
                }
                assert!(Instant::now() < deadline, "{title} never appeared");
                std::thread::sleep(Duration::from_millis(20));
            };
            times.push(shown - started);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{label:>6}: p50 {:>7.0} ms   p95 {:>7.0} ms   (min {:.0}, max {:.0})",
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            times[0],
            times[times.len() - 1]
        );
    }
}
