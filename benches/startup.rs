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

/// When a process started, on the wall clock (to 10 ms: the kernel counts
/// clock ticks since boot, and the boot time is now less the uptime).
fn started_at_ms(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("the app's stat");
    let after = &stat[stat.rfind(')').unwrap_or(0) + 2..];
    // Field 22 of the line, the 20th after the command name.
    let ticks: f64 = after
        .split_whitespace()
        .nth(19)
        .and_then(|t| t.parse().ok())
        .expect("start time in ticks");
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .expect("uptime")
        .split_whitespace()
        .next()
        .and_then(|u| u.parse().ok())
        .expect("uptime in seconds");
    // /proc counts in USER_HZ, 100 on Linux whatever the kernel's own rate.
    let hz = 100.0;
    epoch_ms(SystemTime::now()) - uptime * 1000.0 + ticks / hz * 1000.0
}

/// The process's short name, for the memory breakdown.
fn process_name(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .map(|c| c.trim().to_owned())
        .unwrap_or_default()
}

fn pss_mb(pids: &[u32]) -> f64 {
    pids.iter().map(|&pid| pss_mb_of(pid)).sum()
}

fn pss_mb_of(pid: u32) -> f64 {
    let Ok(rollup) = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")) else {
        return 0.0; // the process has ended
    };
    let kb: u64 = rollup
        .lines()
        .filter_map(|line| line.strip_prefix("Pss:"))
        .map(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<u64>()
                .unwrap_or(0)
        })
        .sum();
    kb as f64 / 1024.0
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

struct Run {
    /// From the app's process starting to the page's interactive mark: what a
    /// writer waits after launching it.
    interactive_ms: f64,
    /// From the process starting to the page starting to load, to its
    /// document being parsed with its script run, to the workspace mounted, and
    /// to its event listeners registered.
    phases: [f64; 5],
    /// From the WebDriver session being asked for (tauri-driver and
    /// WebKitWebDriver starting the app) to the same mark.
    session_ms: f64,
    pss_mb: f64,
    /// PSS by process name, for the breakdown.
    by_process: Vec<(String, f64)>,
}

fn one_run(dir: &std::path::Path) -> Run {
    let started = SystemTime::now();
    let app = webdriver::App::launch(dir);
    let mark = fixture::wait_interactive(&app);
    let session_ms = mark - epoch_ms(started);
    let pid = app_pid().expect("the app's process is found by its binary");
    let began = started_at_ms(pid);
    let interactive_ms = mark - began;
    // Where the time goes: the page starts loading, its script has run.
    let page = app.script(
        "const n = performance.getEntriesByType('navigation')[0];
         const at = (name) => {
           const m = performance.getEntriesByName(name);
           return m.length ? performance.timeOrigin + m[0].startTime : null;
         };
         return [performance.timeOrigin, performance.timeOrigin + (n ? n.domContentLoadedEventEnd : 0),
                 at('commonplace-mounted'), at('commonplace-listening'), at('commonplace-started')];",
        serde_json::json!([]),
    );
    let phases = [0, 1, 2, 3, 4].map(|i| page[i].as_f64().unwrap_or(began) - began);
    let search = app.find("#search");
    app.type_into(&search, "people");
    app.wait_text("#results-head", |t| t.ends_with("“people”"));
    std::thread::sleep(Duration::from_millis(500));
    let pids = descendants(&[pid]);
    let pss = pss_mb(&pids);
    let by_process = pids
        .iter()
        .map(|&pid| (process_name(pid), pss_mb_of(pid)))
        .collect();
    drop(app);
    Run {
        interactive_ms,
        phases,
        session_ms,
        pss_mb: pss,
        by_process,
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
        "| {clips} clips, median of {runs} starts | start to interactive | with the WebDriver session | PSS after a search |"
    );
    println!("|---|---|---|---|");
    let mut breakdowns = Vec::new();
    for (label, busy) in [("idle", false), ("one core busy", true)] {
        let mut spin = busy.then(fixture::spinner);
        let full = format!("{clips}-clip library");
        for (what, library) in [("empty library", &empty), (full.as_str(), &dir)] {
            let results: Vec<Run> = (0..runs).map(|_| one_run(library)).collect();
            println!(
                "| {what}, {label} | {:.0} ms | {:.0} ms | {:.0} MB |",
                median(results.iter().map(|r| r.interactive_ms).collect()),
                median(results.iter().map(|r| r.session_ms).collect()),
                median(results.iter().map(|r| r.pss_mb).collect()),
            );
            breakdowns.push((format!("{what}, {label}"), results));
        }
        if let Some(child) = spin.as_mut() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
    println!();
    println!("PSS by process (median of the starts, MB):");
    for (what, results) in &breakdowns {
        let mut names: Vec<&str> = results
            .iter()
            .flat_map(|r| r.by_process.iter().map(|(n, _)| n.as_str()))
            .collect();
        names.sort();
        names.dedup();
        let parts: Vec<String> = names
            .iter()
            .map(|name| {
                let per_run = results
                    .iter()
                    .map(|r| {
                        r.by_process
                            .iter()
                            .filter(|(n, _)| n == name)
                            .map(|(_, mb)| mb)
                            .sum()
                    })
                    .collect();
                format!("{name} {:.0}", median(per_run))
            })
            .collect();
        println!("  {what}: {}", parts.join(", "));
        println!(
            "    the page began loading at {:.0} ms, its document was ready at {:.0} ms, the workspace mounted at {:.0} ms listened to events at {:.0} ms, had its lists at {:.0} ms",
            median(results.iter().map(|r| r.phases[0]).collect()),
            median(results.iter().map(|r| r.phases[1]).collect()),
            median(results.iter().map(|r| r.phases[2]).collect()),
            median(results.iter().map(|r| r.phases[3]).collect()),
            median(results.iter().map(|r| r.phases[4]).collect()),
        );
    }
}
