//! Dates a page declares for machines: JSON-LD, microdata and Highwire first
//! (they describe the article itself), then the article's meta tags, then a
//! generic `<meta name="date">` or Dublin Core date (often the day the page
//! was generated, or the site's own date), then the address.
//!
//! Each candidate says how trusted its origin is ([`Tier`]) and whether it is a
//! published or a modified date; the choice among them is made in `mod.rs`.
//! Dates inside comments (a `Comment` item, a comments section) are never
//! taken: a reader's reply is not the article.

use super::parse::{self, Stamp};
use super::{Candidate, Kind, Tier};
use dom_query::{Document, NodeRef};
use serde_json::Value;

/// JSON-LD of the article object.
pub fn json_ld(article: Option<&Value>, out: &mut Vec<Candidate>) {
    let Some(a) = article else { return };
    dates_of(a, out);
}

/// Where the page has no article object, the first other object with a
/// publication date that is not a comment, a person or an organisation.
pub fn json_ld_other(objects: &[Value], out: &mut Vec<Candidate>) {
    use super::super::jsonld::has_type;
    let other = objects.iter().find(|v| {
        v.get("datePublished").is_some()
            && !has_type(
                v,
                &["Comment", "Person", "Organization", "Answer", "Question"],
            )
    });
    if let Some(v) = other {
        if let Some(stamp) = v["datePublished"].as_str().and_then(parse::value) {
            out.push(Candidate::new(
                stamp,
                Kind::Published,
                Tier::ArticleMeta,
                "jsonld-other",
            ));
        }
    }
}

fn dates_of(a: &Value, out: &mut Vec<Candidate>) {
    let origin = if super::super::jsonld::has_type(a, super::super::jsonld::ARTICLE_TYPES) {
        "jsonld"
    } else {
        "jsonld-webpage"
    };
    for (key, kind) in [
        ("datePublished", Kind::Published),
        ("dateCreated", Kind::Published),
        ("uploadDate", Kind::Published),
        ("dateModified", Kind::Modified),
    ] {
        if let Some(stamp) = a[key].as_str().and_then(parse::value) {
            out.push(Candidate::new(stamp, kind, Tier::Declared, origin));
        }
    }
}

const PUBLISHED_PROPS: &[&str] = &["datepublished", "datecreated", "uploaddate"];

/// Microdata: `itemprop="datePublished"` on `meta` (content), `time`
/// (datetime or text), `abbr` (title or text) or any element (its text).
pub fn microdata(doc: &Document, out: &mut Vec<Candidate>) {
    for node in doc.select("[itemprop], [property]").nodes() {
        // Microdata's `itemprop` and RDFa's `property` (`schema:datePublished`).
        let prop = node
            .attr("itemprop")
            .or_else(|| node.attr("property"))
            .unwrap_or_default()
            .to_ascii_lowercase();
        let props = || {
            prop.split_whitespace()
                .map(|p| p.rsplit([':', '/']).next().unwrap_or(p))
        };
        let kind = if props().any(|p| PUBLISHED_PROPS.contains(&p)) {
            Kind::Published
        } else if props().any(|p| p == "datemodified") {
            Kind::Modified
        } else {
            continue;
        };
        if in_comment(node) {
            continue;
        }
        if let Some(stamp) = parse::value(&machine_value(node)) {
            out.push(Candidate::new(stamp, kind, Tier::Declared, "microdata"));
        }
    }
}

/// The value an element holds for machines: `content`, `datetime` or
/// `title`, else its text.
fn machine_value(node: &NodeRef<'_>) -> String {
    ["content", "datetime", "title"]
        .iter()
        .find_map(|a| node.attr(a))
        .map(|v| v.to_string())
        .unwrap_or_else(|| node.text().to_string())
}

/// Microformats and HTML's own marks: hAtom's `published` and `updated`
/// classes and `<time pubdate>`, a notch below microdata as themes often
/// carry them on lists of other articles too (comments excluded).
pub fn microformats(doc: &Document, out: &mut Vec<Candidate>) {
    for node in doc.select("time[pubdate], .published, .updated").nodes() {
        if in_comment(node) {
            continue;
        }
        let classes = node.attr("class").unwrap_or_default().to_ascii_lowercase();
        let published =
            node.has_attr("pubdate") || classes.split_whitespace().any(|c| c == "published");
        let kind = if published {
            Kind::Published
        } else {
            Kind::Modified
        };
        if let Some(stamp) = parse::value(&machine_value(node)) {
            out.push(Candidate::new(
                stamp,
                kind,
                Tier::ArticleMeta,
                "microformat",
            ));
        }
    }
}

