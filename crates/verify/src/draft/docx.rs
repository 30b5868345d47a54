//! Word (.docx) drafts: `word/document.xml` walked into text.
//!
//! Text is in `w:t` inside runs; a paragraph is `w:p`, and a paragraph whose
//! style is a quote style (Word's "Quote", "Intense Quote", "Block Text", or one
//! based on them, by id or by name, localised names included) is part of a block
//! quote, consecutive ones forming one. Links are `w:hyperlink` elements whose
//! relationship holds the address, or HYPERLINK fields (simple or complex).
//! Footnote and endnote references point into `word/footnotes.xml` and
//! `word/endnotes.xml`, read first so each mark carries its note's text. Deleted
//! text of tracked changes and the fallback copies of drawing content are left
//! out, as Word shows neither.

use super::builder::Builder;
use super::package::{attr, reference, Package};
use super::{Draft, Format, Limits};
use crate::VerifyError;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;

pub(crate) fn read(bytes: &[u8], name: &str, limits: &Limits) -> Result<Draft, VerifyError> {
    let mut package = Package::open(bytes, name, limits)?;
    let document = package.required("word/document.xml", "Word document")?;
    let rels = relationships(
        &package
            .text("word/_rels/document.xml.rels")?
            .unwrap_or_default(),
    );
    let quote_styles = quote_styles(&package.text("word/styles.xml")?.unwrap_or_default());
    let mut notes = HashMap::new();
    for kind in ["footnote", "endnote"] {
        let Some(xml) = package.text(&format!("word/{kind}s.xml"))? else {
            continue;
        };
        let rels = relationships(
            &package
                .text(&format!("word/_rels/{kind}s.xml.rels"))?
                .unwrap_or_default(),
        );
        let mut walk = Walk::new(&rels, &quote_styles);
        walk.run(&xml, name)?;
        for (id, text) in walk.notes {
            notes.insert((kind.to_owned(), id), text);
        }
    }
    let mut walk = Walk::new(&rels, &quote_styles);
    walk.note_texts = notes;
    walk.run(&document, name)?;
    Ok(walk.b.finish(Format::Docx))
}

/// A complex field being read: its instruction, and whether it opened a link.
struct Field {
    instr: String,
    link: bool,
}

struct Walk<'a> {
    rels: &'a HashMap<String, String>,
    quote_styles: &'a [String],
    b: Builder,
    /// The note being read (in footnotes.xml): its id and its own builder.
    note: Option<(String, Builder)>,
    notes: Vec<(String, String)>,
    note_texts: HashMap<(String, String), String>,
    in_text: bool,
    in_instr: bool,
    run_depth: usize,
    skip_depth: usize,
    para_quote: bool,
    para_started: bool,
    fields: Vec<Field>,
}

