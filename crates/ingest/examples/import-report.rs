//! How well the web importer reads real pages: imports every page of a corpus and
//! compares title, byline, published date and site name with the expected
//! metadata, and the readable text with the expected readable content (token F1).
//!
//! `cargo run --release -p ingest --example import-report -- ../shared/corpus`
//!
//! The corpus folder holds `readability/<page>/{source.html, expected.html,
//! expected-metadata.json}`. Figures are printed per page and in total.

use model::Author;
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

fn norm(s: &str) -> String {
    ingest::normalize_inline(s)
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn tokens(s: &str) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for t in norm(s).split_whitespace() {
        *out.entry(t.to_owned()).or_default() += 1;
    }
    out
}

/// Token F1 between two texts (bag of words), as article-extraction benchmarks use.
fn f1(got: &str, want: &str) -> f64 {
    let (g, w) = (tokens(got), tokens(want));
    let common: usize = g
        .iter()
        .map(|(t, n)| (*n).min(*w.get(t).unwrap_or(&0)))
        .sum();
    let (gn, wn) = (g.values().sum::<usize>(), w.values().sum::<usize>());
    if gn == 0 || wn == 0 {
        return if gn == wn { 1.0 } else { 0.0 };
    }
    let (p, r) = (common as f64 / gn as f64, common as f64 / wn as f64);
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[derive(Default)]
struct Tally {
    seen: usize,
    right: usize,
}

impl Tally {
    fn add(&mut self, expected: Option<bool>) -> &'static str {
        match expected {
            None => "-",
            Some(ok) => {
                self.seen += 1;
                if ok {
                    self.right += 1;
                    "ok"
                } else {
                    "MISS"
                }
            }
        }
    }

    fn show(&self) -> String {
        if self.seen == 0 {
            return "n/a".into();
        }
        format!(
            "{}/{} ({:.0}%)",
            self.right,
            self.seen,
            100.0 * self.right as f64 / self.seen as f64
        )
    }
}

fn main() {
    let corpus = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus".into());
    let dir = Path::new(&corpus).join("readability");
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("source.html").exists())
        .collect();
    pages.sort();
    let (mut title, mut byline, mut date, mut site) = (
        Tally::default(),
        Tally::default(),
        Tally::default(),
        Tally::default(),
    );
    let mut similarity = Vec::new();
    let mut failures = Vec::new();
    let mut misses = Vec::new();
    let started = Instant::now();
    println!(
        "{:<34} {:>5} {:>6} {:>5} {:>5} {:>6} {:>7}",
        "page", "title", "byline", "date", "site", "text", "ms"
    );
    for page in &pages {
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(page.join("source.html")).unwrap();
        let expected: Value = std::fs::read_to_string(page.join("expected-metadata.json"))
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(Value::Null);
        let t = Instant::now();
        let imported = ingest::html::import(&bytes, Some("http://fakehost/test/page.html"));
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        let page_result = match imported {
            Ok(page) => page,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                println!("{name:<34} refused: {e}");
                continue;
            }
        };
        let meta = &page_result.meta;
        let want = |k: &str| {
            expected[k]
                .as_str()
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        let t_ok = title.add(want("title").map(|w| norm(w) == norm(&meta.title)));
        if t_ok == "MISS" {
            misses.push(format!(
                "{name}: title {:?}, expected {:?}",
                meta.title,
                want("title").unwrap_or_default()
            ));
        }
        let ours = meta
            .authors
            .iter()
            .map(Author::display_name)
            .collect::<Vec<_>>()
            .join(" ");
        let b_ok = byline.add(want("byline").map(|w| {
            let (w, o) = (
                norm(w.trim_start_matches("By ").trim_start_matches("by ")),
                norm(&ours),
            );
            !o.is_empty() && (w.contains(&o) || o.contains(&w))
        }));
        let d_ok = date.add(want("publishedTime").map(|w| {
            ingest::html::meta::parse_date(w).map(|d| d.to_string())
                == meta.issued.map(|d| d.to_string())
        }));
        let s_ok = site.add(
            want("siteName").map(|w| meta.container_title.as_deref().map(norm) == Some(norm(w))),
        );
        let expected_text = std::fs::read_to_string(page.join("expected.html"))
            .map(|h| {
                dom_query::Document::from(h.as_str())
                    .select("body")
                    .text()
                    .to_string()
            })
            .unwrap_or_default();
        let ours_text = model::SourceText::new(&page_result.blocks)
            .as_str()
            .to_owned();
        let sim = f1(&ours_text, &expected_text);
        similarity.push(sim);
        println!("{name:<34} {t_ok:>5} {b_ok:>6} {d_ok:>5} {s_ok:>5} {sim:>6.3} {ms:>7.1}");
    }
    let mean = similarity.iter().sum::<f64>() / similarity.len().max(1) as f64;
    println!();
    println!(
        "pages: {} imported, {} refused, in {:.1} s",
        similarity.len(),
        failures.len(),
        started.elapsed().as_secs_f64()
    );
    println!("title right: {}", title.show());
    println!("byline right (pages that carry one): {}", byline.show());
    println!(
        "published date right (pages that carry one): {}",
        date.show()
    );
    println!("site name right (pages that carry one): {}", site.show());
    println!("readable text similarity (token F1), mean: {mean:.3}");
    if std::env::var_os("VERBOSE").is_some() {
        for miss in &misses {
            println!("  {miss}");
        }
    }
    let pdfs = Path::new(&corpus).join("pdf");
    let mut files: Vec<_> = std::fs::read_dir(&pdfs)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    if files.is_empty() {
        return;
    }
    println!();
    println!(
        "{:<40} {:>6} {:>9} {:>8}  result",
        "pdf", "pages", "chars", "ms"
    );
    let (mut read, mut refused) = (0, 0);
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(file).unwrap();
        let t = Instant::now();
        // The app extracts in a child process; here a panic is caught instead.
        let result = std::panic::catch_unwind(|| ingest::pdf::extract(&bytes, None));
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        match result {
            Ok(Ok(pdf)) => {
                read += 1;
                let chars = model::SourceText::new(&pdf.blocks).char_len();
                println!(
                    "{name:<40} {:>6} {chars:>9} {ms:>8.1}  {:?}",
                    pdf.pages, pdf.meta.title
                );
            }
            Ok(Err(e)) => {
                refused += 1;
                println!("{name:<40} {:>6} {:>9} {ms:>8.1}  refused: {e}", "-", "-");
            }
            Err(_) => {
                refused += 1;
                println!(
                    "{name:<40} {:>6} {:>9} {ms:>8.1}  refused: the parser panicked",
                    "-", "-"
                );
            }
        }
    }
    println!(
        "PDFs: {read} read, {refused} refused with a reason, of {}",
        files.len()
    );
}
