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

/// The quote as a `blockquote` of paragraphs, every character escaped.
pub(crate) fn block_quote(text: &str) -> String {
    let mut out = String::from("<blockquote>");
    for paragraph in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
        out.push_str("<p>");
        out.push_str(&escape(paragraph.trim()).replace('\n', "<br>"));
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

pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

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
