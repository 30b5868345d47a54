//! Running a writer's query: clips and passages, snippets and facet counts.
//!
//! The same query string is parsed twice. For clips, bare words search the quote,
//! the note, tags, claims, and the source's title and authors. For passages, bare
//! words search only the passage text (a word of a title would otherwise match every
//! passage of that source), while `source:` and `author:` still filter them.

use crate::schema::{Fields, CLIP, PASSAGE};
use crate::snippet::Snippets;
use crate::Result;
use model::{ClipHit, ClipId, FacetCount, Facets, PassageHit, SearchResults, SourceId};
use std::collections::HashMap;
use std::ops::Bound;
use tantivy::collector::{Count, TopDocs};
use tantivy::fastfield::FacetReader;
use tantivy::query::{BooleanQuery, EmptyQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{Facet, Field, IndexRecordOption, Value};
use tantivy::{DocAddress, Index, Searcher, TantivyDocument, Term};

/// How many values of each facet are returned.
const FACET_VALUES: usize = 30;
/// Facets are counted over the best this many matching clips.
const FACET_SAMPLE: usize = 1000;
/// Passages shown next to the clips.
const PASSAGE_LIMIT: usize = 10;

pub(crate) fn search(
    index: &Index,
    searcher: &Searcher,
    f: &Fields,
    query: &str,
    limit: usize,
) -> Result<SearchResults> {
    let mut results = SearchResults {
        query: query.to_owned(),
        hits: Vec::new(),
        total: 0,
        passages: Vec::new(),
        passage_total: 0,
        facets: Facets::default(),
    };
    if query.trim().is_empty() || limit == 0 {
        return Ok(results);
    }
    let clip_query = parse(
        index,
        f,
        query,
        CLIP,
        &[f.quote, f.note, f.tag, f.claim, f.source, f.author],
    );
    search_clips(searcher, f, &*clip_query, limit, &mut results)?;
    let passage_query = parse(index, f, query, PASSAGE, &[f.text]);
    search_passages(searcher, f, &*passage_query, &mut results)?;
    Ok(results)
}

/// The query restricted to one kind of document, or a query that matches nothing
/// when nothing of it parsed for that kind.
fn parse(index: &Index, f: &Fields, query: &str, doc: &str, defaults: &[Field]) -> Box<dyn Query> {
    let (words, dates) = date_filters(query);
    let mut parser = QueryParser::for_index(index, defaults.to_vec());
    parser.set_conjunction_by_default();
    parser.set_field_boost(f.quote, 2.0);
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(
        Occur::Must,
        Box::new(TermQuery::new(
            Term::from_field_text(f.doc, doc),
            IndexRecordOption::Basic,
        )),
    )];
    if !words.trim().is_empty() {
        let (parsed, _errors) = parser.parse_query_lenient(&words);
        clauses.push((Occur::Must, parsed));
    } else if dates.is_none() {
        return Box::new(EmptyQuery);
    }
    if let Some((lower, upper)) = dates {
        let term = |v: i64| Term::from_field_i64(f.date, v);
        let range = RangeQuery::new(lower.map(term), upper.map(term));
        clauses.push((Occur::Must, Box::new(range)));
    }
    Box::new(BooleanQuery::new(clauses))
}

/// Lower and upper bounds on a source's date key (see [`crate::date_key`]).
type DateRange = (Bound<i64>, Bound<i64>);

/// Takes `before:DATE` and `after:DATE` (YYYY, YYYY-MM or YYYY-MM-DD) out of the
/// query: the rest goes to the query parser, the dates become a range on the
/// source's date. `after:2021` keeps sources dated in 2021 or later; `before:2021`
/// those dated before 2021. A date that does not parse stays a word.
fn date_filters(query: &str) -> (String, Option<DateRange>) {
    let mut words = Vec::new();
    let (mut lower, mut upper) = (Bound::Unbounded, Bound::Unbounded);
    let mut any = false;
    for token in query.split_whitespace() {
        let parsed = token.split_once(':').and_then(|(field, value)| {
            Some((
                field.to_ascii_lowercase(),
                value.parse::<model::PartialDate>().ok()?,
            ))
        });
        match parsed {
            Some((field, date)) if field == "after" => {
                lower = Bound::Included(crate::date_key(&date));
                any = true;
            }
            Some((field, date)) if field == "before" => {
                upper = Bound::Excluded(crate::date_key(&date));
                any = true;
            }
            _ => words.push(token),
        }
    }
    (words.join(" "), any.then_some((lower, upper)))
}

