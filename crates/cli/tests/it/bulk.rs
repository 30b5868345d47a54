//! Bulk import, and what a SIGKILL in the middle of one leaves behind.

use crate::{commonplace, ok};
use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

/// A JSON Lines file of `n` clips over `n / 50` text-less sources; quote `i` holds
/// the unique word `marker{i}x` so each clip can be looked up by search.
fn write_jsonl(path: &std::path::Path, n: usize) {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..n {
        let record = serde_json::json!({
            "source": {
                "title": format!("Report number {}", i / 50),
                "authors": ["Doe, Jane"],
                "url": format!("https://example.org/report/{}", i / 50),
            },
            "quote": format!("Finding {i} of the report: prices rose marker{i}x in the quarter."),
            "tags": [format!("batch{}", i % 7)],
        });
        writeln!(file, "{record}").unwrap();
    }
}

#[test]
fn a_bulk_import_reports_each_committed_batch_and_the_total() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let input = tmp.path().join("clips.jsonl");
    write_jsonl(&input, 250);
    let out = ok(commonplace(&lib)
        .args(["--json", "import", "--batch", "100"])
        .arg(&input));
    let events: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let saved: Vec<u64> = events
        .iter()
        .map(|e| e["saved"].as_u64().unwrap())
        .collect();
    assert_eq!(saved, vec![100, 200, 250, 250]);
    assert_eq!(events.last().unwrap()["event"], "done");
    let found = ok(commonplace(&lib).args(["search", "marker249x"]));
    assert!(found.contains("1 clip matches"), "{found}");
    let sources = ok(commonplace(&lib).args(["source", "list"]));
    assert_eq!(
        sources.lines().count(),
        5,
        "50 clips per source URL: {sources}"
    );
}

#[test]
fn sigkill_during_a_bulk_import_loses_no_clip_it_reported_as_saved() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let input = tmp.path().join("clips.jsonl");
    write_jsonl(&input, 5000);
    let mut child = commonplace(&lib)
        .args(["--json", "import", "--batch", "100"])
        .arg(&input)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut reported = 0;
    let mut events = BufReader::new(child.stdout.take().unwrap()).lines();
    while let Some(Ok(line)) = events.next() {
        let event: serde_json::Value = serde_json::from_str(&line).unwrap();
        reported = event["saved"].as_u64().unwrap();
        if reported >= 1000 {
            break;
        }
    }
    child.kill().expect("SIGKILL the import");
    child.wait().unwrap();
    assert!(
        reported >= 1000,
        "the import reported progress before it was killed"
    );

    let lib =
        library::Library::open(&lib, library::Config::default()).expect("reopens after the kill");
    let health = lib.health().unwrap();
    assert!(
        health.is_ok(),
        "index converged and SQLite is sound: {health:?}"
    );
    assert!(
        health.clips >= reported,
        "{} clips in the library, {reported} reported",
        health.clips
    );
    assert!(
        health.clips < 5000,
        "the kill came before the end, or the test proves nothing"
    );
    for i in 0..reported {
        let hits = lib.search(&format!("marker{i}x"), 2).unwrap();
        assert_eq!(
            hits.total, 1,
            "clip {i} was reported saved and must be searchable"
        );
    }
}
