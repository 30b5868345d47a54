//! Reading a text file a writer points at. UTF-8 (with or without a byte-order
//! mark) and UTF-16 (with a mark, or recognised by its zero bytes: what Windows
//! tools save as "Unicode") are read; anything else gets an error that names the
//! problem and what to do, never a bare OS message.

use crate::{Error, Result};
use std::path::Path;

/// The text of the file at `path`.
pub fn read_text_file(path: &Path) -> Result<String> {
    let bytes = read_file_bytes(path)?;
    decode_text(bytes, &path.display().to_string())
}

/// The bytes of a file, with a folder or a missing path named as such.
pub(crate) fn read_file_bytes(path: &Path) -> Result<Vec<u8>> {
    let name = path.display();
    if path.is_dir() {
        return Err(Error::InvalidInput(format!(
            "{name} is a folder: give the file inside it to read"
        )));
    }
    std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => {
            Error::InvalidInput(format!("{name}: there is no such file"))
        }
        std::io::ErrorKind::PermissionDenied => Error::InvalidInput(format!(
            "{name}: permission denied (the file cannot be read by you)"
        )),
        _ => crate::error::io(path)(e),
    })
}

/// Whether bytes are a PDF: readers accept the `%PDF-` header anywhere in the
/// first kilobyte (some writers put junk before it).
pub(crate) fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
}

/// Bytes a writer gave as text, decoded.
pub fn decode_text(bytes: Vec<u8>, name: &str) -> Result<String> {
    if is_pdf(&bytes) {
        return Err(Error::InvalidInput(format!(
            "{name} is a PDF, not a text file: import it with `commonplace source import` (or Open file in the app), which reads its pages"
        )));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest.to_vec(), name);
    }
    if let Some(order) = utf16_order(&bytes) {
        return utf16(&bytes, order, name);
    }
    if bytes.contains(&0) {
        return Err(Error::InvalidInput(format!(
            "{name} is not a text file (it contains binary data)"
        )));
    }
    utf8(bytes, name)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteOrder {
    Little,
    Big,
}

/// UTF-16 by its mark, or by text whose every other byte is zero (Latin text).
fn utf16_order(bytes: &[u8]) -> Option<ByteOrder> {
    if bytes.starts_with(b"\xFF\xFE") {
        return Some(ByteOrder::Little);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some(ByteOrder::Big);
    }
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let zeros = |offset: usize| {
        sample
            .iter()
            .skip(offset)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let half = sample.len() / 2;
    match (zeros(0), zeros(1)) {
        (even, odd) if odd * 10 >= half * 9 && even * 10 <= half => Some(ByteOrder::Little),
        (even, odd) if even * 10 >= half * 9 && odd * 10 <= half => Some(ByteOrder::Big),
        _ => None,
    }
}

fn utf16(bytes: &[u8], order: ByteOrder, name: &str) -> Result<String> {
    let body = match bytes {
        [0xFF, 0xFE, rest @ ..] | [0xFE, 0xFF, rest @ ..] => rest,
        all => all,
    };
    if !body.len().is_multiple_of(2) {
        return Err(Error::InvalidInput(format!(
            "{name} looks like UTF-16 text but ends in the middle of a character; save it again as UTF-8"
        )));
    }
    let units: Vec<u16> = body
        .chunks_exact(2)
        .map(|pair| match order {
            ByteOrder::Little => u16::from_le_bytes([pair[0], pair[1]]),
            ByteOrder::Big => u16::from_be_bytes([pair[0], pair[1]]),
        })
        .collect();
    String::from_utf16(&units).map_err(|_| {
        Error::InvalidInput(format!(
            "{name} looks like UTF-16 text but holds an invalid character; save it again as UTF-8"
        ))
    })
}

fn utf8(bytes: Vec<u8>, name: &str) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        Error::InvalidInput(format!(
            "{name} is not UTF-8 text (invalid byte at position {}); save it as UTF-8 and try again",
            e.utf8_error().valid_up_to()
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { vec![] };
        for unit in s.encode_utf16() {
            out.extend_from_slice(&unit.to_le_bytes());
        }
        out
    }

    #[test]
    fn text_in_every_encoding_a_writer_saves_is_read() {
        let text = "Café — “quoted”\nsecond line";
        assert_eq!(decode_text(text.as_bytes().to_vec(), "a").unwrap(), text);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode_text(bom, "a").unwrap(), text);
        assert_eq!(decode_text(utf16le(text, true), "a").unwrap(), text);
        assert_eq!(
            decode_text(utf16le("plain latin text", false), "a").unwrap(),
            "plain latin text"
        );
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode_text(be, "a").unwrap(), text);
    }

    #[test]
    fn other_files_are_named_for_what_they_are() {
        let err = |bytes: &[u8]| decode_text(bytes.to_vec(), "f").unwrap_err().to_string();
        assert!(err(b"%PDF-1.7 ...").contains("is a PDF"));
        assert!(err(b"junk\n%PDF-1.4 ...").contains("is a PDF"));
        assert!(err(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").contains("binary data"));
        assert!(err(b"caf\xe9").contains("not UTF-8"));
        let dir = std::env::temp_dir();
        let e = read_text_file(&dir).unwrap_err().to_string();
        assert!(e.contains("is a folder"), "{e}");
        let e = read_text_file(&dir.join("no-such-file-here.txt"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("there is no such file"), "{e}");
    }
}
