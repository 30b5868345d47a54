//! Printing a checked draft (`commonplace verify`): for people, each quote by its
//! line with its verdict, and for a bad one what is wrong and what the source
//! says; for scripts, `{"quotes": [...], "summary": {...}}`.
//!
//! Everything shown comes from the draft or from sources, so all of it goes
//! through [`safe_line`]: a control character in either never reaches the
//! terminal.

use crate::output::{print_json, safe_line, Printer};
use model::{CitedAs, DiffKind, DiffPart, DraftReport, QuoteCheck, QuoteFlag, QuoteVerdict};
use serde::Serialize;
use std::io::IsTerminal;

/// A verified or skipped quote is shown up to this many characters.
const SHOWN: usize = 160;

/// The JSON a script gets: the contract, nothing else at the top.
#[derive(Serialize)]
struct ForScripts<'a> {
    quotes: &'a [QuoteCheck],
    summary: &'a model::QuoteSummary,
}

impl Printer {
    pub fn draft_report(&self, report: &DraftReport) {
        if self.json {
            return print_json(&ForScripts {
                quotes: &report.quotes,
                summary: &report.summary,
            });
        }
        let tty = std::io::stdout().is_terminal();
        println!("{}", summary_line(report));
        let lines = LineIndex::new(&report.text);
        for quote in &report.quotes {
            println!();
            print_quote(quote, lines.line_of(quote.start as usize), tty);
        }
    }
}

fn summary_line(report: &DraftReport) -> String {
    let s = &report.summary;
    let mut counts = vec![format!("{} verified", s.verified)];
    for (n, what) in [
        (s.altered, "altered"),
        (s.not_found, "not found"),
        (s.misattributed, "misattributed"),
    ] {
        if n > 0 {
            counts.push(format!("{n} {what}"));
        }
    }
    let mut line = format!(
        "{}: {} checked ({}){}",
        safe_line(&report.name),
        plural(s.checked, "quote"),
        counts.join(", "),
        if s.skipped > 0 {
            format!(", {} skipped", s.skipped)
        } else {
            String::new()
        }
    );
    if s.unattributed > 0 {
        line.push_str(&format!(
            "; {} with nothing citing {}",
            plural(s.unattributed, "verified quote"),
            if s.unattributed == 1 { "it" } else { "them" }
        ));
    }
    if s.quotes == 0 {
        line = format!("{}: no quotes found", safe_line(&report.name));
    }
    line
}

fn print_quote(q: &QuoteCheck, line: usize, tty: bool) {
    let (word, color) = match q.verdict {
        QuoteVerdict::Verified => ("verified", "32"),
        QuoteVerdict::Altered => ("ALTERED", "31"),
        QuoteVerdict::NotFound => ("NOT FOUND", "31"),
        QuoteVerdict::Misattributed => ("MISATTRIBUTED", "31"),
        QuoteVerdict::Skipped => ("skipped", "2"),
    };
    let word = paint(word, color, tty);
    let flags: Vec<&str> = q.flags.iter().map(|f| flag_name(*f)).collect();
    let flags = if flags.is_empty() {
        String::new()
    } else {
        format!(" ({})", flags.join(", "))
    };
    println!("line {line}: {word}{flags}");
    let text = safe_line(&q.text);
    let text = if q.verdict.is_problem() {
        text
    } else {
        shorten(&text, SHOWN)
    };
    println!("  “{text}”");
    if let Some(reason) = &q.skipped {
        println!("  {}", safe_line(reason));
    }
    if let Some(cited) = &q.cited {
        println!("  cited: {}", cited_text(cited));
    }
    let found_in = q.source_title.as_deref().map(|t| {
        let at =
            q.at.map(|a| format!(" at {}–{}", a.start, a.end))
                .unwrap_or_default();
        let id = q.source_id.as_ref().map(|i| i.as_str()).unwrap_or_default();
        format!("“{}” ({id}){at}", safe_line(t))
    });
    match q.verdict {
        QuoteVerdict::Verified | QuoteVerdict::Misattributed => {
            if let Some(found) = found_in {
                let verb = if q.verdict == QuoteVerdict::Misattributed {
                    "but found in"
                } else {
                    "found in"
                };
                println!("  {verb} {found}");
            }
            if let Some(clip) = &q.clip_id {
                println!("  as clip {clip}");
            }
            for words in &q.omitted {
                println!("  the ellipsis leaves out: “{}”", safe_line(words));
            }
        }
        QuoteVerdict::Altered => {
            println!("  diff: {}", diff_text(&q.diff, tty));
            if let Some(suggestion) = &q.suggestion {
                println!("  the source says: “{}”", safe_line(suggestion));
            }
            if let Some(found) = found_in {
                println!("  in {found}");
            }
        }
        QuoteVerdict::NotFound => println!("  nothing in the library comes close"),
        QuoteVerdict::Skipped => {}
    }
}

fn flag_name(f: QuoteFlag) -> &'static str {
    match f {
        QuoteFlag::Typographic => "typographic",
        QuoteFlag::Elided => "elided",
        QuoteFlag::Bracketed => "bracketed",
        QuoteFlag::Unattributed => "unattributed",
    }
}

fn cited_text(cited: &CitedAs) -> String {
    match cited {
        CitedAs::Url(url) => format!("link {}", safe_line(url)),
        CitedAs::Key(key) => format!("@{}", safe_line(key)),
        CitedAs::Footnote(text) => format!("note “{}”", shorten(&safe_line(text), SHOWN)),
        CitedAs::Said(name) => format!("“{}” (named beside the quote)", safe_line(name)),
    }
}

/// The word diff, `[-source's words-]{+quote's words+}` (coloured at a terminal).
fn diff_text(diff: &[DiffPart], tty: bool) -> String {
    let mut previous: Option<DiffKind> = None;
    diff.iter()
        .map(|part| {
            let text = safe_line(&part.text);
            // Each part but the first starts with the spacing before it; the
            // marks go around the words only, and a replacement's two sides
            // stand together: `[-3.5-]{+4.5+}`.
            let words = text.trim_start();
            let replaced = matches!(
                (previous.replace(part.kind), part.kind),
                (Some(DiffKind::Removed), DiffKind::Added)
            );
            let space = if replaced {
                ""
            } else {
                &text[..text.len() - words.len()]
            };
            let marked = match part.kind {
                DiffKind::Same => return text,
                DiffKind::Removed => paint(&format!("[-{words}-]"), "31", tty),
                DiffKind::Added => paint(&format!("{{+{words}+}}"), "32", tty),
                DiffKind::Elided => paint(&format!("[…{words}…]"), "2", tty),
                DiffKind::Bracketed => paint(&format!("[{words}]"), "36", tty),
            };
            format!("{space}{marked}")
        })
        .collect()
}

fn paint(text: &str, color: &str, tty: bool) -> String {
    if tty {
        format!("\x1b[{color}m{text}\x1b[0m")
    } else {
        text.to_owned()
    }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

fn plural(n: u32, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Line numbers (from 1) of char offsets in the draft's text.
struct LineIndex {
    /// The char offset each line starts at.
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        for (k, c) in text.chars().enumerate() {
            if c == '\n' {
                starts.push(k + 1);
            }
        }
        LineIndex { starts }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }
}
