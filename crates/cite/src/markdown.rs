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

/// A Markdown block quote of the text and a blank line.
pub(crate) fn block_quote(text: &str, out: &mut String) {
    for line in text.trim().lines() {
        let line = line.trim_end();
        if line.is_empty() {
            out.push_str(">\n");
        } else {
            out.push_str("> ");
            out.push_str(&escape_line_start(line));
            out.push('\n');
        }
    }
    out.push('\n');
}

pub(crate) fn attribution(a: &Attribution) -> String {
    let mut line = a.line(
        |t| format!("“{}”", crate::render::escape_markdown(t)),
        |c| format!("*{}*", crate::render::escape_markdown(c)),
    );
    if let Some(url) = &a.url {
        if !line.is_empty() {
            line.push_str(". ");
        }
        line.push_str(&format!("<{}>", url.replace(['<', '>', ' '], "")));
    }
    line
}

/// A quoted line that starts with Markdown syntax ("# ", "- ", "1. ") would turn
/// into a heading or a list inside the block quote; a backslash keeps it text.
fn escape_line_start(line: &str) -> String {
    let starts_block = line.starts_with('#')
        || line.starts_with("- ")
        || line.starts_with("+ ")
        || line.starts_with("* ")
        || line.starts_with('>')
        || line
            .split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if starts_block {
        format!("\\{line}")
    } else {
        line.to_owned()
    }
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
            > \1. It follows a probe.

            — Yan Zhang and Brenda Goh, “China fines Alibaba $2.8 bln”, *Reuters*, 10 April 2021. <https://www.reuters.com/article/alibaba>

            > Demand peaks before 2030.

            — International Energy Agency, “World Energy Outlook”, IEA, 2023, p. 4
        "#]]
        .assert_eq(&out);
    }
}
