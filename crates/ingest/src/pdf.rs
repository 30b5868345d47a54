//! PDFs: the text of every page with a page break before it, so every clip knows
//! its page, and the document's metadata (the Info dictionary, then XMP).
//!
//! Parsing PDFs is where parsers crash and hang, so this code is meant to run in a
//! separate process (see `library`'s PDF worker): [`worker`] reads the file from
//! standard input and writes the result as JSON to standard output; a panic, a
//! stack overflow or a hang there costs that one import, never the app.

use crate::{normalize_inline, IngestError};
use model::{Author, Block, BlockKind, PartialDate, SourceMeta};
use pdf_oxide::PdfDocument;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{Read, Write};

/// What a PDF is made of.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PdfText {
    pub meta: SourceMeta,
    pub origins: BTreeMap<String, String>,
    pub blocks: Vec<Block>,
    pub pages: u32,
}

/// The worker's answer on standard output.
#[derive(Debug, Serialize, Deserialize)]
pub enum WorkerAnswer {
    Ok(Box<PdfText>),
    Err(IngestError),
}

/// Reads a PDF. `password` opens an encrypted file.
pub fn extract(bytes: &[u8], password: Option<&str>) -> Result<PdfText, IngestError> {
    if bytes.len() > crate::MAX_INPUT_BYTES {
        return Err(IngestError::TooLarge {
            size: bytes.len(),
            max: crate::MAX_INPUT_BYTES,
        });
    }
    if !bytes.starts_with(b"%PDF")
        && !bytes[..bytes.len().min(1024)]
            .windows(4)
            .any(|w| w == b"%PDF")
    {
        return Err(IngestError::NotPdf);
    }
    let doc = PdfDocument::from_bytes(bytes.to_vec())
        .map_err(|e| IngestError::Unreadable(format!("the PDF is damaged or not a PDF ({e})")))?;
    if doc.is_encrypted() {
        let opened = doc
            .authenticate(password.unwrap_or("").as_bytes())
            .unwrap_or(false);
        if !opened {
            return Err(match password {
                Some(_) => IngestError::WrongPassword,
                None => IngestError::PasswordRequired,
            });
        }
    }
    let pages = doc
        .page_count()
        .map_err(|e| IngestError::Unreadable(format!("the PDF's pages cannot be read ({e})")))?;
    let mut blocks = Vec::new();
    let mut any_text = false;
    for index in 0..pages {
        let mut page_break = Block::new(BlockKind::PageBreak, "");
        page_break.page = Some(index as u32 + 1);
        blocks.push(page_break);
        let text = doc.extract_text(index).unwrap_or_default();
        for paragraph in paragraphs(&text) {
            any_text = true;
            blocks.push(Block::paragraph(paragraph));
        }
    }
    if !any_text {
        return Err(IngestError::Unreadable(
            "this PDF has no text layer (it is probably scanned images), so there is nothing to quote".into(),
        ));
    }
    let (meta, origins) = metadata(&doc);
    Ok(PdfText {
        meta,
        origins,
        blocks,
        pages: pages as u32,
    })
}

/// Runs as the PDF worker: the file on standard input, the password (if any) in
/// `COMMONPLACE_PDF_PASSWORD`, the answer as JSON on standard output.
pub fn worker() -> i32 {
    let mut bytes = Vec::new();
    if std::io::stdin().read_to_end(&mut bytes).is_err() {
        return 2;
    }
    let password = std::env::var("COMMONPLACE_PDF_PASSWORD").ok();
    let answer = match extract(&bytes, password.as_deref()) {
        Ok(text) => WorkerAnswer::Ok(Box::new(text)),
        Err(e) => WorkerAnswer::Err(e),
    };
    let json = serde_json::to_vec(&answer).expect("answers serialize");
    if std::io::stdout().write_all(&json).is_err() {
        return 2;
    }
    0
}

/// Page text into paragraphs: blank lines separate them, ligatures are spelled
/// out, and a word hyphenated across a line break is joined again.
fn paragraphs(text: &str) -> Vec<String> {
    let text = unligature(text);
    let mut out = Vec::new();
    for chunk in text.split("\n\n") {
        let mut joined = String::new();
        for line in chunk.lines() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let starts_lower = line.chars().next().is_some_and(|c| c.is_lowercase());
            if joined.ends_with('-') && starts_lower && joined.len() > 1 {
                joined.pop();
            } else if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(line);
        }
        let paragraph = normalize_inline(&joined);
        if !paragraph.is_empty() {
            out.push(paragraph);
        }
    }
    out
}

