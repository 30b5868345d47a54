//! Mozilla Readability's test pages: `readability/<page>/{source.html,
//! expected.html, expected-metadata.json}`. The expected text is Readability's
//! own output, so text scores here show the integration is right more than how
//! good the extractor is; the expected byline and site name are Readability's
//! guesses, not ground truth.

use crate::score::{byline_agrees, norm, token_prf, Prf, Tally};
use crate::{Report, Worst};
use serde_json::Value;
use std::path::Path;
use std::time::Instant;

pub fn run(corpus: &Path, report: &mut Report) {
    let dir = corpus.join("readability");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("(no readability/ set in {})", corpus.display());
        return;
    };
    let mut pages: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("source.html").exists())
        .collect();
    pages.sort();
    let (mut title, mut byline, mut date, mut site) = Default::default();
    let mut text = Prf::default();
    let mut worst = Worst::default();
    let mut refused = Vec::new();
    let mut times = Vec::new();
    for dir in &pages {
        let page = dir;
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(page.join("source.html")).unwrap();
        let expected: Value = std::fs::read_to_string(page.join("expected-metadata.json"))
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(Value::Null);
        let t = Instant::now();
        let imported = ingest::html::import(&bytes, Some("http://fakehost/test/page.html"));
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        let page = match imported {
            Ok(page) => page,
            Err(e) => {
                refused.push(format!("{name}: {e}"));
                continue;
            }
        };
        let meta = &page.meta;
        let want = |k: &str| {
            expected[k]
                .as_str()
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        let mut notes = Vec::new();
        let mut mark = |tally: &mut Tally, field: &str, agrees: Option<bool>, ours: String| {
            if tally.add(agrees) == "MISS" {
                notes.push(format!(
                    "{field} {ours:?}, expected {:?}",
                    want(field).unwrap_or_default()
                ));
            }
        };
        mark(
            &mut title,
            "title",
            want("title").map(|w| norm(w) == norm(&meta.title)),
            meta.title.clone(),
        );
        let names: Vec<String> = meta.authors.iter().map(|a| a.display_name()).collect();
        mark(
            &mut byline,
            "byline",
            want("byline").map(|w| byline_agrees(&meta.authors, w)),
            names.join("; "),
        );
        let day = |s: &str| ingest::html::meta::parse_date(s).map(|d| d.to_string());
        mark(
            &mut date,
            "publishedTime",
            want("publishedTime").map(|w| day(w) == meta.issued.map(|d| d.to_string())),
            meta.issued.map(|d| d.to_string()).unwrap_or_default(),
        );
        let ours_site = meta.container_title.clone().unwrap_or_default();
        mark(
            &mut site,
            "siteName",
            want("siteName").map(|w| norm(w) == norm(&ours_site)),
            ours_site,
        );
        let expected_text = std::fs::read_to_string(dir.join("expected.html"))
            .map(|h| {
                dom_query::Document::from(h.as_str())
                    .select("body")
                    .text()
                    .to_string()
            })
            .unwrap_or_default();
        let ours = model::SourceText::new(&page.blocks).as_str().to_owned();
        let prf = token_prf(&ours, &expected_text);
        text.add(prf);
        worst.add(&name, prf.f1(), notes.join("; "));
    }
    println!(
        "== readability/ ({} pages, Readability's own expectations)",
        pages.len()
    );
    println!("refused: {}", refused.len());
    for r in &refused {
        println!("  {r}");
    }
    println!("title agrees:     {}", title.show());
    println!("byline agrees:    {}", byline.show());
    println!("date agrees:      {}", date.show());
    println!("site name agrees: {}", site.show());
    println!("text (tokens, summed over pages): {}", text.show());
    worst.print("text F1");
    if std::env::var_os("VERBOSE").is_some() {
        worst.print_all("every page", true);
    }
    report.times.extend(times);
}
