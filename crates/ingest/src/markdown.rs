//! Markdown keeps its block structure: headings, paragraphs, block quotes, list
//! items and code blocks. Inline markup is reduced to its text; raw HTML in the
//! Markdown is dropped, since nothing from a source is ever rendered as HTML.

use crate::normalize_inline;
use model::{Block, BlockKind};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

pub fn markdown_blocks(input: &str) -> Vec<Block> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut blocks = Vec::new();
    let mut current: Option<(BlockKind, Option<u8>)> = None;
    let mut text = String::new();
    let mut quote_depth = 0usize;
    let mut in_item = 0usize;
    let flush = |kind: BlockKind, level: Option<u8>, text: &mut String, blocks: &mut Vec<Block>| {
        let content = if kind == BlockKind::Preformatted {
            text.trim_end_matches('\n').to_owned()
        } else {
            normalize_inline(text)
        };
        if !content.trim().is_empty() {
            blocks.push(Block {
                kind,
                text: content,
                level,
                page: None,
            });
        }
        text.clear();
    };
    for event in Parser::new(input) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                current = Some((BlockKind::Heading, Some(heading_level(level))));
            }
            Event::Start(Tag::Paragraph) if current.is_none() => {
                let kind = if in_item > 0 {
                    BlockKind::ListItem
                } else if quote_depth > 0 {
                    BlockKind::Quote
                } else {
                    BlockKind::Paragraph
                };
                current = Some((kind, None));
            }
            Event::Start(Tag::CodeBlock(_)) => current = Some((BlockKind::Preformatted, None)),
            Event::Start(Tag::BlockQuote(_)) => quote_depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => quote_depth = quote_depth.saturating_sub(1),
            Event::Start(Tag::Item) => {
                // An item's own text (in a tight list, not wrapped in a paragraph).
                if let Some((kind, level)) = current.take() {
                    flush(kind, level, &mut text, &mut blocks);
                }
                in_item += 1;
                current = Some((BlockKind::ListItem, None));
            }
            Event::End(TagEnd::Item) => {
                if let Some((kind, level)) = current.take() {
                    flush(kind, level, &mut text, &mut blocks);
                }
                in_item = in_item.saturating_sub(1);
                if in_item > 0 {
                    current = Some((BlockKind::ListItem, None));
                }
            }
            Event::End(TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::CodeBlock) => {
                if let Some((kind, level)) = current.take() {
                    flush(kind, level, &mut text, &mut blocks);
                }
                if in_item > 0 {
                    current = Some((BlockKind::ListItem, None));
                }
            }
            Event::Start(Tag::List(_)) => {
                if let Some((kind, level)) = current.take() {
                    flush(kind, level, &mut text, &mut blocks);
                }
            }
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    if let Some((kind, level)) = current.take() {
        flush(kind, level, &mut text, &mut blocks);
    }
    blocks
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::expect;

    fn check(input: &str, expect: expect_test::Expect) {
        expect.assert_eq(&crate::describe(&markdown_blocks(input)));
    }

    #[test]
    fn markdown_keeps_its_block_structure() {
        check(
            "# Title\n\nSome *emphasis* and `code`\nwrapped.\n\n> A quoted\n> passage.\n\n- one\n- two **bold**\n\n```\nlet x = 1;\n  indented\n```\n\n<script>alert(1)</script>\n\nEnd.",
            expect![[r#"
                heading1: "Title"
                paragraph: "Some emphasis and code wrapped."
                quote: "A quoted passage."
                listItem: "one"
                listItem: "two bold"
                preformatted: "let x = 1;\n  indented"
                paragraph: "End.""#]],
        );
    }
}
