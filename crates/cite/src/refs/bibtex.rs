//! BibTeX and BibLaTeX: written by hand with LaTeX's special characters escaped,
//! read with the `biblatex` crate (which accepts both dialects).

use biblatex::{Bibliography, ChunksExt, DateValue, PermissiveType};
use model::{Author, ItemType, PartialDate, SourceMeta};

use super::{Entry, RefError, Reference};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    BibTex,
    BibLatex,
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

pub fn write(dialect: Dialect, entries: &[Entry<'_>]) -> String {
    let mut out = String::new();
    for (i, e) in entries.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        write_entry(dialect, e, &mut out);
    }
    out
}

fn write_entry(dialect: Dialect, e: &Entry<'_>, out: &mut String) {
    let m = e.meta;
    let t = m.item_type_for(e.kind);
    let latex = dialect == Dialect::BibLatex;
    let (entry_type, subtype) = match (t, latex) {
        (ItemType::ArticleJournal, _) => ("article", None),
        (ItemType::ArticleNewspaper, _) => ("article", Some("newspaper")),
        (ItemType::ArticleMagazine, _) => ("article", Some("magazine")),
        (ItemType::Webpage, true) => ("online", None),
        (ItemType::PostWeblog, true) => ("online", Some("blog")),
        (ItemType::Webpage, false) => ("misc", Some("webpage")),
        (ItemType::PostWeblog, false) => ("misc", Some("blog")),
        (ItemType::Report, true) => ("report", None),
        (ItemType::Report, false) => ("techreport", None),
        (ItemType::Book, _) => ("book", None),
        (ItemType::Chapter, _) => ("incollection", None),
        (ItemType::Thesis, true) => ("thesis", None),
        (ItemType::Thesis, false) => ("phdthesis", None),
        (ItemType::Document, _) => ("misc", None),
    };
    let mut fields: Vec<(&str, String)> = Vec::new();
    let mut field = |name: &'static str, value: Option<String>| {
        if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
            fields.push((name, v));
        }
    };
    field("author", names(&m.authors));
    field("editor", names(&m.editors));
    field("title", Some(protect_title(&m.title)));
    let container = m.container_title.as_deref().map(escape);
    match t {
        ItemType::ArticleJournal | ItemType::ArticleNewspaper | ItemType::ArticleMagazine => {
            field(if latex { "journaltitle" } else { "journal" }, container)
        }
        ItemType::Chapter => field("booktitle", container),
        ItemType::Webpage | ItemType::PostWeblog if !latex => field("howpublished", container),
        ItemType::Webpage | ItemType::PostWeblog | ItemType::Document => field(
            if latex {
                "organization"
            } else {
                "howpublished"
            },
            container,
        ),
        _ => field("series", container),
    }
    let publisher = m.publisher.as_deref().map(escape);
    match t {
        ItemType::Report => field("institution", publisher),
        ItemType::Thesis => field(if latex { "institution" } else { "school" }, publisher),
        _ => field("publisher", publisher),
    }
    field(
        if latex { "location" } else { "address" },
        m.place.as_deref().map(escape),
    );
    field("type", m.genre.as_deref().map(escape));
    field("number", m.number.as_deref().map(escape));
    field("volume", m.volume.as_deref().map(escape));
    if latex {
        field("issue", m.issue.as_deref().map(escape));
    } else if m.number.is_none() {
        field("number", m.issue.as_deref().map(escape));
    }
    field(
        "pages",
        m.pages.as_deref().map(|p| escape(p).replace('–', "--")),
    );
    field("edition", m.edition.as_deref().map(escape));
    if let Some(d) = m.issued {
        if latex {
            field("date", Some(d.to_string()));
        } else {
            field("year", Some(d.year.to_string()));
            if let Some(month) = d.month {
                field("month", Some(format!("@{}", MONTHS[month as usize - 1])));
            }
            // BibTeX has no day; `date` is read by biber and by our importer and
            // ignored by BibTeX itself.
            if d.day.is_some() {
                field("date", Some(d.to_string()));
            }
        }
    }
    let url = m.canonical_url.as_deref().or(m.url.as_deref());
    field("url", url.map(str::to_owned));
    field("urldate", m.accessed.map(|d| d.to_string()));
    field("doi", m.doi.clone());
    field("isbn", m.isbn.clone());
    field(
        if latex { "langid" } else { "language" },
        m.language.as_deref().map(escape),
    );
    field("entrysubtype", subtype.map(str::to_owned));
    out.push_str(&format!("@{entry_type}{{{},\n", e.key));
    for (name, value) in fields {
        match value.strip_prefix('@') {
            Some(macro_name) => out.push_str(&format!("  {name} = {macro_name},\n")),
            None => out.push_str(&format!("  {name} = {{{value}}},\n")),
        }
    }
    out.push_str("}\n");
}

/// `Family, Given and {Organisation Name}`: an organisation is braced so it is not
/// split into given and family names.
fn names(authors: &[Author]) -> Option<String> {
    if authors.is_empty() {
        return None;
    }
    Some(
        authors
            .iter()
            .map(|a| match a {
                Author::Person { family, given } if given.is_empty() => {
                    format!("{{{}}}", escape(family))
                }
                Author::Person { family, given } => {
                    format!("{}, {}", escape(family), escape(given))
                }
                Author::Organization { name } => format!("{{{}}}", escape(name)),
            })
            .collect::<Vec<_>>()
            .join(" and "),
    )
}

