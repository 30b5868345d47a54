//! Finding the quotes of a draft and what cites each.
//!
//! A quote is a block quote (the whole block is one quote, whatever marks are
//! inside it) or an outermost inline quotation between paired marks
//! ([`marks`]). Short quotations with nothing attributing them are scare quotes
//! (“so-called” experts), listed as skipped so the writer sees they were
//! considered; every other quote is checked. Footnote marks and Pandoc citations
//! inside a quote are not part of its words, and a block quote's last line
//! "— Name" is its attribution, not its text.

mod marks;
mod nearby;
mod said;

use crate::draft::{Draft, Format};
use crate::normalize::fold;
use crate::tokens::tokenize;
use nearby::Window;
use serde::{Deserialize, Serialize};

/// Fewer words than this, with no attribution nearby, is a scare quote.
pub const SCARE_QUOTE_WORDS: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Block,
    Inline,
}

/// What a draft gives as the source of a quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum Citation {
    /// A link on or next to the quote.
    Url(String),
    /// A Pandoc citation key (`[@key]`), without the `@`.
    Key(String),
    /// The text of the footnote whose mark follows the quote.
    Footnote(String),
    /// The name before or after "said", "says", "told", "according to"...
    Said(String),
}

/// A quote found in a draft. `start..end` are the char offsets of the quoted
/// text in [`Draft::text`] (inside the marks); `text` is that text as written,
/// without footnote marks, citations, a block's "— Name" line or, in plain
/// text, the `>` that start its lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FoundQuote {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    /// Why the quote is not checked, when it is not.
    pub skipped: Option<String>,
    pub cited: Option<Citation>,
}

/// Every quote of the draft, in order of position.
pub fn find_quotes(draft: &Draft) -> Vec<FoundQuote> {
    let chars: Vec<char> = draft.text.chars().collect();
    let mut out: Vec<FoundQuote> = draft
        .blocks
        .iter()
        .map(|&(start, end)| block_quote(draft, &chars, start, end))
        .collect();
    let inline = marks::inline_quotes(&chars, &draft.blocks);
    for (k, m) in inline.iter().enumerate() {
        let prev = k.checked_sub(1).map_or(0, |p| inline[p].close + 1);
        let next = inline.get(k + 1).map_or(chars.len(), |n| n.open);
        let window = Window::inline(&chars, m.open, m.close, prev, next);
        let near = nearby::citation(draft, &chars, &window, None);
        let (start, end) = trimmed(&chars, m.open + 1, m.close);
        let text = words_of(draft, &chars, start, end);
        let skipped = if text.trim().is_empty() {
            Some("empty quotation".to_owned())
        } else if word_count(&text) < SCARE_QUOTE_WORDS && !near.attributed {
            Some(format!(
                "scare quote: fewer than {SCARE_QUOTE_WORDS} words and no attribution nearby"
            ))
        } else {
            None
        };
        out.push(FoundQuote {
            text,
            start,
            end,
            kind: QuoteKind::Inline,
            skipped,
            cited: near.cited,
        });
    }
    out.sort_by_key(|q| q.start);
    out
}

fn block_quote(draft: &Draft, chars: &[char], start: usize, end: usize) -> FoundQuote {
    let (start, mut end) = trimmed(chars, start, end);
    // "— Jane Doe" on the last line names the source and is not quoted text.
    let mut trailing = None;
    if let Some(nl) = (start..end).rev().find(|&i| chars[i] == '\n') {
        let line: String = chars[nl + 1..end].iter().collect();
        let line = line.trim_start_matches([' ', '>']);
        if let Some(name) = attribution_line(line) {
            trailing = Some(name);
            end = trimmed(chars, start, nl).1;
        }
    }
    let window = Window::block(chars, start, end);
    let near = nearby::citation(draft, chars, &window, trailing);
    let mut text = words_of(draft, chars, start, end);
    if draft.format == Format::Text {
        text = text
            .lines()
            .map(|l| {
                let l = l.trim_start_matches(' ');
                let l = l.strip_prefix('>').unwrap_or(l);
                l.strip_prefix(' ').unwrap_or(l)
            })
            .collect::<Vec<_>>()
            .join("\n");
    }
    let text = strip_enclosing_marks(text.trim());
    let skipped = text
        .trim()
        .is_empty()
        .then(|| "empty block quote".to_owned());
    FoundQuote {
        text,
        start,
        end,
        kind: QuoteKind::Block,
        skipped,
        cited: near.cited,
    }
}

/// A last line like "— Jane Doe" or "-- Reuters": the name, if short.
fn attribution_line(line: &str) -> Option<String> {
    let rest = line
        .strip_prefix('—')
        .or_else(|| line.strip_prefix('―'))
        .or_else(|| line.strip_prefix('–'))
        .or_else(|| line.strip_prefix("--"))?;
    let name = rest.trim().trim_end_matches(['.', ',']).trim();
    let words = name.split_whitespace().count();
    (words > 0 && words <= 10).then(|| name.to_owned())
}

/// A block quote written inside quote marks as well: the marks are not quoted.
fn strip_enclosing_marks(text: &str) -> String {
    let mut chars = text.chars();
    let (Some(first), Some(last)) = (chars.next(), chars.next_back()) else {
        return text.to_owned();
    };
    let pairs = [
        ('“', '”'),
        ('"', '"'),
        ('«', '»'),
        ('„', '“'),
        ('‘', '’'),
        ('「', '」'),
    ];
    if pairs.contains(&(first, last)) {
        return chars.as_str().trim().to_owned();
    }
    text.to_owned()
}

/// `start..end` without white space at either end.
fn trimmed(chars: &[char], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    (start, end)
}

/// The text of `start..end` without the footnote marks and citations in it.
fn words_of(draft: &Draft, chars: &[char], start: usize, end: usize) -> String {
    let mut cut: Vec<(usize, usize)> = draft
        .footnotes
        .iter()
        .map(|f| (f.mark_start, f.mark_end))
        .chain(draft.citations.iter().map(|c| (c.start, c.end)))
        .filter(|&(s, e)| s < end && e > start)
        .collect();
    cut.sort();
    let mut out = String::new();
    let mut at = start;
    for (s, e) in cut {
        if s > at {
            out.extend(&chars[at..s]);
        }
        at = at.max(e);
    }
    if at < end {
        out.extend(&chars[at..end]);
    }
    out.trim_end().to_owned()
}

fn word_count(text: &str) -> usize {
    let norm = fold(text);
    tokenize(&norm).iter().filter(|t| t.is_word()).count()
}

#[cfg(test)]
mod tests;
