//! Metadata from a web page, merged from the sources a page may carry, most
//! trustworthy first: JSON-LD (`NewsArticle`, `Article`, `Report`,
//! `BlogPosting`..., including `@graph` and arrays), Highwire `citation_*`
//! tags, OpenGraph and `article:*`, Dublin Core, plain `<meta name=author>` and
//! the visible byline, then the page itself (`<title>`, `<link rel=canonical>`,
//! `<html lang>`). A field takes the first value found and remembers where it
//! came from, with two exceptions that rank rather than take the first:
//! authors (a source of persons outranks one that names only an organisation,
//! such as an agency, where both are on the page; values that are not names
//! are skipped) and dates (see [`super::dates`]).
//!
//! `fields.rs` holds the merge itself: one setter per field that keeps the
//! first value and its origin, and the readers of JSON-LD values and tags.

mod fields;

use super::byline::{is_name, person_or_org, split_byline};
use super::dates::{self, PageDates};
use super::jsonld;
use dom_query::Document;
use fields::{clean, json_ld_people, name_of, strip_site_suffix, without_tagline, Merge};
use model::{Author, PartialDate, SourceMeta};
use std::collections::BTreeMap;

pub(crate) use fields::meta_tags;

type Origins = BTreeMap<String, String>;

/// What the page's markup says about it, before its text is read.
pub struct Found {
    pub meta: SourceMeta,
    pub origins: Origins,
    pub dates: PageDates,
    /// The page's own summary (`og:description`, `<meta name=description>`).
    pub description: Option<String>,
    /// Authors by source, best first, not yet chosen among (the visible byline
    /// found by the text extractor joins them later).
    authors: Vec<(&'static str, Vec<Author>)>,
}

/// Collects the page's metadata (the readable content is not needed for it).
pub fn extract(doc: &Document, url: Option<&str>) -> Found {
    let objects = jsonld::objects(doc);
    let metas = meta_tags(doc);
    let get = |key: &'static str| {
        metas
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    // The page's own title and address tell its article from those it links to.
    let page_title = get("og:title")
        .next()
        .map(str::to_owned)
        .unwrap_or_else(|| doc.select("head title").text().to_string());
    let page_address = doc
        .select("link[rel=canonical]")
        .attr("href")
        .map(|h| h.to_string())
        .or_else(|| get("og:url").next().map(str::to_owned))
        .or(url.map(str::to_owned));
    let article = jsonld::article(&objects, Some(&page_title), page_address.as_deref());
    let mut m = Merge::default();
    let mut authors: Vec<(&'static str, Vec<Author>)> = Vec::new();
    if let Some(a) = article {
        m.json_ld(a);
        let mut people = json_ld_people(&a["author"]);
        if people.is_empty() {
            people = json_ld_people(&a["creator"]);
        }
        authors.push(("jsonld", people));
    }
    // Highwire Press tags, used by journals, think tanks and Google Scholar.
    m.title(get("citation_title").next(), "highwire");
    authors.push((
        "highwire",
        get("citation_author")
            .filter(|a| is_name(a))
            .map(person_or_org)
            .collect(),
    ));
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
    let publisher = article.and_then(|a| name_of(&a["publisher"]));
    let site = get("og:site_name")
        .next()
        .map(|s| without_tagline(s, publisher.as_deref()));
    m.container(site.as_deref(), "opengraph");
    m.url(get("og:url").next(), "opengraph");
    // Author fields of every kind (bibliographic ones first), then the
    // visible byline.
    authors.push((
        "dublincore",
        get("dc.creator")
            .chain(get("dcterms.creator"))
            .flat_map(split_byline)
            .collect(),
    ));
    authors.push((
        "meta",
        get("author")
            .chain(get("article:author").filter(|a| !a.contains("://")))
            .chain(get("parsely-author"))
            .chain(get("sailthru.author"))
            .chain(get("byl"))
            .flat_map(split_byline)
            .collect(),
    ));
    authors.push(("byline", super::byline::on_page(doc)));
    // Dublin Core.
    m.title(get("dc.title").next(), "dublincore");
    m.publisher(get("dc.publisher").next(), "dublincore");
    m.language(get("dc.language").next(), "dublincore");
    m.container(get("application-name").next(), "meta");
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
    let own_address = m
        .meta
        .canonical_url
        .clone()
        .or_else(|| get("og:url").next().map(str::to_owned));
    let dates = dates::find(&dates::Inputs {
        doc,
        objects: &objects,
        article,
        metas: &metas,
        url,
        canonical: own_address.as_deref(),
        order: dates::order_for(m.meta.language.as_deref()),
        title: &m.meta.title,
    });
    // A citation dates a page by its publication, else by its last update.
    if let Some(d) = &dates.published {
        m.meta.issued = Some(d.date);
        m.mark("issued", &d.origin);
    } else if let Some(d) = &dates.modified {
        m.meta.issued = Some(d.date);
        m.mark("issued", &format!("{} (updated)", d.origin));
    }
    let description = get("og:description")
        .chain(get("description"))
        .chain(get("twitter:description"))
        .find_map(|d| clean(Some(d)));
    Found {
        meta: m.meta,
        origins: m.origins,
        dates,
        description,
        authors,
    }
}

/// Chooses the authors: the first source that names anyone, except that
/// persons named by a later source outrank a first source of organisations
/// only (an agency or the site where a reporter's name stands).
fn choose_authors(sources: &[(&'static str, Vec<Author>)]) -> Option<(&'static str, Vec<Author>)> {
    let is_person = |a: &Author| matches!(a, Author::Person { .. });
    let first = sources.iter().find(|(_, list)| !list.is_empty())?;
    if first.1.iter().any(is_person) {
        return Some(first.clone());
    }
    sources
        .iter()
        .find(|(_, list)| list.iter().any(is_person))
        .or(Some(first))
        .cloned()
}

/// Adds what the text extractor found (its byline comes from the page's text,
/// e.g. "By Jane Doe"; its title is the headline as shown), then chooses the
/// authors among every source.
pub fn finish(found: &mut Found, article: Option<&dom_smoothie::Article>) {
    let mut m = Merge {
        meta: std::mem::take(&mut found.meta),
        origins: std::mem::take(&mut found.origins),
    };
    if let Some(article) = article {
        if let Some(byline) = &article.byline {
            found.authors.push(("readability", split_byline(byline)));
        }
        m.container(article.site_name.as_deref(), "readability");
        // Readability's title (from the page's metadata and its <title>, with
        // site names cut off) is the headline as the page shows it more often
        // than any single tag; a Highwire citation_title, written for citing,
        // still wins.
        if m.origins.get("title").map(String::as_str) != Some("highwire") {
            if let Some(title) = clean(Some(article.title.as_str())) {
                m.meta.title = title;
                m.mark("title", "readability");
            }
        }
        m.language(article.lang.as_deref(), "readability");
    }
    if let Some((origin, authors)) = choose_authors(&found.authors) {
        m.authors(authors, origin);
    }
    found.meta = m.meta;
    found.origins = m.origins;
}

/// A date as a page may write it (ISO 8601 with or without time, RFC 2822,
/// "April 10, 2021", "10. April 2021", ...), to the precision it has.
pub fn parse_date(input: &str) -> Option<PartialDate> {
    dates::parse::value(input).map(|s| s.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The metadata of a page with no text extractor's findings.
    fn extract_html(html: &str, url: Option<&str>) -> (SourceMeta, Origins) {
        let doc = Document::from(html);
        let mut found = extract(&doc, url);
        finish(&mut found, None);
        (found.meta, found.origins)
    }

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
        let (meta, origins) = extract_html(html, None);
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
    fn the_publication_is_named_rather_than_the_platform() {
        let html = r#"<head><meta property="og:site_name" content="Blogging Platform">
            <script type="application/ld+json">{"@type":"BlogPosting","headline":"A post",
              "isPartOf":{"@type":"Periodical","name":"The Example Review"},
              "publisher":{"@type":"Organization","name":"Example Review Ltd"}}</script></head>"#;
        let (meta, origins) = extract_html(html, None);
        assert_eq!(
            (
                meta.container_title.as_deref(),
                origins["containerTitle"].as_str()
            ),
            (Some("The Example Review"), "jsonld"),
            "the publication the post is part of, not the platform hosting it"
        );
        assert_eq!(meta.publisher.as_deref(), Some("Example Review Ltd"));
    }

    #[test]
    fn persons_outrank_an_agency_and_placeholders_are_skipped() {
        let html = r#"<head><meta name="author" content="admin">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"A story",
              "author":[{"@type":"Organization","name":"Example Press Agency"},{"@type":"Person","name":"@janedoe"}]}</script>
            </head><body><p class="byline">By Jane Doe, Staff Reporter</p></body>"#;
        let (meta, origins) = extract_html(html, None);
        let names: Vec<String> = meta.authors.iter().map(Author::display_name).collect();
        assert_eq!(
            (names, origins["authors"].as_str()),
            (vec!["Jane Doe".to_owned()], "byline"),
            "the visible byline's person, not the agency, the handle or the placeholder"
        );
    }

    #[test]
    fn a_site_name_loses_its_tagline() {
        let cases = [
            ("Example.cz - News as it happens", None, "Example.cz"),
            (
                "Daily Example | Home",
                Some("Daily Example"),
                "Daily Example",
            ),
            (
                "Example Times",
                Some("Example Times Company"),
                "Example Times",
            ),
            ("Science - Nature", None, "Science - Nature"),
        ];
        for (site, publisher, want) in cases {
            assert_eq!(
                without_tagline(site, publisher),
                want,
                "{site:?} with publisher {publisher:?}"
            );
        }
    }

    #[test]
    fn highwire_tags_serve_reports_and_papers() {
        let html = r#"<head><meta name="citation_title" content="World Energy Outlook 2023">
            <meta name="citation_author" content="Birol, Fatih"><meta name="citation_author" content="International Energy Agency">
            <meta name="citation_publication_date" content="2023/10/24"><meta name="citation_publisher" content="IEA">
            <meta name="citation_doi" content="https://doi.org/10.1787/827374a6-en"></head>"#;
        let (meta, origins) = extract_html(html, Some("https://www.iea.org/weo"));
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
            "2023-10-24",
            "Highwire's slashed date is read to the day"
        );
        assert_eq!(meta.doi.as_deref(), Some("10.1787/827374a6-en"));
        assert_eq!(meta.url.as_deref(), Some("https://www.iea.org/weo"));
        assert_eq!(origins["title"], "highwire");
    }
}
