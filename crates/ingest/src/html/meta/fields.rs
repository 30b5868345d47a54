//! The merge of metadata fields: each setter keeps the first clean value a
//! field is given and records its origin, so the order of calls in `mod.rs`
//! is the order of trust. Also the readers of JSON-LD values (names, people),
//! of `<meta>` tags, and of site names as titles and `og:site_name` give them.

use super::super::byline::{is_name, names, person_or_org, split_byline};
use super::super::jsonld;
use super::Origins;
use dom_query::Document;
use model::{Author, SourceMeta};
use serde_json::Value;

#[derive(Default)]
pub(super) struct Merge {
    pub(super) meta: SourceMeta,
    pub(super) origins: Origins,
}

pub(super) fn clean(value: Option<&str>) -> Option<String> {
    let v = crate::normalize_inline(value?);
    (!v.is_empty()).then_some(v)
}

impl Merge {
    pub(super) fn mark(&mut self, field: &str, origin: &str) {
        self.origins.insert(field.to_owned(), origin.to_owned());
    }

    pub(super) fn title(&mut self, v: Option<&str>, origin: &str) {
        if self.meta.title.is_empty() {
            if let Some(v) = clean(v) {
                self.meta.title = v;
                self.mark("title", origin);
            }
        }
    }

    pub(super) fn authors(&mut self, authors: Vec<Author>, origin: &str) {
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

    pub(super) fn container(&mut self, v: Option<&str>, origin: &str) {
        if self.meta.container_title.is_none() {
            if let Some(v) = clean(v) {
                self.meta.container_title = Some(v);
                self.mark("containerTitle", origin);
            }
        }
    }

    pub(super) fn publisher(&mut self, v: Option<&str>, origin: &str) {
        if self.meta.publisher.is_none() {
            if let Some(v) = clean(v) {
                self.meta.publisher = Some(v);
                self.mark("publisher", origin);
            }
        }
    }

    pub(super) fn doi(&mut self, v: Option<&str>, origin: &str) {
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

    pub(super) fn isbn(&mut self, v: Option<&str>, origin: &str) {
        if self.meta.isbn.is_none() {
            if let Some(v) = clean(v) {
                self.meta.isbn = Some(v);
                self.mark("isbn", origin);
            }
        }
    }

    pub(super) fn language(&mut self, v: Option<&str>, origin: &str) {
        if self.meta.language.is_none() {
            if let Some(v) = clean(v) {
                self.meta.language = Some(v);
                self.mark("language", origin);
            }
        }
    }

    pub(super) fn url(&mut self, v: Option<&str>, origin: &str) {
        if self.meta.url.is_none() {
            if let Some(v) =
                clean(v).filter(|u| u.starts_with("http://") || u.starts_with("https://"))
            {
                self.meta.url = Some(v);
                self.mark("url", origin);
            }
        }
    }

    pub(super) fn canonical(&mut self, v: Option<&str>, origin: &str) {
        if self.meta.canonical_url.is_none() {
            if let Some(v) =
                clean(v).filter(|u| u.starts_with("http://") || u.starts_with("https://"))
            {
                self.meta.canonical_url = Some(v);
                self.mark("canonicalUrl", origin);
            }
        }
    }

    pub(super) fn json_ld(&mut self, a: &Value) {
        let origin = "jsonld";
        self.title(a["headline"].as_str().or(a["name"].as_str()), origin);
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

pub(super) fn json_ld_people(v: &Value) -> Vec<Author> {
    match v {
        Value::String(s) => split_byline(s),
        Value::Array(items) => items.iter().flat_map(json_ld_people).collect(),
        Value::Object(_) => {
            let Some(name) = v["name"].as_str().map(crate::normalize_inline) else {
                return Vec::new();
            };
            if jsonld::has_type(
                v,
                &[
                    "Organization",
                    "NewsMediaOrganization",
                    "Corporation",
                    "GovernmentOrganization",
                    "EducationalOrganization",
                    "NGO",
                ],
            ) {
                return if is_name(&name) {
                    vec![Author::Organization { name }]
                } else {
                    Vec::new()
                };
            }
            let cleaned = names(&name);
            if jsonld::has_type(v, &["Person"]) {
                cleaned
                    .iter()
                    .map(|n| Author::person_from_input(n))
                    .collect()
            } else {
                cleaned.iter().map(|n| person_or_org(n)).collect()
            }
        }
        _ => Vec::new(),
    }
}

pub(super) fn name_of(v: &Value) -> Option<String> {
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
pub(crate) fn meta_tags(doc: &Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for node in doc.select("meta").iter() {
        let key = node
            .attr("name")
            .or_else(|| node.attr("property"))
            .or_else(|| node.attr("itemprop"));
        let (Some(key), Some(content)) = (key, node.attr("content")) else {
            continue;
        };
        // Dublin Core dates written as RDFa (`property="dcterms:created"`) are
        // the same fields as `name="DCTERMS.created"`.
        let key = key.to_ascii_lowercase();
        let key = key.trim();
        // Only dates are taken this way: a page that gives its creator in
        // both forms would otherwise name each author twice.
        let key = match key.split_once(':') {
            Some((ns @ ("dc" | "dcterms"), field))
                if ["date", "created", "issued", "modified"]
                    .iter()
                    .any(|f| field.starts_with(f)) =>
            {
                format!("{ns}.{field}")
            }
            _ => key.to_owned(),
        };
        out.push((key, content.to_string()));
    }
    out
}

/// A site name without the tagline some sites add to it ("Example.cz - News
/// as it happens"): cut where the publisher's own name ends, or else where a
/// short name is followed by a longer phrase.
pub(super) fn without_tagline(site: &str, publisher: Option<&str>) -> String {
    let site = crate::normalize_inline(site);
    for sep in [" - ", " | ", " – ", " — ", ": "] {
        let Some((head, tail)) = site.split_once(sep) else {
            continue;
        };
        let confirmed =
            publisher.is_some_and(|p| crate::normalize_inline(p).eq_ignore_ascii_case(head.trim()));
        let tagline = head.split_whitespace().count() <= 3 && tail.split_whitespace().count() >= 3;
        if confirmed || tagline {
            return head.trim().to_owned();
        }
    }
    site
}

/// "Story title | Site" or "Story title - Site" without the site's name.
pub(super) fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
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
