//! Markdown block quotes with an attribution line and the source's link.

use crate::{Attribution, Quote, Section};

/// Every quote as a Markdown block quote followed by its attribution, separated by
/// blank lines, ready to paste into a draft.
pub fn markdown(quotes: &[Quote<'_>]) -> String {
    plain_export(None, quotes).markdown
}

/// A dossier: a title, then each non-empty section under its heading.
pub fn markdown_sections(title: &str, sections: &[Section<'_>]) -> String {
    crate::export(Some(title), sections, &crate::Options::default())
        .unwrap_or_default()
        .markdown
}

/// The quotes without headings or citations: the attribution line alone.
pub(crate) fn plain_export(title: Option<&str>, quotes: &[Quote<'_>]) -> crate::Outputs {
    let section = Section {
        heading: String::new(),
        quotes: quotes.to_vec(),
    };
    crate::export(title, &[section], &crate::Options::default()).unwrap_or_default()
}

/// A Markdown block quote of the text, every line escaped with `inline` (and
/// for what would start a block), `trailer` (already in Markdown: a citation,
/// a note mark, a link) after its last words, and a blank line.
pub(crate) fn block_quote(text: &str, trailer: &str, inline: fn(&str) -> String, out: &mut String) {
    let lines: Vec<&str> = text.trim().lines().map(str::trim_end).collect();
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() {
            out.push_str(">\n");
            continue;
        }
        out.push_str("> ");
        out.push_str(&crate::escape::markdown_line(line, inline));
        if i + 1 == lines.len() {
            out.push_str(trailer);
        }
        out.push('\n');
    }
    out.push('\n');
}

pub(crate) fn attribution(a: &Attribution) -> String {
    use crate::escape::markdown;
    let mut line = a.line(
        markdown,
        |t| format!("“{}”", markdown(t)),
        |c| format!("*{}*", markdown(c)),
    );
    if let Some(url) = &a.url {
        if !line.is_empty() {
            line.push_str(". ");
        }
        line.push_str(&crate::escape::markdown_autolink(url));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::expect;
    use model::{Author, SourceMeta};

    fn reuters() -> SourceMeta {
        SourceMeta {
            title: "China fines Alibaba $2.8 bln".into(),
            authors: vec![
                Author::Person {
                    family: "Zhang".into(),
                    given: "Yan".into(),
                },
                Author::Person {
                    family: "Goh".into(),
                    given: "Brenda".into(),
                },
            ],
            container_title: Some("Reuters".into()),
            issued: "2021-04-10".parse().ok(),
            url: Some("https://www.reuters.com/article/alibaba".into()),
            ..SourceMeta::default()
        }
    }

    #[test]
    fn quotes_become_block_quotes_with_attribution_and_link() {
        let meta = reuters();
        let org = SourceMeta {
            title: "World Energy Outlook".into(),
            authors: vec![Author::Organization {
                name: "International Energy Agency".into(),
            }],
            publisher: Some("IEA".into()),
            issued: "2023".parse().ok(),
            url: Some("javascript:alert(1)".into()),
            ..SourceMeta::default()
        };
        let out = markdown(&[
            Quote {
                text: "The fine is the largest ever.\n\n1. It follows a probe.",
                meta: &meta,
                ..Quote::new("", &meta)
            },
            Quote {
                text: "Demand peaks before 2030.",
                meta: &org,
                page: Some(4),
                ..Quote::new("", &org)
            },
        ]);
        expect![[r#"
            > The fine is the largest ever.
            >
            > 1\. It follows a probe.

            — Yan Zhang and Brenda Goh, “China fines Alibaba $2.8 bln”, *Reuters*, 10 April 2021. <https://www.reuters.com/article/alibaba>

            > Demand peaks before 2030.

            — International Energy Agency, “World Energy Outlook”, IEA, 2023, p. 4
        "#]]
        .assert_eq(&out);
    }
}
