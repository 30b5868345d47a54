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

pub(crate) fn read(html: &str) -> Draft {
    let doc = Document::from(html);
    let notes = Notes::find(&doc);
    let mut walk = Walk {
        b: Builder::new(true),
        notes: &notes,
        in_note: false,
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
    walk.b.finish(Format::Html)
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
}

impl Walk<'_> {
    fn children(&mut self, node: &NodeRef) {
        for child in node.children_it(false) {
            self.node(&child);
        }
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
