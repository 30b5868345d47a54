//! HTML drafts, parsed by dom_query (html5ever) and walked into rendered text.
//!
//! White space collapses as a browser renders it; block elements end paragraphs;
//! `<br>` breaks a line; `<blockquote>` is a block quote (its `cite` address a
//! link over it); `<q>` gets the curly marks a browser would draw, so the quote
//! is found like any other. Footnotes are recognised as Pandoc, Word and most
//! editors write them: a short in-page link (`<a href="#fn1">1</a>`, often in
//! `<sup>`) to an element elsewhere in the page. The mark becomes `[n]` with the
//! note's text, and the notes themselves (and the section holding them) are left
//! out of the text. Scripts, styles and other non-text elements are skipped.

use super::builder::Builder;
use super::{Draft, Format};
use crate::VerifyError;
use dom_query::{Document, NodeId, NodeRef};
use std::collections::{HashMap, HashSet};

const SKIP: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "img", "video", "audio", "canvas", "button", "input", "select", "textarea",
];
const BLOCK: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "figure",
    "figcaption",
    "table",
    "tr",
    "address",
    "hr",
    "details",
    "summary",
    "body",
];

/// Elements nested deeper than this are refused before parsing: the HTML
/// parser's work grows with the square of the depth, so a page of a million
/// nested elements would take hours, and no document needs a thousand levels.
pub(crate) const MAX_NESTING: usize = 1_000;

pub(crate) fn read(html: &str, name: &str) -> Result<Draft, VerifyError> {
    let depth = nesting(html);
    if depth > MAX_NESTING {
        return Err(VerifyError::Damaged {
            name: name.to_owned(),
            detail: format!(
                "its elements are nested {depth} deep, more than the {MAX_NESTING} a document could need"
            ),
        });
    }
    let doc = Document::from(html);
    let notes = Notes::find(&doc);
    let mut walk = Walk {
        b: Builder::new(true),
        notes: &notes,
        in_note: false,
        depth: 0,
    };
    let body = doc.select("body");
    let roots = if body.exists() {
        body.nodes().to_vec()
    } else {
        doc.root().children()
    };
    for root in roots {
        walk.node(&root);
    }
    Ok(walk.b.finish(Format::Html))
}

