//! Metadata from a web page, merged from the sources a page may carry, most
//! trustworthy first: JSON-LD (`NewsArticle`, `Article`, `Report`, `BlogPosting`...,
//! including `@graph` and arrays), Highwire `citation_*` tags, OpenGraph and
//! `article:*`, Dublin Core, plain `<meta name=author>` and bylines, then the page
//! itself (`<title>`, `<link rel=canonical>`, `<html lang>`). A field takes the
//! first value found and remembers where it came from. Organisations are told
//! apart from persons by the JSON-LD type, or else by the name.

use dom_query::Document;
use model::{Author, PartialDate, SourceMeta};
use serde_json::Value;
use std::collections::BTreeMap;

type Origins = BTreeMap<String, String>;

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "Report",
    "BlogPosting",
    "ScholarlyArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "TechArticle",
    "SocialMediaPosting",
    "LiveBlogPosting",
    "Review",
];

/// Collects the page's metadata (the readable content is not needed for it).
pub fn extract(html: &str, url: Option<&str>) -> (SourceMeta, Origins) {
    let doc = Document::from(html);
    let mut m = Merge::default();
    if let Some(article) = json_ld_article(&doc) {
        m.json_ld(&article);
    }
    let metas = meta_tags(&doc);
    let get = |key: &'static str| {
        metas
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    // Highwire Press tags, used by journals, think tanks and Google Scholar.
    m.title(get("citation_title").next(), "highwire");
    m.authors(
        get("citation_author").map(person_or_org).collect(),
        "highwire",
    );
    m.date(
        get("citation_publication_date")
            .chain(get("citation_date"))
            .chain(get("citation_online_date"))
            .next(),
        "highwire",
    );
    m.container(
        get("citation_journal_title")
            .chain(get("citation_conference_title"))
            .next(),
        "highwire",
    );
    m.publisher(get("citation_publisher").next(), "highwire");
    m.doi(get("citation_doi").next(), "highwire");
    m.isbn(get("citation_isbn").next(), "highwire");
    m.language(get("citation_language").next(), "highwire");
    // OpenGraph and article:*.
    m.title(get("og:title").next(), "opengraph");
    m.container(get("og:site_name").next(), "opengraph");
    m.date(get("article:published_time").next(), "opengraph");
    m.authors(
        get("article:author")
            .filter(|a| !a.starts_with("http"))
            .map(person_or_org)
            .collect(),
        "opengraph",
    );
    m.url(get("og:url").next(), "opengraph");
    // Dublin Core.
    m.title(get("dc.title").next(), "dublincore");
    m.authors(get("dc.creator").map(person_or_org).collect(), "dublincore");
    m.date(
        get("dc.date")
            .chain(get("dc.date.issued"))
            .chain(get("dcterms.date"))
            .next(),
        "dublincore",
    );
    m.publisher(get("dc.publisher").next(), "dublincore");
    m.language(get("dc.language").next(), "dublincore");
    // Plain author tags and the usual byline elements.
    m.authors(
        get("author")
            .chain(get("parsely-author"))
            .chain(get("sailthru.author"))
            .flat_map(split_byline)
            .collect(),
        "meta",
    );
    m.date(
        get("date")
            .chain(get("pubdate"))
            .chain(get("publish-date"))
            .chain(get("parsely-pub-date"))
            .next(),
        "meta",
    );
    let time = doc
        .select("time[datetime]")
        .attr("datetime")
        .map(|t| t.to_string());
    m.date(time.as_deref(), "html");
    // The page itself.
    let canonical = doc
        .select("link[rel=canonical]")
        .attr("href")
        .map(|t| t.to_string());
    m.canonical(canonical.as_deref(), "html");
    let lang = doc.select("html").attr("lang").map(|t| t.to_string());
    m.language(lang.as_deref(), "html");
    m.url(url, "import");
    let title_tag = doc.select("head title").text().to_string();
    let title_tag = strip_site_suffix(&title_tag, m.meta.container_title.as_deref());
    m.title(Some(title_tag.as_str()), "html");
    (m.meta, m.origins)
}

