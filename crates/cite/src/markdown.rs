//! Markdown block quotes with an attribution line and the source's link.

use crate::Quote;
use model::{Author, SourceMeta};

/// Every quote as a Markdown block quote followed by its attribution, separated by
/// blank lines, ready to paste into a draft.
pub fn markdown(quotes: &[Quote<'_>]) -> String {
    let mut out = String::new();
    for (i, quote) in quotes.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for line in quote.text.lines() {
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
        out.push_str("— ");
        out.push_str(&attribution(quote.meta, quote.page));
        out.push('\n');
    }
    out
}

/// "Jane Doe and John Roe, “Title,” *Site*, 5 March 2024, p. 4. <https://…>"
/// Missing parts are left out rather than shown empty.
pub fn attribution(meta: &SourceMeta, page: Option<u32>) -> String {
    let mut parts = Vec::new();
    let authors = author_list(&meta.authors);
    if !authors.is_empty() {
        parts.push(authors);
    }
    if !meta.title.is_empty() {
        parts.push(format!("“{}”", meta.title.trim()));
    }
    match (&meta.container_title, &meta.publisher) {
        (Some(site), _) => parts.push(format!("*{}*", site.trim())),
        (None, Some(publisher)) => parts.push(publisher.trim().to_owned()),
        (None, None) => {}
    }
    if let Some(date) = meta.issued {
        parts.push(date.human());
    }
    if let Some(page) = page {
        parts.push(format!("p. {page}"));
    }
    let mut line = parts.join(", ");
    if let Some(url) = meta.canonical_url.as_ref().or(meta.url.as_ref()) {
        if !line.is_empty() {
            line.push_str(". ");
        }
        line.push('<');
        line.push_str(url.trim());
        line.push('>');
    }
    line
}

fn author_list(authors: &[Author]) -> String {
    let names: Vec<String> = authors.iter().map(Author::display_name).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [first, second] => format!("{first} and {second}"),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
    }
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
            ..SourceMeta::default()
        };
        let out = markdown(&[
            Quote {
                text: "The fine is the largest ever.\n\n1. It follows a probe.",
                meta: &meta,
                page: None,
            },
            Quote {
                text: "Demand peaks before 2030.",
                meta: &org,
                page: Some(4),
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
