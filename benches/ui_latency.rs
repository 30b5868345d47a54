//! Keystroke to painted results, in the real app, on a library of 100,000 clips.
//!
//! Builds a library of synthetic clips (a fixed vocabulary with Zipf-like word
//! frequencies, a fixed seed, so every run searches the same library), starts the
//! built app under Xvfb through tauri-driver, types queries into the search box one
//! key at a time and, inside the page, times each key from its `keydown` to the
//! rendering of the frame that shows its results (a message posted from that
//! frame's animation callback, handled once the frame is rendered). Prints the
//! distribution, idle and with one core kept busy by a spinning process;
//! asserts nothing. `COMMONPLACE_APP=/path/to/another/build` measures another
//! build of the app (the figures before a change).
//!
//! `cargo bench --bench ui_latency` (CLIPS=20000 for a quicker run).

#[path = "../tests/it/webdriver.rs"]
#[allow(dead_code)]
mod webdriver;

use library::{Config, Library};
use serde_json::json;
use std::time::Instant;

mod fixture;
use fixture::build_library;

const QUERIES: [&str; 12] = [
    "people",
    "government",
    "water public",
    "school children",
    "\"the world\"",
    "pow*",
    "house -war",
    "tag:topic3 young",
    "author:author42",
    "president OR national",
    "development light",
    "night",
];

/// Every prefix of every query, as typing produces them.
fn keystrokes() -> Vec<String> {
    QUERIES
        .iter()
        .flat_map(|q| (1..=q.chars().count()).map(move |n| q.chars().take(n).collect::<String>()))
        .collect()
}

/// The same searches straight through the library, to tell the engine's share of
/// the latency from the IPC's and the page's.
fn time_library(dir: &std::path::Path, limit: usize) {
    let lib = Library::open(dir, Config::default()).expect("library opens");
    let mut timed: Vec<(f64, String)> = keystrokes()
        .into_iter()
        .map(|q| {
            let t = Instant::now();
            lib.search(&q, limit).expect("search runs");
            (t.elapsed().as_secs_f64() * 1000.0, q)
        })
        .collect();
    timed.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap());
    let ms: Vec<f64> = timed.iter().map(|t| t.0).collect();
    let slowest: Vec<String> = timed
        .iter()
        .rev()
        .take(5)
        .map(|(t, q)| format!("{q:?} {t:.1} ms"))
        .collect();
    println!(
        "library.search (limit {limit}, snippets and facets) over the same {} queries: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        ms.len(),
        percentile(&ms, 0.5),
        percentile(&ms, 0.95),
        ms.last().copied().unwrap_or(0.0)
    );
    println!("  slowest: {}", slowest.join(", "));
}

const INSTRUMENT: &str = "
  window.__latencies = [];

  const box = document.getElementById('search');
  let pending = null;
  box.addEventListener('keydown', () => { pending = { t0: performance.now() }; }, true);
  new MutationObserver(() => {
    if (!pending) return;
    const head = document.getElementById('results-head');
    if (!head || !head.textContent.endsWith('“' + box.value + '”')) return;
    const t0 = pending.t0;
    pending = null;
    // The frame that shows the results: a message posted from its animation-frame
    // callback is handled once that frame has been rendered.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.__latencies.push(performance.now() - t0);
      channel.port2.postMessage(0);
    });
  }).observe(document.getElementById('main'), { childList: true, subtree: true, characterData: true });
  return true;";

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// Types every query one key at a time, waiting for each key's results, and
/// returns the latencies in milliseconds, sorted.
fn type_queries(app: &webdriver::App) -> Vec<f64> {
    app.script(INSTRUMENT, json!([]));
    let search = app.find("#search");
    let mut typed = 0;
    for query in QUERIES {
        app.script("const b = document.getElementById('search'); b.value = ''; b.dispatchEvent(new Event('input', { bubbles: true })); return 1;", json!([]));
        for ch in query.chars() {
            app.type_into(&search, &ch.to_string());
            typed += 1;
            // Wait for this key's results before the next key, as a reader would see them.
            app.wait_for("the results of a keystroke", || {
                let n = app.script("return window.__latencies.length", json!([]));
                (n.as_u64().unwrap_or(0) as usize >= typed).then_some(())
            });
        }
    }
    let mut latencies: Vec<f64> =
        serde_json::from_value(app.script("return window.__latencies", json!([]))).unwrap();
    latencies.sort_by(|a, b| a.partial_cmp(b).unwrap());
    latencies
}

fn main() {
    let clips: usize = std::env::var("CLIPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("library");
    build_library(&dir, clips);
    time_library(&dir, 40);

    println!("| keystroke to painted results, {clips} clips | p50 | p95 | max |");
    println!("|---|---|---|---|");
    for (label, busy) in [("idle", false), ("one core busy", true)] {
        let mut spin = busy.then(fixture::spinner);
        let app = webdriver::App::launch(&dir);
        fixture::wait_interactive(&app);
        let latencies = type_queries(&app);
        drop(app);
        if let Some(child) = spin.as_mut() {
            let _ = child.kill();
            let _ = child.wait();
        }
        println!(
            "| {label}, {} keystrokes | {:.1} ms | {:.1} ms | {:.1} ms |",
            latencies.len(),
            percentile(&latencies, 0.5),
            percentile(&latencies, 0.95),
            latencies.last().copied().unwrap_or(0.0),
        );
    }
}
