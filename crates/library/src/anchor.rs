//! Re-anchoring clips in a new version of their source's text, after the manner
//! of Hypothesis: the exact quote first (where it occurs more than once, the
//! occurrence whose surrounding text and position best match the clip's prefix,
//! suffix and old offsets), then an approximate match of the quote near where its
//! prefix, suffix or old position say it should be. A clip that cannot be placed
//! is orphaned: it keeps its quote and is shown apart, never dropped.

use model::{Clip, SourceText};
use strsim::normalized_levenshtein;

/// How a clip landed in the new text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    Exact,
    Approximate,
    Orphaned,
}

/// An approximate match must be at least this similar to the saved quote.
const MIN_SIMILARITY: f64 = 0.8;
/// Quotes longer than this are only matched exactly (edit distance is quadratic).
const MAX_FUZZY_CHARS: usize = 1500;
const CONTEXT: usize = 24;

pub fn reanchor(clip: &Clip, text: &SourceText) -> (Clip, Placement) {
    let exact = &clip.quote.exact;
    let old_start = clip.position.start as usize;
    let best_exact = text
        .find_exact(exact)
        .into_iter()
        .map(|(s, e)| {
            (
                context_score(clip, text, s, e) - distance_penalty(old_start, s, text),
                s,
                e,
            )
        })
        .max_by(|a, b| a.0.total_cmp(&b.0));
    if let Some((_, start, end)) = best_exact {
        return (placed(clip, text, start, end, false), Placement::Exact);
    }
    let len = exact.chars().count();
    if len > MAX_FUZZY_CHARS || len == 0 {
        return (orphan(clip), Placement::Orphaned);
    }
    let mut candidates = vec![old_start.min(text.char_len())];
    let prefix = tail(&clip.quote.prefix, CONTEXT);
    if prefix.chars().count() >= 8 {
        candidates.extend(text.find_exact(&prefix).into_iter().map(|(_, e)| e));
    }
    let suffix = head(&clip.quote.suffix, CONTEXT);
    if suffix.chars().count() >= 8 {
        candidates.extend(
            text.find_exact(&suffix)
                .into_iter()
                .map(|(s, _)| s.saturating_sub(len)),
        );
    }
    let mut best: Option<(f64, usize, usize)> = None;
    for &start in &candidates {
        // Try the quote's own length and a little shorter or longer around it.
        for end in [start + len, start + len * 9 / 10, start + len * 11 / 10] {
            let Some(window) = text.slice(start, end.min(text.char_len())) else {
                continue;
            };
            let score = normalized_levenshtein(window, exact);
            if best.is_none_or(|b| score > b.0) {
                best = Some((score, start, end.min(text.char_len())));
            }
        }
    }
    match best {
        Some((score, start, end)) if score >= MIN_SIMILARITY => {
            let (start, end) = trim(text, start, end);
            let (start, end) = whole_words(text, start, end);
            (
                placed(clip, text, start, end, false),
                Placement::Approximate,
            )
        }
        _ => (orphan(clip), Placement::Orphaned),
    }
}

