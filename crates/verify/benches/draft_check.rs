//! The engine's share of `commonplace verify DRAFT`, timed: a 50-page draft
//! (about 25,000 words, 300 quotes) read, its quotes found, and each quote
//! judged against the 20 passages a full-text index returns for its search
//! terms. `cargo bench -p verify` prints each step's time.
//!
//! The library is synthetic: 5,000 passages of about 1,200 characters of made-up
//! prose with a Zipf-like vocabulary, so common words are common and rare words
//! rare, as in real text. The index is a stand-in (an inverted list of terms,
//! passages ranked by how many terms they hold); its time is shown apart, since
//! the real one is the library's Tantivy index. Of the quotes, 60% are copied
//! from a passage, 15% have one word changed, 15% an ellipsis, 10% are in no
//! passage at all.

#[path = "../../library/testkit/rng.rs"]
mod rng;

use rng::Rng;
use std::collections::HashMap;
use std::time::{Duration, Instant};
use verify::{find_quotes, judge, read_draft, search_terms, Candidate, Verdict};

const PASSAGES: usize = 5_000;
const QUOTES: usize = 300;
const DRAFT_WORDS: usize = 25_000;

fn main() {
    let mut rng = Rng(2015);
    let vocabulary = vocabulary(&mut rng, 6_000);
    let passages: Vec<String> = (0..PASSAGES)
        .map(|_| passage(&mut rng, &vocabulary))
        .collect();
    // Each passage its own source, cited in the draft by key, link or outlet.
    let metas: Vec<model::SourceMeta> = (0..PASSAGES)
        .map(|k| model::SourceMeta {
            title: format!("Synthetic source {k}"),
            container_title: Some("Reuters".into()),
            url: Some(format!("https://example.com/p{k}")),
            citation_key: Some(format!("p{k}")),
            ..Default::default()
        })
        .collect();
    let index = Index::new(&passages);
    let draft = draft(&mut rng, &vocabulary, &passages);

    let started = Instant::now();
    let draft = read_draft(draft.as_bytes(), "draft.md").expect("the draft reads");
    let read = started.elapsed();
    let words = draft.text.split_whitespace().count();

    let started = Instant::now();
    let quotes = find_quotes(&draft);
    let found = started.elapsed();

    let mut lookup = Duration::ZERO;
    let mut judging = Duration::ZERO;
    let mut verdicts: HashMap<String, usize> = HashMap::new();
    let ids: Vec<String> = (0..passages.len()).map(|k| format!("p{k}")).collect();
    for quote in quotes.iter().filter(|q| q.skipped.is_none()) {
        let started = Instant::now();
        let hits = index.top(&search_terms(&quote.text), 20);
        let candidates: Vec<Candidate> = hits
            .iter()
            .map(|&k| Candidate {
                source_id: &ids[k],
                passage_id: &ids[k],
                text: &passages[k],
                offset: 0,
                meta: &metas[k],
                key: metas[k].citation_key.as_deref(),
            })
            .collect();
        lookup += started.elapsed();
        let started = Instant::now();
        let check = judge(quote, &candidates, |_| true);
        judging += started.elapsed();
        let name = match check.verdict {
            Verdict::Verified => "verified",
            Verdict::Altered => "altered",
            Verdict::NotFound => "not-found",
            Verdict::Misattributed => "misattributed",
        };
        *verdicts.entry(name.to_owned()).or_default() += 1;
    }
    let checked = quotes.iter().filter(|q| q.skipped.is_none()).count();
    println!(
        "draft: {words} words, {} quotes ({checked} checked)",
        quotes.len()
    );
    println!("read the draft:          {read:>10.1?}");
    println!("find quotes:             {found:>10.1?}");
    println!("index stand-in lookups:  {lookup:>10.1?}  (the library's index replaces this)");
    println!("judge against 20 each:   {judging:>10.1?}");
    println!("engine total:            {:>10.1?}", read + found + judging);
    let mut verdicts: Vec<_> = verdicts.into_iter().collect();
    verdicts.sort();
    println!("verdicts: {verdicts:?}");
}

/// Made-up words of two to four syllables, most frequent first.
fn vocabulary(rng: &mut Rng, n: usize) -> Vec<String> {
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
    while words.len() < n {
        let len = 2 + rng.below(3);
        let w: String = (0..len)
            .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
            .collect();
        if !words.contains(&w) {
            words.push(w);
        }
    }
    words
}

fn sentence(rng: &mut Rng, vocabulary: &[String]) -> String {
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

fn passage(rng: &mut Rng, vocabulary: &[String]) -> String {
    let mut p = String::new();
    while p.len() < 1_150 {
        if !p.is_empty() {
            p.push(' ');
        }
        p.push_str(&sentence(rng, vocabulary));
    }
    p
}

/// A span of a passage's words, 8 to 30 of them.
fn span(rng: &mut Rng, passage: &str) -> Vec<String> {
    let words: Vec<&str> = passage.split_whitespace().collect();
    let len = 8 + rng.below(23);
    let start = rng.below(words.len() - len);
    words[start..start + len]
        .iter()
        .map(|w| w.to_string())
        .collect()
}

fn draft(rng: &mut Rng, vocabulary: &[String], passages: &[String]) -> String {
    let mut out = String::from("# A long draft\n\n");
    let per_paragraph = DRAFT_WORDS / QUOTES;
    for q in 0..QUOTES {
        let source = rng.below(passages.len());
        let mut words = span(rng, &passages[source]);
        match q % 20 {
            0..=11 => {}
            12..=14 => {
                let at = 1 + rng.below(words.len() - 2);
                words[at] = vocabulary[rng.below(vocabulary.len())].clone();
            }
            15..=17 => {
                let at = 3 + rng.below(words.len() - 6);
                words.splice(at..at + 2, ["…".to_owned()]);
            }
            _ => {
                words = (0..words.len())
                    .map(|_| vocabulary[rng.below(vocabulary.len())].clone())
                    .collect();
            }
        }
        let mut filler = String::new();
        while filler.split_whitespace().count() + words.len() < per_paragraph {
            filler.push_str(&sentence(rng, vocabulary));
            filler.push(' ');
        }
        let attribution = match q % 3 {
            0 => format!(" [@p{source}]"),
            1 => ", Reuters said.".to_owned(),
            _ => format!(" ([source](https://example.com/p{source}))"),
        };
        out.push_str(&format!("{filler}“{}”{attribution}\n\n", words.join(" ")));
    }
    out
}

/// A stand-in for the full-text index: term to passages.
struct Index {
    postings: HashMap<String, Vec<usize>>,
}

impl Index {
    fn new(passages: &[String]) -> Index {
        let mut postings: HashMap<String, Vec<usize>> = HashMap::new();
        for (k, p) in passages.iter().enumerate() {
            let mut words: Vec<String> = p
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            words.sort();
            words.dedup();
            for w in words {
                postings.entry(w).or_default().push(k);
            }
        }
        Index { postings }
    }

    /// The `n` passages holding most of the terms.
    fn top(&self, terms: &[String], n: usize) -> Vec<usize> {
        let mut hits: HashMap<usize, usize> = HashMap::new();
        for t in terms {
            for &k in self.postings.get(t).map(Vec::as_slice).unwrap_or_default() {
                *hits.entry(k).or_default() += 1;
            }
        }
        let mut ranked: Vec<(usize, usize)> = hits.into_iter().collect();
        ranked.sort_by_key(|&(k, h)| (std::cmp::Reverse(h), k));
        ranked.into_iter().take(n).map(|(k, _)| k).collect()
    }
}
