//! Decoding a page's bytes: a byte-order mark wins; then bytes that are valid UTF-8
//! are read as UTF-8 (a page saved from a browser is re-encoded to UTF-8 but keeps
//! its old `<meta charset>`, while text in a legacy encoding is almost never valid
//! UTF-8 by accident); then the `<meta charset>` (or `http-equiv` content type) in
//! the first kilobytes; then Windows-1252, the web's default. Invalid bytes become
//! U+FFFD rather than failing the import.

use encoding_rs::Encoding;

pub fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_owned();
    }
    let encoding = sniff_meta(&bytes[..bytes.len().min(4096)]).unwrap_or(encoding_rs::WINDOWS_1252);
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

fn sniff_meta(head: &[u8]) -> Option<&'static Encoding> {
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = text.find("charset=")?;
    let rest = &text[at + "charset=".len()..];
    let label: String = rest
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let encoding = Encoding::for_label(label.as_bytes())?;
    // A page that says UTF-16 in ASCII is not UTF-16: the bytes we read prove it.
    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        return Some(encoding_rs::UTF_8);
    }
    Some(encoding)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_then_meta_charset_then_utf8() {
        assert_eq!(decode(b"\xEF\xBB\xBFcaf\xC3\xA9"), "café");
        assert_eq!(
            decode(b"<meta charset=\"windows-1252\"><p>caf\xE9 \x93quoted\x94</p>"),
            "<meta charset=\"windows-1252\"><p>café “quoted”</p>"
        );
        assert_eq!(
            decode(b"<meta http-equiv=Content-Type content='text/html; charset=iso-8859-1'>\xE9"),
            "<meta http-equiv=Content-Type content='text/html; charset=iso-8859-1'>é"
        );
        assert_eq!(
            decode(b"plain \xC3\xA9 and bad \xFF"),
            "plain \u{c3}\u{a9} and bad \u{ff}",
            "not UTF-8: Windows-1252"
        );
        assert_eq!(
            decode("<meta charset=gb2312><p>新电脑</p>".as_bytes()),
            "<meta charset=gb2312><p>新电脑</p>",
            "valid UTF-8 wins over a stale meta charset"
        );
    }
}
