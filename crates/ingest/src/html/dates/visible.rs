//! Dates in the text a reader sees, where a page has no machine-readable one
//! (or to tell which local day a UTC instant was).
//!
//! A page shows many dates: the article's, its update, the dates of related
//! articles, of comments, of events in the story. The article's is next to
//! its headline and byline, so the text is read in document order with the
//! main `<h1>` as the anchor: a date in a `<time>` element or in an element
//! whose class or id speaks of dates, bylines or meta lines counts within a
//! wide window after the headline (less before it); a date in plain text only
//! right after it. Without a headline, the first such marked date of the page
//! counts. Comment sections, navigation, asides and footers are never read.
//! A date after "Updated", "Aktualisiert", "Mis à jour"... is a modified date.

use super::parse::{in_text, value, Order, Stamp, Zone};
use super::{Candidate, Kind, Tier};
use dom_query::{Document, NodeRef};
use model::PartialDate;

const SKIP: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "head",
    "select",
    "option",
    "button",
    "iframe",
    "nav",
    "footer",
    "aside",
    "form",
    "textarea",
    "figure",
    "figcaption",
];

/// Words in a class or id of an element whose dates are not the article's:
/// image captions and credits (a photo's date), related-article rails.
const NOT_THE_ARTICLE: &[&str] = &["caption", "credit", "related", "recommend"];

/// Words in a class or id (or itemprop) of an element that holds a date line.
const HINTS: &[&str] = &[
    "date", "time", "publish", "posted", "byline", "meta", "author", "datum", "fecha", "stand",
    "info", "zeit",
];

/// Words that say the date after them is a modification.
const UPDATED: &[&str] = &[
    "updated",
    "update",
    "modified",
    "aktualisiert",
    "geändert",
    "mis à jour",
    "mise à jour",
    "actualizado",
    "actualización",
    "atualizado",
    "aggiornato",
    "bijgewerkt",
    "zaktualizowano",
    "обновлено",
];

/// How far from the headline (in characters of text) a marked date counts.
const MARKED_AFTER: usize = 2_500;
const MARKED_BEFORE: usize = 600;
/// How far after (and before) the headline a date in plain text counts.
const PLAIN_AFTER: usize = 400;
const PLAIN_BEFORE: usize = 200;

/// Words that say the date after them is the publication's.
const PUBLISHED: &[&str] = &[
    "published",
    "posted",
    "veröffentlicht",
    "erschienen",
    "publié",
    "publicado",
    "pubblicato",
    "gepubliceerd",
    "opublikowano",
    "datum:",
    "date:",
    "start date",
    "beginndatum",
];
/// Visible candidates kept: the closest few are enough, and further ones only
/// risk a related article's date.
const KEEP: usize = 3;

struct Item {
    text: String,
    marked: bool,
    headline: bool,
    /// A `<time datetime>`'s value read as a value (with its clock and zone).
    stamp: Option<Stamp>,
}

struct Walk {
    items: Vec<Item>,
    /// Characters of text in the page's body.
    total: usize,
}

impl Walk {
    /// A `<nav>`, `<aside>` or `<footer>` left unclosed swallows the rest of
    /// the page, and some sites wrap the whole page in a `<form>`: one holding
    /// most of the page's text is read after all.
    fn holds_the_page(&self, node: &NodeRef<'_>) -> bool {
        ["nav", "aside", "footer", "form"]
            .iter()
            .any(|n| node.has_name(n))
            && self.most_of_the_page(node)
    }

    fn most_of_the_page(&self, node: &NodeRef<'_>) -> bool {
        node.text().chars().count() * 2 > self.total
    }

