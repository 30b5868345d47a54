//! Checking a 50-page draft through the library (issue #15): about 25,000 words
//! and 300 quotes against a library of 100,000 clips from 5,000 sources, each
//! with its full text (four paragraphs, twenty clips taken from them). Prints
//! the time of `Library::verify_draft` (reading the draft, finding its quotes,
//! the index's candidates, the comparisons, the citations), cold and warm, by
//! the wall clock and in CPU time (the check runs on one thread; on a shared
//! machine the wall clock counts others' work too); the target is under 2 s.
//! Asserts nothing.
//!
//! `cargo bench -p library --bench verify_draft`. `SOURCES=500` builds a
//! smaller library; `VERIFY_LIBRARY=DIR` keeps the library in DIR and reuses it
//! on the next run (building it takes minutes).
//!
//! Of the quotes, 60% are copied from a source, 15% have one word changed, 15%
//! an ellipsis, 10% are in no source; a third are cited by a link to their
//! source, a third by "Reuters said" (every source is from Reuters), a third
//! not at all.

#[path = "../testkit/prose.rs"]
mod prose;
#[path = "../testkit/rng.rs"]
mod rng;

use library::{BulkRecord, BulkSource, Config, Library};
use model::QuoteVerdict;
use prose::{sentence, span, vocabulary};
use rng::Rng;
use std::collections::BTreeMap;
use std::time::Instant;

const CLIPS_PER_SOURCE: usize = 20;
const QUOTES: usize = 300;
const DRAFT_WORDS: usize = 25_000;

fn main() {
    let sources: usize = std::env::var("SOURCES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(5_000);
    let kept = std::env::var_os("VERIFY_LIBRARY").map(std::path::PathBuf::from);
    let tmp = tempfile::tempdir().unwrap();
    let dir = kept.clone().unwrap_or_else(|| tmp.path().join("lib"));
    let config = Config {
        registry: None,
        ..Config::default()
    };
    let mut rng = Rng(2015);
    let vocabulary = vocabulary(&mut rng, 6_000);
    let texts: Vec<Vec<String>> = (0..sources)
        .map(|_| {
            (0..4)
                .map(|_| prose::passage(&mut rng, &vocabulary, 600))
                .collect()
        })
        .collect();
    let built = dir.join("library.sqlite").exists();
    let lib = Library::open(&dir, config).unwrap();
    if !built {
        let started = Instant::now();
        build(&lib, &texts);
        eprintln!(
            "library: {sources} sources, {} clips saved in {:.0} s",
            sources * CLIPS_PER_SOURCE,
            started.elapsed().as_secs_f64()
        );
    }
    let overview = lib.overview().unwrap();
    let draft = draft(&mut Rng(7), &vocabulary, &texts);
    let words = draft.split_whitespace().count();
    println!(
        "draft: {words} words, {QUOTES} quotes; library: {} sources, {} clips",
        overview.sources, overview.clips
    );
    for run in ["first (cold)", "second", "third"] {
        let (started, cpu) = (Instant::now(), thread_cpu_ms());
        let report = lib.verify_draft(draft.as_bytes(), "draft.md").unwrap();
        let (took, cpu) = (started.elapsed(), thread_cpu_ms() - cpu);
        let mut verdicts: BTreeMap<String, usize> = BTreeMap::new();
        for q in &report.quotes {
            let name = serde_json::to_value(q.verdict).unwrap();
            *verdicts
                .entry(name.as_str().unwrap_or_default().to_owned())
                .or_default() += 1;
        }
        let misses = report
            .quotes
            .iter()
            .filter(|q| q.verdict == QuoteVerdict::NotFound)
            .count();
        println!(
            "{run:>13}: {:>6.0} ms ({cpu:.0} ms of CPU)  verdicts {verdicts:?} ({misses} not found; 30 are in no source)",
            took.as_secs_f64() * 1000.0
        );
    }
}

/// This thread's CPU time: on a machine shared with other work, the check's
/// own cost, which the wall clock overstates.
fn thread_cpu_ms() -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec it is given and nothing else.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    t.tv_sec as f64 * 1000.0 + t.tv_nsec as f64 / 1e6
}

/// Each source with its four paragraphs, and twenty clips of a sentence each.
fn build(lib: &Library, texts: &[Vec<String>]) {
    let mut line = 0u64;
    for (batch, chunk) in texts.chunks(250).enumerate() {
        let mut records = Vec::new();
        for (k, paragraphs) in chunk.iter().enumerate() {
            let n = batch * 250 + k;
            // Every sentence, then pairs of sentences of a paragraph: twenty
            // different quotes.
            let by_paragraph: Vec<Vec<&str>> = paragraphs
                .iter()
                .map(|p| p.split_inclusive(". ").map(str::trim).collect())
                .collect();
            let singles = by_paragraph.iter().flatten().map(|s| s.to_string());
            let pairs = by_paragraph
                .iter()
                .flat_map(|p| p.windows(2).map(|w| w.join(" ")));
            let quotes: Vec<String> = singles.chain(pairs).take(CLIPS_PER_SOURCE).collect();
            for quote in quotes {
                line += 1;
                records.push((
                    line,
                    Ok(BulkRecord {
                        source: Some(BulkSource {
                            title: format!("Report {n}"),
                            site: Some("Reuters".into()),
                            url: Some(format!("https://example.com/report/{n}")),
                            text: Some(paragraphs.join("\n\n")),
                            ..BulkSource::default()
                        }),
                        quote,
                        ..BulkRecord::default()
                    }),
                ));
            }
        }
        lib.import_clips(records.into_iter(), 5_000, |_| {})
            .unwrap();
    }
}

fn draft(rng: &mut Rng, vocabulary: &[String], texts: &[Vec<String>]) -> String {
    let mut out = String::from("# A long draft\n\n");
    let per_paragraph = DRAFT_WORDS / QUOTES;
    for q in 0..QUOTES {
        let source = rng.below(texts.len());
        let paragraph = &texts[source][rng.below(4)];
        let mut words = span(rng, paragraph);
        match q % 20 {
            0..=11 => {}
            12..=14 => {
                let at = 1 + rng.below(words.len() - 2);
                words[at] = vocabulary[rng.below(vocabulary.len())].clone();
            }
            15..=17 => {
                let at = 3 + rng.below(words.len() - 6);
                words.splice(at..at + 2, ["…".to_owned()]);
            }
            _ => {
                words = (0..words.len())
                    .map(|_| vocabulary[rng.below(vocabulary.len())].clone())
                    .collect();
            }
        }
        let mut filler = String::new();
        while filler.split_whitespace().count() + words.len() < per_paragraph {
            filler.push_str(&sentence(rng, vocabulary));
            filler.push(' ');
        }
        let attribution = match q % 3 {
            0 => format!(" ([report](https://example.com/report/{source}))"),
            1 => ", Reuters said.".to_owned(),
            _ => ".".to_owned(),
        };
        out.push_str(&format!("{filler}“{}”{attribution}\n\n", words.join(" ")));
    }
    out
}
