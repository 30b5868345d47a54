//! The exact match: the only way to a "verified".
//!
//! Each part of the quote must match a run of passage tokens literally (first
//! word's first letter folded, a bracket standing for at most a few tokens, a
//! glob for one word), and the parts must come in order. The first part is tried
//! at every position; each later part is taken at its first match after the part
//! before it, which is enough to find an ordering whenever one exists, since
//! taking a later match can only leave less room for the parts that follow.

use super::pattern::{glob_matches, Elem, ElemKind, Pattern};
use super::{chars_to_string, gap_before, original_range, Comparison, Flags, Passage};
use crate::tokens::same;

/// One quote token matched to one passage token.
type Pair = (usize, usize);

pub(crate) fn find(q: &Pattern, p: &Passage) -> Option<Comparison> {
    let n = p.tokens.len();
    for start in 0..n {
        let mut pairs = Vec::new();
        let Some(end) = match_at(q, &q.segments[0], p, start, &mut pairs) else {
            continue;
        };
        let mut runs = vec![(start, end)];
        let mut from = end;
        let mut complete = true;
        for seg in &q.segments[1..] {
            let found = (from..=n).find_map(|s| {
                let mark = pairs.len();
                let r = match_at(q, seg, p, s, &mut pairs).map(|e| (s, e));
                if r.is_none() {
                    pairs.truncate(mark);
                }
                r
            });
            match found {
                Some((s, e)) => {
                    runs.push((s, e));
                    from = e;
                }
                None => {
                    complete = false;
                    break;
                }
            }
        }
        if complete {
            return Some(verified(q, p, &runs, &pairs));
        }
    }
    None
}

/// Matches one part at passage token `at`; returns the token after its end, and
/// records which quote token matched which passage token.
fn match_at(
    q: &Pattern,
    elems: &[Elem],
    p: &Passage,
    at: usize,
    pairs: &mut Vec<Pair>,
) -> Option<usize> {
    let Some((elem, rest)) = elems.split_first() else {
        return Some(at);
    };
    match &elem.kind {
        ElemKind::Gap { max } => {
            for k in 0..=*max {
                if at + k > p.tokens.len() {
                    break;
                }
                let mark = pairs.len();
                if let Some(end) = match_at(q, rest, p, at + k, pairs) {
                    return Some(end);
                }
                pairs.truncate(mark);
            }
            None
        }
        ElemKind::Lit { fold_first } => {
            let ok = at < p.tokens.len()
                && p.tokens[at].kind == q.tokens[elem.toks.0].kind
                && same(q.text_of(elem.toks.0), p.text_of(at), *fold_first);
            if !ok {
                return None;
            }
            pairs.push((elem.toks.0, at));
            match_at(q, rest, p, at + 1, pairs)
        }
        ElemKind::Glob { parts } => {
            let ok =
                at < p.tokens.len() && p.tokens[at].is_word() && glob_matches(parts, p.text_of(at));
            if !ok {
                return None;
            }
            match_at(q, rest, p, at + 1, pairs)
        }
    }
}

fn verified(q: &Pattern, p: &Passage, runs: &[(usize, usize)], pairs: &[Pair]) -> Comparison {
    let last_run = runs.last().expect("a verified quote has a part");
    let span = (
        original_range(&p.norm, &p.tokens, runs[0].0, runs[0].0).0,
        original_range(&p.norm, &p.tokens, last_run.1 - 1, last_run.1 - 1).1,
    );
    let omitted = runs
        .windows(2)
        .filter(|w| w[1].0 > w[0].1)
        .map(|w| {
            let (from, to) = original_range(&p.norm, &p.tokens, w[0].1, w[1].0 - 1);
            chars_to_string(&p.original[from..to])
        })
        .collect();
    Comparison::Verified {
        flags: Flags {
            typographic: typographic(q, p, pairs),
            elided: q.elided,
            bracketed: q.bracketed,
        },
        span,
        omitted,
    }
}

/// Whether the normalisation was needed: a matched token, or the spacing between
/// two tokens adjacent on both sides, differs in the original texts.
fn typographic(q: &Pattern, p: &Passage, pairs: &[Pair]) -> bool {
    let token_differs = pairs.iter().any(|&(a, x)| {
        let (qs, qe) = original_range(&q.norm, &q.tokens, a, a);
        let (ps, pe) = original_range(&p.norm, &p.tokens, x, x);
        q.original[qs..qe] != p.original[ps..pe]
    });
    token_differs
        || pairs.windows(2).any(|w| {
            let ((a, x), (b, y)) = (w[0], w[1]);
            b == a + 1
                && y == x + 1
                && gap_before(&q.original, &q.norm, &q.tokens, b)
                    != gap_before(&p.original, &p.norm, &p.tokens, y)
        })
}
