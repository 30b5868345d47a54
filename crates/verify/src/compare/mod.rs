//! Deciding a quote against one passage of source text.
//!
//! Two steps, in this order, and only the first can say "verified":
//!
//! 1. An exact match of the quote's pattern ([`Pattern`]) over the passage's tokens
//!    after the typographic normalisation: literal words equal, parts split by
//!    ellipses in order, brackets standing for a bounded number of words. A quote
//!    with one word changed, added or dropped outside an ellipsis or a bracket
//!    cannot match here, by construction.
//! 2. Otherwise an alignment ([`align`]): a word-level edit distance of the quote
//!    against every window of the passage at once (a "fitting" alignment: free
//!    start and end in the passage, ellipses as free gaps), whose traceback is the
//!    word diff. Close enough (half the words, and half the longer words or three
//!    in a row, in place) is "altered", with the source's exact text to paste
//!    instead; less is no match. Before the table, a passage sharing too few of
//!    the quote's words is rejected, and the table covers only the stretch the
//!    shared word pairs point to ([`anchor`]), widened to the whole passage if the
//!    quote is not close there.
//!
//! Why hand-written dynamic programming rather than a diff crate: a diff (such as
//! `similar`'s Myers or patience diff) compares two whole sequences, so a 20-word
//! quote against a 200-word passage comes back as 180 removed words and no window;
//! and it has no notion of an ellipsis that may skip any number of words for free.
//! The fitting alignment is one table of quote × passage tokens (a few thousand
//! cells for a sentence in its window) and gives window and diff in one pass.

mod align;
mod anchor;
mod exact;
mod ids;
mod pattern;

pub use pattern::Pattern;

use crate::normalize::{fold, Normalized};
use crate::tokens::{tokenize, Token};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// What a writer did to a verified quote, each allowed: typography normalised,
/// words left out at an ellipsis, words put in or replaced in brackets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flags {
    pub typographic: bool,
    pub elided: bool,
    pub bracketed: bool,
}

/// The kind of a part of a word diff, from the quote's side: `added` is in the
/// quote and not the source, `removed` in the source and not the quote, `elided`
/// source text an ellipsis or a bracket stands for, `bracketed` the writer's
/// bracketed words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DiffKind {
    Same,
    Added,
    Removed,
    Elided,
    Bracketed,
}

/// A run of the word diff. Each part after the first carries the spacing that
/// preceded it, so the `same`, `removed` and `elided` parts joined give the
/// source's text and the `same`, `added` and `bracketed` parts the quote's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffPart {
    pub kind: DiffKind,
    pub text: String,
}

/// The decision for one quote against one passage. Spans are char offsets in the
/// passage as given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "kebab-case")]
pub enum Comparison {
    Verified {
        flags: Flags,
        span: (usize, usize),
        /// The source text each ellipsis leaves out, so a hidden "not" shows.
        omitted: Vec<String>,
    },
    Altered {
        diff: Vec<DiffPart>,
        /// The source's own words for the quote, ellipses kept as " … ".
        suggestion: String,
        span: (usize, usize),
        /// Matched words over the longer of quote and source window, 0 to 1.
        score: f32,
    },
    NoMatch,
}

impl Comparison {
    pub fn is_verified(&self) -> bool {
        matches!(self, Comparison::Verified { .. })
    }

    /// Orders comparisons for picking the best: verified first (fewer liberties
    /// taken first), then altered by score, then no match.
    pub(crate) fn rank(&self) -> (u8, f32) {
        match self {
            Comparison::Verified { flags, .. } => {
                let liberties = flags.elided as u8 + flags.bracketed as u8;
                (3, -(liberties as f32))
            }
            Comparison::Altered { score, .. } => (1, *score),
            Comparison::NoMatch => (0, 0.0),
        }
    }
}

/// Decides `quote` (as written, quote marks removed) against one `passage`.
pub fn compare(quote: &str, passage: &str) -> Comparison {
    Pattern::new(quote).compare(passage)
}

impl Pattern {
    /// Decides this quote against one passage; see [`compare`].
    pub fn compare(&self, passage: &str) -> Comparison {
        self.compare_with(&Passage::new(passage))
    }

    /// Decides this quote against a passage prepared once for many quotes.
    pub fn compare_with(&self, passage: &Passage) -> Comparison {
        if self.segments.is_empty() {
            return Comparison::NoMatch;
        }
        if let Some(found) = exact::find(self, passage) {
            return found;
        }
        let ids = ids::Ids::new(self, passage);
        if !align::worth_aligning(&ids) {
            return Comparison::NoMatch;
        }
        align::align(self, passage, &ids)
    }
}

pub(crate) fn tokens_of(norm: &Normalized) -> Vec<Token> {
    tokenize(norm)
}

/// A passage of source text prepared for comparison: normalised and split into
/// tokens once, however many quotes it is compared with.
#[derive(Debug, Clone)]
pub struct Passage {
    pub(crate) original: Vec<char>,
    pub(crate) norm: Normalized,
    pub(crate) tokens: Vec<Token>,
}

impl Passage {
    pub fn new(passage: &str) -> Passage {
        let norm = fold(passage);
        let tokens = tokens_of(&norm);
        Passage {
            original: passage.chars().collect(),
            norm,
            tokens,
        }
    }

    pub(crate) fn text_of(&self, tok: usize) -> &str {
        self.tokens[tok].text(&self.norm.text)
    }
}

/// A word in lower case, without allocating for the many that already are.
pub(crate) fn lower(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// The text a token is compared by: a quote mark standing alone is one mark,
/// whichever it is (see [`crate::tokens::same`]).
pub(crate) fn canonical(text: &str) -> &str {
    if text == "'" {
        "\""
    } else {
        text
    }
}

/// Original char range of tokens `first..=last` of a normalised text.
pub(crate) fn original_range(
    norm: &Normalized,
    tokens: &[Token],
    first: usize,
    last: usize,
) -> (usize, usize) {
    let start = norm
        .original_span(tokens[first].chars.0, tokens[first].chars.1)
        .0;
    let end = norm
        .original_span(tokens[last].chars.0, tokens[last].chars.1)
        .1;
    (start, end)
}

/// The original text before token `tok` back to the previous token's end.
pub(crate) fn gap_before<'a>(
    original: &'a [char],
    norm: &Normalized,
    tokens: &[Token],
    tok: usize,
) -> &'a [char] {
    if tok == 0 {
        return &[];
    }
    let prev_end = original_range(norm, tokens, tok - 1, tok - 1).1;
    let start = original_range(norm, tokens, tok, tok).0;
    &original[prev_end.min(start)..start]
}

pub(crate) fn chars_to_string(chars: &[char]) -> String {
    chars.iter().collect()
}

#[cfg(test)]
mod tests;
