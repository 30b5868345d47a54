//! The index over time (issue 11): a library used from the command line one
//! command at a time, as a writer's scripts and the browser's capture host use
//! it. Runs N single-clip commands through the real `commonplace` binary (adds,
//! note edits, tag edits and deletes), then reports the index's segment count
//! and the search latency, side by side with the same library right after its
//! index is rebuilt from scratch.
//!
//! `cargo bench -p cli --bench single_commands` (10,000 commands), or
//! `cargo bench -p cli --bench single_commands -- 2000` for a shorter run.
//! Targets: at most 30 segments; search latency within 10% of the rebuilt index.

#[path = "../../library/testkit/rng.rs"]
mod rng;

use library::{Config, Library};
use std::process::Command;
use std::time::Instant;

const WORDS: &[&str] = &[
    "market",
    "regulator",
    "fined",
    "record",
    "investigation",
    "prices",
    "wind",
    "power",
    "coal",
    "growth",
    "report",
    "company",
    "platform",
    "merchants",
    "antitrust",
    "policy",
    "tariffs",
    "inflation",
    "supply",
    "chain",
    "energy",
    "storage",
    "grid",
    "bank",
];

fn commonplace(lib: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_commonplace"));
    cmd.arg("--library")
        .arg(lib)
        .env_remove("COMMONPLACE_LIBRARY");
    cmd
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().expect("the binary runs");
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// p50 and p99 of a query set, in milliseconds, each query run 5 times.
fn latency(lib: &Library, queries: &[String]) -> (f64, f64) {
    let mut times = Vec::new();
    for _ in 0..5 {
        for q in queries {
            let start = Instant::now();
            let results = lib.search(q, 40).unwrap();
            std::hint::black_box(results);
            times.push(start.elapsed().as_secs_f64() * 1000.0);
        }
    }
    times.sort_by(f64::total_cmp);
    (percentile(&times, 0.5), percentile(&times, 0.99))
}

fn main() {
    let commands: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let mut rng = rng::Rng(11);
    // One long source: its sentences are what the clips quote.
    let sentences: Vec<String> = (0..3000)
        .map(|i| {
            let words: Vec<&str> = (0..9).map(|_| WORDS[rng.zipf(WORDS.len())]).collect();
            format!("Sentence {i} says {}.", words.join(" "))
        })
        .collect();
    let text_file = tmp.path().join("source.txt");
    std::fs::write(&text_file, sentences.join("\n\n")).unwrap();
    let source: serde_json::Value = serde_json::from_str(&run(commonplace(&lib)
        .args(["--json", "source", "add", "--title", "The long report"])
        .arg(&text_file)))
    .unwrap();
    let source = source["id"].as_str().unwrap().to_owned();

    let started = Instant::now();
    let mut clips: Vec<String> = Vec::new();
    for n in 0..commands {
        let roll = rng.below(10);
        if roll < 7 || clips.len() < 10 {
            let sentence = &sentences[rng.below(sentences.len())];
            let out = run(commonplace(&lib).args([
                "--json",
                "clip",
                "add",
                &source,
                "--quote",
                sentence,
                "--tag",
                WORDS[rng.below(WORDS.len())],
            ]));
            let clip: serde_json::Value = serde_json::from_str(&out).unwrap();
            clips.push(clip["id"].as_str().unwrap().to_owned());
        } else if roll < 9 {
            let id = &clips[rng.below(clips.len())];
            let note = format!("note {n} on {}", WORDS[rng.below(WORDS.len())]);
            run(commonplace(&lib).args(["clip", "edit", id, "--note", &note]));
        } else {
            let id = clips.swap_remove(rng.below(clips.len()));
            run(commonplace(&lib).args(["clip", "delete", &id]));
        }
        if (n + 1) % 1000 == 0 {
            eprintln!(
                "{} commands, {:.1} ms each",
                n + 1,
                started.elapsed().as_secs_f64() * 1000.0 / (n + 1) as f64
            );
        }
    }
    let per_command = started.elapsed().as_secs_f64() * 1000.0 / commands as f64;

    let queries: Vec<String> = (0..100)
        .map(|i| match i % 4 {
            0 => WORDS[rng.below(WORDS.len())].to_owned(),
            1 => format!(
                "{} {}",
                WORDS[rng.zipf(WORDS.len())],
                WORDS[rng.below(WORDS.len())]
            ),
            2 => format!(
                "\"{} {}\"",
                WORDS[rng.zipf(WORDS.len())],
                WORDS[rng.zipf(WORDS.len())]
            ),
            _ => format!(
                "tag:{} {}",
                WORDS[rng.below(WORDS.len())],
                WORDS[rng.zipf(WORDS.len())]
            ),
        })
        .collect();
    let config = Config {
        registry: None,
        ..Config::default()
    };
    let library = Library::open(&lib, config).unwrap();
    let health = library.health().unwrap();
    assert!(health.is_ok(), "{health:?}");
    let (used_p50, used_p99) = latency(&library, &queries);
    library.rebuild_search_index().unwrap();
    let rebuilt = library.health().unwrap().segments;
    let (fresh_p50, fresh_p99) = latency(&library, &queries);

    println!("{commands} single commands through the CLI ({per_command:.1} ms each); {} clips at the end", health.clips);
    println!("| index | segments | search p50 ms | search p99 ms |");
    println!("|---|---|---|---|");
    println!(
        "| after the commands | {} | {used_p50:.2} | {used_p99:.2} |",
        health.segments
    );
    println!("| rebuilt from scratch | {rebuilt} | {fresh_p50:.2} | {fresh_p99:.2} |");
    println!(
        "p50 ratio {:.2}, p99 ratio {:.2} (target: segments <= 30, latency within 10%)",
        used_p50 / fresh_p50,
        used_p99 / fresh_p99
    );
}
