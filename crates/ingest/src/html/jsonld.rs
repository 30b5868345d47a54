//! JSON-LD blocks of a page, read leniently. Pages wrap them in `<![CDATA[`
//! (with or without `//` in front), leave comments, trailing semicolons or
//! stray control characters in them; a block that still does not parse is
//! skipped rather than failing the page. Objects are flattened out of arrays,
//! `@graph` and `mainEntity`, so callers see one list and pick by `@type`.

use dom_query::Document;
use serde_json::Value;

/// Types whose object is the article itself (and whose dates, authors and
/// publisher describe it).
pub const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "Report",
    "BlogPosting",
    "Blog",
    "ScholarlyArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "TechArticle",
    "SocialMediaPosting",
    "LiveBlogPosting",
    "Review",
    "Recipe",
    "VideoObject",
    "PodcastEpisode",
    "PressRelease",
];

/// Every object in the page's JSON-LD, in document order.
pub fn objects(doc: &Document) -> Vec<Value> {
    let mut out = Vec::new();
    for script in doc.select("script[type]").iter() {
        let kind = script.attr("type").unwrap_or_default().to_ascii_lowercase();
        if !kind.contains("ld+json") {
            continue;
        }
        if let Some(value) = parse(&script.text()) {
            flatten(value, &mut out, 0);
        }
    }
    out
}

fn parse(text: &str) -> Option<Value> {
    let mut t = text.trim();
    loop {
        let before = t;
        for prefix in ["//", "<!--", "<![CDATA["] {
            t = t.strip_prefix(prefix).unwrap_or(t).trim_start();
        }
        for suffix in ["-->", "//", "]]>", ";"] {
            t = t.strip_suffix(suffix).unwrap_or(t).trim_end();
        }
        if t == before {
            break;
        }
    }
    serde_json::from_str(t).ok().or_else(|| {
        // Raw line breaks and tabs inside strings are the most common breakage.
        let cleaned: String = t
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&cleaned).ok()
    })
}

fn flatten(value: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 5 {
        return;
    }
    match value {
        Value::Array(items) => items.into_iter().for_each(|v| flatten(v, out, depth + 1)),
        Value::Object(mut map) => {
            let graph = map.remove("@graph");
            let main = map
                .get("mainEntity")
                .filter(|m| m.is_object() && m.get("@type").is_some())
                .cloned();
            out.push(Value::Object(map));
            if let Some(main) = main {
                flatten(main, out, depth + 1);
            }
            if let Some(graph) = graph {
                flatten(graph, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// Whether the object's `@type` (a string or a list) is one of `wanted`.
pub fn has_type(v: &Value, wanted: &[&str]) -> bool {
    let matches = |t: &str| {
        let t = t.rsplit(['/', ':']).next().unwrap_or(t);
        wanted.contains(&t)
    };
    match &v["@type"] {
        Value::String(t) => matches(t),
        Value::Array(ts) => ts.iter().any(|t| t.as_str().is_some_and(matches)),
        _ => false,
    }
}

/// The article object: of the objects of an article type, the one whose
/// headline or address is the page's own (pages also describe the articles
/// they link to), else the first; without one, a `WebPage`.
pub fn article<'a>(
    objects: &'a [Value],
    title: Option<&str>,
    address: Option<&str>,
) -> Option<&'a Value> {
    let articles: Vec<&Value> = objects
        .iter()
        .filter(|v| has_type(v, ARTICLE_TYPES))
        .collect();
    let norm = |s: &str| crate::normalize_inline(s).to_lowercase();
    let own = |v: &&Value| {
        let headline = v["headline"].as_str().or(v["name"].as_str()).map(norm);
        let title_matches = title
            .map(norm)
            .zip(headline)
            .is_some_and(|(t, h)| !h.is_empty() && (t.contains(&h) || h.contains(&t)));
        let url = v["url"]
            .as_str()
            .or(v["@id"].as_str())
            .or(v["mainEntityOfPage"].as_str())
            .or(v["mainEntityOfPage"]["@id"].as_str());
        let address_matches = address.zip(url).is_some_and(|(a, u)| {
            a.trim_end_matches('/') == u.trim_end_matches('/').split('#').next().unwrap_or(u)
        });
        title_matches || address_matches
    };
    if articles.len() > 1 {
        if let Some(a) = articles.iter().find(|v| own(v)) {
            return Some(a);
        }
    }
    articles.first().copied().or_else(|| {
        objects.iter().find(|v| {
            has_type(
                v,
                &[
                    "WebPage",
                    "ItemPage",
                    "AboutPage",
                    "MedicalWebPage",
                    "QAPage",
                ],
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_and_nested_blocks_are_read() {
        let html = r#"<script type="application/ld+json">//<![CDATA[
            {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
              {"@type":"WebPage","mainEntity":{"@type":"NewsArticle","headline":"Inner"}}]}
            //]]></script>
            <script type="application/ld+json"><![CDATA[{"@type":"Person","name":"A"}]]></script>
            <script type="application/ld+json">{"@type":"Thing","description":"line
            break"};</script>
            <script type="application/ld+json">{not json</script>"#;
        let doc = Document::from(html);
        let objects = objects(&doc);
        let types: Vec<&str> = objects.iter().filter_map(|v| v["@type"].as_str()).collect();
        assert_eq!(
            types,
            vec!["WebSite", "WebPage", "NewsArticle", "Person", "Thing"],
            "CDATA, @graph, mainEntity and raw line breaks are all read; broken JSON is skipped"
        );
        assert_eq!(article(&objects, None, None).unwrap()["headline"], "Inner");
        let listed = vec![
            serde_json::json!({"@type": "NewsArticle", "headline": "Another story, linked from the page"}),
            serde_json::json!({"@type": "NewsArticle", "headline": "The page's own story", "url": "https://example.org/own"}),
        ];
        assert_eq!(
            article(&listed, Some("The page's own story | Example"), None).unwrap()["url"],
            "https://example.org/own",
            "the article whose headline is the page's title"
        );
        assert_eq!(
            article(&listed, None, Some("https://example.org/own/")).unwrap()["url"],
            "https://example.org/own",
            "or whose address is the page's"
        );
    }
}