fn search_clips(
    searcher: &Searcher,
    f: &Fields,
    query: &dyn Query,
    limit: usize,
    results: &mut SearchResults,
) -> Result<()> {
    // One pass ranks the best FACET_SAMPLE matches: the first `limit` are the
    // hits, and the facets are counted over all of them. Counting facets over
    // every match of a very common word cost tens of milliseconds per keystroke
    // on 100,000 clips; over the best thousand it costs well under one.
    let collector = TopDocs::with_limit(limit.max(FACET_SAMPLE)).order_by_score();
    let (top, total) = searcher.search(query, &(collector, Count))?;
    results.total = total as u32;
    results.facets = facets(searcher, f, &top)?;
    let snippets = Snippets::new(searcher, query, f.quote)?;
    for &(score, address) in top.iter().take(limit) {
        let doc: TantivyDocument = searcher.doc(address)?;
        let quote = text(&doc, f.quote);
        results.hits.push(ClipHit {
            clip_id: ClipId(text(&doc, f.id)),
            source_id: SourceId(text(&doc, f.source_id)),
            source_title: text(&doc, f.source),
            score,
            snippet: snippets.parts(&doc, &quote).0,
            note: text(&doc, f.note),
            tags: doc
                .get_all(f.tag)
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
        });
    }
    Ok(())
}

/// Facet counts over the given matches, most frequent first (ties by name).
fn facets(searcher: &Searcher, f: &Fields, top: &[(f32, DocAddress)]) -> Result<Facets> {
    let fields = [f.f_tag, f.f_claim, f.f_stance, f.f_source, f.f_author];
    let mut counts: Vec<HashMap<String, u32>> = vec![HashMap::new(); fields.len()];
    let mut readers: HashMap<(u32, usize), FacetReader> = HashMap::new();
    let mut facet = Facet::root();
    for &(_, address) in top {
        for (i, field) in fields.iter().enumerate() {
            let key = (address.segment_ord, i);
            let reader = match readers.entry(key) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => {
                    let name = searcher.schema().get_field_name(*field);
                    let segment = searcher.segment_reader(address.segment_ord);
                    e.insert(segment.facet_reader(name)?)
                }
            };
            for ord in reader.facet_ords(address.doc_id) {
                reader
                    .facet_from_ord(ord, &mut facet)
                    .map_err(crate::SearchError::Tantivy)?;
                let value = facet
                    .to_path()
                    .last()
                    .map(|s| s.to_string())
                    .unwrap_or_default();
                *counts[i].entry(value).or_default() += 1;
            }
        }
    }
    let mut lists = counts.into_iter().map(|map| {
        let mut list: Vec<FacetCount> = map
            .into_iter()
            .map(|(value, count)| FacetCount { value, count })
            .collect();
        list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        list.truncate(FACET_VALUES);
        list
    });
    Ok(Facets {
        tags: lists.next().unwrap_or_default(),
        claims: lists.next().unwrap_or_default(),
        stances: lists.next().unwrap_or_default(),
        sources: lists.next().unwrap_or_default(),
        authors: lists.next().unwrap_or_default(),
        counted: top.len() as u32,
    })
}

fn search_passages(
    searcher: &Searcher,
    f: &Fields,
    query: &dyn Query,
    results: &mut SearchResults,
) -> Result<()> {
    let (top, total) = searcher.search(
        query,
        &(TopDocs::with_limit(PASSAGE_LIMIT).order_by_score(), Count),
    )?;
    results.passage_total = total as u32;
    let snippets = Snippets::new(searcher, query, f.text)?;
    for (score, address) in top {
        let doc: TantivyDocument = searcher.doc(address)?;
        let passage = text(&doc, f.text);
        let start = number(&doc, f.start);
        let (snippet, first_match) = snippets.parts(&doc, &passage);
        let (match_start, match_end) = match first_match {
            Some((from, to)) => (start + from, start + to),
            None => (start, start),
        };
        results.passages.push(PassageHit {
            source_id: SourceId(text(&doc, f.source_id)),
            source_title: text(&doc, f.source),
            score,
            snippet,
            start,
            end: number(&doc, f.end),
            match_start,
            match_end,
        });
    }
    Ok(())
}

fn text(doc: &TantivyDocument, field: Field) -> String {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_owned()
}

fn number(doc: &TantivyDocument, field: Field) -> u32 {
    doc.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0) as u32
}