fn unligature(text: &str) -> String {
    text.replace('\u{FB00}', "ff")
        .replace('\u{FB01}', "fi")
        .replace('\u{FB02}', "fl")
        .replace('\u{FB03}', "ffi")
        .replace('\u{FB04}', "ffl")
        .replace(['\u{FB05}', '\u{FB06}'], "st")
        .replace('\u{00AD}', "")
}

fn metadata(doc: &PdfDocument) -> (SourceMeta, BTreeMap<String, String>) {
    let mut meta = SourceMeta::default();
    let mut origins = BTreeMap::new();
    let info = |key: &str| info_string(doc, key);
    let xmp = pdf_oxide::extractors::XmpExtractor::extract(doc)
        .ok()
        .flatten();
    if let Some(title) = info("Title") {
        meta.title = title;
        origins.insert("title".into(), "pdf-info".into());
    } else if let Some(title) = xmp
        .as_ref()
        .and_then(|x| x.dc_title.clone())
        .map(|t| normalize_inline(&t))
        .filter(|t| !t.is_empty())
    {
        meta.title = title;
        origins.insert("title".into(), "xmp".into());
    }
    let authors: Vec<Author> = match info("Author") {
        Some(a) => {
            origins.insert("authors".into(), "pdf-info".into());
            split_names(&a)
        }
        None => {
            let creators: Vec<Author> = xmp
                .iter()
                .flat_map(|x| x.dc_creator.iter())
                .flat_map(|c| split_names(c))
                .collect();
            if !creators.is_empty() {
                origins.insert("authors".into(), "xmp".into());
            }
            creators
        }
    };
    meta.authors = authors;
    let date = info("CreationDate")
        .and_then(|d| pdf_date(&d))
        .map(|d| (d, "pdf-info"))
        .or_else(|| {
            xmp.as_ref()
                .and_then(|x| x.xmp_create_date.as_deref())
                .and_then(crate::html::meta::parse_date)
                .map(|d| (d, "xmp"))
        });
    if let Some((date, origin)) = date {
        meta.issued = Some(date);
        origins.insert("issued".into(), origin.into());
    }
    if let Some(lang) = xmp.as_ref().and_then(|x| x.dc_language.clone()) {
        meta.language = Some(lang);
        origins.insert("language".into(), "xmp".into());
    }
    (meta, origins)
}

fn split_names(names: &str) -> Vec<Author> {
    names
        .split([';', '\n'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(crate::html::byline::person_or_org)
        .collect()
}

/// "D:20210410083000+02'00'" as a date.
fn pdf_date(raw: &str) -> Option<PartialDate> {
    let digits: String = raw
        .trim_start_matches("D:")
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let iso = match digits.len() {
        n if n >= 8 => format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..8]),
        6 | 7 => format!("{}-{}", &digits[..4], &digits[4..6]),
        4 | 5 => digits[..4].to_owned(),
        _ => return None,
    };
    iso.parse().ok()
}

/// A string of the Info dictionary, decoded (UTF-16 with a BOM, else PDFDocEncoding,
/// read here as Latin-1 which it matches for letters).
fn info_string(doc: &PdfDocument, key: &str) -> Option<String> {
    let trailer = doc.trailer().as_dict()?;
    let info = doc.resolve_object(trailer.get("Info")?).ok()?;
    let value = doc.resolve_object(info.as_dict()?.get(key)?).ok()?;
    let bytes = value.as_string()?;
    let text = if bytes.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(&bytes[3..]).into_owned()
    } else {
        bytes.iter().map(|&b| b as char).collect()
    };
    let text = normalize_inline(&text);
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_text_becomes_paragraphs_with_words_rejoined() {
        let text = "The e\u{FB03}cient solu-\ntion was found.\nIt held.\n\nA second para-\ngraph";
        assert_eq!(
            paragraphs(text),
            vec![
                "The efficient solution was found. It held.",
                "A second paragraph"
            ]
        );
        assert_eq!(
            pdf_date("D:20210410083000+02'00'").unwrap().to_string(),
            "2021-04-10"
        );
        assert_eq!(pdf_date("D:2019").unwrap().to_string(), "2019");
        assert!(matches!(extract(b"hello", None), Err(IngestError::NotPdf)));
    }
}
