//! trafilatura's evaluation pages: `extraction/pages/NAME.gz` and `truth.json`
//! with, per page, segments the article text must contain (`with`) and must not
//! (`without`), plus the source's author, site and date annotations where it has
//! them. Scored as trafilatura scores it: whitespace-normalised, case-sensitive
//! substring search; counts summed over all pages.

use crate::score::{byline_agrees, gunzip, norm, Prf, Tally};
use crate::{Report, Worst};
use serde_json::Value;
use std::path::Path;
use std::time::Instant;

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Scores one extracted text against a page's segments.
pub fn segments(text: &str, entry: &Value) -> (Prf, Vec<String>) {
    let text = squash(text);
    let list = |k: &str| {
        entry[k]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(squash)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let mut prf = Prf::default();
    let mut notes = Vec::new();
    for s in list("with") {
        if text.contains(&s) {
            prf.tp += 1;
        } else {
            prf.fn_ += 1;
            notes.push(format!("lost {s:?}"));
        }
    }
    for s in list("without") {
        if text.contains(&s) {
            prf.fp += 1;
            notes.push(format!("kept {s:?}"));
        }
    }
    (prf, notes)
}

pub fn run(corpus: &Path, report: &mut Report) {
    let dir = corpus.join("extraction");
    let Ok(truth) = std::fs::read_to_string(dir.join("truth.json")) else {
        println!("(no extraction/ set in {})", corpus.display());
        return;
    };
    let truth: serde_json::Map<String, Value> = serde_json::from_str(&truth).unwrap();
    let mut names: Vec<&String> = truth.keys().collect();
    names.sort();
    let mut total = Prf::default();
    // rs-trafilatura alone, and as a fallback where ours found little text.
    let (mut other, mut fallback) = (Prf::default(), Prf::default());
    let (mut byline, mut site, mut date) = (Tally::default(), Tally::default(), Tally::default());
    let mut worst = Worst::default();
    let mut times = Vec::new();
    let mut refused = 0;
    for name in names {
        let entry = &truth[name];
        let bytes = gunzip(&dir.join("pages").join(format!("{name}.gz")));
        let t = Instant::now();
        let page = ingest::html::import(&bytes, entry["url"].as_str());
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        let page = match page {
            Ok(p) => Some(p),
            Err(_) => {
                refused += 1;
                None
            }
        };
        let text = page
            .as_ref()
            .map(|p| model::SourceText::new(&p.blocks).as_str().to_owned())
            .unwrap_or_default();
        let (prf, mut notes) = segments(&text, entry);
        total.add(prf);
        compare(&bytes, &text, entry, &mut other, &mut fallback);
        let want = |k: &str| entry[k].as_str().map(str::trim).filter(|s| !s.is_empty());
        if let Some(p) = &page {
            if byline.add(want("author").map(|w| byline_agrees(&p.meta.authors, w))) == "MISS" {
                let ours: Vec<String> = p.meta.authors.iter().map(|a| a.display_name()).collect();
                notes.push(format!(
                    "author {:?}, expected {:?}",
                    ours.join("; "),
                    want("author").unwrap_or_default()
                ));
            }
            let ours_site = [
                p.meta.container_title.as_deref(),
                p.meta.publisher.as_deref(),
            ];
            site.add(
                want("sitename").map(|w| ours_site.iter().flatten().any(|s| norm(s) == norm(w))),
            );
            let day = p
                .meta
                .issued
                .filter(|d| d.day.is_some())
                .map(|d| d.to_string());
            date.add(want("date").map(|w| day.as_deref() == Some(w)));
        }
        if prf.fp + prf.fn_ > 0 || !notes.is_empty() {
            worst.add(name, prf.f1(), notes.join("; "));
        }
    }
    println!(
        "== extraction/ ({} pages, text segments with and without)",
        truth.len()
    );
    println!("refused: {refused}");
    println!(
        "text (segments): {}  [{} found, {} kept that should not be, {} lost]",
        total.show(),
        total.tp,
        total.fp,
        total.fn_
    );
    println!(
        "author agrees (pages annotated with one): {}",
        byline.show()
    );
    println!(
        "site name agrees with site or publisher (pages annotated): {}",
        site.show()
    );
    println!(
        "date agrees, with the address given (pages annotated): {}",
        date.show()
    );
    if other.tp + other.fn_ > 0 {
        println!("rs-trafilatura alone: {}", other.show());
        println!(
            "ours, rs-trafilatura where ours has under {FEW} characters: {}",
            fallback.show()
        );
    }
    worst.print_all(
        "pages with segment errors",
        std::env::var_os("VERBOSE").is_some(),
    );
    report.times.extend(times);
}

/// Below this many characters of text, ours is taken as unsure.
#[cfg_attr(not(feature = "compare-trafilatura"), allow(dead_code))]
const FEW: usize = 500;

#[cfg(feature = "compare-trafilatura")]
fn compare(bytes: &[u8], ours: &str, entry: &Value, other: &mut Prf, fallback: &mut Prf) {
    let theirs = rs_trafilatura::extract_bytes(bytes)
        .map(|r| r.content_text)
        .unwrap_or_default();
    other.add(segments(&theirs, entry).0);
    let pick = if ours.chars().count() < FEW {
        &theirs
    } else {
        ours
    };
    fallback.add(segments(pick, entry).0);
}

#[cfg(not(feature = "compare-trafilatura"))]
fn compare(_: &[u8], _: &str, _: &Value, _: &mut Prf, _: &mut Prf) {}
