//! Checking every quote in a draft against the library (issue #15).
//!
//! So far: reading drafts ([`read_draft`]) in Markdown, HTML, plain text, .docx
//! and .odt; finding their quotes and what cites each ([`find_quotes`]); and
//! comparing one quote with one passage of source text ([`compare`]), with the
//! two ends of candidate retrieval ([`search_terms`], [`best_of`]).

mod candidates;
mod compare;
mod draft;
mod error;
mod normalize;
mod quotes;
mod tokens;

pub use candidates::{best_of, search_terms, MAX_TERMS};
pub use compare::{compare, Comparison, DiffKind, DiffPart, Flags, Pattern};
pub use draft::{read_draft, read_draft_with, Draft, Footnote, Format, Limits, Link, PandocCite};
pub use error::VerifyError;
pub use normalize::{normalize, Normalized};
pub use quotes::{find_quotes, Citation, FoundQuote, QuoteKind, SCARE_QUOTE_WORDS};