/// Places a quote captured elsewhere (a selection in the browser, whose text
/// runs differ from the extracted text in whitespace and in what was kept) in
/// `text`: every occurrence of the quote, exactly or with loose whitespace,
/// scored by how well its surroundings match the selector's prefix and suffix;
/// else an approximate match as re-anchoring finds one. `None` when the quote
/// is not in the text (a caption or a sidebar the extractor left out).
pub fn place_quote(
    quote: &model::TextQuoteSelector,
    text: &SourceText,
) -> Option<(usize, usize, Placement)> {
    let probe = Clip {
        id: model::ClipId::from("capture"),
        source_id: model::SourceId::from("capture"),
        quote: model::TextQuoteSelector {
            exact: quote.exact.trim().to_owned(),
            prefix: collapse(&quote.prefix),
            suffix: collapse(&quote.suffix),
        },
        position: model::TextPositionSelector { start: 0, end: 0 },
        page: None,
        note: String::new(),
        tags: Vec::new(),
        claims: Vec::new(),
        orphaned: false,
        created_at: 0,
        updated_at: 0,
    };
    let best = text
        .find(&probe.quote.exact)
        .into_iter()
        .map(|(s, e)| (context_score(&probe, text, s, e), s, e))
        .max_by(|a, b| a.0.total_cmp(&b.0));
    if let Some((_, start, end)) = best {
        return Some((start, end, Placement::Exact));
    }
    // Typography a page and its extracted text may spell differently (curly
    // and straight quotes, dashes, no-break spaces): folded one character for
    // one, so offsets in the folded text are offsets in the text.
    let folded = SourceText::new(&[model::Block::paragraph(fold(text.as_str()))]);
    let best = folded
        .find(&fold(&probe.quote.exact))
        .into_iter()
        .map(|(s, e)| (context_score(&probe, &folded, s, e), s, e))
        .max_by(|a, b| a.0.total_cmp(&b.0));
    if let Some((_, start, end)) = best {
        return Some((start, end, Placement::Approximate));
    }
    match reanchor(&probe, text) {
        (_, Placement::Orphaned) => None,
        (placed, how) => Some((
            placed.position.start as usize,
            placed.position.end as usize,
            how,
        )),
    }
}

/// Quotes, dashes and spaces of typography as their plain forms, one
/// character for one.
fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            '\u{00A0}' | '\u{202F}' | '\u{2007}' => ' ',
            c => c,
        })
        .collect()
}

/// Whitespace runs as one space, as the extracted text has them inside a block.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn placed(clip: &Clip, text: &SourceText, start: usize, end: usize, orphaned: bool) -> Clip {
    let (quote, position) = text
        .selectors(start, end)
        .expect("offsets come from this text");
    Clip {
        quote,
        position,
        page: text.page_at(start),
        orphaned,
        ..clip.clone()
    }
}

fn orphan(clip: &Clip) -> Clip {
    Clip {
        orphaned: true,
        ..clip.clone()
    }
}

fn context_score(clip: &Clip, text: &SourceText, start: usize, end: usize) -> f64 {
    let before = text
        .slice(start.saturating_sub(CONTEXT), start)
        .unwrap_or_default();
    let after = text
        .slice(end, (end + CONTEXT).min(text.char_len()))
        .unwrap_or_default();
    normalized_levenshtein(before, &tail(&clip.quote.prefix, CONTEXT))
        + normalized_levenshtein(after, &head(&clip.quote.suffix, CONTEXT))
}

fn distance_penalty(old: usize, new: usize, text: &SourceText) -> f64 {
    old.abs_diff(new) as f64 / text.char_len().max(1) as f64
}

fn tail(s: &str, n: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    chars[chars.len().saturating_sub(n)..].iter().collect()
}

