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

#[path = "../../library/testkit/prose.rs"]
mod prose;
#[path = "../../library/testkit/rng.rs"]
mod rng;

use prose::{sentence, span, vocabulary};
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
        .map(|_| prose::passage(&mut rng, &vocabulary, 1_150))
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
