//! Searching while the library is being written (issue 12): the same queries on
//! a 100,000-clip library, first alone, then while another thread runs a bulk
//! import without pause (batches of 2,000 clips, each its transaction and index
//! commit), as a browser capture or a big import would while the writer
//! searches. Prints p50 and p99 side by side; the target is p99 under load
//! within twice the p99 alone. Asserts nothing.
//!
//! `cargo bench -p library --bench search_under_load` (`CLIPS=20000` for a
//! quicker run).

use library::{BulkRecord, BulkSource, Config, Library};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[path = "../testkit/rng.rs"]
mod rng;
use rng::Rng;

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
    "rates",
    "central",
    "lending",
    "households",
    "wages",
    "labour",
    "shortage",
    "exports",
    "imports",
    "shipping",
    "ports",
    "freight",
    "chips",
    "semiconductor",
    "subsidies",
    "industry",
    "climate",
    "emissions",
    "carbon",
    "solar",
    "battery",
    "lithium",
    "mining",
    "copper",
    "steel",
    "housing",
];

fn sentence(rng: &mut Rng) -> String {
    let n = 8 + rng.below(14);
    (0..n)
        .map(|_| WORDS[rng.zipf(WORDS.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

fn records(rng: &mut Rng, from: usize, count: usize) -> Vec<(u64, Result<BulkRecord, String>)> {
    (from..from + count)
        .map(|i| {
            let record = BulkRecord {
                source: Some(BulkSource {
                    title: format!("Report {}", i / 40),
                    url: Some(format!("https://example.org/report/{}", i / 40)),
                    ..BulkSource::default()
                }),
                quote: format!("{} {i}", sentence(rng)),
                tags: vec![format!("topic{}", rng.zipf(60))],
                ..BulkRecord::default()
            };
            (i as u64 + 1, Ok(record))
        })
        .collect()
}

fn queries(rng: &mut Rng) -> Vec<String> {
    (0..300)
        .map(|i| {
            let w = |rng: &mut Rng| WORDS[rng.zipf(WORDS.len())];
            match i % 5 {
                0 => w(rng).to_owned(),
                1 => format!("\"{} {}\"", w(rng), w(rng)),
                2 => format!("{} {} -{}", w(rng), w(rng), w(rng)),
                3 => format!("{}*", &w(rng)[..3]),
                _ => format!("tag:topic{} {}", rng.zipf(60), w(rng)),
            }
        })
        .collect()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Latencies in milliseconds of three passes over the queries.
fn run(lib: &Library, queries: &[String]) -> Vec<f64> {
    let mut times = Vec::new();
    for _ in 0..3 {
        for q in queries {
            let start = Instant::now();
            std::hint::black_box(lib.search(q, 20).unwrap());
            times.push(start.elapsed().as_secs_f64() * 1000.0);
        }
    }
    times.sort_by(f64::total_cmp);
    times
}

fn main() {
    let clips: usize = std::env::var("CLIPS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let tmp = tempfile::tempdir().unwrap();
    let config = Config {
        registry: None,
        ..Config::default()
    };
    let lib = Arc::new(Library::open(tmp.path(), config).unwrap());
    let mut rng = Rng(12);
    let started = Instant::now();
    for from in (0..clips).step_by(5_000) {
        let batch = records(&mut rng, from, 5_000.min(clips - from));
        lib.import_clips(batch.into_iter(), 5_000, |_| {}).unwrap();
    }
    eprintln!(
        "{clips} clips imported in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let queries = queries(&mut rng);
    run(&lib, &queries); // warm-up
    let alone = run(&lib, &queries);

    let stop = Arc::new(AtomicBool::new(false));
    let written = Arc::new(AtomicU64::new(0));
    let writer = {
        let (lib, stop, written) = (lib.clone(), stop.clone(), written.clone());
        std::thread::spawn(move || {
            let mut rng = Rng(99);
            let mut from = clips;
            while !stop.load(Ordering::SeqCst) {
                let batch = records(&mut rng, from, 2_000);
                lib.import_clips(batch.into_iter(), 2_000, |_| {}).unwrap();
                written.fetch_add(2_000, Ordering::SeqCst);
                from += 2_000;
            }
        })
    };
    std::thread::sleep(Duration::from_millis(500));
    let load_started = Instant::now();
    let loaded = run(&lib, &queries);
    let seconds = load_started.elapsed().as_secs_f64();
    stop.store(true, Ordering::SeqCst);
    writer.join().unwrap();
    let rate = written.load(Ordering::SeqCst) as f64 / (seconds + 0.5);

    println!("search on {clips} clips, 900 queries (5 classes), p50 / p99 in ms");
    println!("| | p50 | p99 |");
    println!("|---|---|---|");
    println!(
        "| alone | {:.2} | {:.2} |",
        percentile(&alone, 0.5),
        percentile(&alone, 0.99)
    );
    println!(
        "| during a bulk import ({rate:.0} clips/s written) | {:.2} | {:.2} |",
        percentile(&loaded, 0.5),
        percentile(&loaded, 0.99)
    );
    println!(
        "p99 under load / alone: {:.2} (target: within 2)",
        percentile(&loaded, 0.99) / percentile(&alone, 0.99)
    );
}
