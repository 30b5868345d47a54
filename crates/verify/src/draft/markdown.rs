//! Markdown drafts, read by pulldown-cmark (CommonMark, with footnotes, tables
//! and front matter) into the text a reader sees.
//!
//! Quote marks are kept as typed (no smart punctuation), since the checker reads
//! them. Footnote definitions are read in a first pass, so a reference anywhere
//! carries its note's text; their bodies stay out of the draft's text. Raw HTML
//! is dropped, code blocks are not prose and are left out, front matter too.

use super::builder::Builder;
use super::{Draft, Format};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::collections::HashMap;

fn options() -> Options {
    Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
}

pub(crate) fn read(source: &str) -> Draft {
    let notes = footnote_texts(source);
    let mut b = Builder::new(false);
    let mut skip = 0usize;
    for event in Parser::new_ext(source, options()) {
        if skip > 0 {
            match event {
                Event::Start(_) => skip += 1,
                Event::End(_) => skip -= 1,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(
                Tag::FootnoteDefinition(_) | Tag::CodeBlock(_) | Tag::MetadataBlock(_),
            ) => skip = 1,
            Event::Start(Tag::Image { .. }) => skip = 1,
            Event::FootnoteReference(label) => match notes.get(label.as_ref()) {
                Some(text) => b.footnote(text),
                None => b.push(&format!("[^{label}]")),
            },
            other => walk(&mut b, other),
        }
    }
    b.finish(Format::Markdown)
}

/// What every event but footnote references and skipped blocks does.
fn walk(b: &mut Builder, event: Event) {
    match event {
        Event::Start(Tag::BlockQuote(_)) => b.start_block(),
        Event::End(TagEnd::BlockQuote(_)) => b.end_block(),
        Event::Start(Tag::Link { dest_url, .. }) => {
            let url = (!dest_url.starts_with('#')).then(|| dest_url.to_string());
            b.start_link(url);
        }
        Event::End(TagEnd::Link) => b.end_link(),
        Event::Start(
            Tag::Paragraph | Tag::Heading { .. } | Tag::Item | Tag::TableRow | Tag::TableHead,
        )
        | Event::End(
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::TableRow
            | TagEnd::TableHead,
        )
        | Event::Rule => b.paragraph(),
        Event::End(TagEnd::TableCell) => b.push(" "),
        Event::Text(t) | Event::Code(t) => b.push(&t),
        Event::SoftBreak | Event::HardBreak => b.line_break(),
        _ => {}
    }
}

/// Each footnote definition's text, by label, from a first pass.
fn footnote_texts(source: &str) -> HashMap<String, String> {
    let mut notes = HashMap::new();
    let mut current: Option<(String, Builder)> = None;
    for event in Parser::new_ext(source, options()) {
        match event {
            Event::Start(Tag::FootnoteDefinition(label)) => {
                current = Some((label.to_string(), Builder::new(false)));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                if let Some((label, b)) = current.take() {
                    notes.insert(label, b.text_with_addresses());
                }
            }
            event => {
                if let Some((_, b)) = current.as_mut() {
                    walk(b, event);
                }
            }
        }
    }
    notes
}
