//! The mutation test: 1,000 quotes taken from source passages, each checked
//! untouched (it must be verified: no false alarm) and after every one-word
//! substitution, insertion and deletion, every number change and every negation
//! added or removed (each must be altered: no miss).
//!
//! The passages are the readable text of the Readability test pages in
//! `../shared/corpus` when that folder is there (real prose: news, blogs,
//! Wikipedia), else a generated corpus, so the test runs anywhere. Spans with an
//! ellipsis or square brackets in the source are not sampled: there a quote's
//! `...` or `[...]` would be the writer's own marks, which are allowed. Only
//! inner words are deleted: without its first or last word a quote is still the
//! source's own words, only fewer of them, which a writer may quote. A
//! mutation that happens to be the source's text elsewhere in the passage (a
//! dropped word in "very very") is genuinely verified; such cases are counted
//! and left out of the misses, by a check independent of the engine.

use crate::rng::Rng;
use std::path::Path;
use verify::{Comparison, Passage, Pattern};

const QUOTES: usize = 1000;
const VOCABULARY: &[&str] = &[
    "river", "quickly", "seven", "policy", "yellow", "argued", "never", "market", "slowly",
    "window", "ancient", "council", "happily", "bridge", "winter", "signal", "copper", "humble",
];
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "will", "can", "could", "would", "should", "does", "do", "did",
    "has", "have", "had", "must", "may", "might",
];

#[derive(Default, Debug)]
struct Counts {
    untouched: usize,
    false_alarms: usize,
    mutations: usize,
    misses: usize,
    present_in_source: usize,
}

/// One sampled quote: its passage, its words, and its mutations.
struct Sample<'a> {
    passage: &'a str,
    words: Vec<String>,
    mutations: Vec<(String, String)>,
}

#[test]
fn every_one_word_change_is_altered_and_untouched_quotes_are_verified() {
    let started = std::time::Instant::now();
    let (paragraphs, origin) = corpus();
    let read = started.elapsed();
    // Sampling is sequential, so the same quotes and mutations every run.
    let mut rng = Rng(15);
    let mut samples = Vec::new();
    let mut attempts = 0;
    while samples.len() < QUOTES && attempts < QUOTES * 50 {
        attempts += 1;
        let passage = &paragraphs[rng.below(paragraphs.len())];
        if let Some(words) = span(passage, &mut rng) {
            let mutations = mutations(&words, &mut rng);
            samples.push(Sample {
                passage,
                words,
                mutations,
            });
        }
    }
    assert_eq!(
        samples.len(),
        QUOTES,
        "enough quotes are sampled from the {origin}"
    );
    // Checking is spread over the cores the machine has (CI has two).
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(4);
    let chunk = samples.len().div_ceil(threads);
    let results: Vec<(Counts, Vec<String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = samples
            .chunks(chunk)
            .map(|part| scope.spawn(move || check(part)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a checking thread finishes"))
            .collect()
    });
    let mut counts = Counts::default();
    let mut failures = Vec::new();
    for (c, f) in results {
        counts.untouched += c.untouched;
        counts.false_alarms += c.false_alarms;
        counts.mutations += c.mutations;
        counts.misses += c.misses;
        counts.present_in_source += c.present_in_source;
        failures.extend(f);
    }
    println!(
        "mutation test on the {origin} (read in {read:.1?}, checked in {:.1?} on {threads} threads): {counts:?}",
        started.elapsed() - read
    );
    assert!(
        counts.false_alarms == 0 && counts.misses == 0,
        "{counts:?}; first failures:\n{}",
        failures
            .iter()
            .take(10)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        counts.mutations > 20 * QUOTES,
        "every quote gets dozens of mutations: {counts:?}"
    );
}

/// Checks samples: the untouched quote must be verified, each mutation altered.
fn check(samples: &[Sample]) -> (Counts, Vec<String>) {
    let mut counts = Counts::default();
    let mut failures = Vec::new();
    for sample in samples {
        let (passage, quote) = (sample.passage, sample.words.join(" "));
        let prepared = Passage::new(passage);
        let passage_words = plain_words(passage);
        counts.untouched += 1;
        if !Pattern::new(&quote).compare_with(&prepared).is_verified() {
            counts.false_alarms += 1;
            failures.push(format!("untouched {quote:?} in {passage:?}"));
        }
        for (what, mutant) in &sample.mutations {
            if appears_in(mutant, &passage_words) {
                counts.present_in_source += 1;
                continue;
            }
            counts.mutations += 1;
            let result = Pattern::new(mutant).compare_with(&prepared);
            if !matches!(result, Comparison::Altered { .. }) {
                counts.misses += 1;
                failures.push(format!(
                    "{what}: {mutant:?} came out {result:?} against {passage:?}"
                ));
            }
        }
    }
    (counts, failures)
}

/// A span of 6 to 16 words of the passage, starting and ending at word
/// boundaries, without ellipses or brackets.
fn span(passage: &str, rng: &mut Rng) -> Option<Vec<String>> {
    let words: Vec<&str> = passage.split_whitespace().collect();
    if words.len() < 8 {
        return None;
    }
    let len = 6 + rng.below(11).min(words.len() - 6);
    let start = rng.below(words.len() - len + 1);
    let chosen = &words[start..start + len];
    let text = chosen.join(" ");
    let marked =
        text.contains("..") || text.contains('…') || text.contains('[') || text.contains(']');
    let wordy = chosen
        .iter()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
        >= 6;
    (!marked && wordy).then(|| chosen.iter().map(|w| w.to_string()).collect())
}

/// Every mutation of the quote's words, each with what it is.
fn mutations(words: &[String], rng: &mut Rng) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let join = |w: &[String]| w.join(" ");
    let wordy = |w: &str| w.chars().any(char::is_alphanumeric);
    for i in 0..words.len() {
        if wordy(&words[i]) {
            let mut m = words.to_vec();
            m[i] = replace_core(&words[i], other_word(&words[i], rng));
            out.push((format!("substitution of word {i}"), join(&m)));
        }
        if i > 0 && i + 1 < words.len() && wordy(&words[i]) {
            let mut m = words.to_vec();
            m.remove(i);
            out.push((format!("deletion of word {i}"), join(&m)));
        }
        if let Some(changed) = change_number(&words[i]) {
            let mut m = words.to_vec();
            m[i] = changed;
            out.push((format!("number change in word {i}"), join(&m)));
        }
        let core = bare(&words[i]);
        if AUXILIARIES.contains(&core.as_str()) && i + 1 < words.len() {
            let mut m = words.to_vec();
            m.insert(i + 1, "not".into());
            out.push((format!("negation after word {i}"), join(&m)));
        }
        if core == "not" && i > 0 && i + 1 < words.len() {
            let mut m = words.to_vec();
            m.remove(i);
            out.push((format!("negation removed at word {i}"), join(&m)));
        }
    }
    for i in 0..=words.len() {
        let mut m = words.to_vec();
        m.insert(i, other_word("", rng).to_owned());
        out.push((format!("insertion at {i}"), join(&m)));
    }
    out
}

fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// A vocabulary word other than `word`.
fn other_word(word: &str, rng: &mut Rng) -> &'static str {
    loop {
        let w = VOCABULARY[rng.below(VOCABULARY.len())];
        if w != bare(word) {
            return w;
        }
    }
}

/// The word with its letters and digits replaced, punctuation around it kept.
fn replace_core(word: &str, with: &str) -> String {
    let start = word.find(|c: char| c.is_alphanumeric()).unwrap_or(0);
    let end = word
        .rfind(|c: char| c.is_alphanumeric())
        .map_or(word.len(), |i| {
            i + word[i..].chars().next().map_or(1, char::len_utf8)
        });
    format!("{}{with}{}", &word[..start], &word[end..])
}

/// The word with its first digit changed, if it has one.
fn change_number(word: &str) -> Option<String> {
    let at = word.find(|c: char| c.is_ascii_digit())?;
    let digit = word.as_bytes()[at] - b'0';
    let mut out = word.to_owned();
    out.replace_range(at..at + 1, &((digit + 1) % 10).to_string());
    Some(out)
}

/// Plain lower-case words, independent of the engine's rules.
fn plain_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether the mutant's words occur in the passage's words in a row: then it
/// quotes the source truly.
fn appears_in(mutant: &str, passage_words: &[String]) -> bool {
    let m = plain_words(mutant);
    !m.is_empty() && passage_words.windows(m.len()).any(|w| w == m.as_slice())
}

/// Paragraphs of real prose from the shared corpus, or generated ones.
fn corpus() -> (Vec<String>, &'static str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/readability");
    let mut paragraphs = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut pages: Vec<_> = entries
            .flatten()
            .map(|e| e.path().join("expected.html"))
            .collect();
        pages.sort();
        for page in pages {
            let Ok(html) = std::fs::read_to_string(&page) else {
                continue;
            };
            let doc = dom_query::Document::from(html.as_str());
            for p in doc.select("p").nodes() {
                let text = p.text().split_whitespace().collect::<Vec<_>>().join(" ");
                // Passages as the index cuts them: at most about 1,200 characters.
                if text.split_whitespace().count() >= 12 && text.chars().count() <= 1200 {
                    paragraphs.push(text);
                }
            }
        }
    }
    if paragraphs.len() >= 200 {
        return (paragraphs, "Readability corpus");
    }
    (generated(), "generated corpus")
}

/// Paragraphs of made-up prose with numbers, negations and punctuation.
fn generated() -> Vec<String> {
    let nouns = [
        "the council",
        "prices",
        "the river",
        "a report",
        "investors",
        "the minister",
        "growth",
        "the bridge",
    ];
    let verbs = [
        "is",
        "was",
        "will be",
        "has been",
        "could be",
        "is not",
        "was never",
    ];
    let adjectives = [
        "higher",
        "slower",
        "uncertain",
        "likely",
        "rising",
        "closed",
        "stable",
    ];
    let mut rng = Rng(2026);
    (0..400)
        .map(|_| {
            (0..6)
                .map(|_| {
                    format!(
                        "{} {} {} than in {}, with {}.{}% of {} saying so.",
                        nouns[rng.below(nouns.len())],
                        verbs[rng.below(verbs.len())],
                        adjectives[rng.below(adjectives.len())],
                        1990 + rng.below(35),
                        rng.below(100),
                        rng.below(10),
                        nouns[rng.below(nouns.len())],
                    )
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}
