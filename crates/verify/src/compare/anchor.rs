//! Where in a passage to align a quote: the window its shared word pairs point to.
//!
//! The alignment table costs quote × passage tokens, and most of a 1,200-character
//! passage is nowhere near the quote. Each pair of consecutive quote words found
//! in the passage votes for an offset (passage word index minus quote word
//! index); the offset with most votes within a few words places the quote, and
//! the table is built over that stretch with a margin of half the quote (at
//! least five words) on each side, enough for words added or dropped. If the
//! quote is not close there, the whole passage is aligned after all: the window
//! only saves time, it never decides. Without a shared pair, single
//! longer words vote. A quote with an ellipsis may stretch over the passage, so
//! it gets the whole passage.

use super::ids::Ids;
use super::pattern::Pattern;
use std::collections::HashMap;

/// The passage tokens `lo..hi` (of `n`) to align the quote against.
pub(crate) fn window(q: &Pattern, ids: &Ids, n: usize) -> (usize, usize) {
    let whole = (0, n);
    if q.segments.len() > 1 {
        return whole;
    }
    let quote = &ids.quote_words;
    let words: Vec<u32> = ids.words.iter().map(|(_, id)| *id).collect();
    // Where each passage word occurs in the quote, by the passage's word ids.
    let mut in_quote: Vec<Vec<usize>> = vec![Vec::new(); ids.distinct_words];
    for (qk, id) in quote.iter().enumerate() {
        in_quote[*id as usize].push(qk);
    }
    let positions = |id: u32| {
        in_quote
            .get(id as usize)
            .map(Vec::as_slice)
            .unwrap_or_default()
    };
    let mut votes: HashMap<isize, usize> = HashMap::new();
    for k in 0..words.len().saturating_sub(1) {
        for &qk in positions(words[k]) {
            if quote.get(qk + 1) == Some(&words[k + 1]) {
                *votes.entry(k as isize - qk as isize).or_default() += 1;
            }
        }
    }
    if votes.is_empty() {
        let long: Vec<bool> = q
            .words_lower()
            .iter()
            .map(|w| w.chars().count() >= 4)
            .collect();
        for (k, id) in words.iter().enumerate() {
            for &qk in positions(*id).iter().filter(|&&qk| long[qk]) {
                *votes.entry(k as isize - qk as isize).or_default() += 1;
            }
        }
    }
    // A word added or dropped shifts the offset of the pairs after it by one, so
    // votes count for their neighbours too: the quote's place is where most fall
    // within a few words.
    let tolerance = 3;
    let Some(offset) = votes
        .keys()
        .map(|&o| {
            let near: usize = (o - tolerance..=o + tolerance)
                .filter_map(|n| votes.get(&n))
                .sum();
            (near, -o, o)
        })
        .max()
        .map(|(_, _, o)| o)
    else {
        return whole;
    };
    let slack = (quote.len() / 2).max(5) as isize;
    let first = (offset - slack).max(0) as usize;
    let last = (offset + quote.len() as isize + slack).max(0) as usize;
    let lo = if first == 0 {
        0
    } else {
        ids.words.get(first).map_or(whole.1, |(t, _)| *t)
    };
    let hi = ids.words.get(last).map_or(whole.1, |(t, _)| *t);
    (lo, hi.max(lo))
}
