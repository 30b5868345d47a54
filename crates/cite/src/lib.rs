//! Exports of quotes into drafts, each with its attribution and link.
//!
//! This first exporter writes Markdown block quotes followed by an attribution line
//! (authors, title, site, date) and the link. CSL styles (hayagriva) and the other
//! formats come later and will sit beside it, fed by the same [`Quote`] input.

mod markdown;

pub use markdown::{attribution, markdown};

/// One clip with what its citation needs.
#[derive(Debug, Clone)]
pub struct Quote<'a> {
    pub text: &'a str,
    pub meta: &'a model::SourceMeta,
    /// The PDF page the quote is on, if any.
    pub page: Option<u32>,
}