    fn node(&mut self, node: &NodeRef<'_>, marked: bool, headline: bool) {
        if node.is_text() {
            let text = crate::normalize_inline(&node.text());
            if !text.is_empty() {
                self.items.push(Item {
                    text,
                    marked,
                    headline,
                    stamp: None,
                });
            }
            return;
        }
        if !node.is_element() {
            return;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if SKIP.contains(&name.as_str()) && !self.holds_the_page(node) || hidden(node) {
            return;
        }
        let attrs = ["class", "id", "itemprop"]
            .iter()
            .filter_map(|a| node.attr(a))
            .map(|v| v.to_ascii_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        // A class word that marks a caption or a rail, on an element holding
        // most of the page, is the page's own odd naming: read on.
        if (super::declared::names_a_comment(&attrs)
            || NOT_THE_ARTICLE.iter().any(|w| attrs.contains(w)) && !a_subtitle(node, &attrs))
            && !self.most_of_the_page(node)
        {
            return;
        }
        if name == "time" {
            let stamp = node.attr("datetime").and_then(|d| value(&d));
            if let Some(stamp) = stamp.filter(|s| s.date.day.is_some()) {
                // The date alone as text, so that it reads as one date.
                self.items.push(Item {
                    text: stamp.date.to_string(),
                    marked: true,
                    headline,
                    stamp: Some(stamp),
                });
                return;
            }
        }
        let marked = marked || name == "time" || HINTS.iter().any(|h| attrs.contains(h));
        let headline = headline || name == "h1";
        for child in node.children_it(false) {
            self.node(&child, marked, headline);
        }
    }
}

/// A "caption" or "credit" class beside no picture is the page's name for a
/// subtitle or a date line (a line under the headline), not an image's
/// caption: a caption describes a picture and stands next to one.
fn a_subtitle(node: &NodeRef<'_>, attrs: &str) -> bool {
    let image_words = ["caption", "credit"];
    let only_image_words = !["related", "recommend"].iter().any(|w| attrs.contains(w))
        && image_words.iter().any(|w| attrs.contains(w));
    let pictures = "img, picture, video, figure, svg";
    only_image_words
        && node.parent().is_none_or(|parent| {
            let parent = dom_query::Selection::from(parent);
            parent.select(pictures).is_empty()
        })
}

fn hidden(node: &NodeRef<'_>) -> bool {
    node.has_attr("hidden")
        || node
            .attr("aria-hidden")
            .is_some_and(|v| v.as_ref() == "true")
        || crate::html::clean::hidden_by_style(node)
}

/// Adds the visible dates, best first; returns every full date the page
/// shows anywhere (outside the parts never read), for telling whether a
/// declared date is one a reader ever sees.
pub fn dates(
    doc: &Document,
    title: &str,
    order: Order,
    out: &mut Vec<Candidate>,
) -> Vec<PartialDate> {
    let total = doc.select("body").text().chars().count();
    let mut walk = Walk {
        items: Vec::new(),
        total,
    };
    for body in doc.select("body").nodes() {
        walk.node(body, false, false);
    }
    // The items joined into one text, so that a date split over elements
    // ("<b>6.</b> August 2019") reads whole; `starts` maps back to items.
    let mut text = String::new();
    let mut starts = Vec::with_capacity(walk.items.len());
    for item in &walk.items {
        starts.push(text.len());
        text.push_str(&item.text);
        text.push(' ');
    }
    let item_at = |at: usize| starts.partition_point(|&s| s <= at).saturating_sub(1);
    let headline = headline_span(&walk.items, &starts, title);
    let mut ranked: Vec<(usize, Candidate)> = Vec::new();
    let mut shown = Vec::new();
    let mut previous_end = 0;
    for found in in_text(&text, order) {
        if found.date.day.is_none() {
            continue;
        }
        shown.push(found.date);
        // "30.10.23": a two-digit year is read only where a date is expected.
        if found.loose && !walk.items[item_at(found.at)].marked {
            continue;
        }
        let item = &walk.items[item_at(found.at)];
        let label_from = previous_end.max(found.at.saturating_sub(40));
        let before = text[text.floor_char_boundary(label_from)..found.at].to_lowercase();
        previous_end = found.end;
        let labelled = PUBLISHED.iter().any(|w| before.contains(w));
        // Near the headline, a line that is little more than a date is a date
        // line, marked or not (a date inside a sentence is the story's).
        let marked = item.marked || (found.end - found.at) * 2 >= item.text.len();
        let distance = match headline {
            // A date in the headline itself ("06.08.2019 – Council meets").
            Some(_) if item.headline => Some(5_000),
            Some((_, end)) if found.at >= end => {
                let d = found.at - end;
                let limit = if marked { MARKED_AFTER } else { PLAIN_AFTER };
                (d <= limit).then_some(d)
            }
            // Inside a headline found by its words rather than its `<h1>`:
            // neither before nor after it (and no underflow in a debug build).
            Some((start, _)) => start.checked_sub(found.at).and_then(|d| {
                let limit = if marked { MARKED_BEFORE } else { PLAIN_BEFORE };
                (d <= limit).then_some(2 * d)
            }),
            None => item.marked.then_some(found.at),
        };
        // A date labelled as the publication's (or the update's) counts
        // wherever it stands.
        let updated = UPDATED.iter().any(|w| before.contains(w));
        let distance = distance.or((labelled || updated).then_some(20_000 + found.at));
        let Some(distance) = distance else { continue };
        let kind = if updated {
            Kind::Modified
        } else {
            Kind::Published
        };
        // Marked dates first: a date line outranks a date in a sentence.
        let rank = distance + if marked { 0 } else { 10_000 };
        let stamp = item
            .stamp
            .filter(|s| s.date == found.date)
            .unwrap_or(Stamp {
                date: found.date,
                zone: Zone::Unknown,
                clock: None,
            });
        ranked.push((rank, Candidate::new(stamp, kind, Tier::Visible, "text")));
    }
    ranked.sort_by_key(|(rank, _)| *rank);
    for kind in [Kind::Published, Kind::Modified] {
        let mine = ranked.iter().filter(|(_, c)| c.kind == kind);
        out.extend(mine.clone().take(KEEP).map(|(_, c)| c.clone()));
        // Further timestamps with a clock stay, last: they can only serve as
        // the local twin of a UTC instant (see `local_twin`).
        out.extend(
            mine.skip(KEEP)
                .filter(|(_, c)| c.stamp.clock.is_some())
                .map(|(_, c)| c.clone()),
        );
    }
    shown
}

/// Where the headline's text starts and ends: the `<h1>` that reads like the
/// page's title, else any text that begins like the title (the `<h1>` may be
/// the site's logo), else the first `<h1>` long enough to be a headline.
fn headline_span(items: &[Item], starts: &[usize], title: &str) -> Option<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if !item.headline {
            continue;
        }
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == i => *last = i,
            _ => runs.push((i, i)),
        }
    }
    let run_text = |(a, b): (usize, usize)| {
        (a..=b)
            .map(|i| items[i].text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let title_start: String = title.chars().take(30).collect::<String>().to_lowercase();
    let like_title =
        |t: &str| title_start.chars().count() >= 10 && t.to_lowercase().contains(&title_start);
    let span = |(a, b): (usize, usize)| (starts[a], starts[b] + items[b].text.len());
    if let Some(run) = runs.iter().find(|r| like_title(&run_text(**r))) {
        return Some(span(*run));
    }
    if let Some(i) = items.iter().position(|item| like_title(&item.text)) {
        return Some(span((i, i)));
    }
    runs.iter()
        .find(|r| run_text(**r).chars().count() >= 15)
        .or(runs.first())
        .map(|run| span(*run))
}
