//! What cites a quotation: the footnote, Pandoc citation, link or "X said" next
//! to it, looked for in its own sentence.
//!
//! "Nearby" means the words between the quotation and the end of its sentence
//! (where ", Reuters said.[3]" sits), the words from the start of its sentence
//! up to it ("According to Reuters, “...”"), and the quotation itself (a linked
//! quotation, a mark before the closing quote). Windows stop at the paragraph
//! and at the neighbouring quotations, so one quotation never takes another's
//! citation. When several kinds are present the most precise wins: a footnote,
//! then a Pandoc key, then a link, then a name.

use super::said::{self, Said};
use super::Citation;
use crate::Draft;

/// How far from a quotation its citation may be, in chars.
const REACH: usize = 160;

/// What was found: the citation, and whether anything attributes the quotation
/// at all (a pronoun attributes without naming).
pub(crate) struct Nearby {
    pub cited: Option<Citation>,
    pub attributed: bool,
}

/// The sentence around a quotation: `before` is the start of the words leading
/// up to the opening mark, `after` the end of the words following the closing one.
pub(crate) struct Window {
    pub before: usize,
    pub open: usize,
    pub close: usize,
    pub after: usize,
}

impl Window {
    /// The window of an inline quotation with marks at `open` and `close`, not
    /// reaching past `prev` and `next` (the neighbouring quotations' marks).
    pub fn inline(chars: &[char], open: usize, close: usize, prev: usize, next: usize) -> Window {
        let mut before = open;
        while before > prev && open - before < REACH && !paragraph_edge(chars, before - 1) {
            let c = chars[before - 1];
            if ".!?".contains(c) && chars.get(before).is_some_and(|n| n.is_whitespace()) {
                break;
            }
            before -= 1;
        }
        let mut after = close + 1;
        // A quotation ending in a full stop ends its sentence ("... this year.”
        // According to the IEA, ..." is about the next quotation); only a mark
        // or citation right after the closing mark still belongs to it.
        let ends_sentence = close > 0 && chars[close - 1] == '.';
        let limit = if ends_sentence {
            close + 1
        } else {
            next.min(chars.len())
        };
        while after < limit && after - close < REACH && !paragraph_edge(chars, after) {
            let c = chars[after];
            after += 1;
            if ".!?".contains(c)
                && chars
                    .get(after)
                    .is_none_or(|n| n.is_whitespace() || *n == '[')
            {
                break;
            }
        }
        Window {
            before,
            open,
            close,
            after,
        }
    }

    /// The window of a block quote: the sentence that introduces it (the end of
    /// the paragraph before) and nothing after but a mark right at its end.
    pub fn block(chars: &[char], start: usize, end: usize) -> Window {
        let mut before = start;
        while before > 0 && chars[before - 1].is_whitespace() {
            before -= 1;
        }
        let intro_end = before;
        while before > 0 && intro_end - before < REACH && !paragraph_edge(chars, before - 1) {
            let c = chars[before - 1];
            if ".!?".contains(c) && before < intro_end && chars[before].is_whitespace() {
                break;
            }
            before -= 1;
        }
        Window {
            before,
            open: start,
            close: end,
            after: end,
        }
    }
}

/// A blank line at `i`: a line break with another right after (spaces aside).
fn paragraph_edge(chars: &[char], i: usize) -> bool {
    chars[i] == '\n'
        && chars[i + 1..]
            .iter()
            .take_while(|c| **c != '\n')
            .all(|c| c.is_whitespace())
        && chars[i + 1..].contains(&'\n')
        || (chars[i] == '\n' && i > 0 && chars[i - 1] == '\n')
}

/// The citation of a quotation in its window; `trailing` is a name given on a
/// block quote's last line ("— Jane Doe").
pub(crate) fn citation(
    draft: &Draft,
    chars: &[char],
    w: &Window,
    trailing: Option<String>,
) -> Nearby {
    let reach_end = (w.after + 2).min(chars.len());
    let touches = |s: usize, e: usize| s < reach_end && e > w.before;
    let mark_after = |s: usize| s >= w.open && s <= reach_end;
    if let Some(note) = draft.footnotes.iter().find(|f| mark_after(f.mark_start)) {
        return found(Citation::Footnote(note.text.clone()));
    }
    if let Some(cite) = draft
        .citations
        .iter()
        .find(|c| mark_after(c.start) || (c.start >= w.before && c.end <= w.open))
    {
        if let Some(key) = cite.keys.first() {
            return found(Citation::Key(key.clone()));
        }
    }
    if let Some(link) = draft.links.iter().find(|l| touches(l.start, l.end)) {
        return found(Citation::Url(link.url.clone()));
    }
    if let Some(name) = trailing {
        return found(Citation::Said(name));
    }
    let text = |a: usize, b: usize| -> String {
        let b = b.min(chars.len());
        chars[a.min(b)..b].iter().collect()
    };
    let said = said::after(&text(w.close + 1, w.after.max(w.close + 1)))
        .or_else(|| said::before(&text(w.before, w.open)));
    match said {
        Some(Said::Name(name)) => found(Citation::Said(name)),
        Some(Said::Pronoun) => Nearby {
            cited: None,
            attributed: true,
        },
        None => Nearby {
            cited: None,
            attributed: false,
        },
    }
}

fn found(cited: Citation) -> Nearby {
    Nearby {
        cited: Some(cited),
        attributed: true,
    }
}
