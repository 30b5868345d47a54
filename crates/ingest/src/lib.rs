//! Importers: turn what the writer brings into a source's ordered text blocks.
//!
//! This first cut reads plain text and Markdown. Every importer normalises
//! whitespace the same way (see [`normalize_inline`]) so that importing the same
//! input twice yields the same text and therefore the same clip offsets.

pub mod html;
mod markdown;
pub mod pdf;
mod text;

pub use markdown::markdown_blocks;
pub use text::text_blocks;

/// Inputs larger than this are refused rather than loaded (bytes).
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum IngestError {
    #[error("the text is empty: there is nothing to save as a source")]
    Empty,
    #[error("the input is {size} bytes; the most Commonplace imports at once is {max} bytes")]
    TooLarge { size: usize, max: usize },
    #[error("this is not a web page (no HTML was found in it)")]
    NotHtml,
    #[error("this file could not be read: {0}")]
    Unreadable(String),
    #[error("this is not a PDF (it does not start like one)")]
    NotPdf,
    #[error("this PDF is encrypted: give its password to open it")]
    PasswordRequired,
    #[error("the password does not open this PDF")]
    WrongPassword,
}

/// Which reader to use for text the writer gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextFormat {
    Plain,
    Markdown,
}

/// Reads `input` in the given format into blocks, refusing empty or huge input.
pub fn blocks(input: &str, format: TextFormat) -> Result<Vec<model::Block>, IngestError> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(IngestError::TooLarge {
            size: input.len(),
            max: MAX_INPUT_BYTES,
        });
    }
    let blocks = match format {
        TextFormat::Plain => text_blocks(input),
        TextFormat::Markdown => markdown_blocks(input),
    };
    if blocks.is_empty() {
        return Err(IngestError::Empty);
    }
    Ok(blocks)
}

/// Collapses every run of whitespace to one space, drops control characters and
/// trims the ends: the one normalisation of running text used by every importer.
pub fn normalize_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else if c.is_control() {
            continue;
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Blocks as one line each ("heading2: \"Title\""), for tests that compare them.
#[cfg(test)]
pub(crate) fn describe(blocks: &[model::Block]) -> String {
    blocks
        .iter()
        .map(|b| match b.level {
            Some(l) => format!("{}{l}: {:?}", b.kind.as_str(), b.text),
            None => format!("{}: {:?}", b.kind.as_str(), b.text),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_is_normalised_the_same_way_every_time() {
        assert_eq!(normalize_inline("  a\t b\r\n\u{0}c  "), "a b c");
        assert_eq!(
            normalize_inline("\u{a0}x\u{2003}y"),
            "x y",
            "non-breaking and em spaces too"
        );
        assert_eq!(
            blocks(" \n\n \t", TextFormat::Plain),
            Err(IngestError::Empty)
        );
    }
}
