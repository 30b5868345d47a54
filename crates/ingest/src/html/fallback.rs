//! A second way to the article text, for pages where Readability finds
//! little or none (its scoring can settle on a table, a teaser or nothing at
//! all): the element that holds the most paragraph text, walked into blocks
//! like Readability's output. Simple on purpose: it only runs when the first
//! answer is nearly empty, so it has to beat nothing, not Readability.

use dom_query::{Document, NodeRef};
use model::Block;
use std::collections::HashMap;

/// Parts of a page whose paragraphs are never the article's (a `<form>` is
/// not among them: some sites wrap the whole page in one).
const OUTSIDE: &[&str] = &[
    "nav", "footer", "aside", "header", "script", "style", "noscript",
];

/// The blocks of the element richest in paragraph text.
pub fn paragraphs(doc: &Document) -> Vec<Block> {
    // Candidates in the order first met, so that a tie goes to the earlier.
    let mut index: HashMap<dom_query::NodeId, usize> = HashMap::new();
    let mut candidates: Vec<(NodeRef<'_>, usize)> = Vec::new();
    for p in doc.select("body p").nodes() {
        if p.ancestors_it(None)
            .any(|a| OUTSIDE.iter().any(|n| a.has_name(n)))
            || super::dates::in_comment(p)
        {
            continue;
        }
        let len = crate::normalize_inline(&p.text()).chars().count();
        if len < 25 {
            continue;
        }
        // A paragraph counts fully for its parent and half for the one above,
        // so that an article split into sections is still one container.
        if let Some(parent) = p.parent() {
            add(&mut index, &mut candidates, parent, len);
            if let Some(grand) = parent.parent() {
                add(&mut index, &mut candidates, grand, len / 2);
            }
        }
    }
    let mut best: Option<(NodeRef<'_>, usize)> = None;
    for (node, score) in candidates {
        if best.as_ref().is_none_or(|(_, s)| score > *s) {
            best = Some((node, score));
        }
    }
    let Some((best, _)) = best else {
        return Vec::new();
    };
    let html = best.html().to_string();
    super::blocks::from_html(&html)
}

fn add<'a>(
    index: &mut HashMap<dom_query::NodeId, usize>,
    candidates: &mut Vec<(NodeRef<'a>, usize)>,
    node: NodeRef<'a>,
    len: usize,
) {
    let i = *index.entry(node.id).or_insert_with(|| {
        candidates.push((node, 0));
        candidates.len() - 1
    });
    candidates[i].1 += len;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_richest_container_wins() {
        let html = r#"<body><nav><p>Home, about us, the menu of the site here.</p></nav>
            <div class="teasers"><p>A teaser for another story, quite short.</p></div>
            <div class="story"><p>The first paragraph of the story, long enough to count.</p>
            <p>The second paragraph of the story, also long enough to count.</p></div>
            <footer><p>Imprint, contact, privacy, all the footer links.</p></footer></body>"#;
        let got: Vec<String> = paragraphs(&Document::from(html))
            .into_iter()
            .map(|b| b.text)
            .collect();
        assert_eq!(
            got,
            vec![
                "The first paragraph of the story, long enough to count.",
                "The second paragraph of the story, also long enough to count."
            ],
            "the story's container, not the navigation, teasers or footer"
        );
    }
}
