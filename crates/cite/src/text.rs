//! Plain text: the quote in quotation marks, then its attribution and link.

use crate::{Quote, Section};

pub fn text(quotes: &[Quote<'_>]) -> String {
    crate::markdown::plain_export(None, quotes).text
}

/// A dossier: a title, then each non-empty section under its heading.
pub fn text_sections(title: &str, sections: &[Section<'_>]) -> String {
    crate::export(Some(title), sections, &crate::Options::default())
        .unwrap_or_default()
        .text
}
