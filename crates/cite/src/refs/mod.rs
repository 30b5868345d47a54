//! Reference-manager formats: BibTeX, BibLaTeX, CSL-JSON and RIS, both ways, and
//! the citation keys that name sources in them.

mod bibtex;
mod keys;
mod ris;

pub use bibtex::{parse as parse_bibtex, write as write_bibtex, Dialect};
pub use keys::{base_key, unique_key};
pub use ris::{parse as parse_ris, write as write_ris};

use model::{SourceKind, SourceMeta};

/// A source as a reference file describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub meta: SourceMeta,
}

/// A file that is not what it says it is, with where and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RefError {
    #[error("the {format} file cannot be read near line {line}: {reason}")]
    Syntax {
        format: &'static str,
        line: usize,
        reason: String,
    },
    #[error("entry {index} of the file cannot be imported: {reason}")]
    Entry { index: usize, reason: String },
    #[error("the file holds no references")]
    Empty,
}

/// The formats a library's sources can be exported to and imported from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefFormat {
    BibTex,
    BibLatex,
    CslJson,
    Ris,
}

impl RefFormat {
    pub fn parse(name: &str) -> Option<RefFormat> {
        Some(match name.to_ascii_lowercase().as_str() {
            "bibtex" | "bib" => RefFormat::BibTex,
            "biblatex" => RefFormat::BibLatex,
            "csl-json" | "csljson" | "json" => RefFormat::CslJson,
            "ris" => RefFormat::Ris,
            _ => return None,
        })
    }

    /// The format a file's name suggests, then its first bytes.
    pub fn detect(file_name: &str, content: &str) -> Option<RefFormat> {
        let lower = file_name.to_ascii_lowercase();
        if lower.ends_with(".json") {
            return Some(RefFormat::CslJson);
        }
        if lower.ends_with(".ris") {
            return Some(RefFormat::Ris);
        }
        if lower.ends_with(".bib") {
            return Some(RefFormat::BibLatex);
        }
        let head = content.trim_start_matches('\u{feff}').trim_start();
        if head.starts_with('[') || head.starts_with('{') {
            Some(RefFormat::CslJson)
        } else if head.starts_with("TY  -") {
            Some(RefFormat::Ris)
        } else if head.starts_with('@') || head.starts_with('%') {
            Some(RefFormat::BibLatex)
        } else {
            None
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            RefFormat::BibTex | RefFormat::BibLatex => "bib",
            RefFormat::CslJson => "json",
            RefFormat::Ris => "ris",
        }
    }
}

/// A source to write into a reference file, under its citation key.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub key: &'a str,
    pub kind: SourceKind,
    pub meta: &'a SourceMeta,
}

/// Writes sources in a reference format.
pub fn write(format: RefFormat, entries: &[Entry<'_>]) -> String {
    match format {
        RefFormat::BibTex => bibtex::write(Dialect::BibTex, entries),
        RefFormat::BibLatex => bibtex::write(Dialect::BibLatex, entries),
        RefFormat::Ris => ris::write(entries),
        RefFormat::CslJson => {
            let items: Vec<serde_json::Value> = entries
                .iter()
                .map(|e| crate::csl_json::item(e.meta, e.kind, e.key))
                .collect();
            let mut out = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into());
            out.push('\n');
            out
        }
    }
}

/// Reads a reference file in the given format.
pub fn parse(format: RefFormat, input: &str) -> Result<Vec<Reference>, RefError> {
    let input = input.trim_start_matches('\u{feff}');
    let refs = match format {
        RefFormat::BibTex | RefFormat::BibLatex => bibtex::parse(input)?,
        RefFormat::CslJson => crate::csl_json::parse(input)?,
        RefFormat::Ris => ris::parse(input)?,
    };
    if refs.is_empty() {
        return Err(RefError::Empty);
    }
    Ok(refs)
}
