//! Checking every quote in a draft against the library (issue #15).
//!
//! This first part is the comparison of one quote with one passage of source
//! text: a declared typographic normalisation ([`normalize`]), then an exact
//! match that honours ellipses and brackets, else a word-level alignment with a
//! diff ([`compare`]); and the two ends of candidate retrieval: the words to
//! ask the index for ([`search_terms`]) and the pick among its passages
//! ([`best_of`]).

mod candidates;
mod compare;
mod normalize;
mod tokens;

pub use candidates::{best_of, search_terms, MAX_TERMS};
pub use compare::{compare, Comparison, DiffKind, DiffPart, Flags, Pattern};
pub use normalize::{normalize, Normalized};
