//! The fixture draft as a Word and an OpenDocument file, built here with the zip
//! crate because no office suite is needed (or installed) to test.
//!
//! The draft is described once ([`draft`]) as paragraphs of runs, and written
//! as each format's own markup the way the office suites write it: Word's text
//! split across runs (one split inside a word), a hyperlink by relationship and
//! one by field code, footnotes in their own part, a localised quote style, a
//! tracked deletion and tab stops that are not text; LibreOffice's automatic
//! paragraph style over "Quotations", `text:note` footnotes, a tracked deletion
//! and a comment. The same quotes must come out of both as out of the
//! Markdown, HTML and text versions of the draft.

use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

pub enum Run {
    Text(&'static str),
    Link(&'static str, &'static str),
    Note(&'static str),
    Break,
}

pub struct Para {
    pub quote: bool,
    pub runs: Vec<Run>,
}

const REUTERS: &str = "https://www.reuters.com/world/china-economy-2023/";

fn p(runs: Vec<Run>) -> Para {
    Para { quote: false, runs }
}

fn q(runs: Vec<Run>) -> Para {
    Para { quote: true, runs }
}

/// The fixture draft, paragraph by paragraph, as in `tests/fixtures/draft.md`.
pub fn draft() -> Vec<Para> {
    use Run::*;
    vec![
        p(vec![Text("Notes on the slowdown")]),
        p(vec![
            Text("“Officials said on Tuesday that the company would not cut prices before 2025,” Reuters reported. "),
            Text("The minister was gloomier: \"We don't expect growth to return -- not this year,\" as "),
            Link(REUTERS, "Reuters put it"),
            Text("."),
        ]),
        p(vec![
            Text("The whole passage reads: “Officials said on Tuesday that the company would not cut prices"),
            Break,
            Text("before 2025. ‘We don’t expect growth to return — not this year,’ the minister added.” [@zhang2023]"),
        ]),
        p(vec![
            Text("«\u{A0}Global demand for coal has peaked … the transition to clean energy is happening faster than many think\u{A0}», according to the IEA. "),
            Text("„[The firm] would not cut prices before 2025“, Zhang wrote. "),
            Text("Few people realise that ‘investment in solar power is set to exceed investment in oil production’ this year. "),
            Text("“Investment in solar power is set to exceed investment in oil production for the first time this year.”"),
            Note("International Energy Agency, World Energy Outlook 2023, 2023."),
        ]),
        p(vec![
            Text("“Sales of cars fell 4.5% in March,” Reuters said. "),
            Text("As Zhang put it, “the central bank said it would raise rates again this year.” "),
            Text("\"This sentence appears in no source at all, anywhere,\" she said."),
        ]),
        p(vec![
            Text("“Markets adjust slowly, and investors rarely notice until it is too late,” Bloomberg reported. "),
            Text("Another claim, "),
            Link(REUTERS, "“The Fed will keep rates high for longer than markets expect”"),
            Text(", is often repeated. Some so-called “experts” disagree. "),
            Text("“The central bank said it would not raise rates again this year,” Powell said."),
        ]),
        p(vec![Text("As Jane Doe wrote:")]),
        q(vec![Text("The transition will take decades, not years.")]),
        p(vec![Text("Later she was blunter:")]),
        q(vec![
            Text("Markets adjust quickly, and investors"),
            Break,
            Text("notice until it is too late."),
        ]),
        q(vec![Text("— The Economist")]),
    ]
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn zip(parts: &[(&str, String)], deflate: bool) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, body) in parts {
        // The OpenDocument mimetype comes first and uncompressed, as the format asks.
        let method = if deflate && *name != "mimetype" {
            CompressionMethod::Deflated
        } else {
            CompressionMethod::Stored
        };
        w.start_file(
            *name,
            SimpleFileOptions::default().compression_method(method),
        )
        .expect("a zip entry starts");
        w.write_all(body.as_bytes())
            .expect("a zip entry is written");
    }
    w.finish().expect("the zip is finished").into_inner()
}

/// Word's runs: a few words each, one split inside a word, as Word leaves them.
fn word_runs(text: &str) -> String {
    let mut out = String::new();
    let words: Vec<&str> = text.split_inclusive(' ').collect();
    for chunk in words.chunks(3) {
        let chunk: String = chunk.concat();
        let cut = chunk.char_indices().nth(2).map_or(chunk.len(), |(i, _)| i);
        for piece in [&chunk[..cut], &chunk[cut..]] {
            if !piece.is_empty() {
                out.push_str(&format!(
                    "<w:r><w:rPr><w:lang w:val=\"en-GB\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
                    escape(piece)
                ));
            }
        }
    }
    out
}

pub fn docx(paras: &[Para]) -> Vec<u8> {
    let mut body = String::new();
    let mut rels = String::new();
    let mut notes = String::new();
    let mut links = 0;
    for (k, para) in paras.iter().enumerate() {
        let style = if para.quote { "Zitat" } else { "Normal" };
        body.push_str(&format!(
            "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
        ));
        if k == 1 {
            body.push_str("<w:del w:id=\"90\" w:author=\"Ed\"><w:r><w:delText>Deleted “words that are not a quote at all”. </w:delText></w:r></w:del><w:proofErr w:type=\"spellStart\"/>");
        }
        for run in &para.runs {
            match run {
                Run::Text(t) => body.push_str(&word_runs(t)),
                Run::Break => body.push_str("<w:r><w:br/></w:r>"),
                Run::Link(url, text) => {
                    links += 1;
                    if links % 2 == 1 {
                        rels.push_str(&format!(
                            "<Relationship Id=\"rIdL{links}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"{}\" TargetMode=\"External\"/>",
                            escape(url)
                        ));
                        body.push_str(&format!(
                            "<w:hyperlink r:id=\"rIdL{links}\">{}</w:hyperlink>",
                            word_runs(text)
                        ));
                    } else {
                        body.push_str(&format!(
                            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> HYPERLINK \"{}\" \\o \"tip\" </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>{}<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
                            escape(url),
                            word_runs(text)
                        ));
                    }
                }
                Run::Note(text) => {
                    let id = k + 2;
                    notes.push_str(&format!(
                        "<w:footnote w:id=\"{id}\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr><w:r><w:footnoteRef/></w:r>{}</w:p></w:footnote>",
                        word_runs(&format!(" {text}"))
                    ));
                    body.push_str(&format!(
                        "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"{id}\"/></w:r>"
                    ));
                }
            }
        }
        body.push_str("</w:p>");
    }
    let ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
    let decl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    zip(
        &[
            ("[Content_Types].xml", format!("{decl}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")),
            ("word/document.xml", format!("{decl}<w:document {ns}><w:body>{body}<w:sectPr/></w:body></w:document>")),
            ("word/_rels/document.xml.rels", format!("{decl}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rels}</Relationships>")),
            ("word/footnotes.xml", format!("{decl}<w:footnotes {ns}><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:t>continued</w:t></w:r></w:p></w:footnote>{notes}</w:footnotes>")),
            ("word/styles.xml", format!("{decl}<w:styles {ns}><w:style w:type=\"paragraph\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style><w:style w:type=\"paragraph\" w:styleId=\"Zitat\"><w:name w:val=\"Quote\"/><w:basedOn w:val=\"Normal\"/></w:style></w:styles>")),
        ],
        true,
    )
}

pub fn odt(paras: &[Para]) -> Vec<u8> {
    let mut body = String::from(
        "<text:sequence-decls><text:sequence-decl text:display-outline-level=\"0\" text:name=\"Table\"/></text:sequence-decls>\
         <text:tracked-changes><text:changed-region text:id=\"ct1\"><text:deletion><text:p>“Deleted words, not a quote at all”</text:p></text:deletion></text:changed-region></text:tracked-changes>",
    );
    let mut notes = 0;
    for (k, para) in paras.iter().enumerate() {
        let (tag, style) = match (k, para.quote) {
            (0, _) => ("text:h", "Heading_20_1"),
            (_, true) => ("text:p", "P1"),
            _ => ("text:p", "Text_20_body"),
        };
        body.push_str(&format!("<{tag} text:style-name=\"{style}\">"));
        if k == 1 {
            body.push_str("<office:annotation><dc:creator>Ed</dc:creator><text:p>“A comment, not a quote in the text”</text:p></office:annotation>");
        }
        for run in &para.runs {
            match run {
                Run::Text(t) => {
                    // A span around part of the text, as LibreOffice leaves them.
                    let cut = t.char_indices().nth(5).map_or(t.len(), |(i, _)| i);
                    body.push_str(&format!(
                        "<text:span text:style-name=\"T1\">{}</text:span>{}",
                        escape(&t[..cut]),
                        escape(&t[cut..])
                    ));
                }
                Run::Break => body.push_str("<text:line-break/>"),
                Run::Link(url, text) => body.push_str(&format!(
                    "<text:a xlink:type=\"simple\" xlink:href=\"{}\">{}</text:a>",
                    escape(url),
                    escape(text)
                )),
                Run::Note(text) => {
                    notes += 1;
                    body.push_str(&format!(
                        "<text:note text:id=\"ftn{notes}\" text:note-class=\"footnote\"><text:note-citation>{notes}</text:note-citation><text:note-body><text:p text:style-name=\"Footnote\">{}</text:p></text:note-body></text:note>",
                        escape(text)
                    ));
                }
            }
        }
        body.push_str(&format!("</{tag}>"));
    }
    let ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.3\"";
    let decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    zip(
        &[
            ("mimetype", "application/vnd.oasis.opendocument.text".to_owned()),
            ("META-INF/manifest.xml", format!("{decl}<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\"><manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/><manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>")),
            ("styles.xml", format!("{decl}<office:document-styles {ns}><office:styles><style:style style:name=\"Quotations\" style:display-name=\"Block Quotation\" style:family=\"paragraph\" style:parent-style-name=\"Standard\"/></office:styles></office:document-styles>")),
            ("content.xml", format!("{decl}<office:document-content {ns}><office:automatic-styles><style:style style:name=\"P1\" style:family=\"paragraph\" style:parent-style-name=\"Quotations\"/></office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document-content>")),
        ],
        true,
    )
}
