//! Files that are not drafts, or are damaged or hostile: each refused with an
//! error that names the file and the problem.

use crate::office::zip;
use verify::{read_draft, read_draft_with, Format, Limits, VerifyError};

fn docx_with(document: &str) -> Vec<u8> {
    zip(&[("word/document.xml", document.to_owned())], true)
}

#[test]
fn damaged_empty_and_unsupported_files_are_named_and_explained() {
    let truncated = {
        let whole = docx_with("<w:document><w:body><w:p><w:r><w:t>Hello there</w:t></w:r></w:p></w:body></w:document>");
        whole[..whole.len() / 2].to_vec()
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.md", Vec::new(), "empty"),
        ("blank.txt", b" \n\t\n".to_vec(), "empty"),
        (
            "old.doc",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest".to_vec(),
            "Word 97-2003",
        ),
        ("renamed.txt", b"%PDF-1.7 binary".to_vec(), "PDF"),
        ("notes.rtf", b"{\\rtf1 text}".to_vec(), "RTF"),
        (
            "draft.docx",
            b"just some text".to_vec(),
            "not a zip archive",
        ),
        ("cut.docx", truncated, "cannot be opened as a zip archive"),
        (
            "parts.docx",
            zip(&[("other.xml", "<x/>".into())], false),
            "word/document.xml is missing",
        ),
        (
            "short.docx",
            docx_with("<w:document><w:body><w:p>"),
            "cut short",
        ),
        (
            "bad.docx",
            docx_with("<w:document><w:body></w:p></w:document>"),
            "not well-formed",
        ),
        (
            "sheet.odt",
            zip(
                &[
                    (
                        "mimetype",
                        "application/vnd.oasis.opendocument.spreadsheet".into(),
                    ),
                    ("content.xml", "<x/>".into()),
                ],
                false,
            ),
            "another kind",
        ),
        (
            "empty.docx",
            docx_with("<w:document><w:body/></w:document>"),
            "empty",
        ),
        (
            "archive",
            zip(&[("a.txt", "a".into())], false),
            "neither a Word nor an OpenDocument",
        ),
        ("binary.txt", b"text\0with\0nulls".to_vec(), "binary data"),
    ];
    for (name, bytes, says) in cases {
        let err = read_draft(&bytes, name).expect_err(name).to_string();
        assert!(
            err.contains(name),
            "{name}: the error names the file: {err}"
        );
        assert!(err.contains(says), "{name}: the error says {says:?}: {err}");
    }
}

#[test]
fn size_is_limited_before_and_after_unpacking() {
    let limits = Limits {
        max_bytes: 1000,
        max_unpacked: 100_000,
    };
    let big = vec![b'a'; 1001];
    assert!(matches!(
        read_draft_with(&big, "big.txt", &limits),
        Err(VerifyError::TooLarge {
            size: 1001,
            limit: 1000,
            ..
        })
    ));
    // 400 KB of spaces deflate to well under a kilobyte: a small zip bomb.
    let bomb = docx_with(&format!("<w:document>{}</w:document>", " ".repeat(400_000)));
    assert!(
        bomb.len() < 1000,
        "the bomb is small packed ({} bytes)",
        bomb.len()
    );
    let err = read_draft_with(&bomb, "bomb.docx", &limits).expect_err("the bomb is refused");
    assert!(
        matches!(err, VerifyError::Unpacked { limit: 100_000, .. }),
        "it is refused for what it unpacks to: {err}"
    );
}

#[test]
fn formats_are_told_by_extension_then_by_content() {
    let odt = zip(
        &[
            ("mimetype", "application/vnd.oasis.opendocument.text".into()),
            ("content.xml", "<office:document-content xmlns:office=\"o\" xmlns:text=\"t\"><office:body><office:text><text:p>“A quote in a file without a name,” she said.</text:p></office:text></office:body></office:document-content>".into()),
        ],
        false,
    );
    let utf16: Vec<u8> = "\u{FEFF}“Quoted in UTF-16,” he said."
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    let cases: Vec<(&str, Vec<u8>, Format, &str)> = vec![
        (
            "upload",
            odt,
            Format::Odt,
            "“A quote in a file without a name,” she said.",
        ),
        (
            "page",
            b"<!DOCTYPE html><p>Hi &amp; bye</p>".to_vec(),
            Format::Html,
            "Hi & bye",
        ),
        (
            "notes",
            b"# Not a heading in text".to_vec(),
            Format::Text,
            "# Not a heading in text",
        ),
        (
            "wide.txt",
            utf16,
            Format::Text,
            "“Quoted in UTF-16,” he said.",
        ),
        (
            "latin1.txt",
            b"caf\xe9 \x93quoted\x94".to_vec(),
            Format::Text,
            "café “quoted”",
        ),
    ];
    for (name, bytes, format, text) in cases {
        let draft = read_draft(&bytes, name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(draft.format, format, "{name} is read as {format:?}");
        assert_eq!(draft.text, text, "{name}'s text");
    }
}
