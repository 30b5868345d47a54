//! Checking every quote in a draft against the library (issue #15).
//!
//! A writer's worst mistake is a misquote: a word changed while retyping, an
//! ellipsis that hides a "not", a quote pinned on the wrong outlet. This crate is
//! the engine of `commonplace verify DRAFT` and of the app's *Check a draft*
//! view. It knows drafts, quotes and text; it knows nothing of storage or of the
//! index: the library hands it candidate passages and source metadata.
//!
//! # The pipeline, and the contract the library integrates against
//!
//! 1. [`read_draft`]`(bytes, name) -> Result<`[`Draft`]`, `[`VerifyError`]`>`:
//!    Markdown, HTML, plain text, .docx and .odt (the format by extension, checked
//!    against the bytes) into plain text with its block quotes, links, footnotes
//!    and Pandoc citations. **Every offset in this crate's draft-side types is a
//!    char offset into [`Draft::text`].** [`read_draft_with`] takes [`Limits`]
//!    (20 MB read, 64 MB unpacked by default).
//! 2. [`find_quotes`]`(&Draft) -> Vec<`[`FoundQuote`]`>`: block quotes and inline
//!    quotations in every style of mark, each with its [`Citation`] (link,
//!    Pandoc key, footnote text, or the name before "said"); short scare quotes
//!    come back with `skipped` set and are not to be checked.
//! 3. [`search_terms`]`(quote) -> Vec<String>`: words to OR in the full-text
//!    index; the library takes its ~20 best passages (whole blocks of source
//!    text, or clips) as [`Candidate`]s, each with its source's metadata and key.
//! 4. [`judge`]`(&FoundQuote, &[Candidate], known_elsewhere) -> `[`Check`]: the
//!    [`Verdict`] (`verified`, `altered`, `not-found`, `misattributed`), its
//!    [`Flag`]s (`typographic`, `elided`, `bracketed`, `unattributed`), where the
//!    quote was found (`source_span` is `candidate.offset` plus the span in the
//!    passage), and for an altered quote the word diff and the source's words to
//!    paste instead. `known_elsewhere(&Citation)` tells whether a name cited
//!    ("Reuters said") belongs to anything in the library: only then does a name
//!    that does not match where the quote was found make it misattributed, since
//!    "Powell said" about a speaker quoted in a Reuters article is no error. An
//!    address, a key or a footnote is always checked. A [`Directory`] of the
//!    library's sources answers "which sources does this citation name" for
//!    thousands of sources without comparing the citation with each.
//!
//! [`Check`], [`FoundQuote`] and [`Draft`] serialise for the CLI's `--json`
//! (camelCase fields, kebab-case values: `"not-found"`).
//!
//! The parts are public too: [`compare`]`(quote, passage) -> `[`Comparison`]
//! decides one passage; [`Pattern`] and [`Passage`] prepare a quote or a passage
//! once for many comparisons; [`best_of`] picks among candidates without
//! attribution; [`attribution_matches`] compares one citation with one source's
//! [`model::SourceMeta`]; [`normalize`] is the declared typographic
//! normalisation, with a map back to original offsets.
//!
//! # What "verified" means
//!
//! Equal word for word after the normalisation declared in [`normalize`] (quote
//! marks, dashes, spaces and line breaks, soft hyphens, NFC, the case of the
//! first letter; edge punctuation of the quote is not compared), with the
//! writer's own marks honoured: an ellipsis (`…`, `...`, `[...]`, `[…]`) splits
//! the quote into parts that must appear in order within the one passage, and a
//! bracket stands for a few source words (`[the company]`), none (`[sic]`) or the
//! rest of a word (`[T]he`). Nothing else: a changed, added or dropped word
//! outside an ellipsis or a bracket can never match, so it is never verified.
//! Otherwise the closest window of the passage is found by a word-level fitting
//! alignment and reported as `altered` when half its words (and half its longer
//! words, or three in a row) are in place, else as no match.
//!
//! # Dependencies, and why
//!
//! - `pulldown-cmark` and `dom_query` read Markdown and HTML: the parsers the
//!   importers already use, so the workspace builds nothing new for them.
//! - `zip` (deflate through zlib-rs, no other codecs) and `quick-xml` (0.42,
//!   streaming) read .docx and .odt as the zip of XML parts they are. The
//!   `office_oxide` crate already in the tree reads .docx but not .odt; one
//!   streaming walk over each format's XML (about 200 lines each) gives both
//!   formats the same offsets and the same handling of footnotes, links and
//!   quote styles. Only the parts needed are unpacked, against a budget.
//! - `encoding_rs` reads UTF-16 and legacy text files; `unicode-normalization`
//!   composes accents; `url` normalises cited addresses (WHATWG parsing).
//! - No diff crate. `similar` (Myers, patience) diffs whole sequences: a 20-word
//!   quote against a 200-word passage comes back as 180 removed words with no
//!   window, and it has no notion of an ellipsis skipping words for free. The
//!   fitting alignment here is one dynamic-programming table over tokens,
//!   placed by votes of the word pairs quote and passage share, with tokens
//!   compared as numbers.
//!
//! # Measured (see `tests/it/mutation.rs` and `benches/draft_check.rs`)
//!
//! Mutation test, 1,000 quotes from the Readability corpus's prose: 32,747
//! one-word substitutions, insertions, deletions, number changes and negations
//! all `altered` (0 misses); the 1,000 untouched quotes all verified (0 false
//! alarms); the generated fallback corpus gives 0 and 0 as well. Benchmark, on
//! this project's two-core machine under load: a 28,000-word draft with 300
//! quotes, each judged against 20 of 5,000 synthetic passages, in about 0.3 s
//! (reading and finding the quotes take under 10 ms of it).

mod attribution;
mod candidates;
mod compare;
mod draft;
mod error;
mod normalize;
mod quotes;
mod tokens;
mod verdict;

pub use attribution::{attribution_matches, Directory};
pub use candidates::{best_of, search_terms, MAX_TERMS};
pub use compare::{compare, Comparison, DiffKind, DiffPart, Flags, Passage, Pattern};
pub use draft::{read_draft, read_draft_with, Draft, Footnote, Format, Limits, Link, PandocCite};
pub use error::VerifyError;
pub use normalize::{normalize, Normalized};
pub use quotes::{find_quotes, Citation, FoundQuote, QuoteKind, SCARE_QUOTE_WORDS};
pub use verdict::{judge, Candidate, Check, Flag, Verdict};
