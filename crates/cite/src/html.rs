//! HTML for the clipboard: what a word processor, Google Docs or Substack pastes
//! as a block quote with an attribution line and a link. Every piece of text is
//! escaped; only http(s) links become `href`s.

use crate::{Attribution, Quote, Section};

pub fn html(quotes: &[Quote<'_>]) -> String {
    let mut out = String::new();
    for quote in quotes {
        out.push_str("<blockquote>");
        for paragraph in quote.text.split("\n\n").filter(|p| !p.trim().is_empty()) {
            out.push_str("<p>");
            out.push_str(&escape(paragraph.trim()).replace('\n', "<br>"));
            out.push_str("</p>");
        }
        out.push_str("</blockquote>\n<p>— ");
        out.push_str(&attribution(&Attribution::of(quote)));
        out.push_str("</p>\n");
    }
    out
}

pub fn html_sections(title: &str, sections: &[Section<'_>]) -> String {
    let mut out = format!("<h1>{}</h1>\n", escape(title.trim()));
    for section in sections.iter().filter(|s| !s.quotes.is_empty()) {
        out.push_str(&format!("<h2>{}</h2>\n", escape(&section.heading)));
        out.push_str(&html(&section.quotes));
    }
    out
}

fn attribution(a: &Attribution) -> String {
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

/// Escapes text for use in HTML content and in double-quoted attributes.
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
            page: None,
            fragment: None,
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
            text: "q",
            meta: &hostile,
            page: None,
            fragment: None,
        }]);
        assert!(!out.contains("href"), "{out}");
    }
}
