//! What is taken out of a page before its article text is looked for, and
//! what is dropped from the blocks after: the parts of a page that sit inside
//! or next to an article without being its text.
//!
//! Before: image captions and photo credits, elements the page hides (hover
//! cards, menus kept for scripts), share rows, "related" and "you may also
//! like" rails, newsletter and promotion boxes. These are found by markup
//! (element names, `hidden`, inline styles, class and id words), and an
//! element is only removed while its text is a small part of the page's, so
//! a wrapper that happens to carry such a word in its class keeps the article.
//! After: blocks that hold no visible character, a block repeated word for
//! word (a caption repeated for every slide of a gallery), and the lines
//! `lines.rs` knows are not article text.

use dom_query::{Document, NodeRef};
use model::{Block, BlockKind};

/// Words in a class or id that mark a part that is not the article's text.
const NOT_TEXT: &[&str] = &[
    "caption",
    "credit",
    "copyright",
    "share",
    "sharing",
    "social",
    "related",
    "recommend",
    "readmore",
    "read-more",
    "more-stories",
    "morestories",
    "also-read",
    "newsletter",
    "promo",
    "outbrain",
    "taboola",
    "most-popular",
    "mostpopular",
    "most-read",
    "mostread",
    "meistgelesen",
    "tooltip",
    "hovercard",
    "popover",
    "subscribe",
    "paywall",
    "advert",
    "sponsor",
    "breadcrumb",
];

/// An element whose text is more than this share of the page's, or longer
/// than this many characters, or that holds the headline, is never removed by
/// its class words: it is likely the article's wrapper.
const MAX_SHARE: f64 = 0.3;
const MAX_CHARS: usize = 1_500;

/// Removes captions, credits, hidden elements, share rows and rails.
pub fn prepare(doc: &Document) {
    remove_hidden(doc);
    remove_marked(doc);
}

/// Removes what a reader never sees: captions aside, elements the page hides
/// (the `hidden` attribute, `aria-hidden`, an inline style), whatever their size.
pub fn remove_hidden(doc: &Document) {
    let hidden = doc.select("figcaption, [hidden], [aria-hidden=true], [style]");
    for node in hidden.nodes() {
        if node.has_name("body") || node.has_name("html") {
            continue;
        }
        if !node.has_attr("style") || hidden_by_style(node) {
            node.remove_from_parent();
        }
    }
}

