//! Printing results for people (text) or for scripts (`--json`).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use library::{BulkProgress, BulkReport, ClipView, Health, SourceView};
use model::{Author, ClaimSummary, SearchResults, SourceSummary, Stance};
use serde::Serialize;
use std::io::IsTerminal;

pub struct Printer {
    pub json: bool,
}

fn print_json(value: &impl Serialize) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).expect("serializable")
    );
}

fn plural(n: u64, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn authors(list: &[Author]) -> String {
    list.iter()
        .map(Author::display_name)
        .collect::<Vec<_>>()
        .join(", ")
}

impl Printer {
    pub fn text_or_json(&self, text: &str, json: &impl Serialize) {
        if self.json {
            print_json(json);
        } else {
            print!("{text}");
        }
    }

    pub fn created(&self, what: &str, id: &str, value: &impl Serialize) {
        if self.json {
            print_json(value);
        } else {
            println!("created {what} {id}");
        }
    }

    pub fn updated(&self, what: &str, id: &str, value: &impl Serialize) {
        if self.json {
            print_json(value);
        } else {
            println!("updated {what} {id}");
        }
    }

    pub fn deleted(&self, what: &str, id: &str) {
        if self.json {
            print_json(&serde_json::json!({ "deleted": what, "id": id }));
        } else {
            println!("deleted {what} {id}");
        }
    }

    pub fn linked(&self, clip: &str, claim: &str, stance: Option<Stance>) {
        if self.json {
            print_json(&serde_json::json!({ "clipId": clip, "claimId": claim, "stance": stance }));
        } else if let Some(stance) = stance {
            println!("clip {clip} {stance} claim {claim}");
        } else {
            println!("clip {clip} no longer linked to claim {claim}");
        }
    }

    pub fn sources(&self, sources: &[SourceSummary]) {
        if self.json {
            return print_json(&sources);
        }
        if sources.is_empty() {
            println!("no sources yet: add one with `commonplace source add FILE --title TITLE`");
        }
        for s in sources {
            let date = s.issued.map(|d| d.to_string()).unwrap_or_default();
            let clips = plural(s.clip_count as u64, "clip");
            println!(
                "{}  {}  {clips}  {}  {date}",
                s.id,
                s.title,
                authors(&s.authors)
            );
        }
    }

    pub fn source(&self, view: &SourceView) {
        if self.json {
            return print_json(view);
        }
        let meta = &view.source.meta;
        println!("{}\n{}", view.source.id, meta.title);
        if !meta.authors.is_empty() {
            println!("by {}", authors(&meta.authors));
        }
        for (label, value) in [
            ("site", meta.container_title.clone()),
            ("publisher", meta.publisher.clone()),
            ("date", meta.issued.map(|d| d.to_string())),
            ("url", meta.url.clone()),
        ] {
            if let Some(value) = value {
                println!("{label}: {value}");
            }
        }
        println!();
        println!("{}", model::SourceText::new(&view.source.blocks).as_str());
        println!();
        println!("{}", plural(view.clips.len() as u64, "clip"));
        for clip in &view.clips {
            println!("  {}  “{}”", clip.id, clip.quote.exact);
        }
    }

    pub fn clip(&self, view: &ClipView) {
        if self.json {
            return print_json(view);
        }
        let c = &view.clip;
        println!(
            "{}\n“{}”\nfrom {} ({})",
            c.id, c.quote.exact, view.source.title, view.source.id
        );
        if !c.note.is_empty() {
            println!("note: {}", c.note);
        }
        if !c.tags.is_empty() {
            println!("tags: {}", c.tags.join(", "));
        }
        for claim in &c.claims {
            println!("{}: {} ({})", claim.stance, claim.statement, claim.claim_id);
        }
    }

    pub fn claims(&self, claims: &[ClaimSummary]) {
        if self.json {
            return print_json(&claims);
        }
        if claims.is_empty() {
            println!("no claims yet: create one with `commonplace claim add \"STATEMENT\"`");
        }
        for c in claims {
            println!(
                "{}  {}  (supports {}, contradicts {}, context {})",
                c.claim.id, c.claim.statement, c.supports, c.contradicts, c.context
            );
        }
    }

    pub fn search(&self, results: &SearchResults) {
        if self.json {
            return print_json(results);
        }
        let tty = std::io::stdout().is_terminal();
        let verb = if results.total == 1 {
            "matches"
        } else {
            "match"
        };
        let count = plural(results.total as u64, "clip");
        println!("{count} {verb} “{}”", results.query);
        for hit in &results.hits {
            let snippet: String = hit
                .snippet
                .iter()
                .map(|p| match (p.matched, tty) {
                    (true, true) => format!("\x1b[1;33m{}\x1b[0m", p.text),
                    (true, false) => format!("**{}**", p.text),
                    (false, _) => p.text.clone(),
                })
                .collect();
            println!("\n{}  {}\n  {}", hit.clip_id, hit.source_title, snippet);
        }
    }

    pub fn health(&self, health: &Health) {
        if self.json {
            return print_json(health);
        }
        println!(
            "{} clips in the database, {} in the index",
            health.clips, health.indexed
        );
        for problem in &health.integrity_problems {
            println!("database problem: {problem}");
        }
        for id in &health.missing_from_index {
            println!("missing from the index: {id}");
        }
        for id in &health.extra_in_index {
            println!("in the index but not the database: {id}");
        }
        if health.is_ok() {
            println!("ok");
        }
    }

    /// After each committed batch of an import: a JSON line for scripts (which can
    /// rely on every clip counted in `saved` being durably stored).
    pub fn batch(&self, progress: &BulkProgress) {
        if self.json {
            let line = serde_json::json!({ "event": "committed", "lines": progress.lines,
                "saved": progress.saved, "failed": progress.failed });
            println!("{line}");
        }
    }

    pub fn import_report(&self, report: &BulkReport) {
        if self.json {
            let line = serde_json::json!({ "event": "done", "lines": report.progress.lines,
                "saved": report.progress.saved, "failed": report.progress.failed,
                "errors": report.errors });
            println!("{line}");
            return;
        }
        println!(
            "saved {} clips from {} lines ({} skipped)",
            report.progress.saved, report.progress.lines, report.progress.failed
        );
        for (line, message) in &report.errors {
            eprintln!("line {line}: {message}");
        }
    }
}

/// A progress bar on stderr, shown only to a person at a terminal.
pub fn progress_bar(total: u64, json: bool) -> ProgressBar {
    if json || !std::io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
    }
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} lines  {per_sec}  eta {eta}")
            .expect("valid template"),
    );
    bar
}

pub fn error(err: &anyhow::Error, json: bool) {
    let (code, message) = match err.downcast_ref::<library::Error>() {
        Some(e) => (e.code(), e.to_string()),
        None => (library::ErrorCode::InvalidInput, format!("{err:#}")),
    };
    if json {
        let body = serde_json::json!({ "code": code, "message": message });
        eprintln!("{body}");
    } else {
        eprintln!("error: {message}");
    }
}
