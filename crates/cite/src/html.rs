//! HTML for the clipboard: what a word processor, Google Docs or Substack pastes
//! as a block quote with an attribution line and a link. Every piece of text is
//! escaped; only http(s) links become `href`s.

use crate::{Attribution, Quote, Section};

pub fn html(quotes: &[Quote<'_>]) -> String {
    crate::markdown::plain_export(None, quotes).html
}

/// A dossier: a title, then each non-empty section under its heading.
pub fn html_sections(title: &str, sections: &[Section<'_>]) -> String {
    crate::export(Some(title), sections, &crate::Options::default())
        .unwrap_or_default()
        .html
}

/// The quote as a `blockquote` of paragraphs, every character escaped, with
/// `trailer` (already HTML: a citation, a note mark, a link) after its last words.
pub(crate) fn block_quote(text: &str, trailer: &str) -> String {
    let paragraphs: Vec<&str> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut out = String::from("<blockquote>");
    for (i, paragraph) in paragraphs.iter().enumerate() {
        out.push_str("<p>");
        out.push_str(&escape(paragraph).replace('\n', "<br>"));
        if i + 1 == paragraphs.len() {
            out.push_str(trailer);
        }
        out.push_str("</p>");
    }
    out.push_str("</blockquote>\n");
    out
}

/// Text (a template's output) as escaped paragraphs.
pub(crate) fn plain_paragraphs(text: &str) -> String {
    let mut out = String::new();
    for paragraph in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
        out.push_str("<p>");
        out.push_str(&escape(paragraph.trim()).replace('\n', "<br>"));
        out.push_str("</p>\n");
    }
    out
}

pub(crate) fn attribution(a: &Attribution) -> String {
    let mut line = a.line(
        escape,
        |t| format!("“{}”", escape(t)),
        |c| format!("<em>{}</em>", escape(c)),
    );
    if let Some(url) = &a.url {
        if !line.is_empty() {
            line.push_str(". ");
        }
        let url = escape(url);
        line.push_str(&format!("<a href=\"{url}\">{url}</a>"));
    }
    line
}

pub(crate) use crate::escape::html as escape;

#[cfg(test)]
mod tests {
    use super::*;
    use model::SourceMeta;

    #[test]
    fn text_is_escaped_and_only_web_links_are_links() {
        let meta = SourceMeta {
            title: "<script>alert(1)</script>".into(),
            container_title: Some("A & B".into()),
            url: Some("https://example.org/?a=1&b=\"2\"".into()),
            ..SourceMeta::default()
        };
        let out = html(&[Quote {
            text: "x < y\nand \"z\"",
            meta: &meta,
            ..Quote::new("", &meta)
        }]);
        assert_eq!(
            out,
            "<blockquote><p>x &lt; y<br>and &quot;z&quot;</p></blockquote>\n\
             <p>— “&lt;script&gt;alert(1)&lt;/script&gt;”, <em>A &amp; B</em>. \
             <a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\">https://example.org/?a=1&amp;b=&quot;2&quot;</a></p>\n"
        );
        let hostile = SourceMeta {
            title: "t".into(),
            url: Some("javascript:alert(1)".into()),
            ..SourceMeta::default()
        };
        let out = html(&[Quote {
            ..Quote::new("q", &hostile)
        }]);
        assert!(!out.contains("href"), "{out}");
    }
}
