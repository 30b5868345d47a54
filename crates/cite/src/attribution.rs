//! The attribution line under a quote: who, what, where, when, and the link.

use model::{Author, SourceMeta};

/// The parts of an attribution, each present only when the source has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub authors: Option<String>,
    pub title: Option<String>,
    /// Site, newspaper or journal (set in italics where the format has them).
    pub container: Option<String>,
    /// The publisher, shown when there is no container.
    pub publisher: Option<String>,
    pub date: Option<String>,
    pub page: Option<u32>,
    /// Only web addresses (http, https) are kept: a link is something to click.
    pub url: Option<String>,
}

impl Attribution {
    /// The attribution of a quote: a web source's link carries a text fragment
    /// that opens the page at the quote.
    pub fn of(quote: &crate::Quote<'_>) -> Attribution {
        let mut a = Attribution::new(quote.meta, quote.page);
        if let (Some(url), Some(fragment)) = (&a.url, &quote.fragment) {
            a.url = Some(crate::fragment::link(url, fragment));
        }
        a
    }

    pub fn new(meta: &SourceMeta, page: Option<u32>) -> Attribution {
        let names: Vec<String> = meta
            .authors
            .iter()
            .map(Author::display_name)
            .filter(|n| !n.trim().is_empty())
            .collect();
        let authors = match names.as_slice() {
            [] => None,
            [one] => Some(one.clone()),
            [first, second] => Some(format!("{first} and {second}")),
            [rest @ .., last] => Some(format!("{}, and {last}", rest.join(", "))),
        };
        let nonempty = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        let url = meta
            .canonical_url
            .as_deref()
            .or(meta.url.as_deref())
            .map(str::trim)
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
            .map(str::to_owned);
        Attribution {
            authors,
            title: nonempty(&meta.title),
            container: meta.container_title.as_deref().and_then(nonempty),
            publisher: meta.publisher.as_deref().and_then(nonempty),
            date: meta.issued.map(|d| d.human()),
            page,
            url,
        }
    }

    /// The line without the link. Every part comes from the source, so every
    /// part goes through the format: `text` escapes plain parts, `title` and
    /// `container` escape and add the format's quotation marks or emphasis.
    pub fn line(
        &self,
        text: impl Fn(&str) -> String,
        title: impl Fn(&str) -> String,
        container: impl Fn(&str) -> String,
    ) -> String {
        let mut parts = Vec::new();
        if let Some(a) = &self.authors {
            parts.push(text(a));
        }
        if let Some(t) = &self.title {
            parts.push(title(t));
        }
        if let Some(c) = &self.container {
            parts.push(container(c));
        } else if let Some(p) = &self.publisher {
            parts.push(text(p));
        }
        if let Some(d) = &self.date {
            parts.push(text(d));
        }
        if let Some(p) = self.page {
            parts.push(format!("p. {p}"));
        }
        parts.join(", ")
    }

    /// The plain-text line, with the link: what a preview shows.
    pub fn plain(&self) -> String {
        let line = self.line(str::to_owned, |t| format!("“{t}”"), str::to_owned);
        match (&self.url, line.is_empty()) {
            (Some(url), true) => url.clone(),
            (Some(url), false) => format!("{line}. {url}"),
            (None, _) => line,
        }
    }
}
