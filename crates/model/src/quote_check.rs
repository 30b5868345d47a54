//! What checking a draft's quotes reports (issue #15): for each quote of the
//! draft, the verdict, what the writer did to it, where in the library it was
//! found, what the draft cites for it, and for a changed quote the word diff and
//! the source's own words.
//!
//! These are wire types: the CLI prints them as JSON for scripts and the app's
//! *Check a draft* view receives them. The checking itself (the `verify` crate)
//! has its own types; the library maps them here, so the contract with the front
//! ends is written down once, in this file, with its TypeScript twin.

use crate::{ClipId, SourceId};
use serde::{Deserialize, Serialize};

/// The outcome for one quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum QuoteVerdict {
    /// Word for word in a source (after the declared typographic normalisation,
    /// with the writer's ellipses and brackets honoured), and not cited to
    /// another source.
    Verified,
    /// Close to a passage, with words changed, added or dropped: see the diff.
    Altered,
    /// Nothing in the library comes close.
    NotFound,
    /// Word for word in a source, but the draft cites another one.
    Misattributed,
    /// A short scare quote ("so-called" experts): listed, not checked.
    Skipped,
}

impl QuoteVerdict {
    /// Whether this verdict should stop a draft from going out: a changed
    /// quote, one the library does not hold, or one pinned on the wrong source.
    pub fn is_problem(self) -> bool {
        matches!(
            self,
            QuoteVerdict::Altered | QuoteVerdict::NotFound | QuoteVerdict::Misattributed
        )
    }
}

/// What a writer did to a verified quote (each allowed), or that nothing cites it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum QuoteFlag {
    /// Quote marks, dashes, spaces, soft hyphens or the first letter's case differ.
    Typographic,
    /// An ellipsis leaves words out (see `omitted`).
    Elided,
    /// Words in square brackets stand for the source's.
    Bracketed,
    /// Nothing near the quote says where it comes from.
    Unattributed,
}

/// What the draft gives as the source of a quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum CitedAs {
    /// A link on or next to the quote.
    Url(String),
    /// A Pandoc citation key (`[@key]`), without the `@`.
    Key(String),
    /// The text of the footnote whose mark follows the quote.
    Footnote(String),
    /// The name before or after "said", "wrote", "according to"...
    Said(String),
}

/// The kind of a run of a word diff, from the quote's side: `added` is in the
/// quote and not the source, `removed` in the source and not the quote,
/// `elided` source text an ellipsis or a bracket stands for, `bracketed` the
/// writer's bracketed words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum DiffKind {
    Same,
    Added,
    Removed,
    Elided,
    Bracketed,
}

/// A run of the word diff. Each part after the first carries the spacing that
/// preceded it: the `same`, `removed` and `elided` parts joined give the
/// source's text, the `same`, `added` and `bracketed` parts the quote's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DiffPart {
    pub kind: DiffKind,
    pub text: String,
}

/// Where a quote was found in its source's text, in code points: the matched
/// words, and the passage (block, or clip) they were found in, so the reader
/// can open at the passage and mark the words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SourceSpan {
    pub start: u32,
    pub end: u32,
    pub passage_start: u32,
    pub passage_end: u32,
}

/// One quote of the draft and its verdict. `start..end` are code-point offsets
/// of the quoted words in the draft's text as read ([`DraftReport::text`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct QuoteCheck {
    /// The quote as written (marks, footnote marks and citations left out).
    pub text: String,
    pub start: u32,
    pub end: u32,
    /// A block quote, or a quotation inline in a sentence.
    pub block: bool,
    pub verdict: QuoteVerdict,
    pub flags: Vec<QuoteFlag>,
    /// The source the quote was found in (for `misattributed`, the one it is
    /// really from; for `altered`, the closest one).
    pub source_id: Option<SourceId>,
    pub source_title: Option<String>,
    /// The saved clip the quote matches, when it was found as one.
    pub clip_id: Option<ClipId>,
    /// What the draft cites for the quote, as written.
    pub cited: Option<CitedAs>,
    /// The library's source that citation names, when there is one.
    pub cited_source_id: Option<SourceId>,
    /// For `altered`: the word diff against the source.
    pub diff: Vec<DiffPart>,
    /// For `altered`: the source's exact words, to paste instead.
    pub suggestion: Option<String>,
    /// Where in the source the quote was found.
    pub at: Option<SourceSpan>,
    /// For `verified` with an ellipsis: the source's words each ellipsis
    /// leaves out, so a hidden "not" shows.
    pub omitted: Vec<String>,
    /// For `skipped`: why the quote was not checked.
    pub skipped: Option<String>,
}

/// How many quotes got each verdict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct QuoteSummary {
    /// Every quote found, skipped ones included.
    pub quotes: u32,
    pub checked: u32,
    pub verified: u32,
    pub altered: u32,
    pub not_found: u32,
    pub misattributed: u32,
    pub skipped: u32,
    /// Verified quotes with nothing citing them.
    pub unattributed: u32,
    /// No quote is altered, not found or misattributed: the draft can go out.
    pub ok: bool,
}

impl QuoteSummary {
    pub fn of(quotes: &[QuoteCheck]) -> QuoteSummary {
        let mut s = QuoteSummary {
            quotes: quotes.len() as u32,
            ..QuoteSummary::default()
        };
        for q in quotes {
            match q.verdict {
                QuoteVerdict::Verified => s.verified += 1,
                QuoteVerdict::Altered => s.altered += 1,
                QuoteVerdict::NotFound => s.not_found += 1,
                QuoteVerdict::Misattributed => s.misattributed += 1,
                QuoteVerdict::Skipped => s.skipped += 1,
            }
            if q.flags.contains(&QuoteFlag::Unattributed) {
                s.unattributed += 1;
            }
        }
        s.checked = s.quotes - s.skipped;
        s.ok = s.altered + s.not_found + s.misattributed == 0;
        s
    }
}

/// A checked draft: its text as read (what the offsets point into, shown as
/// text and never as markup), its quotes in order, and the counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DraftReport {
    /// The file's name as given (`pasted text` for a paste).
    pub name: String,
    /// The format it was read as: markdown, html, text, docx or odt.
    pub format: String,
    pub text: String,
    pub quotes: Vec<QuoteCheck>,
    pub summary: QuoteSummary,
}