fn head(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// Widens an approximate match that starts or ends inside a word to the whole
/// word: a quote never begins with "n November" when the text says "In
/// November" (the edit distance alone cannot tell the two apart).
fn whole_words(text: &SourceText, start: usize, end: usize) -> (usize, usize) {
    let chars: Vec<char> = text.as_str().chars().collect();
    let in_word = |i: usize| chars.get(i).is_some_and(|c| c.is_alphanumeric());
    let mut start = start.min(chars.len());
    while start > 0 && in_word(start) && in_word(start - 1) {
        start -= 1;
    }
    let mut end = end.min(chars.len()).max(start);
    while end > start && end < chars.len() && in_word(end - 1) && in_word(end) {
        end += 1;
    }
    (start, end)
}

/// Leaves whitespace out at both ends of an approximate match.
fn trim(text: &SourceText, mut start: usize, mut end: usize) -> (usize, usize) {
    let chars: Vec<char> = text.slice(start, end).unwrap_or_default().chars().collect();
    let lead = chars.iter().take_while(|c| c.is_whitespace()).count();
    let trail = chars.iter().rev().take_while(|c| c.is_whitespace()).count();
    start += lead;
    end = end.saturating_sub(trail).max(start);
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{Block, ClipId, SourceId, TextPositionSelector, TextQuoteSelector};

    fn clip_in(old: &str, quote: &str) -> Clip {
        let text = SourceText::new(&[Block::paragraph(old)]);
        let (start, end) = text.find_exact(quote)[0];
        let (q, p) = text.selectors(start, end).unwrap();
        Clip {
            id: ClipId::from("c"),
            source_id: SourceId::from("s"),
            quote: q,
            position: p,
            page: None,
            note: String::new(),
            tags: vec![],
            claims: vec![],
            orphaned: false,
            created_at: 0,
            updated_at: 0,
        }
    }

    fn place(old: &str, quote: &str, new: &str) -> (Placement, String, TextPositionSelector) {
        let clip = clip_in(old, quote);
        let text = SourceText::new(&[Block::paragraph(new)]);
        let (moved, how) = reanchor(&clip, &text);
        let TextQuoteSelector { exact, .. } = moved.quote;
        (how, exact, moved.position)
    }

    #[test]
    fn an_exact_quote_follows_its_text_and_context_picks_among_repeats() {
        let (how, exact, pos) = place(
            "Prices rose. Wages fell.",
            "Wages fell",
            "Update: prices rose sharply. Wages fell.",
        );
        assert_eq!(
            (how, exact.as_str(), pos.start),
            (Placement::Exact, "Wages fell", 29)
        );
        // "the fine" occurs twice in the new text; the clip's context was "Analysts said".
        let (how, _, pos) = place(
            "Analysts said the fine was fair.",
            "the fine",
            "Regulators defended the fine. Analysts said the fine was fair.",
        );
        assert_eq!((how, pos.start), (Placement::Exact, 44));
    }

    #[test]
    fn a_lightly_edited_quote_moves_approximately_and_a_removed_one_is_orphaned() {
        let (how, exact, _) = place(
            "The regulator fined Alibaba a record 18.2 billion yuan on Saturday.",
            "fined Alibaba a record 18.2 billion yuan",
            "The regulator fined Alibaba a record 18.3 billion yuan on Saturday.",
        );
        assert_eq!(
            (how, exact.as_str()),
            (
                Placement::Approximate,
                "fined Alibaba a record 18.3 billion yuan"
            )
        );
        let (how, exact, _) = place(
            "The regulator fined Alibaba a record 18.2 billion yuan on Saturday.",
            "a record 18.2 billion yuan",
            "Nothing about that story remains in this text at all.",
        );
        assert_eq!(
            (how, exact.as_str()),
            (Placement::Orphaned, "a record 18.2 billion yuan"),
            "an orphan keeps its quote"
        );
    }

    /// Issue 11: "Last month" became "In November" before a clip, and the clip
    /// was re-anchored as "n November, Beijing issued…", cutting a word.
    #[test]
    fn an_approximate_match_never_cuts_a_word() {
        let (how, exact, _) = place(
            "Last month, Beijing issued a rule barring platform companies from forcing merchants to choose sides.",
            "month, Beijing issued a rule barring platform companies from forcing merchants",
            "In November, Beijing issued a rule barring platform companies from forcing merchants to choose sides.",
        );
        assert_eq!(
            (how, exact.as_str()),
            (
                Placement::Approximate,
                "November, Beijing issued a rule barring platform companies from forcing merchants"
            ),
            "the match was cut to \"ember, ...\" before"
        );
        let (how, exact, _) = place(
            "Regulators fined the group on Saturday after a probe.",
            "fined the group on Saturday",
            "Regulators fined the groups on Saturdays after a probe.",
        );
        assert_eq!(
            (how, exact.as_str()),
            (Placement::Approximate, "fined the groups on Saturdays")
        );
    }

    #[test]
    fn removed_text_orphans_its_clip() {
        let (how, exact, _) = place(
            "The regulator fined Alibaba a record 18.2 billion yuan on Saturday.",
            "a record 18.2 billion yuan",
            "Nothing about that story remains in this text at all.",
        );
        assert_eq!(
            (how, exact.as_str()),
            (Placement::Orphaned, "a record 18.2 billion yuan"),
            "an orphan keeps its quote"
        );
    }
}
