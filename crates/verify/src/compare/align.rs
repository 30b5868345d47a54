//! The closest passage window by a word-level fitting alignment, and its diff.
//!
//! Rows are the quote's elements (ellipses between parts included), columns the
//! passage's tokens (within the window [`anchor`] places the quote in).
//! Starting and ending anywhere in the passage is free; a word added or changed
//! costs 10, a source word dropped 7, a punctuation mark 3 or 2 (a dropped comma
//! is a smaller change than a dropped word, and never the cheaper way to explain
//! a changed word); after an ellipsis the passage may run on for free, after a
//! bracket at 1 a token. Tokens are compared by number ([`Ids`]). The cheapest
//! path is traced back into the diff and scored.

use super::anchor;
use super::ids::Ids;
use super::pattern::{glob_matches, ElemKind, Pattern};
use super::{chars_to_string, gap_before, original_range, Comparison, DiffKind, DiffPart, Passage};
use crate::tokens::{is_ideograph, Kind};

const WORD: u32 = 10;
const PUNCT: u32 = 3;
/// A source word left out costs a little less than a word put in, so that
/// "extraordinary [changed] art" aligns from "extraordinary" rather than
/// starting later for free and calling the first word an addition.
const WORD_DROPPED: u32 = 7;
const PUNCT_DROPPED: u32 = 2;
const BRACKET_SKIP: u32 = 1;
const NONE: u32 = u32::MAX / 2;
/// The largest table built, in cells (about 20 MB): a quote of a few hundred
/// words against a long passage's window fits many times over. Beyond it (a
/// book pasted as one block quote) only the exact match is tried.
const MAX_CELLS: usize = 4_000_000;

/// A row of the table: a quote element, or an ellipsis between two parts.
#[derive(Clone, Copy)]
enum Row<'a> {
    Elem(&'a super::pattern::Elem),
    Ellipsis,
}

#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Step {
    Left = 0,
    Diag = 1,
    Up = 2,
}

impl From<u8> for Step {
    fn from(b: u8) -> Step {
        match b {
            1 => Step::Diag,
            2 => Step::Up,
            _ => Step::Left,
        }
    }
}

/// A quick rejection before the table: too few of the quote's words occur in the
/// passage at all for an alignment to reach the "altered" threshold.
pub(crate) fn worth_aligning(ids: &Ids) -> bool {
    ids.distinct_words > 0 && ids.shared_words() * 5 >= ids.distinct_words * 2
}

pub(crate) fn align(q: &Pattern, p: &Passage, ids: &Ids) -> Comparison {
    let whole = (0, p.tokens.len());
    let window = anchor::window(q, ids, whole.1);
    match align_in(q, p, ids, window) {
        // A third of the words in place but not close: the quote may be
        // elsewhere in full (repetitive text misleads the votes), so look there.
        (Comparison::NoMatch, share) if window != whole && share >= 0.3 => {
            align_in(q, p, ids, whole).0
        }
        (found, _) => found,
    }
}

/// The alignment against passage tokens `lo..hi`, with the share of the quote's
/// words it matched.
fn align_in(q: &Pattern, p: &Passage, ids: &Ids, (lo, hi): (usize, usize)) -> (Comparison, f32) {
    let rows = rows(q);
    let (m, n) = (rows.len(), hi - lo);
    if (m + 1) * (n + 1) > MAX_CELLS {
        return (Comparison::NoMatch, 0.0);
    }
    let width = n + 1;
    let mut cost = vec![0u32; (m + 1) * width];
    // Zeroed (Left) memory is cheap to allocate; the table is filled row by row.
    let mut step = vec![Step::Left as u8; (m + 1) * width];
    for i in 1..=m {
        let row = rows[i - 1];
        let (prev, cur) = ((i - 1) * width, i * width);
        let up_c = up_cost(q, row);
        // Most rows are literal tokens: their costs are worked out inline.
        let lit = match row {
            Row::Elem(e) if matches!(e.kind, ElemKind::Lit { .. }) => {
                Some((ids.keys[e.toks.0], q.tokens[e.toks.0].kind))
            }
            _ => None,
        };
        cost[cur] = cost[prev] + up_c;
        step[cur] = Step::Up as u8;
        for j in 1..=n {
            let pj = lo + j - 1;
            let pk = p.tokens[pj].kind;
            let (d, l) = match lit {
                Some((key, qk)) => {
                    let d = if key.contains(&ids.tokens[pj]) {
                        0
                    } else if qk == pk {
                        token_cost(qk)
                    } else {
                        WORD + PUNCT
                    };
                    let l = if pk == Kind::Word {
                        WORD_DROPPED
                    } else {
                        PUNCT_DROPPED
                    };
                    (d, l)
                }
                None => (diag_cost(q, row, ids, p, pj), left_cost(row, p, pj)),
            };
            let diag = cost[prev + j - 1].saturating_add(d);
            let up = cost[prev + j] + up_c;
            let left = cost[cur + j - 1] + l;
            let (c, s) = if diag <= up && diag <= left {
                (diag, Step::Diag)
            } else if up <= left {
                (up, Step::Up)
            } else {
                (left, Step::Left)
            };
            cost[cur + j] = c;
            step[cur + j] = s as u8;
        }
    }
    let end = (0..=n).min_by_key(|&j| cost[m * width + j]).unwrap_or(0);
    let path: Vec<(Step, usize, usize)> = trace(&step, width, m, end)
        .into_iter()
        .map(|(s, i, j)| (s, i, j + lo))
        .collect();
    judge(q, p, &rows, ids, &path)
}

