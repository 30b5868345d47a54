//! The exact match: the only way to a "verified".
//!
//! Each part of the quote must match a run of passage tokens literally (first
//! word's first letter folded, a bracket standing for at most a few tokens, a
//! glob for one word), and the parts must come in order. The first part is tried
//! at every position; each later part is taken at its first match after the part
//! before it, which is enough to find an ordering whenever one exists, since
//! taking a later match can only leave less room for the parts that follow.
//! Brackets make the search branch (each may stand for 0 to 12 tokens), so it
//! has a budget of steps: a quote written to exhaust it is not verified, and
//! goes on to the alignment, which takes polynomial time whatever the quote.

use super::pattern::{glob_matches, Elem, ElemKind, Pattern};
use super::{chars_to_string, gap_before, original_range, Comparison, Flags, Passage};
use crate::tokens::same;

/// One quote token matched to one passage token.
type Pair = (usize, usize);

/// Steps the search may take for one quote and passage, besides a few for each
/// passage token: far more than any quote with a few brackets needs.
const BUDGET: usize = 200_000;

pub(crate) fn find(q: &Pattern, p: &Passage) -> Option<Comparison> {
    let n = p.tokens.len();
    let mut budget = BUDGET + 8 * n;
    for start in 0..n {
        let mut pairs = Vec::new();
        let Some(end) = match_at(q, &q.segments[0], p, start, &mut pairs, &mut budget) else {
            continue;
        };
        let mut runs = vec![(start, end)];
        let mut from = end;
        let mut complete = true;
        for seg in &q.segments[1..] {
            let found = (from..=n).find_map(|s| {
                let mark = pairs.len();
                let r = match_at(q, seg, p, s, &mut pairs, &mut budget).map(|e| (s, e));
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
        if budget == 0 {
            return None;
        }
    }
    None
}

/// A bracket being tried: which element, where it starts, how many tokens it
/// stands for now, and how many pairs were recorded before it.
struct Choice {
    elem: usize,
    at: usize,
    len: usize,
    pairs: usize,
}

/// Matches one part at passage token `at`; returns the token after its end, and
/// records which quote token matched which passage token. Backtracking over
/// brackets uses a stack of its own, so a quote of any length (a book pasted
/// as a block quote) cannot exhaust the thread's stack.
fn match_at(
    q: &Pattern,
    elems: &[Elem],
    p: &Passage,
    start: usize,
    pairs: &mut Vec<Pair>,
    budget: &mut usize,
) -> Option<usize> {
    let n = p.tokens.len();
    let mut choices: Vec<Choice> = Vec::new();
    let (mut e, mut at) = (0, start);
    loop {
        if *budget == 0 {
            return None;
        }
        *budget -= 1;
        let Some(elem) = elems.get(e) else {
            return Some(at);
        };
        let matched = match &elem.kind {
            ElemKind::Gap { .. } => {
                choices.push(Choice {
                    elem: e,
                    at,
                    len: 0,
                    pairs: pairs.len(),
                });
                e += 1;
                continue;
            }
            ElemKind::Lit { fold_first } => {
                at < n
                    && p.tokens[at].kind == q.tokens[elem.toks.0].kind
                    && same(q.text_of(elem.toks.0), p.text_of(at), *fold_first)
            }
            ElemKind::Glob { parts } => {
                at < n && p.tokens[at].is_word() && glob_matches(parts, p.text_of(at))
            }
        };
        if matched {
            if matches!(elem.kind, ElemKind::Lit { .. }) {
                pairs.push((elem.toks.0, at));
            }
            e += 1;
            at += 1;
            continue;
        }
        // Let the latest bracket stand for one token more, or give it up.
        loop {
            let choice = choices.last_mut()?;
            pairs.truncate(choice.pairs);
            let ElemKind::Gap { max } = elems[choice.elem].kind else {
                unreachable!("only brackets are choices")
            };
            if choice.len < max && choice.at + choice.len < n {
                choice.len += 1;
                e = choice.elem + 1;
                at = choice.at + choice.len;
                break;
            }
            choices.pop();
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