/// Capitals after the first word are braced so BibTeX styles that lower-case
/// titles keep proper nouns ("{China} fines {Alibaba}").
fn protect_title(title: &str) -> String {
    let escaped = escape(title);
    let mut out = String::new();
    for (i, word) in escaped.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let has_capital = word.chars().skip(1).any(char::is_uppercase)
            || (i > 0 && word.chars().next().is_some_and(char::is_uppercase));
        if has_capital && !word.contains(['{', '}', '\\']) {
            out.push_str(&format!("{{{word}}}"));
        } else {
            out.push_str(word);
        }
    }
    out
}

/// LaTeX's special characters as commands.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' => out.push_str("\\{"),
            '}' => out.push_str("\\}"),
            '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

pub fn parse(input: &str) -> Result<Vec<Reference>, RefError> {
    let bib = Bibliography::parse(input).map_err(|e| RefError::Syntax {
        format: "BibTeX",
        line: input[..e.span.start.min(input.len())]
            .lines()
            .count()
            .max(1),
        reason: e.kind.to_string(),
    })?;
    let mut out = Vec::new();
    for (i, entry) in bib.iter().enumerate() {
        let text = |name: &str| -> Option<String> {
            entry
                .get(name)
                .map(|c| c.format_verbatim())
                .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|s| !s.is_empty())
        };
        let Some(title) = text("title") else {
            return Err(RefError::Entry {
                index: i + 1,
                reason: format!("`{}` has no title", entry.key),
            });
        };
        let persons = |people: Vec<biblatex::Person>| -> Vec<Author> {
            people
                .into_iter()
                .map(|p| {
                    let family = if p.prefix.is_empty() {
                        p.name.clone()
                    } else {
                        format!("{} {}", p.prefix, p.name)
                    };
                    if p.given_name.is_empty() && family.contains(' ') {
                        Author::Organization { name: family }
                    } else {
                        Author::Person {
                            family,
                            given: p.given_name,
                        }
                    }
                })
                .collect()
        };
        let authors = entry.author().map(persons).unwrap_or_default();
        let editors = entry
            .editors()
            .map(|eds| {
                eds.into_iter()
                    .flat_map(|(people, _)| persons(people))
                    .collect()
            })
            .unwrap_or_default();
        let subtype = text("entrysubtype");
        let kind = entry.entry_type.to_string().to_ascii_lowercase();
        let item_type = match (kind.as_str(), subtype.as_deref()) {
            ("article", Some("newspaper")) => ItemType::ArticleNewspaper,
            ("article", Some("magazine")) => ItemType::ArticleMagazine,
            ("article", _) | ("periodical", _) => ItemType::ArticleJournal,
            ("online" | "www" | "electronic" | "misc", Some("blog")) => ItemType::PostWeblog,
            ("online", _) | ("www", _) | ("electronic", _) => ItemType::Webpage,
            ("misc", Some("webpage")) => ItemType::Webpage,
            ("report", _) | ("techreport", _) => ItemType::Report,
            ("book", _) | ("mvbook", _) | ("booklet", _) | ("manual", _) => ItemType::Book,
            ("incollection", _) | ("inbook", _) | ("inproceedings", _) | ("conference", _) => {
                ItemType::Chapter
            }
            ("thesis", _) | ("phdthesis", _) | ("mastersthesis", _) => ItemType::Thesis,
            _ => ItemType::Document,
        };
        let container = text("journaltitle")
            .or_else(|| text("journal"))
            .or_else(|| text("booktitle"))
            .or_else(|| match item_type {
                ItemType::Webpage | ItemType::PostWeblog | ItemType::Document => {
                    text("organization").or_else(|| text("howpublished"))
                }
                _ => text("series"),
            });
        let issued = date(entry.date().ok());
        let accessed = date(entry.url_date().ok());
        let (number, issue) = match (text("number"), text("issue")) {
            (n, Some(issue)) => (n, Some(issue)),
            (Some(n), None) if item_type == ItemType::ArticleJournal => (None, Some(n)),
            (n, None) => (n, None),
        };
        let meta = SourceMeta {
            title,
            authors,
            editors,
            container_title: container,
            publisher: text("publisher")
                .or_else(|| text("institution"))
                .or_else(|| text("school")),
            place: text("location").or_else(|| text("address")),
            genre: text("type"),
            number,
            volume: text("volume"),
            issue,
            pages: text("pages").map(|p| p.replace("--", "–")),
            edition: text("edition"),
            issued,
            accessed,
            url: text("url"),
            doi: text("doi"),
            isbn: text("isbn"),
            language: text("langid").or_else(|| text("language")),
            item_type: Some(item_type),
            citation_key: Some(entry.key.clone()),
            ..SourceMeta::default()
        };
        out.push(Reference { meta });
    }
    Ok(out)
}

fn date(d: Option<PermissiveType<biblatex::Date>>) -> Option<PartialDate> {
    let Some(PermissiveType::Typed(d)) = d else {
        return None;
    };
    let dt = match d.value {
        DateValue::At(dt) | DateValue::After(dt) | DateValue::Before(dt) => dt,
        DateValue::Between(start, _) => start,
    };
    // The crate counts months and days from zero.
    let text = match (dt.month, dt.day) {
        (Some(m), Some(day)) => format!("{:04}-{:02}-{:02}", dt.year, m + 1, day + 1),
        (Some(m), None) => format!("{:04}-{:02}", dt.year, m + 1),
        _ => format!("{:04}", dt.year),
    };
    text.parse().ok()
}
