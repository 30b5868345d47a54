//! Made-up prose for the quote-checking benchmarks: words of two to four
//! syllables with Zipf-like frequencies (common words common, rare words rare,
//! as in real text), sentences of 8 to 25 of them, some with a year or a comma.
//! Deterministic through [`Rng`](super::rng::Rng). Included with `#[path]`
//! next to `rng.rs`, which must be included as `rng`.

use super::rng::Rng;

/// `n` words, most frequent first: ten English function words, then made-up ones.
pub fn vocabulary(rng: &mut Rng, n: usize) -> Vec<String> {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mi", "ten", "ra", "sul", "vo", "der", "an", "is", "po", "lem", "tri", "ga",
        "nor", "ve", "chu", "bel", "os", "fa", "quin", "tho", "rel", "mu",
    ];
    let mut words: Vec<String> = vec![
        "the", "of", "and", "to", "in", "is", "that", "it", "was", "for",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    let mut seen: std::collections::HashSet<String> = words.iter().cloned().collect();
    while words.len() < n {
        let len = 2 + rng.below(3);
        let w: String = (0..len)
            .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
            .collect();
        if seen.insert(w.clone()) {
            words.push(w);
        }
    }
    words
}

pub fn sentence(rng: &mut Rng, vocabulary: &[String]) -> String {
    let len = 8 + rng.below(18);
    let mut words: Vec<String> = (0..len)
        .map(|_| vocabulary[rng.zipf(vocabulary.len())].clone())
        .collect();
    if rng.below(4) == 0 {
        words.push(format!("{}", 1900 + rng.below(125)));
    }
    let mut s = words.join(" ");
    if rng.below(3) == 0 {
        let at = s.find(' ').unwrap_or(0);
        s.insert(at, ',');
    }
    let mut c = s.chars();
    let first = c
        .next()
        .map(|f| f.to_uppercase().collect::<String>())
        .unwrap_or_default();
    format!("{first}{}.", c.as_str())
}

/// Sentences up to about `chars` characters.
pub fn passage(rng: &mut Rng, vocabulary: &[String], chars: usize) -> String {
    let mut p = String::new();
    while p.len() < chars {
        if !p.is_empty() {
            p.push(' ');
        }
        p.push_str(&sentence(rng, vocabulary));
    }
    p
}

/// A run of 8 to 30 consecutive words of `text`.
pub fn span(rng: &mut Rng, text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let len = (8 + rng.below(23)).min(words.len());
    let start = rng.below(words.len() - len);
    words[start..start + len]
        .iter()
        .map(|w| w.to_string())
        .collect()
}
