//! Domain types of Commonplace: what a source, a clip and a claim are.
//!
//! These types are the vocabulary every other crate speaks, and most of them cross
//! the IPC boundary to the web front end as they are. That is why they are plain
//! data with camelCase serde names, and why they have TypeScript twins (behind the
//! `ts` feature) that are generated, committed and checked for staleness. Nothing in
//! here knows about SQLite, Tantivy or Tauri.

mod claim;
mod clip;
mod date;
mod hit;
mod ids;
mod quote_check;
mod source;
mod text;

pub use claim::{Claim, ClaimLink, ClaimSummary, Stance, StanceError};
pub use clip::{Clip, ClipClaim, TextPositionSelector, TextQuoteSelector};
pub use date::{DateError, PartialDate};
pub use hit::{ClipHit, FacetCount, Facets, PassageHit, SearchResults, SnippetPart};
pub use ids::{ClaimId, ClipId, SourceId};
pub use quote_check::{
    CitedAs, DiffKind, DiffPart, DraftReport, QuoteCheck, QuoteFlag, QuoteSummary, QuoteVerdict,
    SourceSpan,
};
pub use source::{
    has_text, Author, Block, BlockKind, ItemType, Source, SourceKind, SourceMeta, SourceSummary,
};
pub use text::{SourceText, QUOTE_CONTEXT_CHARS};

/// Milliseconds since the Unix epoch. Kept as `i64` in Rust and as `number` on the
/// wire: a JavaScript number holds every millisecond timestamp exactly.
pub type Timestamp = i64;
