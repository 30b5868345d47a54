//! Start to interactive, and memory, of the real app on a library of 100,000
//! clips (issue 13).
//!
//! Each run starts the release build of the app under Xvfb through
//! tauri-driver and measures, on the wall clock, from just before the WebDriver
//! session starts the app to the `commonplace-interactive` performance mark the
//! page sets once the workspace is usable (the shell painted, the first sources
//! listed, the search box taking keys). The page's mark is placed on the wall
//! clock by its `performance.timeOrigin`. Then one search is typed, and the
//! proportional set size (PSS, from `/proc/PID/smaps_rollup`) is summed over the
//! app's process and the WebKit processes it started. Runs idle, then with one
//! core kept busy by a spinning process. Prints medians; asserts nothing.
//!
//! `cargo bench --bench startup` (`CLIPS=20000`, `RUNS=3` for a quicker run).

#[path = "../tests/it/webdriver.rs"]
#[allow(dead_code)]
mod webdriver;

mod fixture;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

fn epoch_ms(t: SystemTime) -> f64 {
    t.duration_since(UNIX_EPOCH).unwrap().as_secs_f64() * 1000.0
}

/// Every process whose parent chain leads to one of `roots`.
fn descendants(roots: &[u32]) -> Vec<u32> {
    let mut parents: Vec<(u32, u32)> = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        // The command name may hold spaces: the parent is after the last ')'.
        let after = &stat[stat.rfind(')').unwrap_or(0) + 2..];
        let ppid: u32 = after
            .split_whitespace()
            .nth(1)
            .and_then(|p| p.parse().ok())
            .unwrap_or(0);
        parents.push((pid, ppid));
    }
    let mut out: Vec<u32> = roots.to_vec();
    let mut grew = true;
    while grew {
        grew = false;
        for &(pid, ppid) in &parents {
            if out.contains(&ppid) && !out.contains(&pid) {
                out.push(pid);
                grew = true;
            }
        }
    }
    out
}

/// The app's process: the one running the binary under test.
fn app_pid() -> Option<u32> {
    let binary = webdriver::app_binary();
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue; // not a process: /proc/self, /proc/meminfo, ...
        };
        if std::fs::read_link(format!("/proc/{pid}/exe"))
            .is_ok_and(|exe| exe.to_string_lossy() == binary)
        {
            return Some(pid);
        }
    }
    None
}

fn pss_mb(pids: &[u32]) -> f64 {
    let mut kb = 0u64;
    for pid in pids {
        let Ok(rollup) = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")) else {
            continue;
        };
        for line in rollup.lines() {
            if let Some(rest) = line.strip_prefix("Pss:") {
                kb += rest
                    .trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse::<u64>()
                    .unwrap_or(0);
            }
        }
    }
    kb as f64 / 1024.0
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

struct Run {
    interactive_ms: f64,
    pss_mb: f64,
}

fn one_run(dir: &std::path::Path) -> Run {
    let started = SystemTime::now();
    let app = webdriver::App::launch(dir);
    let mark = fixture::wait_interactive(&app);
    let interactive_ms = mark - epoch_ms(started);
    let search = app.find("#search");
    app.type_into(&search, "people");
    app.wait_text("#results-head", |t| t.ends_with("“people”"));
    std::thread::sleep(Duration::from_millis(500));
    let pid = app_pid().expect("the app's process is found by its binary");
    let pids = descendants(&[pid]);
    let pss = pss_mb(&pids);
    drop(app);
    Run {
        interactive_ms,
        pss_mb: pss,
    }
}

fn main() {
    let clips: usize = std::env::var("CLIPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("library");
    fixture::build_library(&dir, clips);
    let empty = tmp.path().join("empty");
    // A first start builds the index caches of the disk: not counted.
    let _warm = one_run(&dir);
    println!(
        "| {clips} clips, median of {runs} starts | start to interactive | PSS after a search |"
    );
    println!("|---|---|---|");
    for (label, busy) in [("idle", false), ("one core busy", true)] {
        let mut spin = busy.then(fixture::spinner);
        let full = format!("{clips}-clip library");
        for (what, library) in [("empty library", &empty), (full.as_str(), &dir)] {
            let results: Vec<Run> = (0..runs).map(|_| one_run(library)).collect();
            println!(
                "| {what}, {label} | {:.0} ms | {:.0} MB |",
                median(results.iter().map(|r| r.interactive_ms).collect()),
                median(results.iter().map(|r| r.pss_mb).collect()),
            );
        }
        if let Some(child) = spin.as_mut() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
