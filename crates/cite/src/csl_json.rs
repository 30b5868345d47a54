//! Sources as CSL-JSON items: what the styles render from, what Pandoc reads as a
//! bibliography, and what Zotero exports and imports.

use model::{Author, ItemType, PartialDate, SourceKind, SourceMeta};
use serde_json::{json, Map, Value};

use crate::refs::{RefError, Reference};

/// The CSL-JSON item of a source, under the given citation key.
pub fn item(meta: &SourceMeta, kind: SourceKind, key: &str) -> Value {
    let item_type = meta.item_type_for(kind);
    let mut m = Map::new();
    m.insert("id".into(), json!(key));
    m.insert("type".into(), json!(item_type.as_str()));
    let text = |m: &mut Map<String, Value>, name: &str, v: Option<&str>| {
        if let Some(v) = v.map(str::trim).filter(|v| !v.is_empty()) {
            m.insert(name.into(), json!(v));
        }
    };
    text(&mut m, "title", Some(&meta.title));
    if !meta.authors.is_empty() {
        m.insert("author".into(), names(&meta.authors));
    }
    if !meta.editors.is_empty() {
        m.insert("editor".into(), names(&meta.editors));
    }
    text(&mut m, "container-title", meta.container_title.as_deref());
    // A report is published by the body that issued it; when only an
    // organisation author is known, it is the issuing body too.
    let publisher = meta.publisher.clone().or_else(|| match item_type {
        ItemType::Report => meta.authors.iter().find_map(|a| match a {
            Author::Organization { name } => Some(name.clone()),
            Author::Person { .. } => None,
        }),
        _ => None,
    });
    // A site that publishes itself ("Metaviews", "Metaviews") is named once: as
    // the container, which is what every style prints for a web page or article.
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    let publisher =
        publisher.filter(|p| meta.container_title.as_deref().is_none_or(|c| !same(c, p)));
    text(&mut m, "publisher", publisher.as_deref());
    text(&mut m, "publisher-place", meta.place.as_deref());
    text(&mut m, "number", meta.number.as_deref());
    text(&mut m, "genre", meta.genre.as_deref());
    text(&mut m, "volume", meta.volume.as_deref());
    text(&mut m, "issue", meta.issue.as_deref());
    text(&mut m, "page", meta.pages.as_deref());
    text(&mut m, "edition", meta.edition.as_deref());
    if let Some(d) = meta.issued {
        m.insert("issued".into(), date(d));
    }
    if let Some(d) = meta.accessed {
        m.insert("accessed".into(), date(d));
    }
    let url = meta
        .canonical_url
        .as_deref()
        .or(meta.url.as_deref())
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    text(&mut m, "URL", url);
    text(&mut m, "DOI", meta.doi.as_deref());
    text(&mut m, "ISBN", meta.isbn.as_deref());
    text(&mut m, "language", meta.language.as_deref());
    Value::Object(m)
}

fn names(authors: &[Author]) -> Value {
    Value::Array(
        authors
            .iter()
            .map(|a| match a {
                Author::Person { family, given } if given.is_empty() => json!({ "family": family }),
                Author::Person { family, given } => json!({ "family": family, "given": given }),
                Author::Organization { name } => json!({ "literal": name }),
            })
            .collect(),
    )
}

fn date(d: PartialDate) -> Value {
    let mut parts = vec![json!(d.year)];
    if let Some(m) = d.month {
        parts.push(json!(m));
        if let Some(day) = d.day {
            parts.push(json!(day));
        }
    }
    json!({ "date-parts": [parts] })
}

/// A CSL-JSON file: an array of items (or one item), each becoming a reference.
pub fn parse(input: &str) -> Result<Vec<Reference>, RefError> {
    let value: Value = serde_json::from_str(input).map_err(|e| RefError::Syntax {
        format: "CSL-JSON",
        line: e.line(),
        reason: e.to_string(),
    })?;
    let items = match value {
        Value::Array(items) => items,
        item @ Value::Object(_) => vec![item],
        _ => {
            return Err(RefError::Syntax {
                format: "CSL-JSON",
                line: 1,
                reason: "expected an array of items".into(),
            })
        }
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            from_item(item).map_err(|reason| RefError::Entry {
                index: i + 1,
                reason,
            })
        })
        .collect()
}

fn from_item(v: &Value) -> Result<Reference, String> {
    let obj = v.as_object().ok_or("an item is not an object")?;
    let s = |name: &str| -> Option<String> {
        match obj.get(name) {
            Some(Value::String(s)) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        }
    };
    let title = s("title").ok_or("an item has no title")?;
    let meta = SourceMeta {
        title,
        authors: parse_names(obj.get("author")),
        editors: parse_names(obj.get("editor")),
        container_title: s("container-title"),
        publisher: s("publisher"),
        place: s("publisher-place"),
        number: s("number"),
        genre: s("genre"),
        volume: s("volume"),
        issue: s("issue"),
        pages: s("page"),
        edition: s("edition"),
        issued: obj.get("issued").and_then(parse_date),
        accessed: obj.get("accessed").and_then(parse_date),
        url: s("URL"),
        doi: s("DOI"),
        isbn: s("ISBN"),
        language: s("language"),
        item_type: s("type").map(|t| ItemType::from_csl(&t)),
        citation_key: s("citation-key").or_else(|| s("id")),
        ..SourceMeta::default()
    };
    Ok(Reference { meta })
}

fn parse_names(v: Option<&Value>) -> Vec<Author> {
    let Some(Value::Array(names)) = v else {
        return Vec::new();
    };
    names
        .iter()
        .filter_map(|n| {
            let get = |k: &str| n.get(k).and_then(Value::as_str).map(str::trim);
            if let Some(literal) = get("literal").filter(|s| !s.is_empty()) {
                return Some(Author::Organization {
                    name: literal.to_owned(),
                });
            }
            let family = get("family").unwrap_or_default();
            if family.is_empty() {
                return None;
            }
            // CSL's particles ("van", "de") belong to the family name as cited.
            let particle = [get("non-dropping-particle"), get("dropping-particle")]
                .into_iter()
                .flatten()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            let family = if particle.is_empty() {
                family.to_owned()
            } else {
                format!("{particle} {family}")
            };
            Some(Author::Person {
                family,
                given: get("given").unwrap_or_default().to_owned(),
            })
        })
        .collect()
}

fn parse_date(v: &Value) -> Option<PartialDate> {
    if let Some(parts) = v
        .get("date-parts")
        .and_then(|p| p.get(0))
        .and_then(Value::as_array)
    {
        let num = |i: usize| -> Option<i64> {
            parts.get(i).and_then(|p| {
                p.as_i64()
                    .or_else(|| p.as_str().and_then(|s| s.trim().parse().ok()))
            })
        };
        let year = num(0)?;
        let text = match (num(1), num(2)) {
            (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{year:04}-{m:02}"),
            _ => format!("{year:04}"),
        };
        return text.parse().ok();
    }
    if let Some(raw) = v.get("raw").and_then(Value::as_str) {
        return raw
            .trim()
            .get(..10.min(raw.trim().len()))?
            .parse()
            .ok()
            .or_else(|| raw.trim().get(..7.min(raw.trim().len()))?.parse().ok())
            .or_else(|| raw.trim().get(..4.min(raw.trim().len()))?.parse().ok());
    }
    None
}