/// Fills what is still missing from Readability's own findings (its byline comes
/// from the page's text, e.g. "By Jane Doe").
pub fn fill_from_readability(
    meta: &mut SourceMeta,
    origins: &mut Origins,
    article: &dom_smoothie::Article,
) {
    let mut m = Merge {
        meta: std::mem::take(meta),
        origins: std::mem::take(origins),
    };
    if let Some(byline) = &article.byline {
        m.authors(split_byline(byline), "byline");
    }
    m.container(article.site_name.as_deref(), "readability");
    m.date(article.published_time.as_deref(), "readability");
    // Readability's title (from the page's metadata and its <title>, with site
    // names cut off) is the headline as the page shows it more often than any
    // single tag; a Highwire citation_title, written for citing, still wins.
    if m.origins.get("title").map(String::as_str) != Some("highwire") {
        if let Some(title) = clean(Some(article.title.as_str())) {
            m.meta.title = title;
            m.mark("title", "readability");
        }
    }
    m.title(Some(article.title.as_str()), "readability");
    m.language(article.lang.as_deref(), "readability");
    *meta = m.meta;
    *origins = m.origins;
}

#[derive(Default)]
struct Merge {
    meta: SourceMeta,
    origins: Origins,
}

fn clean(value: Option<&str>) -> Option<String> {
    let v = crate::normalize_inline(value?);
    (!v.is_empty()).then_some(v)
}

impl Merge {
    fn mark(&mut self, field: &str, origin: &str) {
        self.origins.insert(field.to_owned(), origin.to_owned());
    }

    fn title(&mut self, v: Option<&str>, origin: &str) {
        if self.meta.title.is_empty() {
            if let Some(v) = clean(v) {
                self.meta.title = v;
                self.mark("title", origin);
            }
        }
    }

    fn authors(&mut self, authors: Vec<Author>, origin: &str) {
        let authors: Vec<Author> = authors
            .into_iter()
            .filter(|a| !a.display_name().trim().is_empty())
            .collect();
        if self.meta.authors.is_empty() && !authors.is_empty() {
            let mut unique: Vec<Author> = Vec::new();
            for a in authors {
                if !unique.contains(&a) {
                    unique.push(a);
                }
            }
            self.meta.authors = unique;
            self.mark("authors", origin);
        }
    }

    fn date(&mut self, v: Option<&str>, origin: &str) {
        if self.meta.issued.is_none() {
            if let Some(d) = v.and_then(parse_date) {
                self.meta.issued = Some(d);
                self.mark("issued", origin);
            }
        }
    }

    fn container(&mut self, v: Option<&str>, origin: &str) {
        if self.meta.container_title.is_none() {
            if let Some(v) = clean(v) {
                self.meta.container_title = Some(v);
                self.mark("containerTitle", origin);
            }
        }
    }

    fn publisher(&mut self, v: Option<&str>, origin: &str) {
        if self.meta.publisher.is_none() {
            if let Some(v) = clean(v) {
                self.meta.publisher = Some(v);
                self.mark("publisher", origin);
            }
        }
    }

    fn doi(&mut self, v: Option<&str>, origin: &str) {
        if self.meta.doi.is_none() {
            if let Some(v) = clean(v) {
                self.meta.doi = Some(
                    v.trim_start_matches("https://doi.org/")
                        .trim_start_matches("doi:")
                        .to_owned(),
                );
                self.mark("doi", origin);
            }
        }
    }

    fn isbn(&mut self, v: Option<&str>, origin: &str) {
        if self.meta.isbn.is_none() {
            if let Some(v) = clean(v) {
                self.meta.isbn = Some(v);
                self.mark("isbn", origin);
            }
        }
    }

    fn language(&mut self, v: Option<&str>, origin: &str) {
        if self.meta.language.is_none() {
            if let Some(v) = clean(v) {
                self.meta.language = Some(v);
                self.mark("language", origin);
            }
        }
    }

    fn url(&mut self, v: Option<&str>, origin: &str) {
        if self.meta.url.is_none() {
            if let Some(v) =
                clean(v).filter(|u| u.starts_with("http://") || u.starts_with("https://"))
            {
                self.meta.url = Some(v);
                self.mark("url", origin);
            }
        }
    }

