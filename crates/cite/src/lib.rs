//! Exports of quotes into drafts, each with its attribution, citation and link.
//!
//! One [`export`] renders [`Quote`]s as Markdown block quotes, HTML (for the
//! clipboard's `text/html`, what word processors paste), plain text and Pandoc
//! Markdown. All share one [`Attribution`] and, when a [`CitationStyle`] is chosen,
//! one CSL rendering by hayagriva, so the formats never disagree. Sources map to
//! CSL items in [`csl_json`]; [`refs`] reads and writes BibTeX, BibLaTeX,
//! CSL-JSON and RIS.

mod attribution;
pub mod csl_json;
mod document;
pub mod escape;
mod fragment;
mod html;
mod markdown;
mod polish;
pub mod refs;
mod render;
mod style;
mod template;
mod text;

pub use attribution::Attribution;
pub use document::{export, Options, Outputs};
pub use fragment::{link as text_fragment_link, Fragment};
pub use html::{html, html_sections};
pub use markdown::{markdown, markdown_sections};
pub use render::{render, Cite, Locator, Rendered, Rich, Run};
pub use style::{bundled_styles, CitationStyle, StyleError, NAMED_STYLES};
pub use template::{Template, TemplateError};
pub use text::{text, text_sections};

use model::{SourceKind, SourceMeta};

/// One clip with what its citation needs.
#[derive(Debug, Clone)]
pub struct Quote<'a> {
    pub text: &'a str,
    pub meta: &'a SourceMeta,
    /// How the source came in (decides its item type when none is set).
    pub kind: SourceKind,
    /// The source's citation key, for Pandoc and the bibliography.
    pub key: &'a str,
    /// The PDF page the quote is on, if any.
    pub page: Option<u32>,
    /// The paragraph of the source text the quote starts in (counted from 1),
    /// the locator for web pages and texts.
    pub paragraph: Option<u32>,
    /// For web sources: what the link's text fragment is built from, so it opens
    /// the page at the quote.
    pub fragment: Option<Fragment<'a>>,
    pub note: &'a str,
    pub tags: &'a [String],
}

impl<'a> Quote<'a> {
    /// A quote with nothing but its text and source.
    pub fn new(text: &'a str, meta: &'a SourceMeta) -> Quote<'a> {
        Quote {
            text,
            meta,
            kind: SourceKind::Text,
            key: "",
            page: None,
            paragraph: None,
            fragment: None,
            note: "",
            tags: &[],
        }
    }
}

/// A titled group of quotes, as in a claim's dossier ("Supports", ...).
#[derive(Debug, Clone)]
pub struct Section<'a> {
    pub heading: String,
    pub quotes: Vec<Quote<'a>>,
}
