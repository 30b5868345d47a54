//! htmldate's evaluation pages: `dates/pages/NAME.gz` and `truth.json`
//! (`{"NAME": {"url", "date"}}`). Scored as htmldate scores it: the importer
//! gets the HTML without the address, the exact day is a hit, another date a
//! false positive, no date a miss (and no date where none is expected a true
//! negative). A second figure, labelled, gives the address as the app would.

use crate::score::{gunzip, DateScore};
use crate::{Report, Worst};
use serde_json::Value;
use std::path::Path;
use std::time::Instant;

pub fn run(corpus: &Path, report: &mut Report) {
    let dir = corpus.join("dates");
    let Ok(truth) = std::fs::read_to_string(dir.join("truth.json")) else {
        println!("(no dates/ set in {})", corpus.display());
        return;
    };
    let truth: serde_json::Map<String, Value> = serde_json::from_str(&truth).unwrap();
    let mut names: Vec<&String> = truth.keys().collect();
    names.sort();
    let (mut without_url, mut with_url) = (DateScore::default(), DateScore::default());
    let mut origins = std::collections::BTreeMap::<String, (usize, usize)>::new();
    let mut worst = Worst::default();
    let mut times = Vec::new();
    for name in names {
        let bytes = gunzip(&dir.join("pages").join(format!("{name}.gz")));
        let want = truth[name]["date"].as_str();
        let url = truth[name]["url"].as_str();
        let t = Instant::now();
        let page = ingest::html::import(&bytes, None);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        let (got, origin) = match &page {
            Ok(p) => (
                p.meta
                    .issued
                    .filter(|d| d.day.is_some())
                    .map(|d| d.to_string()),
                p.origins.get("issued").cloned().unwrap_or_default(),
            ),
            Err(e) => (None, format!("refused: {e}")),
        };
        let right = without_url.add(got.as_deref(), want);
        let entry = origins
            .entry(if got.is_some() {
                origin.clone()
            } else {
                "none".into()
            })
            .or_default();
        entry.0 += 1;
        entry.1 += usize::from(right);
        if !right {
            worst.add(
                name,
                0.0,
                format!(
                    "got {} ({origin}), expected {}",
                    got.as_deref().unwrap_or("nothing"),
                    want.unwrap_or("nothing")
                ),
            );
        }
        let with = ingest::html::import(&bytes, url)
            .ok()
            .and_then(|p| p.meta.issued.filter(|d| d.day.is_some()))
            .map(|d| d.to_string());
        with_url.add(with.as_deref(), want);
    }
    println!(
        "== dates/ ({} pages, publication day; HTML only, as htmldate is scored)",
        truth.len()
    );
    println!("dates: {}", without_url.show());
    println!(
        "dates with the address given (as in the app, not comparable to htmldate): {}",
        with_url.show()
    );
    println!("by origin (answers, right):");
    for (origin, (n, right)) in &origins {
        println!("  {origin:<28} {n:>4} {right:>4}");
    }
    worst.print_all(
        "wrong or missing dates",
        std::env::var_os("VERBOSE").is_some(),
    );
    report.times.extend(times);
}
