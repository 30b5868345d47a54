//! Web pages: readable content as blocks, and metadata a citation can trust.
//!
//! The bytes are decoded first (BOM, then `<meta charset>`, then UTF-8), so the
//! same file always gives the same text. The readable content comes from
//! `dom_smoothie`, a port of Mozilla's Readability; its HTML output is walked into
//! our blocks (headings, paragraphs, quotes, list items, preformatted) with the one
//! whitespace normalisation every importer uses. Metadata is read by [`meta`] from
//! JSON-LD, Highwire `citation_*`, OpenGraph, Dublin Core and the page itself.
//! Nothing of the page is ever rendered: only text leaves this module.

mod blocks;
mod charset;
pub mod meta;

use crate::IngestError;
use model::{Block, SourceMeta};
use std::collections::BTreeMap;

pub use charset::decode;

/// Pages with more elements than this are refused rather than parsed.
const MAX_ELEMENTS: usize = 200_000;

/// A web page turned into a source.
#[derive(Debug, Clone)]
pub struct WebPage {
    pub meta: SourceMeta,
    /// Where each metadata field came from: "jsonld", "highwire", "opengraph", ...
    pub origins: BTreeMap<String, String>,
    pub blocks: Vec<Block>,
}

/// Reads a page's bytes. `url` is where it came from, if known.
pub fn import(bytes: &[u8], url: Option<&str>) -> Result<WebPage, IngestError> {
    if bytes.len() > crate::MAX_INPUT_BYTES {
        return Err(IngestError::TooLarge {
            size: bytes.len(),
            max: crate::MAX_INPUT_BYTES,
        });
    }
    let html = decode(bytes);
    if !looks_like_html(&html) {
        return Err(IngestError::NotHtml);
    }
    let (mut meta, mut origins) = meta::extract(&html, url);
    let config = dom_smoothie::Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Default::default()
    };
    let article = dom_smoothie::Readability::new(html.as_str(), url, Some(config))
        .and_then(|mut r| r.parse())
        .map_err(|e| IngestError::Unreadable(format!("no readable text was found in it ({e})")))?;
    let blocks = blocks::from_html(&article.content);
    if blocks.is_empty() {
        return Err(IngestError::Unreadable(
            "no readable text was found in the page".into(),
        ));
    }
    meta::fill_from_readability(&mut meta, &mut origins, &article);
    if meta.title.is_empty() {
        meta.title = "Untitled page".into();
        origins.insert("title".into(), "default".into());
    }
    Ok(WebPage {
        meta,
        origins,
        blocks,
    })
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    head.contains("<html")
        || head.contains("<body")
        || head.contains("<!doctype html")
        || head.contains("<p")
        || head.contains("<div")
}
