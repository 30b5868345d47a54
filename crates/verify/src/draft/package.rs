//! The zip archive a .docx or .odt is, read within a budget.
//!
//! Only the few XML parts the readers need are unpacked, and every byte unpacked
//! counts against [`Limits::max_unpacked`]: a part's declared size is not
//! trusted (a zip bomb lies about it), so reading stops one byte past the budget
//! and the file is refused. Too many entries are refused before any is read.

use super::{Format, Limits};
use crate::VerifyError;
use std::io::{Cursor, Read};
use zip::result::ZipError;
use zip::ZipArchive;

const MAX_ENTRIES: usize = 20_000;

pub(crate) struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    name: &'a str,
    budget: u64,
    limit: u64,
}

impl<'a> Package<'a> {
    pub fn open(
        bytes: &'a [u8],
        name: &'a str,
        limits: &Limits,
    ) -> Result<Package<'a>, VerifyError> {
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(name, &e))?;
        if archive.len() > MAX_ENTRIES {
            return Err(VerifyError::Damaged {
                name: name.to_owned(),
                detail: format!("it holds {} files, more than a document has", archive.len()),
            });
        }
        Ok(Package {
            archive,
            name,
            budget: limits.max_unpacked,
            limit: limits.max_unpacked,
        })
    }

    pub fn has(&self, part: &str) -> bool {
        self.archive.index_for_name(part).is_some()
    }

    /// A part as text, or `None` when the archive has no such part.
    pub fn text(&mut self, part: &str) -> Result<Option<String>, VerifyError> {
        let name = self.name;
        let mut entry = match self.archive.by_name(part) {
            Ok(entry) => entry,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(damaged(name, &e)),
        };
        if entry.encrypted() {
            return Err(VerifyError::Encrypted {
                name: name.to_owned(),
            });
        }
        let mut bytes = Vec::new();
        let read = (&mut entry)
            .take(self.budget + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| VerifyError::Damaged {
                name: name.to_owned(),
                detail: format!("its part {part} cannot be unpacked ({e})"),
            })? as u64;
        if read > self.budget {
            return Err(VerifyError::Unpacked {
                name: name.to_owned(),
                limit: self.limit,
            });
        }
        self.budget -= read;
        let text = String::from_utf8(bytes).map_err(|_| VerifyError::Damaged {
            name: name.to_owned(),
            detail: format!("its part {part} is not UTF-8 text"),
        })?;
        Ok(Some(text.trim_start_matches('\u{FEFF}').to_owned()))
    }

    /// A part that must be there.
    pub fn required(&mut self, part: &str, what: &str) -> Result<String, VerifyError> {
        self.text(part)?.ok_or_else(|| VerifyError::Damaged {
            name: self.name.to_owned(),
            detail: format!("{part} is missing, so it is not a complete {what}"),
        })
    }
}

fn damaged(name: &str, e: &ZipError) -> VerifyError {
    match e {
        ZipError::UnsupportedArchive(msg) if msg.to_lowercase().contains("password") => {
            VerifyError::Encrypted {
                name: name.to_owned(),
            }
        }
        _ => VerifyError::Damaged {
            name: name.to_owned(),
            detail: format!("it cannot be opened as a zip archive ({e})"),
        },
    }
}

/// A zip without a telling extension: a Word or OpenDocument text by its parts.
pub(crate) fn sniff(bytes: &[u8], name: &str) -> Result<Format, VerifyError> {
    let package = Package::open(bytes, name, &Limits::default())?;
    if package.has("word/document.xml") {
        return Ok(Format::Docx);
    }
    if package.has("content.xml") {
        return Ok(Format::Odt);
    }
    Err(VerifyError::Unsupported {
        name: name.to_owned(),
        what: "a zip archive that is neither a Word nor an OpenDocument text".to_owned(),
    })
}

/// The value of an attribute by its local name (namespace prefixes vary).
pub(crate) fn attr(e: &quick_xml::events::BytesStart, local: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local)
            .then(|| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .ok()
                    .map(|v| v.into_owned())
            })
            .flatten()
    })
}

/// Text of a reference event (`&amp;`, `&#8217;`) inside XML text.
pub(crate) fn reference(r: &quick_xml::events::BytesRef) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    match r.xml10_content().as_ref() {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => "",
    }
    .to_owned()
}
