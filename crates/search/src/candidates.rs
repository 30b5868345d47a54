//! Candidates for checking a quote: the clips and passages of source text that
//! share most of the quote's telling words.
//!
//! Not the writer's search. A quote being checked may be misquoted, so the
//! words are ORed (a changed word must not hide its source, as it would from a
//! phrase or an AND query) and ranked by BM25, which rewards the rarer words and
//! passages holding more of them. Only the words as written are searched, not
//! their stems: the checker compares words as written. Whole documents come
//! back (the clip's quote, the passage's text with its offsets), since the
//! comparison, not the index, decides.

use crate::schema::{Fields, CLIP, PASSAGE, TEXT_ANALYZER};
use crate::Result;
use model::{ClipId, SourceId};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{Searcher, TantivyDocument, Term};

/// A clip or a passage of a source's text offered for a quote.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteCandidate {
    /// The clip's id for a clip; none for a passage.
    pub clip_id: Option<ClipId>,
    pub source_id: SourceId,
    /// The clip's quote, or the passage's text.
    pub text: String,
    /// Where a passage lies in its source's text (code points); a clip's
    /// offsets are its own (0 here: the index does not keep them).
    pub start: u32,
    pub end: u32,
    pub score: f32,
}

/// How many of each kind to return.
#[derive(Debug, Clone, Copy)]
pub struct CandidateLimits {
    pub clips: usize,
    pub passages: usize,
}

pub(crate) fn candidates(
    searcher: &Searcher,
    f: &Fields,
    terms: &[String],
    source: Option<&SourceId>,
    limits: CandidateLimits,
) -> Result<Vec<QuoteCandidate>> {
    let tokens = analysed(searcher, terms);
    if tokens.is_empty() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for (doc, field, limit) in [
        (CLIP, f.quote, limits.clips),
        (PASSAGE, f.text, limits.passages),
    ] {
        if limit == 0 {
            continue;
        }
        let query = any_of(f, doc, field, &tokens, source);
        let top = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?;
        for (score, address) in top {
            let stored: TantivyDocument = searcher.doc(address)?;
            let text = |field: Field| {
                stored
                    .get_first(field)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_owned()
            };
            let number = |field: Field| {
                stored
                    .get_first(field)
                    .and_then(|v| v.as_u64())
                    .unwrap_or(0) as u32
            };
            out.push(QuoteCandidate {
                clip_id: (doc == CLIP).then(|| ClipId(text(f.id))),
                source_id: SourceId(text(f.source_id)),
                text: text(field),
                start: number(f.start),
                end: number(f.end),
                score,
            });
        }
    }
    Ok(out)
}

/// The terms as the index holds them: lower-cased, folded to ASCII, Chinese,
/// Japanese and Korean in pairs, each once.
fn analysed(searcher: &Searcher, terms: &[String]) -> Vec<String> {
    let Some(mut analyzer) = searcher.index().tokenizers().get(TEXT_ANALYZER) else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for term in terms {
        let mut stream = analyzer.token_stream(term);
        while let Some(token) = stream.next() {
            if !out.contains(&token.text) {
                out.push(token.text.clone());
            }
        }
    }
    out
}

/// Documents of one kind (and of one source, if given) holding any of the tokens.
fn any_of(
    f: &Fields,
    doc: &str,
    field: Field,
    tokens: &[String],
    source: Option<&SourceId>,
) -> BooleanQuery {
    // Words are scored by their frequency; the kind and the source only filter.
    let term = |field: Field, text: &str, option| -> Box<dyn Query> {
        Box::new(TermQuery::new(Term::from_field_text(field, text), option))
    };
    let words: Vec<(Occur, Box<dyn Query>)> = tokens
        .iter()
        .map(|t| (Occur::Should, term(field, t, IndexRecordOption::WithFreqs)))
        .collect();
    let mut clauses = vec![
        (Occur::Must, term(f.doc, doc, IndexRecordOption::Basic)),
        (
            Occur::Must,
            Box::new(BooleanQuery::new(words)) as Box<dyn Query>,
        ),
    ];
    if let Some(source) = source {
        clauses.push((
            Occur::Must,
            term(f.source_id, source.as_str(), IndexRecordOption::Basic),
        ));
    }
    BooleanQuery::new(clauses)
}
