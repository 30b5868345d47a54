//! OpenDocument (.odt) drafts: `content.xml` walked into text.
//!
//! Paragraphs are `text:p` and `text:h`; white space in them collapses as the
//! OpenDocument format says, with `text:s`, `text:tab` and `text:line-break` for
//! the spaces, tabs and breaks a writer typed. A paragraph in a quote style
//! (LibreOffice's "Quotations", shown as "Block Quotation", or any style whose
//! name or parent says quote, including the automatic styles LibreOffice derives
//! from it) is part of a block quote. Links are `text:a`; a footnote or endnote
//! is a `text:note` in place, whose body becomes the note's text and stays out
//! of the draft's text. Tracked deletions and comments are left out.

use super::builder::Builder;
use super::docx::quote_like;
use super::package::{attr, reference, Package};
use super::{Draft, Format, Limits};
use crate::VerifyError;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;

const MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

pub(crate) fn read(bytes: &[u8], name: &str, limits: &Limits) -> Result<Draft, VerifyError> {
    let mut package = Package::open(bytes, name, limits)?;
    if let Some(mime) = package.text("mimetype")? {
        let mime = mime.trim();
        if !mime.starts_with(MIMETYPE) {
            return Err(VerifyError::Unsupported {
                name: name.to_owned(),
                what: format!("an OpenDocument file of another kind ({mime})"),
            });
        }
    }
    let content = package.required("content.xml", "OpenDocument text")?;
    let mut parents = style_parents(&package.text("styles.xml")?.unwrap_or_default());
    parents.extend(style_parents(&content));
    let mut walk = Walk {
        parents: &parents,
        builders: vec![Builder::new(true)],
        skip_depth: 0,
        in_body: false,
    };
    walk.run(&content, name)?;
    let b = walk
        .builders
        .into_iter()
        .next()
        .expect("the draft's builder");
    Ok(b.finish(Format::Odt))
}

struct Walk<'a> {
    /// Style name to parent style name, automatic styles included.
    parents: &'a HashMap<String, String>,
    /// The draft's builder, and one more for each note being read.
    builders: Vec<Builder>,
    skip_depth: usize,
    in_body: bool,
}

impl Walk<'_> {
    fn out(&mut self) -> &mut Builder {
        self.builders.last_mut().expect("the draft's builder")
    }

    fn run(&mut self, xml: &str, name: &str) -> Result<(), VerifyError> {
        let mut reader = Reader::from_str(xml);
        let mut depth = 0usize;
        loop {
            let event = reader.read_event().map_err(|e| VerifyError::Damaged {
                name: name.to_owned(),
                detail: format!("its content.xml is not well-formed XML ({e})"),
            })?;
            match event {
                Event::Eof if depth > 0 => {
                    return Err(VerifyError::Damaged {
                        name: name.to_owned(),
                        detail: "its content.xml stops in the middle: the file is cut short"
                            .to_owned(),
                    })
                }
                Event::Eof => return Ok(()),
                Event::Start(e) => {
                    depth += 1;
                    self.start(&e, false)
                }
                Event::Empty(e) => self.start(&e, true),
                Event::End(e) => {
                    depth = depth.saturating_sub(1);
                    self.end(e.local_name().as_ref())
                }
                Event::Text(t) => self.text(&t.xml10_content()),
                Event::GeneralRef(r) => self.text(&reference(&r)),
                _ => {}
            }
        }
    }

    fn start(&mut self, e: &BytesStart, empty: bool) {
        if self.skip_depth > 0 {
            if !empty {
                self.skip_depth += 1;
            }
            return;
        }
        match e.local_name().as_ref() {
            "text" if !empty => self.in_body = true,
            "tracked-changes" | "annotation" | "note-citation" | "sequence-decls" if !empty => {
                self.skip_depth = 1
            }
            "p" | "h" => {
                let quote = attr(e, "style-name").is_some_and(|s| self.is_quote_style(&s));
                if self.builders.len() == 1 {
                    let b = self.out();
                    if quote && !b.in_block() {
                        b.start_block();
                    } else if !quote && b.in_block() {
                        b.end_block();
                    }
                }
                if empty && self.builders.len() == 1 {
                    // An empty paragraph still separates what surrounds it.
                    self.out().paragraph();
                }
            }
            "s" => {
                let count = attr(e, "c").and_then(|c| c.parse().ok()).unwrap_or(1usize);
                self.out().push_raw(&" ".repeat(count.min(1000)));
            }
            "tab" => self.out().push_raw("\t"),
            "line-break" => self.out().line_break(),
            "a" => {
                let href = attr(e, "href").filter(|h| !h.starts_with('#'));
                self.out().start_link(href);
                if empty {
                    self.out().end_link();
                }
            }
            "note-body" if !empty => self.builders.push(Builder::new(true)),
            _ => {}
        }
    }

    fn end(&mut self, local: &str) {
        if self.skip_depth > 0 {
            self.skip_depth -= 1;
            return;
        }
        match local {
            "p" | "h" => self.out().paragraph(),
            "a" => self.out().end_link(),
            "note-body" if self.builders.len() > 1 => {
                let note = self.builders.pop().expect("a note's builder");
                self.out().footnote(&note.text_with_addresses());
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.skip_depth == 0 && self.in_body {
            self.out().push(text);
        }
    }

    fn is_quote_style(&self, style: &str) -> bool {
        let mut name = style;
        for _ in 0..10 {
            if quote_like(name) {
                return true;
            }
            match self.parents.get(name) {
                Some(parent) => name = parent,
                None => return false,
            }
        }
        false
    }
}

/// Each style's parent, from `style:style` elements (named or automatic).
fn style_parents(xml: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut reader = Reader::from_str(xml);
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "style" => {
                if let (Some(name), Some(parent)) =
                    (attr(&e, "name"), attr(&e, "parent-style-name"))
                {
                    out.insert(name, parent);
                }
            }
            _ => {}
        }
    }
    out
}