/// Removes the parts whose class or id says they are not the article's
/// text, within the size guard (see [`MAX_SHARE`]).
fn remove_marked(doc: &Document) {
    let total = doc.select("body").text().chars().count().max(1) as f64;
    let mut doomed: Vec<NodeRef<'_>> = Vec::new();
    for node in doc.select("body [class], body [id]").nodes() {
        if ["article", "main", "body", "html"]
            .iter()
            .any(|n| node.has_name(n))
            || !marked_not_text(node)
        {
            continue;
        }
        let chars = node.text().chars().count();
        if chars as f64 / total <= MAX_SHARE && chars <= MAX_CHARS && node.find(&["h1"]).is_empty()
        {
            doomed.push(*node);
        }
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

/// Hidden by an inline style. `visibility: hidden` is inherited but a child
/// may set `visibility: visible` again, so such an element stays.
pub(crate) fn hidden_by_style(node: &NodeRef<'_>) -> bool {
    node.attr("style").is_some_and(|s| {
        let s = s.to_ascii_lowercase().replace(' ', "");
        s.contains("display:none")
            || s.contains("visibility:hidden")
                && !node
                    .inner_html()
                    .to_ascii_lowercase()
                    .replace(' ', "")
                    .contains("visibility:visible")
    })
}

fn marked_not_text(node: &NodeRef<'_>) -> bool {
    ["class", "id"].iter().any(|a| {
        node.attr(a).is_some_and(|v| {
            v.split_whitespace().any(|token| {
                let token = token.to_ascii_lowercase();
                // Taxonomy classes (`tag-social-media`) name a topic.
                let taxonomy = ["tag-", "tag_", "category-", "cat-"]
                    .iter()
                    .any(|t| token.contains(t));
                !taxonomy && NOT_TEXT.iter().any(|w| token.contains(w))
            })
        })
    })
}

/// Drops the blocks that are not article text (see the module comment).
pub fn blocks(blocks: Vec<Block>) -> Vec<Block> {
    let mut counts = std::collections::HashMap::<&str, usize>::new();
    for b in &blocks {
        *counts.entry(b.text.as_str()).or_default() += 1;
    }
    let repeated: std::collections::HashSet<String> = counts
        .into_iter()
        .filter(|(text, n)| *n >= REPEATS && text.chars().count() <= REPEATED_MAX)
        .map(|(text, _)| text.to_owned())
        .collect();
    let mut seen = std::collections::HashSet::new();
    let kept: Vec<Block> = blocks
        .into_iter()
        .filter(|b| {
            if !b.text.chars().any(visible) {
                return false;
            }
            if b.kind != BlockKind::Heading
                && repeated.contains(&b.text)
                && !seen.insert(b.text.clone())
            {
                return false;
            }
            !super::lines::not_text(b)
        })
        .collect();
    super::lines::without_rails(kept)
}

/// A short block seen this many times is a gallery's caption or credit (a
/// chorus or a refrain repeats less, and a long paragraph is kept whatever).
const REPEATS: usize = 3;
const REPEATED_MAX: usize = 300;

/// Zero-width spaces and joiners, the BOM and other format characters show
/// nothing on their own.
fn visible(c: char) -> bool {
    !c.is_whitespace()
        && !matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::expect;

    fn check(html: &str, expect: expect_test::Expect) {
        let doc = Document::from(html);
        prepare(&doc);
        let html = doc.select("body").html().to_string();
        let found = blocks(crate::html::blocks::from_html(&html));
        expect.assert_eq(&crate::describe(&found));
    }

    #[test]
    fn what_is_not_article_text_goes() {
        check(
            &format!(
                r#"<article class="story has-related-links"><h1>Title</h1>
                <p class="byline-date">Updated 6 August 2019</p>
                <figure><img src=a><figcaption>A caption under the photo. Photo: Agency</figcaption></figure>
                <p>{body}</p>
                <div class="gallery"><p>Slide text repeated for every slide here.</p><p>Slide text repeated for every slide here.</p><p>Slide text repeated for every slide here.</p></div>
                <span class="photo-credit">Photo: Jane Doe</span>
                <div class="author-hovercard">Jane writes about cities.</div>
                <div hidden>Hidden text</div><p style="display: none">Also hidden</p>
                <div style="visibility: hidden"><p style="visibility: visible">A visible child stays.</p></div>
                <ul class="share-buttons"><li>Facebook</li><li>Twitter</li></ul>
                <p>Read also: Another story entirely</p>
                <p>&#8203;&#8203;</p>
                <blockquote><p>A quote stays.</p></blockquote>
                <table><tr><td>Year</td><td>2019</td></tr></table>
                <ul><li>A list item stays</li></ul>
                <aside class="related"><h3>You may also like</h3><ul><li>Other story</li></ul></aside>
                </article>"#,
                body = "The article's own text, long enough to be most of the page. ".repeat(10)
            ),
            expect![[r#"
                heading1: "Title"
                paragraph: "The article's own text, long enough to be most of the page. The article's own text, long enough to be most of the page. The article's own text, long enough to be most of the page. The article's own text, long enough to be most of the page. The article's own text, long enough to be most of the page. The article's own text, long enough to be most of the page. The article's own text, long enough to be most of the page. The article's own text, long enough to be most of the page. The article's own text, long enough to be most of the page. The article's own text, long enough to be most of the page."
                paragraph: "Slide text repeated for every slide here."
                paragraph: "A visible child stays."
                quote: "A quote stays."
                paragraph: "Year · 2019"
                listItem: "A list item stays""#]],
        );
    }
}