    fn canonical(&mut self, v: Option<&str>, origin: &str) {
        if self.meta.canonical_url.is_none() {
            if let Some(v) =
                clean(v).filter(|u| u.starts_with("http://") || u.starts_with("https://"))
            {
                self.meta.canonical_url = Some(v);
                self.mark("canonicalUrl", origin);
            }
        }
    }

    fn json_ld(&mut self, a: &Value) {
        let origin = "jsonld";
        self.title(a["headline"].as_str().or(a["name"].as_str()), origin);
        self.authors(json_ld_people(&a["author"]), origin);
        if self.meta.authors.is_empty() {
            self.authors(json_ld_people(&a["creator"]), origin);
        }
        self.date(
            a["datePublished"].as_str().or(a["dateCreated"].as_str()),
            origin,
        );
        let publisher = name_of(&a["publisher"]);
        self.publisher(publisher.as_deref(), origin);
        let part_of = name_of(&a["isPartOf"]);
        self.container(part_of.as_deref(), origin);
        let url = a["url"]
            .as_str()
            .map(str::to_owned)
            .or_else(|| name_or_id(&a["mainEntityOfPage"]));
        self.url(url.as_deref(), origin);
        let lang = a["inLanguage"]
            .as_str()
            .map(str::to_owned)
            .or_else(|| name_of(&a["inLanguage"]));
        self.language(lang.as_deref(), origin);
    }
}

/// The first JSON-LD object of an article-like type, looking inside arrays and `@graph`.
fn json_ld_article(doc: &Document) -> Option<Value> {
    let mut candidates = Vec::new();
    for script in doc.select("script[type='application/ld+json']").iter() {
        let text = script.text();
        let Ok(value) = serde_json::from_str::<Value>(text.trim()) else {
            continue;
        };
        flatten(value, &mut candidates, 0);
    }
    let typed = |v: &Value, wanted: &[&str]| match &v["@type"] {
        Value::String(t) => wanted.contains(&t.as_str()),
        Value::Array(ts) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| wanted.contains(&t))),
        _ => false,
    };
    candidates
        .iter()
        .find(|v| typed(v, ARTICLE_TYPES))
        .or_else(|| candidates.iter().find(|v| typed(v, &["WebPage"])))
        .cloned()
}

fn flatten(value: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match value {
        Value::Array(items) => items.into_iter().for_each(|v| flatten(v, out, depth + 1)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten(graph, out, depth + 1);
            }
            out.push(Value::Object(map));
        }
        _ => {}
    }
}

fn json_ld_people(v: &Value) -> Vec<Author> {
    match v {
        Value::String(s) => split_byline(s),
        Value::Array(items) => items.iter().flat_map(json_ld_people).collect(),
        Value::Object(_) => {
            let Some(name) = v["name"]
                .as_str()
                .map(crate::normalize_inline)
                .filter(|n| !n.is_empty())
            else {
                return Vec::new();
            };
            let is_org = match &v["@type"] {
                Value::String(t) => {
                    t.contains("Organization") || t == "NewsMediaOrganization" || t == "Corporation"
                }
                _ => false,
            };
            let is_person = v["@type"].as_str() == Some("Person");
            if is_org {
                vec![Author::Organization { name }]
            } else if is_person {
                vec![Author::person_from_input(&name)]
            } else {
                vec![person_or_org(&name)]
            }
        }
        _ => Vec::new(),
    }
}

fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(_) => v["name"].as_str().map(str::to_owned),
        Value::Array(items) => items.iter().find_map(name_of),
        _ => None,
    }
}

fn name_or_id(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(_) => v["@id"].as_str().or(v["url"].as_str()).map(str::to_owned),
        _ => None,
    }
}

/// Every `<meta>` as (lower-cased name or property, content).
fn meta_tags(doc: &Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for node in doc.select("meta").iter() {
        let key = node
            .attr("name")
            .or_else(|| node.attr("property"))
            .or_else(|| node.attr("itemprop"));
        let (Some(key), Some(content)) = (key, node.attr("content")) else {
            continue;
        };
        out.push((
            key.to_ascii_lowercase().trim().to_owned(),
            content.to_string(),
        ));
    }
    out
}

