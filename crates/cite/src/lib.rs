//! Exports of quotes into drafts, each with its attribution and link.
//!
//! Three renderings of the same [`Quote`]s: Markdown block quotes, HTML (for the
//! clipboard's `text/html`, what word processors paste) and plain text. All share
//! one [`Attribution`] so the formats never disagree. CSL styles (hayagriva) and the
//! reference formats will sit beside them, fed by the same input.

mod attribution;
mod fragment;
mod html;
mod markdown;
mod text;

pub use attribution::Attribution;
pub use fragment::{link as text_fragment_link, Fragment};
pub use html::{html, html_sections};
pub use markdown::{markdown, markdown_sections};
pub use text::{text, text_sections};

/// One clip with what its citation needs.
#[derive(Debug, Clone)]
pub struct Quote<'a> {
    pub text: &'a str,
    pub meta: &'a model::SourceMeta,
    /// The PDF page the quote is on, if any.
    pub page: Option<u32>,
    /// For web sources: what the link's text fragment is built from, so it opens
    /// the page at the quote.
    pub fragment: Option<Fragment<'a>>,
}

/// A titled group of quotes, as in a claim's dossier ("Supports", ...).
#[derive(Debug, Clone)]
pub struct Section<'a> {
    pub heading: String,
    pub quotes: Vec<Quote<'a>>,
}