fn rows(q: &Pattern) -> Vec<Row<'_>> {
    let mut rows = Vec::new();
    for (k, seg) in q.segments.iter().enumerate() {
        if k > 0 {
            rows.push(Row::Ellipsis);
        }
        rows.extend(seg.iter().map(Row::Elem));
    }
    rows
}

fn token_cost(kind: Kind) -> u32 {
    match kind {
        Kind::Word => WORD,
        Kind::Punct => PUNCT,
    }
}

fn up_cost(q: &Pattern, row: Row) -> u32 {
    match row {
        Row::Ellipsis => 0,
        Row::Elem(e) => match e.kind {
            ElemKind::Gap { .. } => 0,
            ElemKind::Glob { .. } => WORD,
            ElemKind::Lit { .. } => token_cost(q.tokens[e.toks.0].kind),
        },
    }
}

fn left_cost(row: Row, p: &Passage, j: usize) -> u32 {
    match row {
        Row::Ellipsis => 0,
        Row::Elem(e) if matches!(e.kind, ElemKind::Gap { .. }) => BRACKET_SKIP,
        Row::Elem(_) => match p.tokens[j].kind {
            Kind::Word => WORD_DROPPED,
            Kind::Punct => PUNCT_DROPPED,
        },
    }
}

fn diag_cost(q: &Pattern, row: Row, ids: &Ids, p: &Passage, j: usize) -> u32 {
    let Row::Elem(e) = row else { return NONE };
    let pk = p.tokens[j].kind;
    match &e.kind {
        ElemKind::Gap { .. } => NONE,
        ElemKind::Glob { parts } => {
            if pk == Kind::Word && glob_matches(parts, p.text_of(j)) {
                0
            } else {
                WORD + if pk == Kind::Punct { PUNCT } else { 0 }
            }
        }
        ElemKind::Lit { .. } => {
            let qk = q.tokens[e.toks.0].kind;
            if ids.keys[e.toks.0].contains(&ids.tokens[j]) {
                0
            } else if qk == pk {
                token_cost(qk)
            } else {
                WORD + PUNCT
            }
        }
    }
}

/// The steps from (0, ?) to (m, end), in order, each with the cell it enters.
fn trace(step: &[u8], width: usize, m: usize, end: usize) -> Vec<(Step, usize, usize)> {
    let (mut i, mut j) = (m, end);
    let mut path = Vec::new();
    while i > 0 {
        let s = Step::from(step[i * width + j]);
        path.push((s, i, j));
        match s {
            Step::Diag => {
                i -= 1;
                j -= 1;
            }
            Step::Up => i -= 1,
            Step::Left => j -= 1,
        }
    }
    path.reverse();
    path
}

