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
pub(crate) mod byline;
mod charset;
mod clean;
pub mod dates;
mod fallback;
mod jsonld;
mod lead;
mod lines;
pub mod meta;
mod recipe;

use crate::IngestError;
use model::{Block, SourceMeta};
use std::collections::BTreeMap;

pub use charset::decode;
pub use dates::{Dated, PageDates};

/// Pages nested deeper than this are refused before parsing: the parsers and the
/// tree walks after them recurse, and real pages stay far below it.
const MAX_DEPTH: usize = 1_000;

/// Pages with more elements than this are refused rather than parsed.
const MAX_ELEMENTS: usize = 200_000;

/// A web page turned into a source.
#[derive(Debug, Clone)]
pub struct WebPage {
    pub meta: SourceMeta,
    /// Where each metadata field came from: "jsonld", "highwire", "opengraph", ...
    pub origins: BTreeMap<String, String>,
    pub blocks: Vec<Block>,
    /// The published and modified dates, each with where it was read.
    pub dates: PageDates,
    /// False when the page has no readable article text: its metadata is
    /// still given, with no blocks.
    pub has_text: bool,
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
    let html = without_leading_junk(html);
    if nesting_depth(&html) > MAX_DEPTH {
        return Err(IngestError::Unreadable(format!(
            "the page's markup is nested more than {MAX_DEPTH} levels deep, deeper than Commonplace reads safely"
        )));
    }
    let doc = dom_query::Document::from(html.as_str());
    let mut found = meta::extract(&doc, url);
    let lead = lead::find(&doc, found.description.as_deref());
    let objects = jsonld::objects(&doc);
    clean::prepare(&doc);
    let mut article = readable(doc, url);
    let mut blocks = article
        .as_ref()
        .map(|a| clean::blocks(blocks::from_html(&a.content)))
        .unwrap_or_default();
    if text_len(&blocks) < UNSURE {
        // The cleaning may have cut the article's own wrapper: Readability
        // again on the page as it came (less what no reader sees), kept if
        // it finds more.
        let page = dom_query::Document::from(html.as_str());
        clean::remove_hidden(&page);
        let again = readable(page, url);
        let more = again
            .as_ref()
            .map(|a| clean::blocks(blocks::from_html(&a.content)))
            .unwrap_or_default();
        if text_len(&more) > text_len(&blocks) {
            (article, blocks) = (again.or(article), more);
        }
    }
    if text_len(&blocks) < UNSURE {
        let doc = dom_query::Document::from(html.as_str());
        clean::prepare(&doc);
        let more = clean::blocks(fallback::paragraphs(&doc));
        if text_len(&more) > text_len(&blocks) {
            blocks = more;
        }
    }
    lead::restore(&mut blocks, lead);
    recipe::restore(&mut blocks, &objects);
    meta::finish(&mut found, article.as_ref());
    let mut meta = found.meta;
    let mut origins = found.origins;
    if meta.title.is_empty() {
        meta.title = "Untitled page".into();
        origins.insert("title".into(), "default".into());
    }
    Ok(WebPage {
        meta,
        origins,
        has_text: !blocks.is_empty(),
        blocks,
        dates: found.dates,
    })
}

/// Below this many characters of text, the first extraction is unsure and
/// the next way is tried.
const UNSURE: usize = 500;

fn text_len(blocks: &[Block]) -> usize {
    blocks.iter().map(|b| b.text.chars().count()).sum()
}

/// Readability's answer for a parsed page, if it finds one.
fn readable(doc: dom_query::Document, url: Option<&str>) -> Option<dom_smoothie::Article> {
    let config = dom_smoothie::Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Default::default()
    };
    // Readability's URL only resolves links, which we drop; an address it
    // cannot use must not cost the page its text.
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    dom_smoothie::Readability::with_document(doc, url, Some(config))
        .and_then(|mut r| r.parse())
        .ok()
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose end tag may be left out (`<p>`, `<li>`, table cells...):
/// unclosed, they would count as nesting where the parser closes them, so
/// they are not counted at all.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb",
    "rt", "rp", "colgroup",
];

/// How deeply elements nest, counted from the tags without building a tree
/// (void and self-closing tags and those with optional end tags do not nest;
/// comments are skipped).
fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    // The open elements, as the parser keeps them: an end tag closes its
    // element and everything left open inside it (unclosed `<span>`s do not
    // pile up), an end tag with nothing to close is ignored.
    let mut open: Vec<String> = Vec::new();
    let (mut max, mut i) = (0usize, 0usize);
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        if html[i..].starts_with("<!--") {
            i = html[i..].find("-->").map_or(bytes.len(), |e| i + e + 3);
            continue;
        }
        let end = html[i..].find('>').map_or(bytes.len(), |e| i + e);
        let tag = &html[i + 1..end.min(bytes.len())];
        let name_of = |t: &str| {
            t.chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase()
        };
        if let Some(closing) = tag.strip_prefix('/') {
            let name = name_of(closing);
            if let Some(at) = open.iter().rposition(|n| *n == name) {
                open.truncate(at);
            }
        } else if tag.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
            let name = name_of(tag);
            // Script and style hold text, not tags: skip to their end.
            if name == "script" || name == "style" {
                let close = format!("</{name}");
                let from = end.min(bytes.len());
                i = html[from..]
                    .to_ascii_lowercase()
                    .find(&close)
                    .map_or(bytes.len(), |e| from + e);
                continue;
            }
            if !tag.ends_with('/')
                && !VOID.contains(&name.as_str())
                && !OPTIONAL_END.contains(&name.as_str())
            {
                open.push(name);
                max = max.max(open.len());
                if max > MAX_DEPTH {
                    // Past the limit: the answer is a refusal, however deep.
                    return max;
                }
            }
        }
        i = end + 1;
    }
    max
}

