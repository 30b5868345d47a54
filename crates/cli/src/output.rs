//! Printing results for people (text) or for scripts (`--json`).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use library::{BulkProgress, BulkReport, ClaimView, ClipView, Health, SourceView};
use model::{Author, ClaimSummary, SearchResults, SourceSummary, Stance};
use serde::Serialize;
use std::borrow::Cow;
use std::io::IsTerminal;

/// Text from the library for a terminal: sources are hostile, and a control
/// character in a title (an escape sequence that clears the screen, retitles
/// the window or moves the cursor) must not reach the terminal. C0 controls show
/// as their Unicode pictures (ESC as ␛), C1 controls and DEL as �; line feeds
/// and tabs stay.
pub fn safe(s: &str) -> Cow<'_, str> {
    if !s
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\t'))
    {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\n' | '\t' => c,
                '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
                c if c.is_control() => '\u{fffd}',
                c => c,
            })
            .collect(),
    )
}

/// [`safe`], on one line: for fields a listing shows on one line.
pub fn safe_line(s: &str) -> String {
    safe(s).split(['\n', '\t']).collect::<Vec<_>>().join(" ")
}

pub struct Printer {
    pub json: bool,
}

pub(crate) fn print_json(value: &impl Serialize) {
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
    let names = list
        .iter()
        .map(Author::display_name)
        .collect::<Vec<_>>()
        .join(", ");
    safe_line(&names)
}

impl Printer {
    pub fn text_or_json(&self, text: &str, json: &impl Serialize) {
        if self.json {
            print_json(json);
        } else {
            print!("{}", safe(text));
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
                safe_line(&s.title),
                authors(&s.authors)
            );
        }
    }

    pub fn source(&self, view: &SourceView) {
        if self.json {
            return print_json(view);
        }
        let meta = &view.source.meta;
        println!("{}\n{}", view.source.id, safe_line(&meta.title));
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
                println!("{label}: {}", safe_line(&value));
            }
        }
        println!();
        println!(
            "{}",
            safe(model::SourceText::new(&view.source.blocks).as_str())
        );
        println!();
        println!("{}", plural(view.clips.len() as u64, "clip"));
        for clip in &view.clips {
            println!("  {}  “{}”", clip.id, safe_line(&clip.quote.exact));
        }
    }

    pub fn clip(&self, view: &ClipView) {
        if self.json {
            return print_json(view);
        }
        let c = &view.clip;
        println!(
            "{}\n“{}”\nfrom {} ({})",
            c.id,
            safe(&c.quote.exact),
            safe_line(&view.source.title),
            view.source.id
        );
        if !c.note.is_empty() {
            println!("note: {}", safe(&c.note));
        }
        if !c.tags.is_empty() {
            println!("tags: {}", safe_line(&c.tags.join(", ")));
        }
        for claim in &c.claims {
            println!(
                "{}: {} ({})",
                claim.stance,
                safe_line(&claim.statement),
                claim.claim_id
            );
        }
    }

    pub fn captures(&self, captures: &[library::CaptureView]) {
        if self.json {
            return print_json(&captures);
        }
        if captures.is_empty() {
            println!("no captures yet: clip a page with the Commonplace browser extension");
        }
        for c in captures {
            let what = match &c.exact {
                Some(exact) => format!("“{}”", safe_line(exact)),
                None => "(page)".to_owned(),
            };
            println!(
                "{}  {what}  {}  {}",
                c.id,
                safe_line(&c.title),
                safe_line(&c.url)
            );
        }
    }

    pub fn clips(&self, clips: &[ClipView]) {
        if self.json {
            return print_json(&clips);
        }
        if clips.is_empty() {
            println!("no clips");
        }
        for view in clips {
            let c = &view.clip;
            let tags = match c.tags.is_empty() {
                true => String::new(),
                false => format!("  [{}]", safe_line(&c.tags.join(", "))),
            };
            println!(
                "{}  “{}”  ({}){tags}",
                c.id,
                safe_line(&c.quote.exact),
                safe_line(&view.source.title)
            );
        }
    }

    pub fn claim(&self, view: &ClaimView) {
        if self.json {
            return print_json(view);
        }
        let c = &view.claim;
        println!("{}\n{}", c.claim.id, safe_line(&c.claim.statement));
        if !c.claim.note.is_empty() {
            println!("note: {}", safe(&c.claim.note));
        }
        for stance in [Stance::Supports, Stance::Contradicts, Stance::Context] {
            let evidence: Vec<_> = view
                .evidence
                .iter()
                .filter(|e| e.stance == stance)
                .collect();
            if evidence.is_empty() {
                continue;
            }
            println!("\n{stance}:");
            for e in evidence {
                println!(
                    "  {}  “{}”  ({})",
                    e.clip.id,
                    safe_line(&e.clip.quote.exact),
                    safe_line(&e.source.title)
                );
            }
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
                c.claim.id,
                safe_line(&c.claim.statement),
                c.supports,
                c.contradicts,
                c.context
            );
        }
    }

    pub fn search(&self, results: &SearchResults) {
        if self.json {
            return print_json(results);
        }
        let tty = std::io::stdout().is_terminal();
        let query = safe_line(&results.query);
        let (clips, passages) = (results.total as u64, results.passage_total as u64);
        let verb = |n: u64| if n == 1 { "matches" } else { "match" };
        match (clips, passages) {
            (0, 0) => println!("nothing matches “{query}”"),
            (_, 0) => println!("{} {} “{query}”", plural(clips, "clip"), verb(clips)),
            (0, _) => println!(
                "no clips match “{query}”, {} of sources {}",
                plural(passages, "passage"),
                if passages == 1 { "does" } else { "do" }
            ),
            _ => println!(
                "{} and {} of sources match “{query}”",
                plural(clips, "clip"),
                plural(passages, "passage")
            ),
        }
        for hit in &results.hits {
            println!(
                "\n{}  {}\n  {}",
                hit.clip_id,
                safe_line(&hit.source_title),
                snippet(&hit.snippet, tty)
            );
        }
        if !results.passages.is_empty() {
            println!("\nin the text of sources:");
        }
        for hit in &results.passages {
            println!(
                "\n{} at {}  {}\n  {}",
                hit.source_id,
                hit.match_start,
                safe_line(&hit.source_title),
                snippet(&hit.snippet, tty)
            );
        }
    }

    pub fn health(&self, health: &Health) {
        if self.json {
            return print_json(health);
        }
        println!(
            "{} clips in the database, {} in the index ({} segments)",
            health.clips, health.indexed, health.segments
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
            eprintln!("line {line}: {}", safe(message));
        }
    }
}

/// A snippet on one line with its matches in bold yellow at a terminal, or in
/// `**` elsewhere; the text itself made safe first.
fn snippet(parts: &[model::SnippetPart], tty: bool) -> String {
    parts
        .iter()
        .map(|p| {
            let text = safe_line(&p.text);
            match (p.matched, tty) {
                (true, true) => format!("\x1b[1;33m{text}\x1b[0m"),
                (true, false) => format!("**{text}**"),
                (false, _) => text,
            }
        })
        .collect()
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
        eprintln!("error: {}", safe(&message));
    }
}
