//! The source text and the character offsets clips are anchored to.
//!
//! A source's text is its blocks joined by blank lines (page breaks contribute no
//! text, only a page number for what follows). Offsets count Unicode code points,
//! as W3C TextPositionSelector prescribes, so they mean the same in Rust, in
//! JavaScript (after conversion from UTF-16) and in an exported annotation.

use crate::{Block, BlockKind, TextPositionSelector, TextQuoteSelector};

/// How many characters of context a TextQuoteSelector keeps on each side.
pub const QUOTE_CONTEXT_CHARS: usize = 32;

const BLOCK_SEPARATOR: &str = "\n\n";

/// A source's joined text with the position of each block in it.
#[derive(Debug, Clone)]
pub struct SourceText {
    text: String,
    /// For each block, its start offset in the text (for a page break: the offset
    /// where the following text starts).
    starts: Vec<usize>,
    /// Page breaks as (offset, page number), in order.
    pages: Vec<(usize, u32)>,
    char_len: usize,
}

impl SourceText {
    pub fn new(blocks: &[Block]) -> SourceText {
        let mut text = String::new();
        let mut starts = Vec::with_capacity(blocks.len());
        let mut pages = Vec::new();
        let mut char_len = 0;
        let mut first = true;
        for block in blocks {
            if block.kind == BlockKind::PageBreak {
                let at = if first {
                    0
                } else {
                    char_len + BLOCK_SEPARATOR.len()
                };
                starts.push(at);
                pages.push((at, block.page.unwrap_or(pages.len() as u32 + 1)));
                continue;
            }
            if !first {
                text.push_str(BLOCK_SEPARATOR);
                char_len += BLOCK_SEPARATOR.len();
            }
            first = false;
            starts.push(char_len);
            text.push_str(&block.text);
            char_len += block.text.chars().count();
        }
        SourceText {
            text,
            starts,
            pages,
            char_len,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length of the text in code points.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Start offset of each block, in block order.
    pub fn block_starts(&self) -> &[usize] {
        &self.starts
    }

    /// The text between two code-point offsets, if both are within the text.
    pub fn slice(&self, start: usize, end: usize) -> Option<&str> {
        if start > end || end > self.char_len {
            return None;
        }
        let from = self.byte_at(start);
        let to = from + byte_len_of_chars(&self.text[from..], end - start);
        Some(&self.text[from..to])
    }

    /// The page an offset falls on, for sources with page breaks.
    pub fn page_at(&self, offset: usize) -> Option<u32> {
        self.pages
            .iter()
            .take_while(|(at, _)| *at <= offset)
            .last()
            .map(|(_, page)| *page)
    }

    /// Every place where `quote` occurs exactly, as (start, end) code-point offsets.
    pub fn find_exact(&self, quote: &str) -> Vec<(usize, usize)> {
        if quote.is_empty() {
            return Vec::new();
        }
        let len = quote.chars().count();
        let mut out = Vec::new();
        let mut chars_before = 0;
        let mut last_byte = 0;
        for (byte, _) in self.text.match_indices(quote) {
            chars_before += self.text[last_byte..byte].chars().count();
            last_byte = byte;
            out.push((chars_before, chars_before + len));
        }
        out
    }

    /// Every place where `quote` occurs, as (start, end) code-point offsets.
    ///
    /// The exact text is tried first. When it does not occur, whitespace is compared
    /// loosely (any run of spaces, tabs and newlines matches any other), because a
    /// quote copied from a rendered page rarely keeps the source's line breaks.
    pub fn find(&self, quote: &str) -> Vec<(usize, usize)> {
        let quote = quote.trim();
        if quote.is_empty() {
            return Vec::new();
        }
        let exact: Vec<(usize, usize)> = self
            .text
            .match_indices(quote)
            .map(|(byte, _)| {
                let start = self.text[..byte].chars().count();
                (start, start + quote.chars().count())
            })
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        self.find_loose(quote)
    }

    fn find_loose(&self, quote: &str) -> Vec<(usize, usize)> {
        let (haystack, map) = collapse_whitespace(&self.text);
        let (needle, _) = collapse_whitespace(quote);
        haystack
            .match_indices(&needle)
            .map(|(byte, matched)| {
                let start = haystack[..byte].chars().count();
                let end = start + matched.chars().count();
                (map[start], map[end - 1] + 1)
            })
            .collect()
    }

    /// The W3C selectors for the text between two offsets.
    pub fn selectors(
        &self,
        start: usize,
        end: usize,
    ) -> Option<(TextQuoteSelector, TextPositionSelector)> {
        let exact = self.slice(start, end)?.to_owned();
        let prefix_start = start.saturating_sub(QUOTE_CONTEXT_CHARS);
        let suffix_end = (end + QUOTE_CONTEXT_CHARS).min(self.char_len);
        let prefix = self.slice(prefix_start, start)?.to_owned();
        let suffix = self.slice(end, suffix_end)?.to_owned();
        Some((
            TextQuoteSelector {
                exact,
                prefix,
                suffix,
            },
            TextPositionSelector {
                start: start as u32,
                end: end as u32,
            },
        ))
    }

    fn byte_at(&self, offset: usize) -> usize {
        byte_len_of_chars(&self.text, offset)
    }
}

fn byte_len_of_chars(s: &str, chars: usize) -> usize {
    s.char_indices().nth(chars).map_or(s.len(), |(i, _)| i)
}

/// The text with each whitespace run turned into one space, and for each char of
/// the result the code-point offset it came from in the input.
fn collapse_whitespace(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len());
    let mut in_space = false;
    for (i, c) in s.chars().enumerate() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
                map.push(i);
            }
            in_space = true;
        } else {
            out.push(c);
            map.push(i);
            in_space = false;
        }
    }
    (out, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(blocks: &[Block]) -> SourceText {
        SourceText::new(blocks)
    }

    #[test]
    fn blocks_join_with_blank_lines_and_offsets_count_code_points() {
        let t = text(&[
            Block::new(BlockKind::Heading, "Café news"),
            Block::paragraph("Prices rose 5% — again."),
        ]);
        assert_eq!(t.as_str(), "Café news\n\nPrices rose 5% — again.");
        assert_eq!(t.block_starts(), &[0, 11]);
        assert_eq!(t.slice(11, 17), Some("Prices"));
        assert_eq!(t.slice(0, 4), Some("Café"), "é is one code point");
        assert_eq!(
            t.slice(20, 99),
            None,
            "past the end is refused, not clamped"
        );
    }

    #[test]
    fn quotes_are_found_exactly_then_with_loose_whitespace() {
        let t = text(&[Block::paragraph("one two\nthree two three")]);
        assert_eq!(t.find("two"), vec![(4, 7), (14, 17)]);
        assert_eq!(
            t.find("two three"),
            vec![(14, 23)],
            "the exact match wins over the loose one"
        );
        assert_eq!(t.find("one   two three"), vec![(0, 13)]);
        assert_eq!(t.find("four"), vec![]);
        assert_eq!(t.find("  "), vec![], "a blank quote matches nothing");
    }

    #[test]
    fn selectors_carry_context_and_pages_follow_page_breaks() {
        let mut page2 = Block::new(BlockKind::PageBreak, "");
        page2.page = Some(2);
        let mut page1 = page2.clone();
        page1.page = Some(1);
        let t = text(&[
            page1,
            Block::paragraph("First page text."),
            page2,
            Block::paragraph("Second page text."),
        ]);
        assert_eq!(t.as_str(), "First page text.\n\nSecond page text.");
        let (quote, position) = t.selectors(18, 24).unwrap();
        assert_eq!(quote.exact, "Second");
        assert_eq!(quote.prefix, "First page text.\n\n");
        assert_eq!(quote.suffix, " page text.");
        assert_eq!((position.start, position.end), (18, 24));
        assert_eq!(t.page_at(3), Some(1));
        assert_eq!(t.page_at(18), Some(2));
    }
}
