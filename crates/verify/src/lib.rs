//! Checking every quote in a draft against the library (issue #15).
//!
//! Placeholder: the crate documentation is written once the API has settled.

mod attribution;
mod candidates;
mod compare;
mod draft;
mod error;
mod normalize;
mod quotes;
mod tokens;
mod verdict;

pub use attribution::attribution_matches;
pub use candidates::{best_of, search_terms, MAX_TERMS};
pub use compare::{compare, Comparison, DiffKind, DiffPart, Flags, Passage, Pattern};
pub use draft::{read_draft, read_draft_with, Draft, Footnote, Format, Limits, Link, PandocCite};
pub use error::VerifyError;
pub use normalize::{normalize, Normalized};
pub use quotes::{find_quotes, Citation, FoundQuote, QuoteKind, SCARE_QUOTE_WORDS};
pub use verdict::{judge, Candidate, Check, Flag, Verdict};
