//! The plain text of a draft, built as a reader walks it, with what lies on it.
//!
//! Every reader (Markdown, HTML, Word, OpenDocument) walks its format and calls
//! the same few methods: text, line and paragraph breaks, the start and end of a
//! block quote or a link, a footnote. Offsets are counted here, in chars, as the
//! text grows, so every format reports positions the same way and no reader
//! converts offsets of its own.

use super::scan;
use super::{Draft, Footnote, Format, Link};

pub(crate) struct Builder {
    text: String,
    len: usize,
    /// Collapse runs of white space as HTML and OpenDocument render them.
    collapse: bool,
    blocks: Vec<(usize, usize)>,
    block_depth: usize,
    block_start: usize,
    links: Vec<Link>,
    open_links: Vec<Option<(usize, String)>>,
    footnotes: Vec<Footnote>,
}

impl Builder {
    pub fn new(collapse: bool) -> Builder {
        Builder {
            text: String::new(),
            len: 0,
            collapse,
            blocks: Vec::new(),
            block_depth: 0,
            block_start: 0,
            links: Vec::new(),
            open_links: Vec::new(),
            footnotes: Vec::new(),
        }
    }

    pub fn push(&mut self, s: &str) {
        if !self.collapse {
            self.push_raw(s);
            return;
        }
        for c in s.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{0C}') {
                if self
                    .text
                    .chars()
                    .next_back()
                    .is_some_and(|l| !l.is_whitespace())
                {
                    self.push_char(' ');
                }
            } else {
                self.push_char(c);
            }
        }
    }

    /// Text kept as it is, even in a collapsing format: tabs, explicit spaces.
    pub fn push_raw(&mut self, s: &str) {
        self.text.push_str(s);
        self.len += s.chars().count();
    }

    fn push_char(&mut self, c: char) {
        self.text.push(c);
        self.len += 1;
    }

    fn trim_spaces(&mut self) {
        while self.text.ends_with([' ', '\t']) {
            self.text.pop();
            self.len -= 1;
        }
    }

    pub fn line_break(&mut self) {
        self.trim_spaces();
        self.push_char('\n');
    }

    /// Ends the paragraph: the next text starts after a blank line.
    pub fn paragraph(&mut self) {
        self.trim_spaces();
        while self.text.ends_with('\n') && !self.text.ends_with("\n\n") {
            self.text.pop();
            self.len -= 1;
        }
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.push_raw("\n\n");
        }
    }

    pub fn start_block(&mut self) {
        if self.block_depth == 0 {
            self.paragraph();
            self.block_start = self.len;
        }
        self.block_depth += 1;
    }

    pub fn end_block(&mut self) {
        if self.block_depth == 0 {
            return;
        }
        self.block_depth -= 1;
        if self.block_depth > 0 {
            return;
        }
        let trailing = self
            .text
            .chars()
            .rev()
            .take_while(|c| c.is_whitespace())
            .count();
        let end = self.len - trailing;
        if end > self.block_start {
            self.blocks.push((self.block_start, end));
        }
        self.paragraph();
    }

    pub fn in_block(&self) -> bool {
        self.block_depth > 0
    }

    /// Opens a link; `None` for a link to nowhere the checker cares about (an
    /// anchor inside the draft), kept so that opens and closes stay paired.
    pub fn start_link(&mut self, url: Option<String>) {
        self.open_links.push(url.map(|u| (self.len, u)));
    }

    pub fn end_link(&mut self) {
        if let Some(Some((start, url))) = self.open_links.pop() {
            if self.len > start {
                self.links.push(Link {
                    start,
                    end: self.len,
                    url,
                });
            }
        }
    }

    /// Puts a footnote mark, `[n]` for the n-th footnote, where the reference is.
    pub fn footnote(&mut self, text: &str) {
        let mark = format!("[{}]", self.footnotes.len() + 1);
        let start = self.len;
        self.push_raw(&mark);
        self.footnotes.push(Footnote {
            mark_start: start,
            mark_end: self.len,
            text: text.split_whitespace().collect::<Vec<_>>().join(" "),
        });
    }

    /// The text with each link's address added where the text does not show it,
    /// which is how a footnote keeps the address its link pointed to.
    pub fn text_with_addresses(&self) -> String {
        let mut out = self.text.trim().to_owned();
        for link in &self.links {
            if !out.contains(&link.url) {
                out.push_str(&format!(" <{}>", link.url));
            }
        }
        out
    }

    pub fn finish(mut self, format: Format) -> Draft {
        while self.block_depth > 0 {
            self.end_block();
        }
        while self.open_links.pop().is_some() {}
        let trailing = self
            .text
            .chars()
            .rev()
            .take_while(|c| c.is_whitespace())
            .count();
        self.text.truncate(self.text.trim_end().len());
        self.len -= trailing;
        let len = self.len;
        for link in &mut self.links {
            link.end = link.end.min(len);
        }
        self.links.retain(|l| l.start < l.end);
        let mut links = self.links;
        for link in scan::bare_urls(&self.text) {
            if !links
                .iter()
                .any(|l| l.start < link.end && link.start < l.end)
            {
                links.push(link);
            }
        }
        links.sort_by_key(|l| (l.start, l.end));
        let citations = scan::pandoc_citations(&self.text);
        Draft {
            format,
            blocks: self.blocks,
            links,
            footnotes: self.footnotes,
            citations,
            text: self.text,
        }
    }
}