const ORG_WORDS: &[&str] = &[
    "staff",
    "agency",
    "news",
    "press",
    "reuters",
    "associated",
    "inc",
    "ltd",
    "llc",
    "institute",
    "association",
    "committee",
    "university",
    "office",
    "department",
    "ministry",
    "bank",
    "foundation",
    "council",
    "group",
    "times",
    "post",
    "editorial",
    "board",
    "team",
    "desk",
    "bureau",
    "organization",
    "organisation",
    "centre",
    "center",
    "society",
    "company",
    "corp",
    "commission",
    "fund",
    "network",
    "media",
    "magazine",
    "journal",
    "wikipedia",
    "contributors",
];

/// A name that reads like an organisation becomes one; anything else a person.
pub fn person_or_org(name: &str) -> Author {
    let name = crate::normalize_inline(name);
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let org = words.iter().any(|w| ORG_WORDS.contains(w))
        || words.len() > 4
        || words.len() == 1 && name.chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
    if org {
        Author::Organization { name }
    } else {
        Author::person_from_input(&name)
    }
}

/// "By Jane Doe and John Roe" or "Jane Doe, John Roe" into authors.
pub fn split_byline(byline: &str) -> Vec<Author> {
    let text = crate::normalize_inline(byline);
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let text = ["By ", "by ", "BY ", "Written by ", "Von ", "Par "]
        .iter()
        .find_map(|p| text.strip_prefix(p))
        .unwrap_or(text);
    // Drop trailing roles and dates ("Jane Doe | Reporter", "Jane Doe - 5 May").
    let text = text.split(['|', '\n']).next().unwrap_or(text).trim();
    if text.is_empty() || text.len() > 200 {
        return Vec::new();
    }
    // "Doe, Jane" (one comma, two words each side or fewer) is one person.
    let parts: Vec<&str> = if text.matches(',').count() == 1
        && !text.contains(" and ")
        && text.split(',').all(|p| p.split_whitespace().count() == 1)
    {
        vec![text]
    } else {
        text.split([',', '&', ';'])
            .flat_map(|p| p.split(" and "))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect()
    };
    parts.into_iter().map(person_or_org).collect()
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// ISO dates and date-times ("2021-04-10T08:00:00Z", "2021-04", "2021"), and the
/// common written forms "April 10, 2021" and "10 April 2021".
pub fn parse_date(input: &str) -> Option<PartialDate> {
    let s = input.trim();
    for len in [10, 7, 4] {
        if let Some(prefix) = s.get(..len) {
            let rest_ok = s.len() == len || !s.as_bytes()[len].is_ascii_digit();
            if rest_ok {
                if let Ok(d) = prefix.parse::<PartialDate>() {
                    return Some(d);
                }
            }
        }
    }
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    let month = words
        .iter()
        .position(|w| w.len() >= 3 && MONTHS.iter().any(|m| w.starts_with(m)))?;
    let month_no = MONTHS.iter().position(|m| words[month].starts_with(m))? as u8 + 1;
    let year = words
        .iter()
        .find(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))?;
    let day = words
        .iter()
        .filter(|w| {
            (1..=2).contains(&w.len())
                || w.ends_with("th")
                || w.ends_with("st")
                || w.ends_with("nd")
                || w.ends_with("rd")
        })
        .find_map(|w| {
            w.trim_end_matches(|c: char| c.is_alphabetic())
                .parse::<u8>()
                .ok()
        });
    let iso = match day {
        Some(d) => format!("{year}-{month_no:02}-{d:02}"),
        None => format!("{year}-{month_no:02}"),
    };
    iso.parse().ok()
}

