//! The fixture library (`tests/fixtures/library.json`) and a stand-in for the
//! library's index: passages ranked by how many of the quote's search terms they
//! hold, the best 20 kept, as the real index will be asked.

use model::SourceMeta;
use serde::Deserialize;
use verify::{search_terms, Candidate};

#[derive(Deserialize)]
pub struct Source {
    pub id: String,
    pub meta: SourceMeta,
    pub paragraphs: Vec<String>,
}

pub struct Passage {
    pub source: usize,
    pub id: String,
    pub text: String,
    pub offset: usize,
}

pub struct Library {
    pub sources: Vec<Source>,
    pub passages: Vec<Passage>,
}

impl Library {
    pub fn fixture() -> Library {
        let json = include_str!("../fixtures/library.json");
        let sources: Vec<Source> = serde_json::from_str(json).expect("the fixture library parses");
        let mut passages = Vec::new();
        for (s, source) in sources.iter().enumerate() {
            // Offsets as model::SourceText gives them: blocks joined by blank lines.
            let mut offset = 0;
            for (k, text) in source.paragraphs.iter().enumerate() {
                passages.push(Passage {
                    source: s,
                    id: format!("{}#{k}", source.id),
                    text: text.clone(),
                    offset,
                });
                offset += text.chars().count() + 2;
            }
        }
        Library { sources, passages }
    }

    /// The passages the index would return for a quote, best first.
    pub fn candidates(&self, quote: &str) -> Vec<Candidate<'_>> {
        let terms = search_terms(quote);
        let mut scored: Vec<(usize, &Passage)> = self
            .passages
            .iter()
            .map(|p| {
                let lower = p.text.to_lowercase();
                (
                    terms.iter().filter(|t| lower.contains(t.as_str())).count(),
                    p,
                )
            })
            .filter(|(score, _)| *score > 0)
            .collect();
        scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
        scored
            .into_iter()
            .take(20)
            .map(|(_, p)| {
                let source = &self.sources[p.source];
                Candidate {
                    source_id: &source.id,
                    passage_id: &p.id,
                    text: &p.text,
                    offset: p.offset,
                    meta: &source.meta,
                    key: source.meta.citation_key.as_deref(),
                }
            })
            .collect()
    }

    /// Whether a citation names anything in the library (for "X said").
    pub fn knows(&self, cited: &verify::Citation) -> bool {
        self.sources
            .iter()
            .any(|s| verify::attribution_matches(cited, &s.meta, s.meta.citation_key.as_deref()))
    }
}
