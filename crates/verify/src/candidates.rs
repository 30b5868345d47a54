//! The two ends of candidate retrieval: which words to ask the index for, and
//! which of the passages it returns decides the quote.
//!
//! Comparing a quote with every passage of every source would be slow and is
//! unnecessary: the library's full-text index finds the ~20 passages that share
//! the quote's most telling words, and the comparison decides among those. The
//! terms must survive a misquote, so they are words, not a phrase: an altered
//! quote still shares most of its longer words with its source, while a phrase
//! query would miss it. Word length stands in for rarity, which the caller's index
//! knows better; the caller ORs the terms and keeps the best-ranked passages.

use crate::compare::{Comparison, Pattern};
use crate::tokens::is_ideograph;

/// How many terms [`search_terms`] returns at most.
pub const MAX_TERMS: usize = 8;

/// Short, frequent words that find everything and so tell nothing.
const COMMON: &[&str] = &[
    "the", "and", "that", "this", "with", "from", "have", "has", "had", "was", "were", "are",
    "for", "not", "but", "they", "their", "there", "which", "will", "would", "been", "into",
    "about", "what", "when", "than", "then", "them", "these", "those", "some", "more", "also",
    "its", "our", "your", "his", "her", "she", "him", "who", "all", "can", "could", "may",
];

/// Words (or, for Chinese and Japanese, pairs of characters, as the index reads
/// those scripts) to search the index for: the quote's longest distinct words,
/// common words left out, numbers kept, longest first.
pub fn search_terms(quote: &str) -> Vec<String> {
    let words = Pattern::new(quote).words_lower();
    let mut terms: Vec<(usize, String)> = Vec::new();
    let mut push = |term: String, position: usize| {
        if !terms.iter().any(|(_, t)| *t == term) {
            terms.push((position, term));
        }
    };
    for (k, pair) in words.windows(2).enumerate() {
        if pair.iter().all(|w| w.chars().all(is_ideograph)) {
            push(format!("{}{}", pair[0], pair[1]), k);
        }
    }
    for (k, w) in words.iter().enumerate() {
        let ideograph = w.chars().all(is_ideograph);
        let number = w.chars().any(|c| c.is_ascii_digit());
        let useful = number || (w.chars().count() >= 3 && !COMMON.contains(&w.as_str()));
        if !ideograph && useful {
            push(w.clone(), k);
        }
    }
    terms.sort_by(|a, b| {
        let weight = |t: &str| {
            if t.chars().all(is_ideograph) {
                6
            } else {
                t.chars().count()
            }
        };
        weight(&b.1).cmp(&weight(&a.1)).then(a.0.cmp(&b.0))
    });
    terms.into_iter().take(MAX_TERMS).map(|(_, t)| t).collect()
}

/// The candidate that decides the quote: a verified match before any altered one
/// (the one taking fewest liberties), else the closest altered one; `None` when
/// no candidate comes close.
pub fn best_of<'a>(
    quote: &str,
    candidates: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Option<(&'a str, Comparison)> {
    let pattern = Pattern::new(quote);
    let mut best: Option<(&'a str, Comparison)> = None;
    for (id, passage) in candidates {
        let c = pattern.compare(passage);
        if matches!(c, Comparison::NoMatch) {
            continue;
        }
        if best.as_ref().is_none_or(|(_, b)| better(&c, b)) {
            let plain = c.rank() == (3, 0.0);
            best = Some((id, c));
            if plain {
                break;
            }
        }
    }
    best
}

/// Whether `a` decides a quote better than `b`.
pub(crate) fn better(a: &Comparison, b: &Comparison) -> bool {
    let (ra, rb) = (a.rank(), b.rank());
    ra.0 > rb.0 || (ra.0 == rb.0 && ra.1 > rb.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_the_telling_words_longest_first() {
        assert_eq!(
            search_terms("“The company would not cut prices before 2025,” she said"),
            ["company", "prices", "before", "2025", "said", "cut"],
            "common words are left out and numbers kept"
        );
        assert_eq!(search_terms("中国经济"), ["中国", "国经", "经济"]);
    }

    #[test]
    fn verified_beats_altered_and_the_closest_altered_wins() {
        let passages = [
            (
                "far",
                "Prices rose in June while wages fell sharply across the region.",
            ),
            (
                "near",
                "Prices rose in May while salaries fell across the region.",
            ),
            (
                "exact",
                "In June, prices rose in May while wages fell, they said.",
            ),
        ];
        let (id, c) = best_of("prices rose in May while wages fell", passages).expect("a match");
        assert_eq!(
            id, "exact",
            "the verbatim passage wins though listed last: {c:?}"
        );
        let (id, c) = best_of(
            "prices rose in May while wages dropped across the region",
            passages[..2].iter().copied(),
        )
        .expect("a close match");
        assert_eq!(id, "near", "one changed word is closer than two: {c:?}");
        assert!(best_of("nothing here is like it at all", passages).is_none());
    }
}