/// "Story title | Site" or "Story title - Site" without the site's name.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let title = crate::normalize_inline(title);
    if let Some(site) = site {
        for sep in [" | ", " - ", " — ", " – ", " :: "] {
            if let Some(stripped) = title.strip_suffix(&format!("{sep}{site}")) {
                return stripped.to_owned();
            }
        }
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_wins_and_every_field_remembers_its_origin() {
        let html = r#"<html lang="en-GB"><head><title>Fine | Reuters</title>
            <meta property="og:title" content="OG title"><meta property="og:site_name" content="Reuters">
            <meta name="citation_author" content="Someone Else">
            <link rel="canonical" href="https://www.reuters.com/a">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Reuters"},
              {"@type":["NewsArticle"],"headline":"China fines Alibaba","datePublished":"2021-04-10T08:00:00Z",
               "author":[{"@type":"Person","name":"Yan Zhang"},{"@type":"Organization","name":"Reuters Staff"}],
               "publisher":{"@type":"Organization","name":"Thomson Reuters"}}]}</script>
            </head><body><p>x</p></body></html>"#;
        let (meta, origins) = extract(html, None);
        assert_eq!(meta.title, "China fines Alibaba");
        assert_eq!(
            meta.authors,
            vec![
                Author::Person {
                    family: "Zhang".into(),
                    given: "Yan".into()
                },
                Author::Organization {
                    name: "Reuters Staff".into()
                }
            ]
        );
        assert_eq!(meta.issued.unwrap().to_string(), "2021-04-10");
        assert_eq!(meta.publisher.as_deref(), Some("Thomson Reuters"));
        assert_eq!(meta.container_title.as_deref(), Some("Reuters"));
        assert_eq!(
            meta.canonical_url.as_deref(),
            Some("https://www.reuters.com/a")
        );
        assert_eq!(meta.language.as_deref(), Some("en-GB"));
        let o = |k: &str| origins.get(k).map(String::as_str);
        assert_eq!(
            (o("title"), o("authors"), o("containerTitle"), o("language")),
            (
                Some("jsonld"),
                Some("jsonld"),
                Some("opengraph"),
                Some("html")
            )
        );
    }

    #[test]
    fn highwire_tags_serve_reports_and_papers() {
        let html = r#"<head><meta name="citation_title" content="World Energy Outlook 2023">
            <meta name="citation_author" content="Birol, Fatih"><meta name="citation_author" content="International Energy Agency">
            <meta name="citation_publication_date" content="2023/10/24"><meta name="citation_publisher" content="IEA">
            <meta name="citation_doi" content="https://doi.org/10.1787/827374a6-en"></head>"#;
        let (meta, origins) = extract(html, Some("https://www.iea.org/weo"));
        assert_eq!(meta.title, "World Energy Outlook 2023");
        assert_eq!(
            meta.authors[0],
            Author::Person {
                family: "Birol".into(),
                given: "Fatih".into()
            }
        );
        assert_eq!(
            meta.authors[1],
            Author::Organization {
                name: "International Energy Agency".into()
            }
        );
        assert_eq!(
            meta.issued.unwrap().to_string(),
            "2023",
            "2023/10/24 is read as far as it is ISO"
        );
        assert_eq!(meta.doi.as_deref(), Some("10.1787/827374a6-en"));
        assert_eq!(meta.url.as_deref(), Some("https://www.iea.org/weo"));
        assert_eq!(origins["title"], "highwire");
    }

    #[test]
    fn bylines_and_dates_as_pages_write_them() {
        let names = |s: &str| {
            split_byline(s)
                .iter()
                .map(Author::display_name)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names("By Jane Doe and John Roe"),
            vec!["Jane Doe", "John Roe"]
        );
        assert_eq!(names("Doe, Jane"), vec!["Jane Doe"]);
        assert_eq!(names("By Reuters Staff | Updated"), vec!["Reuters Staff"]);
        assert!(matches!(
            split_byline("Associated Press")[0],
            Author::Organization { .. }
        ));
        let date = |s: &str| parse_date(s).map(|d| d.to_string());
        assert_eq!(date("April 10, 2021"), Some("2021-04-10".into()));
        assert_eq!(date("10 Apr 2021 08:00"), Some("2021-04-10".into()));
        assert_eq!(date("2021-04-10T08:00:00+02:00"), Some("2021-04-10".into()));
        assert_eq!(date("March 2019"), Some("2019-03".into()));
        assert_eq!(date("yesterday"), None);
    }
}