/// Scores the path and, when close enough, turns it into the "altered" result;
/// also gives the share of the quote's words matched.
fn judge(
    q: &Pattern,
    p: &Passage,
    rows: &[Row],
    ids: &Ids,
    path: &[(Step, usize, usize)],
) -> (Comparison, f32) {
    let mut matched = 0usize;
    let mut matched_long = 0usize;
    // The longest run of quote words matched one after another.
    let (mut run, mut longest_run) = (0usize, 0usize);
    let mut span_words = 0usize;
    let mut diff = DiffBuilder::new(q, p);
    // Passage token ranges of each part, for the suggestion; and the whole span.
    let mut parts: Vec<Option<(usize, usize)>> = vec![None];
    let mut covered: Option<(usize, usize)> = None;
    let cover = |range: &mut Option<(usize, usize)>, j: usize| {
        *range = Some(range.map_or((j, j), |(a, _)| (a, j)));
    };
    for &(s, i, j) in path {
        let row = rows[i - 1];
        match (s, row) {
            (Step::Up, Row::Ellipsis) => parts.push(None),
            (Step::Up, Row::Elem(e)) => {
                run = 0;
                let kind = match e.kind {
                    ElemKind::Gap { .. } => DiffKind::Bracketed,
                    _ => DiffKind::Added,
                };
                diff.quote(kind, e.toks);
            }
            (Step::Left, row) => {
                let pj = j - 1;
                cover(&mut covered, pj);
                let skipped = matches!(row, Row::Ellipsis)
                    || matches!(row, Row::Elem(e) if matches!(e.kind, ElemKind::Gap { .. }));
                if skipped {
                    diff.passage(DiffKind::Elided, pj);
                } else {
                    run = 0;
                    cover(parts.last_mut().expect("a part"), pj);
                    span_words += p.tokens[pj].is_word() as usize;
                    diff.passage(DiffKind::Removed, pj);
                }
            }
            (Step::Diag, Row::Elem(e)) => {
                let pj = j - 1;
                cover(&mut covered, pj);
                cover(parts.last_mut().expect("a part"), pj);
                span_words += p.tokens[pj].is_word() as usize;
                if diag_cost(q, row, ids, p, pj) == 0 {
                    if e.is_word(&q.tokens) {
                        matched += 1;
                        matched_long += is_long(p.text_of(pj)) as usize;
                        run += 1;
                        longest_run = longest_run.max(run);
                    }
                    diff.passage(DiffKind::Same, pj);
                } else {
                    run = 0;
                    diff.passage(DiffKind::Removed, pj);
                    diff.quote(DiffKind::Added, e.toks);
                }
            }
            (Step::Diag, Row::Ellipsis) => unreachable!("an ellipsis never matches a token"),
        }
    }
    let words = q.word_count();
    let long = q
        .elems()
        .filter(|e| matches!(e.kind, ElemKind::Lit { .. }) && e.is_word(&q.tokens))
        .filter(|e| is_long(q.text_of(e.toks.0)))
        .count();
    let score = matched as f32 / words.max(span_words).max(1) as f32;
    // Close means: half the words in place, and either half the longer words or
    // three words in a row, so that "of the" alone never makes a match.
    let close = score >= 0.5
        && matched >= words.min(3)
        && (matched_long * 2 >= long || longest_run >= 3.min(words));
    let share = matched as f32 / words.max(1) as f32;
    let Some((first, last)) = covered.filter(|_| close) else {
        return (Comparison::NoMatch, share);
    };
    let suggestion = parts
        .iter()
        .flatten()
        .map(|&(a, b)| {
            let (from, to) = original_range(&p.norm, &p.tokens, a, b);
            chars_to_string(&p.original[from..to])
        })
        .collect::<Vec<_>>()
        .join(" … ");
    let (from, _) = original_range(&p.norm, &p.tokens, first, first);
    let (_, to) = original_range(&p.norm, &p.tokens, last, last);
    let altered = Comparison::Altered {
        diff: diff.finish(),
        suggestion,
        span: (from, to),
        score,
    };
    (altered, share)
}

/// Words that carry meaning in most languages: four letters or more, numbers,
/// ideographs. Requiring half of them keeps "of the" from making a match.
fn is_long(word: &str) -> bool {
    word.chars().count() >= 4 || word.chars().any(|c| c.is_ascii_digit() || is_ideograph(c))
}

/// Collects diff parts, merging runs of one kind, with each piece's own spacing.
struct DiffBuilder<'a> {
    q: &'a Pattern,
    p: &'a Passage,
    parts: Vec<DiffPart>,
}

impl<'a> DiffBuilder<'a> {
    fn new(q: &'a Pattern, p: &'a Passage) -> Self {
        DiffBuilder {
            q,
            p,
            parts: Vec::new(),
        }
    }

    fn passage(&mut self, kind: DiffKind, j: usize) {
        let p = self.p;
        let gap = chars_to_string(gap_before(&p.original, &p.norm, &p.tokens, j));
        let (from, to) = original_range(&p.norm, &p.tokens, j, j);
        self.push(kind, gap, chars_to_string(&p.original[from..to]));
    }

    fn quote(&mut self, kind: DiffKind, toks: (usize, usize)) {
        let q = self.q;
        let gap = chars_to_string(gap_before(&q.original, &q.norm, &q.tokens, toks.0));
        let (from, to) = original_range(&q.norm, &q.tokens, toks.0, toks.1 - 1);
        self.push(kind, gap, chars_to_string(&q.original[from..to]));
    }

    fn push(&mut self, kind: DiffKind, gap: String, text: String) {
        let lead = if self.parts.is_empty() {
            String::new()
        } else {
            gap
        };
        match self.parts.last_mut() {
            Some(last) if last.kind == kind => {
                last.text.push_str(&lead);
                last.text.push_str(&text);
            }
            _ => self.parts.push(DiffPart {
                kind,
                text: lead + &text,
            }),
        }
    }

    fn finish(self) -> Vec<DiffPart> {
        self.parts
    }
}
