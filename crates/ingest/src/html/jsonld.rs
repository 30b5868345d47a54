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
    "Event",
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

/// The article object: the first of an article type, else a `WebPage`.
pub fn article(objects: &[Value]) -> Option<&Value> {
    objects
        .iter()
        .find(|v| has_type(v, ARTICLE_TYPES))
        .or_else(|| {
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
        assert_eq!(article(&objects).unwrap()["headline"], "Inner");
    }
}
