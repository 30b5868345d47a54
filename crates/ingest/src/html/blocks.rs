//! Walks the readable HTML into blocks. Inline content (text, links, emphasis)
//! accumulates into the current paragraph; a block element ends it. Inside a
//! `<blockquote>`, paragraphs become quotes.

use crate::normalize_inline;
use dom_query::{Document, NodeRef};
use model::{Block, BlockKind};

const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q",
    "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "font", "ins",
    "del",
];
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "img",
    "video", "audio", "canvas", "button", "input", "select", "textarea", "form", "head", "nav",
];

pub fn from_html(html: &str) -> Vec<Block> {
    let doc = Document::from(html);
    let mut walker = Walker::default();
    for root in doc.select("body").nodes() {
        walker.children(root, false);
    }
    walker.flush(false);
    walker.blocks
}

#[derive(Default)]
struct Walker {
    blocks: Vec<Block>,
    run: String,
}

impl Walker {
    fn flush(&mut self, quote: bool) {
        let text = normalize_inline(&self.run);
        self.run.clear();
        if !text.is_empty() {
            let kind = if quote {
                BlockKind::Quote
            } else {
                BlockKind::Paragraph
            };
            self.blocks.push(Block::new(kind, text));
        }
    }

    fn push(&mut self, kind: BlockKind, text: &str, level: Option<u8>) {
        let text = normalize_inline(text);
        if !text.is_empty() {
            self.blocks.push(Block {
                kind,
                text,
                level,
                page: None,
            });
        }
    }

    fn children(&mut self, node: &NodeRef<'_>, quote: bool) {
        for child in node.children() {
            self.node(&child, quote);
        }
    }

    fn node(&mut self, node: &NodeRef<'_>, quote: bool) {
        if node.is_text() {
            self.run.push_str(&node.text());
            return;
        }
        if !node.is_element() {
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
        if name == "br" {
            self.run.push(' ');
            return;
        }
        if INLINE.contains(&name) {
            self.run.push_str(&node.text());
            return;
        }
        // A block element ends the paragraph that came before it.
        self.flush(quote);
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = name[1..].parse().ok();
                self.push(BlockKind::Heading, &node.text(), level);
            }
            "pre" => {
                let text = node.text();
                let text = text.trim_matches('\n');
                if !text.trim().is_empty() {
                    self.blocks
                        .push(Block::new(BlockKind::Preformatted, text.to_owned()));
                }
            }
            "li" => {
                let has_blocks = node.children().iter().any(|c| {
                    c.is_element()
                        && matches!(
                            c.node_name().map(|n| n.to_ascii_lowercase()).as_deref(),
                            Some("ul" | "ol" | "p" | "div" | "blockquote" | "pre")
                        )
                });
                if has_blocks {
                    self.children(node, quote);
                    self.flush_as(BlockKind::ListItem);
                } else {
                    self.push(BlockKind::ListItem, &node.text(), None);
                }
            }
            "blockquote" => {
                self.children(node, true);
                self.flush(true);
            }
            "tr" => {
                let cells: Vec<String> = node
                    .children()
                    .iter()
                    .filter(|c| c.is_element())
                    .map(|c| normalize_inline(&c.text()))
                    .filter(|t| !t.is_empty())
                    .collect();
                self.push(BlockKind::Paragraph, &cells.join(" · "), None);
            }
            _ => {
                self.children(node, quote);
                self.flush(quote);
            }
        }
    }

    fn flush_as(&mut self, kind: BlockKind) {
        let text = normalize_inline(&self.run);
        self.run.clear();
        if !text.is_empty() {
            self.blocks.push(Block::new(kind, text));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::expect;

    fn check(input: &str, expect: expect_test::Expect) {
        expect.assert_eq(&crate::describe(&from_html(input)));
    }

    #[test]
    fn readable_html_becomes_blocks() {
        check(
            "<div><h2>The &amp; story</h2><p>Prices <em>rose</em>\n  again.<br>Twice.</p>\
             Loose text <a href='x'>here</a><blockquote><p>Quoted one.</p>Quoted two.</blockquote>\
             <ul><li>First</li><li>Second <b>bold</b></li></ul><pre>a  b\n  c</pre>\
             <script>alert(1)</script><table><tr><td>Year</td><td>2024</td></tr></table></div>",
            expect![[r#"
                heading2: "The & story"
                paragraph: "Prices rose again. Twice."
                paragraph: "Loose text here"
                quote: "Quoted one."
                quote: "Quoted two."
                listItem: "First"
                listItem: "Second bold"
                preformatted: "a  b\n  c"
                paragraph: "Year · 2024""#]],
        );
    }
}
