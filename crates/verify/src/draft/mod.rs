//! Reading a draft into plain text with its block quotes, links, footnotes and
//! Pandoc citations.
//!
//! The checker needs the text a reader sees, not the markup, plus what surrounds
//! the quotes: which passages are block quotes, where links and footnote marks
//! are, which citations are written. Each format has a reader that walks its own
//! structure into one [`Builder`](builder::Builder), so offsets mean the same in
//! every format: chars of [`Draft::text`]. For plain text the draft's text is
//! the file's text; for the other formats it is the rendered text, with a
//! footnote reference shown as `[n]` and footnote bodies kept out of the text.
//!
//! The format is told by the name's extension, checked against the bytes; a name
//! without a known extension is told by the bytes alone. Size is limited before
//! anything is parsed, and a zip's parts are read through a budget, so a small
//! file that unpacks to gigabytes is refused rather than unpacked.

mod builder;
mod docx;
mod html;
mod markdown;
mod odt;
mod package;
mod plain;
mod scan;

use crate::VerifyError;
use serde::{Deserialize, Serialize};

/// The formats a draft can be read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Markdown,
    Html,
    Text,
    Docx,
    Odt,
}

/// A link in the draft: the linked text's char range and its address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Link {
    pub start: usize,
    pub end: usize,
    pub url: String,
}

/// A footnote: where its mark is in the text, and its text (with the address of
/// any link in it added where the text does not show it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Footnote {
    pub mark_start: usize,
    pub mark_end: usize,
    pub text: String,
}

/// A Pandoc citation, `[@key]` or in-text `@key`, with the keys it names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PandocCite {
    pub start: usize,
    pub end: usize,
    pub keys: Vec<String>,
}

/// A draft as plain text; every offset is a char offset into `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    pub format: Format,
    pub text: String,
    /// Block quotes as (start, end).
    pub blocks: Vec<(usize, usize)>,
    pub links: Vec<Link>,
    pub footnotes: Vec<Footnote>,
    pub citations: Vec<PandocCite>,
}

/// How much a draft may weigh, packed and unpacked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest file read at all.
    pub max_bytes: u64,
    /// The most a .docx or .odt may unpack to, counting only the parts read.
    pub max_unpacked: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bytes: 20 * 1024 * 1024,
            max_unpacked: 64 * 1024 * 1024,
        }
    }
}

/// Reads a draft, telling its format by `name`'s extension and by its bytes.
pub fn read_draft(bytes: &[u8], name: &str) -> Result<Draft, VerifyError> {
    read_draft_with(bytes, name, &Limits::default())
}

/// [`read_draft`] with limits of the caller's choosing.
pub fn read_draft_with(bytes: &[u8], name: &str, limits: &Limits) -> Result<Draft, VerifyError> {
    let size = bytes.len() as u64;
    if size > limits.max_bytes {
        return Err(VerifyError::TooLarge {
            name: name.to_owned(),
            size,
            limit: limits.max_bytes,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(VerifyError::Empty {
            name: name.to_owned(),
        });
    }
    let format = detect(bytes, name)?;
    let draft = match format {
        Format::Docx => docx::read(bytes, name, limits)?,
        Format::Odt => odt::read(bytes, name, limits)?,
        Format::Markdown => markdown::read(&decode_text(bytes, name)?),
        Format::Html => html::read(&decode_text(bytes, name)?, name)?,
        Format::Text => plain::read(&decode_text(bytes, name)?),
    };
    if draft.text.trim().is_empty() {
        return Err(VerifyError::Empty {
            name: name.to_owned(),
        });
    }
    Ok(draft)
}

/// The web addresses written in a text (a footnote's, say).
pub(crate) fn scan_urls(text: &str) -> Vec<String> {
    scan::bare_urls(text).into_iter().map(|l| l.url).collect()
}

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

fn detect(bytes: &[u8], name: &str) -> Result<Format, VerifyError> {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let unsupported = |what: &str| VerifyError::Unsupported {
        name: name.to_owned(),
        what: what.to_owned(),
    };
    let damaged = |detail: &str| VerifyError::Damaged {
        name: name.to_owned(),
        detail: detail.to_owned(),
    };
    if bytes.starts_with(OLE) {
        return Err(unsupported(
            "a Word 97-2003 (.doc) or other legacy Office file",
        ));
    }
    if bytes.starts_with(b"%PDF") {
        return Err(unsupported("a PDF"));
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(unsupported("an RTF document"));
    }
    let is_zip = bytes.starts_with(ZIP) || bytes.starts_with(b"PK\x05\x06");
    match ext.as_str() {
        "docx" | "docm" | "dotx" if is_zip => Ok(Format::Docx),
        "odt" | "ott" if is_zip => Ok(Format::Odt),
        "docx" | "docm" | "dotx" | "odt" | "ott" => Err(damaged(
            "it is not a zip archive, as Word and OpenDocument files are",
        )),
        "md" | "markdown" | "mdown" | "mkd" | "qmd" | "rmd" | "pandoc" => Ok(Format::Markdown),
        "html" | "htm" | "xhtml" => Ok(Format::Html),
        "txt" | "text" => Ok(Format::Text),
        "doc" => Err(unsupported("a Word 97-2003 document (.doc)")),
        "rtf" => Err(unsupported("an RTF document")),
        "pdf" => Err(unsupported("a PDF")),
        "pages" => Err(unsupported("an Apple Pages document")),
        _ if is_zip => package::sniff(bytes, name),
        _ => Ok(sniff_text(bytes)),
    }
}

/// A text file without a telling extension: HTML if it starts like HTML.
fn sniff_text(bytes: &[u8]) -> Format {
    let head: String = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)])
        .trim_start_matches('\u{FEFF}')
        .trim_start()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body") {
        Format::Html
    } else {
        Format::Text
    }
}

/// Text in UTF-8 or, with a byte-order mark, UTF-16; without either, Windows-1252
/// (what an old text editor most likely saved). Binary data is refused.
fn decode_text(bytes: &[u8], name: &str) -> Result<String, VerifyError> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return Ok(encoding
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned());
    }
    if bytes.contains(&0) {
        return Err(VerifyError::Unsupported {
            name: name.to_owned(),
            what: "binary data, not text".to_owned(),
        });
    }
    Ok(match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    })
}
