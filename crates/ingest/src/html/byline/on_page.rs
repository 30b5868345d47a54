//! A byline found in the page itself: an author link, microdata, an element
//! whose class names a byline or author, or a short line that opens with
//! "By", "Von", "Par"... Comments are never read: a commenter is no author.

use super::split_byline;
use super::words::LEADS;
use dom_query::Document;
use model::Author;

/// The byline as the page shows it: an author link, microdata, an element
/// whose class names a byline or author, or else a short line that opens with
/// "By", "Von", "Par"... (all outside comments).
pub fn on_page(doc: &Document) -> Vec<Author> {
    const SELECTORS: &[&str] = &[
        "[itemprop~=author] [itemprop~=name]",
        "[rel=author]",
        "[itemprop~=author]",
        "[class*=byline]",
        "[class*=author-name]",
        "[class*=authorName]",
        "[class*=author]",
    ];
    for selector in SELECTORS {
        for node in doc.select(selector).nodes() {
            if node.has_name("meta")
                || node.has_name("link")
                || crate::html::dates::in_comment(node)
            {
                continue;
            }
            let text = crate::normalize_inline(&node.text());
            if text.is_empty() || text.chars().count() > 120 {
                continue;
            }
            let found = split_byline(&text);
            if !found.is_empty() {
                return found;
            }
        }
    }
    lead_line(doc)
}

/// The first short line that opens with a byline word followed by a
/// capitalised name ("Von <a>Anna Muster</a>, 06.08.2019").
fn lead_line(doc: &Document) -> Vec<Author> {
    for node in doc
        .select("body")
        .nodes()
        .iter()
        .flat_map(|b| b.descendants_it())
    {
        if !node.is_text() {
            continue;
        }
        let own = crate::normalize_inline(&node.text());
        let lower = own.to_lowercase();
        let Some(lead) = LEADS
            .iter()
            .find(|l| lower == **l || lower.starts_with(&format!("{l} ")))
        else {
            continue;
        };
        let Some(mut parent) = node.parent() else {
            continue;
        };
        // "<b>Von:</b> Jane Doe": the lead alone in its element, the name after it.
        if crate::normalize_inline(&parent.text()).to_lowercase() == *lead {
            match parent.parent() {
                Some(up) => parent = up,
                None => continue,
            }
        }
        if parent.has_name("script")
            || parent.has_name("style")
            || crate::html::dates::in_comment(&parent)
        {
            continue;
        }
        let line = crate::normalize_inline(&parent.text());
        if line.chars().count() > 100 {
            continue;
        }
        let after = line.get(lead.len()..).unwrap_or_default().trim_start();
        if !after.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let found = split_byline(&line);
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byline_line_without_markup_is_found() {
        let cases: &[(&str, &[&str])] = &[
            (
                "<h1>Headline</h1><p>Von <a href='/a'>Claudia Muster</a> 27.1.2022 - Bei der</p>",
                &["Claudia Muster"],
            ),
            ("<p>By Jane Doe</p><p>by the way, text</p>", &["Jane Doe"]),
            ("<p>by the way, this is no byline</p>", &[]),
            ("<a><b>Von:</b><br> Götz Muster</a>", &["Götz Muster"]),
            ("<div id='comments'><p>By Commenter Name</p></div>", &[]),
        ];
        for (html, want) in cases {
            let got: Vec<String> = on_page(&Document::from(*html))
                .iter()
                .map(Author::display_name)
                .collect();
            assert_eq!(&got, want, "the byline of {html:?}");
        }
    }
}