/// How deep elements nest, counted from the tags alone: start tags that are not
/// void or self-closing open a level, end tags close one. An estimate (text in
/// scripts is not told apart), which is all a limit needs.
fn nesting(html: &str) -> usize {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "!doctype", "!--",
    ];
    let (mut depth, mut deepest) = (0usize, 0usize);
    let bytes = html.as_bytes();
    for (at, _) in html.match_indices('<') {
        let rest = &bytes[at + 1..];
        if rest.first() == Some(&b'/') {
            depth = depth.saturating_sub(1);
            continue;
        }
        let name_len = rest
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'!' || **b == b'-')
            .count();
        if name_len == 0 {
            continue;
        }
        let name = String::from_utf8_lossy(&rest[..name_len]).to_ascii_lowercase();
        let self_closing = rest
            .iter()
            .position(|b| *b == b'>')
            .is_some_and(|end| end > 0 && rest[end - 1] == b'/');
        if !VOID.contains(&name.as_str()) && !self_closing {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// The page's footnotes: which links are footnote marks (with the note's text)
/// and which elements hold notes and are not part of the text.
struct Notes {
    texts: HashMap<NodeId, String>,
    hidden: HashSet<NodeId>,
}

impl Notes {
    fn find(doc: &Document) -> Notes {
        let by_id: HashMap<String, NodeRef> = doc
            .select("[id]")
            .nodes()
            .iter()
            .filter_map(|n| n.attr("id").map(|id| (id.to_string(), *n)))
            .collect();
        let mut texts = HashMap::new();
        let mut hidden = HashSet::new();
        for anchor in doc.select("a[href^='#']").nodes() {
            let href = anchor.attr("href").unwrap_or_default();
            let Some(target) = by_id.get(&href[1..]) else {
                continue;
            };
            let label = anchor.text();
            let label = label.trim();
            let marked = anchor.attr("role").is_some_and(|r| r.contains("noteref"))
                || anchor.attr("class").is_some_and(|c| c.contains("footnote"))
                || anchor
                    .parent()
                    .is_some_and(|p| p.node_name().as_deref() == Some("sup"));
            // A bare in-page link counts when it looks like a mark: "1", "*", "†".
            let looks_like_mark = label.chars().count() <= 4
                && label
                    .chars()
                    .any(|c| c.is_ascii_digit() || c == '*' || c == '†');
            let inside_target = anchor.ancestors_it(None).any(|a| a.id == target.id);
            // A note's link back to its mark points at the mark, not at a note.
            let back = anchor.attr("role").is_some_and(|r| r.contains("backlink"))
                || anchor.attr("class").is_some_and(|c| c.contains("back"))
                || target.node_name().as_deref() == Some("a");
            if !(marked || looks_like_mark) || inside_target || back {
                continue;
            }
            let empty = Notes::empty();
            let mut walk = Walk {
                b: Builder::new(true),
                notes: &empty,
                in_note: true,
                depth: 0,
            };
            walk.children(target);
            texts.insert(anchor.id, walk.b.text_with_addresses());
            hidden.insert(target.id);
            for a in target.ancestors_it(None) {
                let tag = |n: &str| {
                    a.attr(n)
                        .is_some_and(|v| v.contains("footnote") || v.contains("endnote"))
                };
                if tag("class") || tag("role") || tag("id") {
                    hidden.insert(a.id);
                }
            }
        }
        Notes { texts, hidden }
    }

    fn empty() -> Notes {
        Notes {
            texts: HashMap::new(),
            hidden: HashSet::new(),
        }
    }
}

struct Walk<'a> {
    b: Builder,
    notes: &'a Notes,
    /// Reading a note's own text: its links back to the mark are left out.
    in_note: bool,
    depth: usize,
}

/// How deep the walk recurses; deeper content (a hostile page of nested
/// elements) is taken as its plain text, so the stack never overflows.
const MAX_DEPTH: usize = 256;

impl Walk<'_> {
    fn children(&mut self, node: &NodeRef) {
        if self.depth >= MAX_DEPTH {
            self.b.push(&node.text());
            return;
        }
        self.depth += 1;
        for child in node.children_it(false) {
            self.node(&child);
        }
        self.depth -= 1;
    }

    fn node(&mut self, node: &NodeRef) {
        if node.is_text() {
            self.b.push(&node.text());
            return;
        }
        if !node.is_element() || self.notes.hidden.contains(&node.id) {
            return;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        let name = name.as_str();
        if SKIP.contains(&name) {
            return;
        }
        if let Some(text) = self.notes.texts.get(&node.id) {
            self.b.footnote(text);
            return;
        }
        match name {
            "br" => self.b.line_break(),
            "blockquote" => {
                self.b.start_block();
                let cite = node.attr("cite").map(|c| c.to_string());
                self.b.start_link(cite);
                self.children(node);
                self.b.end_link();
                self.b.end_block();
            }
            "q" => {
                self.b.push("“");
                self.children(node);
                self.b.push("”");
            }
            "a" => {
                let href = node.attr("href").map(|h| h.to_string()).unwrap_or_default();
                if self.in_note && href.starts_with('#') {
                    return;
                }
                let url = (!href.is_empty() && !href.starts_with('#')).then_some(href);
                self.b.start_link(url);
                self.children(node);
                self.b.end_link();
            }
            "pre" => {
                self.b.paragraph();
                self.b.push_raw(node.text().trim_matches('\n'));
                self.b.paragraph();
            }
            _ if BLOCK.contains(&name) => {
                self.b.paragraph();
                self.children(node);
                self.b.paragraph();
            }
            _ => self.children(node),
        }
    }
}