/// The page from its `<!DOCTYPE html>` or `<html>` on, when something else
/// (PHP warnings, log lines) was printed before it: left in, it would become
/// the body's first text and push the `<head>` with its metadata into the body.
fn without_leading_junk(html: String) -> String {
    let end = html.floor_char_boundary(html.len().min(64 * 1024));
    let head = html[..end].to_ascii_lowercase();
    let start = ["<!doctype html", "<html"]
        .iter()
        .filter_map(|tag| head.find(tag))
        .min();
    match start {
        Some(at) if !html[..at].trim().is_empty() => html[at..].to_owned(),
        _ => html,
    }
}

/// Whether the text holds HTML anywhere near its start. Junk before `<html>`
/// (PHP warnings, a stray BOM, log lines) is no reason to refuse a page, so
/// the first 64 KiB are searched, not only the opening.
fn looks_like_html(text: &str) -> bool {
    let end = text.floor_char_boundary(text.len().min(64 * 1024));
    let head = text[..end].to_ascii_lowercase();
    [
        "<html",
        "<body",
        "<!doctype html",
        "<head",
        "<p>",
        "<p ",
        "<div",
        "<article",
        "<title",
    ]
    .iter()
    .any(|tag| head.contains(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_shapes_end_in_a_result_within_bounded_time() {
        let nested = format!(
            "<html><body>{}<p>deep text here for reading</p>{}</body></html>",
            "<div>".repeat(20_000),
            "</div>".repeat(20_000)
        );
        let started = std::time::Instant::now();
        let err = import(nested.as_bytes(), None).unwrap_err();
        assert!(
            err.to_string()
                .contains("nested more than 1000 levels deep"),
            "{err}"
        );
        assert!(
            started.elapsed().as_secs() < 5,
            "refused quickly, before any parsing"
        );
        let fine = format!("<html><body>{}<p>text at a reasonable depth for reading</p>{}<br><img src=x></body></html>", "<div>".repeat(200), "</div>".repeat(200));
        let unclosed = format!(
            "<html><body>{}</body></html>",
            "<p>A paragraph whose end tag the page leaves out, as HTML allows.".repeat(3_000)
        );
        assert!(
            import(unclosed.as_bytes(), None).is_ok(),
            "paragraphs without end tags do not nest"
        );
        assert!(import(fine.as_bytes(), None).is_ok());
        assert_eq!(
            import(b"\xff\xfe\x00garbage", None).unwrap_err(),
            IngestError::NotHtml
        );
        assert_eq!(import(b"", None).unwrap_err(), IngestError::NotHtml);
        assert_eq!(
            import(b"just some words, no markup at all", None).unwrap_err(),
            IngestError::NotHtml
        );
        let truncated = b"<html><head><title>Cut</title></head><body><article><p>The text of this article stops in the middle of a sent";
        assert!(
            import(truncated, None).is_ok(),
            "a truncated page keeps what it has"
        );
    }

    #[test]
    fn junk_before_the_page_is_no_reason_to_refuse_it() {
        let warnings =
            "<b>Warning</b>: Undefined variable $x in /var/www/index.php on line 12<br />\n"
                .repeat(80);
        let page = format!(
            "{warnings}<!DOCTYPE html><html><head><title>After the warnings</title></head>\
             <body><article><p>{}</p></article></body></html>",
            "The article's text, long enough to be read as one. ".repeat(8)
        );
        assert!(
            warnings.len() > 4096,
            "more junk than the old 4 KiB sniffing window"
        );
        let page =
            import(page.as_bytes(), None).expect("a page after PHP warnings is still a page");
        assert!(page.has_text);
        assert_eq!(page.meta.title, "After the warnings");
    }

    #[test]
    fn a_page_without_text_keeps_its_metadata_and_says_so() {
        let html = r#"<html lang="en"><head><title>Only a gallery</title>
            <meta property="article:published_time" content="2019-08-06T10:00:00+02:00">
            <meta name="author" content="Jane Doe"></head>
            <body><script>render()</script><img src="a.jpg"></body></html>"#;
        let page = import(html.as_bytes(), None).expect("metadata is returned without text");
        assert!(!page.has_text, "the page says there was no article text");
        assert!(page.blocks.is_empty());
        assert_eq!(page.meta.title, "Only a gallery");
        assert_eq!(
            page.meta.issued.map(|d| d.to_string()).as_deref(),
            Some("2019-08-06")
        );
        assert_eq!(
            page.dates.published.as_ref().map(|d| d.origin.as_str()),
            Some("meta"),
            "every date keeps its origin"
        );
        assert_eq!(page.meta.authors.len(), 1);
    }
}