impl<'a> Walk<'a> {
    fn new(rels: &'a HashMap<String, String>, quote_styles: &'a [String]) -> Walk<'a> {
        Walk {
            rels,
            quote_styles,
            b: Builder::new(false),
            note: None,
            notes: Vec::new(),
            note_texts: HashMap::new(),
            in_text: false,
            in_instr: false,
            run_depth: 0,
            skip_depth: 0,
            para_quote: false,
            para_started: false,
            fields: Vec::new(),
        }
    }

    fn out(&mut self) -> &mut Builder {
        match &mut self.note {
            Some((_, b)) => b,
            None => &mut self.b,
        }
    }

    fn run(&mut self, xml: &str, name: &str) -> Result<(), VerifyError> {
        let mut reader = Reader::from_str(xml);
        let mut depth = 0usize;
        loop {
            let event = reader.read_event().map_err(|e| VerifyError::Damaged {
                name: name.to_owned(),
                detail: format!("its text is not well-formed XML ({e})"),
            })?;
            match event {
                Event::Eof if depth > 0 => {
                    return Err(VerifyError::Damaged {
                        name: name.to_owned(),
                        detail: "its text stops in the middle: the file is cut short".to_owned(),
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
                Event::CData(t) => self.text(&t.xml10_content()),
                Event::GeneralRef(r) => self.text(&reference(&r)),
                _ => {}
            }
        }
    }

    fn start(&mut self, e: &BytesStart, empty: bool) {
        let local = e.local_name();
        let local = local.as_ref();
        if self.skip_depth > 0 {
            if !empty {
                self.skip_depth += 1;
            }
            return;
        }
        match local {
            "Fallback" | "del" | "moveFrom" if !empty => self.skip_depth = 1,
            "footnote" | "endnote" if !empty => {
                let kind = attr(e, "type").unwrap_or_default();
                if kind.is_empty() || kind == "normal" {
                    let id = attr(e, "id").unwrap_or_default();
                    self.note = Some((id, Builder::new(false)));
                } else {
                    self.skip_depth = 1;
                }
            }
            "p" => {
                self.para_quote = false;
                self.para_started = false;
            }
            "pStyle" => {
                let style = attr(e, "val").unwrap_or_default();
                self.para_quote = self.quote_styles.contains(&style) || quote_like(&style);
            }
            "r" if !empty => self.run_depth += 1,
            "t" if !empty => self.in_text = true,
            "instrText" if !empty => self.in_instr = true,
            "tab" if self.run_depth > 0 => self.content("\t"),
            "br" | "cr"
                if self.run_depth > 0 && attr(e, "type").is_none_or(|t| t == "textWrapping") =>
            {
                self.open_paragraph();
                self.out().line_break();
            }
            "noBreakHyphen" => self.content("\u{2011}"),
            "softHyphen" => self.content("\u{AD}"),
            "hyperlink" => {
                let url = attr(e, "id").and_then(|id| self.rels.get(&id).cloned());
                self.out().start_link(url);
                if empty {
                    self.out().end_link();
                }
            }
            "fldSimple" => {
                let url = attr(e, "instr").and_then(|i| hyperlink_target(&i));
                self.out().start_link(url);
                if empty {
                    self.out().end_link();
                }
            }
            "fldChar" => self.field_char(&attr(e, "fldCharType").unwrap_or_default()),
            "footnoteReference" | "endnoteReference" => {
                let kind = if local == "footnoteReference" {
                    "footnote"
                } else {
                    "endnote"
                };
                let id = attr(e, "id").unwrap_or_default();
                let text = self
                    .note_texts
                    .get(&(kind.to_owned(), id))
                    .cloned()
                    .unwrap_or_default();
                self.open_paragraph();
                self.out().footnote(&text);
            }
            _ => {}
        }
    }

    fn end(&mut self, local: &str) {
        if self.skip_depth > 0 {
            self.skip_depth -= 1;
            return;
        }
        match local {
            "p" if self.para_started => self.out().paragraph(),
            "r" => self.run_depth = self.run_depth.saturating_sub(1),
            "t" => self.in_text = false,
            "instrText" => self.in_instr = false,
            "hyperlink" | "fldSimple" => self.out().end_link(),
            "footnote" | "endnote" => {
                if let Some((id, b)) = self.note.take() {
                    self.notes.push((id, b.text_with_addresses()));
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.skip_depth > 0 {
            return;
        }
        if self.in_instr {
            if let Some(field) = self.fields.last_mut() {
                field.instr.push_str(text);
            }
        } else if self.in_text {
            self.content(text);
        }
    }

    fn content(&mut self, text: &str) {
        self.open_paragraph();
        self.out().push(text);
    }

    /// The first content of a paragraph decides whether a block quote starts or
    /// ends here (the style comes first in the paragraph's properties).
    fn open_paragraph(&mut self) {
        if self.para_started {
            return;
        }
        self.para_started = true;
        if self.note.is_some() {
            return;
        }
        if self.para_quote && !self.b.in_block() {
            self.b.start_block();
        } else if !self.para_quote && self.b.in_block() {
            self.b.end_block();
        }
    }

    fn field_char(&mut self, kind: &str) {
        match kind {
            "begin" => self.fields.push(Field {
                instr: String::new(),
                link: false,
            }),
            "separate" => {
                let url = self.fields.last().and_then(|f| hyperlink_target(&f.instr));
                if let Some(url) = url {
                    self.out().start_link(Some(url));
                    if let Some(f) = self.fields.last_mut() {
                        f.link = true;
                    }
                }
            }
            "end" => {
                // A field that opened a link closes it at its end.
                let was_link = self.fields.pop().is_some_and(|f| f.link);
                if was_link {
                    self.out().end_link();
                }
            }
            _ => {}
        }
    }
}

/// The address of a HYPERLINK field instruction; `\l` (a place in the document)
/// is not an address.
fn hyperlink_target(instr: &str) -> Option<String> {
    let rest = instr.trim().strip_prefix("HYPERLINK")?;
    if rest.contains("\\l") {
        return None;
    }
    let start = rest.find('"')? + 1;
    let len = rest[start..].find('"')?;
    Some(rest[start..start + len].to_owned()).filter(|u| !u.is_empty())
}

/// Relationship ids to external targets (link addresses).
fn relationships(xml: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut reader = Reader::from_str(xml);
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                let external = attr(&e, "TargetMode").is_some_and(|m| m == "External");
                let hyperlink = attr(&e, "Type").is_some_and(|t| t.ends_with("/hyperlink"));
                if let (Some(id), Some(target), true) =
                    (attr(&e, "Id"), attr(&e, "Target"), external || hyperlink)
                {
                    out.insert(id, target);
                }
            }
            _ => {}
        }
    }
    out
}

/// Ids of paragraph styles that are quote styles, by id, by name, or by the
/// style they are based on.
fn quote_styles(xml: &str) -> Vec<String> {
    let mut styles: Vec<(String, String, String)> = Vec::new();
    let mut reader = Reader::from_str(xml);
    let mut current: Option<(String, String, String)> = None;
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Eof => break,
            Event::Start(e) if e.local_name().as_ref() == "style" => {
                current = attr(&e, "styleId").map(|id| (id, String::new(), String::new()));
            }
            Event::Empty(e) if current.is_some() => {
                let value = attr(&e, "val").unwrap_or_default();
                if let Some(style) = current.as_mut() {
                    match e.local_name().as_ref() {
                        "name" => style.1 = value,
                        "basedOn" => style.2 = value,
                        _ => {}
                    }
                }
            }
            Event::End(e) if e.local_name().as_ref() == "style" => {
                styles.extend(current.take());
            }
            _ => {}
        }
    }
    let by_id: HashMap<&str, &(String, String, String)> =
        styles.iter().map(|s| (s.0.as_str(), s)).collect();
    let is_quote = |start: &str| {
        let mut id = start;
        for _ in 0..10 {
            let Some((sid, sname, based)) = by_id.get(id) else {
                return quote_like(id);
            };
            if quote_like(sid) || quote_like(sname) {
                return true;
            }
            id = based;
        }
        false
    };
    styles
        .iter()
        .filter(|s| is_quote(&s.0))
        .map(|s| s.0.clone())
        .collect()
}

/// Style names that mean a block quote, in the languages Word and LibreOffice
/// name them in.
pub(crate) fn quote_like(style: &str) -> bool {
    let s: String = style
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    s.contains("quot")
        || s == "blocktext"
        || s.contains("zitat")
        || s.starts_with("citation")
        || s.starts_with("cita")
        || s.starts_with("citaat")
}
