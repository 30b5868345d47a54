//! Where in a passage to align a quote: the window its shared word pairs point to.
//!
//! The alignment table costs quote × passage tokens, and most of a 1,200-character
//! passage is nowhere near the quote. Each pair of consecutive quote words found
//! in the passage votes for an offset (passage word index minus quote word
//! index); the offset with most votes places the quote, and the table is built
//! over that stretch with a margin of half the quote (at least five words) on
//! each side, enough for words added or dropped. Without a shared pair, single
//! longer words vote. A quote with an ellipsis may stretch over the passage, so
//! it gets the whole passage.

use super::pattern::Pattern;
use super::Passage;
use std::collections::HashMap;

/// The passage tokens `lo..hi` to align the quote against.
pub(crate) fn window(q: &Pattern, p: &Passage) -> (usize, usize) {
    let whole = (0, p.tokens.len());
    if q.segments.len() > 1 {
        return whole;
    }
    let quote: Vec<Option<u32>> = q
        .words_lower()
        .iter()
        .map(|w| p.lower_vocabulary.get(w).copied())
        .collect();
    let words: Vec<u32> = p.words.iter().map(|(_, id)| *id).collect();
    // Where each passage word occurs in the quote, by the passage's word ids.
    let mut in_quote: Vec<Vec<usize>> = vec![Vec::new(); p.lower_vocabulary.len()];
    for (qk, id) in quote.iter().enumerate() {
        if let Some(id) = id {
            in_quote[*id as usize].push(qk);
        }
    }
    let mut votes: HashMap<isize, usize> = HashMap::new();
    for k in 0..words.len().saturating_sub(1) {
        for &qk in &in_quote[words[k] as usize] {
            if quote.get(qk + 1) == Some(&Some(words[k + 1])) {
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
            for &qk in in_quote[*id as usize].iter().filter(|&&qk| long[qk]) {
                *votes.entry(k as isize - qk as isize).or_default() += 1;
            }
        }
    }
    let Some((&offset, _)) = votes.iter().max_by_key(|(offset, n)| (**n, -**offset)) else {
        return whole;
    };
    let slack = (quote.len() / 2).max(5) as isize;
    let first = (offset - slack).max(0) as usize;
    let last = (offset + quote.len() as isize + slack).max(0) as usize;
    let lo = if first == 0 {
        0
    } else {
        p.words.get(first).map_or(whole.1, |(t, _)| *t)
    };
    let hi = p.words.get(last).map_or(whole.1, |(t, _)| *t);
    (lo, hi.max(lo))
}