/// Meta tags by name, most specific to the article first. Each entry: the
/// lower-cased name or property, whether it is a published or modified date,
/// its tier.
const META_KEYS: &[(&str, Kind, Tier)] = &[
    ("citation_publication_date", Kind::Published, Tier::Declared),
    ("citation_online_date", Kind::Published, Tier::Declared),
    ("citation_date", Kind::Published, Tier::Declared),
    ("article:published_time", Kind::Published, Tier::ArticleMeta),
    (
        "og:article:published_time",
        Kind::Published,
        Tier::ArticleMeta,
    ),
    ("og:published_time", Kind::Published, Tier::ArticleMeta),
    ("article:published", Kind::Published, Tier::ArticleMeta),
    ("article.published", Kind::Published, Tier::ArticleMeta),
    ("published_time", Kind::Published, Tier::ArticleMeta),
    ("publish-date", Kind::Published, Tier::ArticleMeta),
    ("publish_date", Kind::Published, Tier::ArticleMeta),
    ("publishdate", Kind::Published, Tier::ArticleMeta),
    ("publication_date", Kind::Published, Tier::ArticleMeta),
    ("publication-date", Kind::Published, Tier::ArticleMeta),
    ("pubdate", Kind::Published, Tier::ArticleMeta),
    ("parsely-pub-date", Kind::Published, Tier::ArticleMeta),
    ("sailthru.date", Kind::Published, Tier::ArticleMeta),
    ("article_date_original", Kind::Published, Tier::ArticleMeta),
    ("original-publish-date", Kind::Published, Tier::ArticleMeta),
    ("datepublished", Kind::Published, Tier::ArticleMeta),
    ("date_published", Kind::Published, Tier::ArticleMeta),
    ("dc.date.issued", Kind::Published, Tier::ArticleMeta),
    ("dcterms.issued", Kind::Published, Tier::ArticleMeta),
    ("dc.date.created", Kind::Published, Tier::ArticleMeta),
    ("dcterms.created", Kind::Published, Tier::ArticleMeta),
    ("date", Kind::Published, Tier::GenericMeta),
    ("dc.date", Kind::Published, Tier::GenericMeta),
    ("dcterms.date", Kind::Published, Tier::GenericMeta),
    ("created", Kind::Published, Tier::GenericMeta),
    ("article:modified_time", Kind::Modified, Tier::ArticleMeta),
    ("og:updated_time", Kind::Modified, Tier::ArticleMeta),
    ("article:modified", Kind::Modified, Tier::ArticleMeta),
    ("datemodified", Kind::Modified, Tier::ArticleMeta),
    ("last-modified", Kind::Modified, Tier::GenericMeta),
    ("dcterms.modified", Kind::Modified, Tier::GenericMeta),
    ("dc.date.modified", Kind::Modified, Tier::GenericMeta),
];

/// Meta tags, in the order of [`META_KEYS`].
pub fn meta_tags(metas: &[(String, String)], out: &mut Vec<Candidate>) {
    for (key, kind, tier) in META_KEYS {
        for (_, content) in metas.iter().filter(|(k, _)| k == key) {
            if let Some(stamp) = parse::value(content) {
                let origin = match tier {
                    Tier::Declared => "highwire",
                    Tier::GenericMeta if key.starts_with("dc") => "dublincore",
                    _ => "meta",
                };
                out.push(Candidate::new(stamp, *kind, *tier, origin));
            }
        }
    }
}

/// A date in the address: `/2019/08/06/`, `/2019-08-06-`, `/20190806/`, or to
/// the month, `/2019/08/`.
pub fn address(url: &str, origin: &'static str, out: &mut Vec<Candidate>) {
    static DAY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"[/_-]((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)",
        )
        .expect("a valid pattern")
    });
    static MONTH: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/").expect("a valid pattern")
    });
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let path = path.split_once("://").map_or(path, |(_, rest)| rest);
    let n = |c: &regex::Captures, i: usize| c[i].parse::<u32>().unwrap_or(0);
    let date = DAY
        .captures(path)
        .and_then(|c| parse::full(n(&c, 1) as i32, n(&c, 2), n(&c, 3)))
        .or_else(|| {
            MONTH.captures(path).map(|c| model::PartialDate {
                year: n(&c, 1) as i32,
                month: Some(n(&c, 2) as u8),
                day: None,
            })
        });
    if let Some(date) = date {
        let stamp = Stamp {
            date,
            zone: parse::Zone::Unknown,
            clock: None,
        };
        out.push(Candidate::new(
            stamp,
            Kind::Published,
            if date.day.is_some() {
                Tier::Address
            } else {
                Tier::Coarse
            },
            origin,
        ));
    }
}

/// Words in a class, id or itemtype that mark a comments section.
const COMMENT_WORDS: &[&str] = &[
    "comment",
    "respond",
    "reply",
    "replies",
    "disqus",
    "kommentar",
    "commentaire",
    "comentario",
];

/// Words that make a class about comments without being a comment: a count,
/// a link to them, the page's "comments are open" flag.
const NOT_A_COMMENT: &[&str] = &[
    "open",
    "count",
    "link",
    "num",
    "closed",
    "has-",
    "no-",
    "btn",
    "button",
    "icon",
    // Taxonomy classes (`tag-kommentar`, `category-comment`) name a topic.
    "tag-",
    "tag_",
    "category-",
    "cat-",
];

pub(crate) fn names_a_comment(value: &str) -> bool {
    value.split_whitespace().any(|token| {
        let token = token.to_ascii_lowercase();
        COMMENT_WORDS.iter().any(|w| token.contains(w))
            && !NOT_A_COMMENT.iter().any(|w| token.contains(w))
    })
}

/// Whether the node sits inside a comments section or a comment item (the
/// page's `<body>` and `<html>` classes do not count).
pub fn in_comment(node: &NodeRef<'_>) -> bool {
    node.ancestors_it(Some(40))
        .filter(|a| !a.has_name("body") && !a.has_name("html"))
        .any(|a| {
            ["class", "id", "itemtype"]
                .iter()
                .any(|attr| a.attr(attr).is_some_and(|v| names_a_comment(&v)))
        })
}
