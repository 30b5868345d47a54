//! Plain-text drafts: the file's text is the draft's text, offsets and all.
//!
//! Plain text has no markup, so only the conventions writers type are read:
//! lines starting with `>` form a block quote (as in e-mail and Markdown), and
//! `[^label]` marks refer to `[^label]: text` lines, Markdown's footnote syntax,
//! which is what a writer in a text editor uses. Addresses and Pandoc citations
//! are found in the text as in every format.

use super::scan;
use super::{Draft, Footnote, Format};
use std::collections::HashMap;

pub(crate) fn read(text: &str) -> Draft {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text).to_owned();
    let lines = lines(&text);
    let blocks = block_quotes(&lines);
    let footnotes = footnotes(&text, &lines);
    Draft {
        format: Format::Text,
        links: scan::bare_urls(&text),
        citations: scan::pandoc_citations(&text),
        blocks,
        footnotes,
        text,
    }
}

/// Each line with its char offset and char length (without the line end).
fn lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        out.push((at, line.trim_end_matches('\r')));
        at += line.chars().count() + 1;
    }
    out
}

fn is_quoted(line: &str) -> bool {
    let indent = line.len() - line.trim_start_matches(' ').len();
    indent <= 3 && line.trim_start_matches(' ').starts_with('>')
}

fn block_quotes(lines: &[(usize, &str)]) -> Vec<(usize, usize)> {
    let mut blocks = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    for &(at, line) in lines {
        if is_quoted(line) {
            let end = at + line.chars().count();
            current = Some(current.map_or((at, end), |(start, _)| (start, end)));
        } else if let Some(block) = current.take() {
            blocks.push(block);
        }
    }
    blocks.extend(current);
    blocks
}

/// Footnote marks `[^label]` that have a definition line `[^label]: text`.
fn footnotes(text: &str, lines: &[(usize, &str)]) -> Vec<Footnote> {
    let definitions: HashMap<&str, &str> = lines
        .iter()
        .filter_map(|(_, line)| {
            let rest = line.strip_prefix("[^")?;
            let (label, body) = rest.split_once("]:")?;
            Some((label, body.trim()))
        })
        .collect();
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i + 2 < chars.len() {
        if chars[i] == '[' && chars[i + 1] == '^' {
            if let Some(len) = chars[i + 2..].iter().take(40).position(|&c| c == ']') {
                let label: String = chars[i + 2..i + 2 + len].iter().collect();
                let end = i + 3 + len;
                let is_definition = chars.get(end) == Some(&':');
                if let (Some(body), false) = (definitions.get(label.as_str()), is_definition) {
                    out.push(Footnote {
                        mark_start: i,
                        mark_end: end,
                        text: (*body).to_owned(),
                    });
                }
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out
}
