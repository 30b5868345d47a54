//! The article's lead (standfirst): the paragraph under the headline that
//! sums the story up. Pages often set it apart from the body's container, so
//! the text extractor leaves it out, though it is the article's first
//! paragraph. It is found as the element whose text the page's own summary
//! (`og:description`) begins, and put back in front of the text when the
//! extracted blocks lack it.

use dom_query::Document;
use model::{Block, BlockKind};

/// A summary shorter than this says too little to recognise a paragraph by.
const MIN_CHARS: usize = 60;
/// The lead is a paragraph, not a section.
const MAX_CHARS: usize = 1_000;

/// The body element whose text is the summary (or begins as the summary does,
/// for a summary cut short with "…").
pub fn find(doc: &Document, description: Option<&str>) -> Option<String> {
    let description = crate::normalize_inline(description?);
    let key: String = description
        .trim_end_matches(['…', '.'])
        .chars()
        .take(MIN_CHARS)
        .collect();
    if key.chars().count() < MIN_CHARS {
        return None;
    }
    doc.select("body p, body div, body h2, body span, body strong")
        .nodes()
        .iter()
        .filter(|n| !crate::html::dates::in_comment(n))
        .map(|n| crate::normalize_inline(&n.text()))
        .filter(|t| t.chars().count() <= MAX_CHARS && t.starts_with(&key))
        .min_by_key(|t| t.chars().count())
}

/// Puts the lead in front of the text (after a leading heading) when no
/// block holds it already.
pub fn restore(blocks: &mut Vec<Block>, lead: Option<String>) {
    let Some(lead) = lead else { return };
    if blocks.is_empty() {
        return;
    }
    let key: String = lead.chars().take(MIN_CHARS).collect();
    if blocks.iter().any(|b| b.text.contains(&key)) {
        return;
    }
    let at = usize::from(blocks[0].kind == BlockKind::Heading);
    blocks.insert(at, Block::new(BlockKind::Paragraph, lead));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lead_outside_the_body_is_put_back_once() {
        let summary = "The council voted on Tuesday to close the old bridge to cars for good, after years of debate.";
        let html = format!(
            "<body><header><h1>Bridge closes</h1><p class='standfirst'>{summary}</p></header>\
             <div id='comments'><p>{summary} Agreed!</p></div></body>"
        );
        let doc = Document::from(html.as_str());
        let lead = find(&doc, Some(summary));
        assert_eq!(
            lead.as_deref(),
            Some(summary),
            "the standfirst, not the comment quoting it"
        );
        let mut blocks = vec![
            Block::new(BlockKind::Heading, "Bridge closes".to_owned()),
            Block::new(BlockKind::Paragraph, "The body of the story.".to_owned()),
        ];
        restore(&mut blocks, lead.clone());
        restore(&mut blocks, lead);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec!["Bridge closes", summary, "The body of the story."]
        );
        assert_eq!(find(&doc, Some("Too short to tell.")), None);
    }
}
