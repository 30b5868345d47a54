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
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{DocAddress, Index, Searcher, TantivyDocument, Term};

/// How many values of each facet are returned.
const FACET_VALUES: usize = 30;
/// Facets are counted over the best this many matching clips.
const FACET_SAMPLE: usize = 1000;
/// Passages shown next to the clips.
const PASSAGE_LIMIT: usize = 10;

/// The query parsers, made once per index: words with their stemmed shadows,
/// phrases without, for clips and for passages.
pub(crate) struct Parsers {
    clip_exact: QueryParser,
    clip_stem: QueryParser,
    passage_exact: QueryParser,
    passage_stem: QueryParser,
    clip_fields: (Vec<String>, Vec<String>),
    passage_fields: (Vec<String>, Vec<String>),
}

impl Parsers {
    pub(crate) fn new(index: &Index, f: &Fields) -> Parsers {
        let clip = vec![f.quote, f.note, f.tag, f.claim, f.source, f.author];
        let clip_shadows = vec![f.quote_s, f.note_s, f.claim_s, f.tag_s];
        let passage = vec![f.text];
        let passage_shadows = vec![f.text_s];
        let schema = index.schema();
        let names = |fields: &[Field]| -> Vec<String> {
            fields
                .iter()
                .map(|field| schema.get_field_name(*field).to_owned())
                .collect()
        };
        let both = |a: &[Field], b: &[Field]| a.iter().chain(b).copied().collect::<Vec<_>>();
        Parsers {
            clip_exact: parser(index, f, clip.clone()),
            clip_stem: parser(index, f, both(&clip, &clip_shadows)),
            passage_exact: parser(index, f, passage.clone()),
            passage_stem: parser(index, f, both(&passage, &passage_shadows)),
            clip_fields: (names(&clip), names(&clip_shadows)),
            passage_fields: (names(&passage), names(&passage_shadows)),
        }
    }
}

pub(crate) fn search(
    parsers: &Parsers,
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
        (&parsers.clip_exact, &parsers.clip_stem),
        &parsers.clip_fields,
        f,
        query,
        CLIP,
    );
    let prefixes = typed_prefixes(query);
    search_clips(searcher, f, &*clip_query, limit, &prefixes, &mut results)?;
    let passage_query = parse(
        (&parsers.passage_exact, &parsers.passage_stem),
        &parsers.passage_fields,
        f,
        query,
        PASSAGE,
    );
    search_passages(searcher, f, &*passage_query, &prefixes, &mut results)?;
    Ok(results)
}

/// The query restricted to one kind of document, or a query that matches nothing
/// when nothing of it parsed for that kind. Words search `defaults` and their
/// stemmed shadows `stemmed`; "quoted phrases" search `defaults` only, so they
/// stay exact.
fn parse(
    (exact_parser, stem_parser): (&QueryParser, &QueryParser),
    (plain, shadows): &(Vec<String>, Vec<String>),
    f: &Fields,
    query: &str,
    doc: &str,
) -> Box<dyn Query> {
    let (words, dates) = date_filters(query);
    let words = rewrite_prefixes(&words, plain, shadows);
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(
        Occur::Must,
        Box::new(TermQuery::new(
            Term::from_field_text(f.doc, doc),
            IndexRecordOption::Basic,
        )),
    )];
    if !words.trim().is_empty() {
        let (phrases, rest) = split_phrases(&words);
        let has_or = rest.split_whitespace().any(|w| w == "OR");
        if phrases.is_empty() {
            clauses.push((Occur::Must, stem_parser.parse_query_lenient(&rest).0));
        } else if has_or {
            // "a b" OR c cannot be split between two parsers: all of it exact.
            clauses.push((Occur::Must, exact_parser.parse_query_lenient(&words).0));
        } else {
            clauses.push((Occur::Must, exact_parser.parse_query_lenient(&phrases).0));
            if !rest.trim().is_empty() {
                clauses.push((Occur::Must, stem_parser.parse_query_lenient(&rest).0));
            }
        }
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

fn parser(index: &Index, f: &Fields, defaults: Vec<Field>) -> QueryParser {
    let mut parser = QueryParser::for_index(index, defaults);
    parser.set_conjunction_by_default();
    // Prefixes are rewritten into per-field patterns (see `rewrite_prefixes`).
    parser.allow_regexes();
    parser.set_field_boost(f.quote, 2.0);
    parser
}

/// Rewrites each `word*` (outside quotes, with an optional `-` and `field:` in
/// front) into a group of per-field prefix patterns, because the query parser
/// only takes a prefix at the end of a phrase of two words or more: `inv*` becomes
/// `(quote:/inv.*/ OR note:/inv.*/ ... OR quote_s:/inv.*/)`. The prefix is
/// lower-cased and folded to ASCII as the index's words are; `quote:`, `note:` and
/// `text:` also search their stemmed shadows. Anything else is left as typed.
fn rewrite_prefixes(query: &str, plain: &[String], shadows: &[String]) -> String {
    let mut out = String::with_capacity(query.len());
    let mut in_quote = false;
    for (i, token) in query.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let quotes = token.matches('"').count();
        if in_quote || quotes > 0 {
            if quotes % 2 == 1 {
                in_quote = !in_quote;
            }
            out.push_str(token);
            continue;
        }
        match prefix_group(token, plain, shadows).or_else(|| shadow_group(token, shadows)) {
            Some(group) => out.push_str(&group),
            None => out.push_str(token),
        }
    }
    out
}

fn prefix_group(token: &str, plain: &[String], shadows: &[String]) -> Option<String> {
    let (negated, rest) = match token.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, token.strip_prefix('+').unwrap_or(token)),
    };
    let stem = rest.strip_suffix('*')?;
    let (field, word) = match stem.split_once(':') {
        Some((field, word)) => (Some(field), word),
        None => (None, stem),
    };
    let prefix: String = fold(word);
    // Letters and digits of any script are safe inside a pattern.
    if prefix.is_empty() || !prefix.chars().all(char::is_alphanumeric) {
        return None;
    }
    // Chinese, Japanese and Korean are indexed as pairs of characters, which a
    // longer prefix never starts: such a word is searched as it is, a phrase of
    // its pairs, which finds it inside longer words already.
    if prefix.chars().any(crate::cjk::is_cjk) {
        return Some(format!("{}{stem}", if negated { "-" } else { "" }));
    }
    let fields: Vec<String> = match field {
        Some(field) => {
            let mut list = vec![field.to_owned()];
            // quote: → quote_s, note: → note_s, text: → text_s
            let shadow = format!("{field}_s");
            if shadows.contains(&shadow) {
                list.push(shadow);
            }
            list
        }
        None => plain.iter().chain(shadows).cloned().collect(),
    };
    let group = fields
        .iter()
        .map(|f| format!("{f}:/{prefix}.*/"))
        .collect::<Vec<_>>()
        .join(" OR ");
    Some(format!("{}({group})", if negated { "-" } else { "" }))
}

/// `field:word` for a field with a stemmed shadow becomes `(field:word OR
/// field_s:word)`, so `claim:standard` finds "standards" as a bare word would.
fn shadow_group(token: &str, shadows: &[String]) -> Option<String> {
    let (sign, rest) = match token.chars().next()? {
        '-' | '+' => token.split_at(1),
        _ => ("", token),
    };
    let (field, word) = rest.split_once(':')?;
    let shadow = format!("{field}_s");
    if word.is_empty() || word.contains(['(', ')', ':', '/']) || !shadows.contains(&shadow) {
        return None;
    }
    Some(format!("{sign}({field}:{word} OR {shadow}:{word})"))
}

/// The beginnings of words the query searches for (`regul*`, `quote:inv*`),
/// folded as the index folds words: the snippets mark the words they start,
/// which the index's own highlighter cannot see through a pattern. Negated
/// ones and those of other fields are left out.
fn typed_prefixes(query: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_quote = false;
    for token in query.split_whitespace() {
        let quotes = token.matches('"').count();
        if in_quote || quotes > 0 {
            if quotes % 2 == 1 {
                in_quote = !in_quote;
            }
            continue;
        }
        let Some(stem) = token.strip_prefix('+').unwrap_or(token).strip_suffix('*') else {
            continue;
        };
        let word = match stem.split_once(':') {
            Some(("quote" | "note" | "text", word)) => word,
            Some(_) => continue,
            None => stem,
        };
        if word.starts_with('-') {
            continue;
        }
        let prefix = fold(word);
        if !prefix.is_empty() && prefix.chars().all(char::is_alphanumeric) {
            out.push(prefix);
        }
    }
    out
}

/// Lower-cased and folded to ASCII, as the index's analysis does for Latin text.
pub(crate) fn fold(word: &str) -> String {
    let mut analyzer =
        tantivy::tokenizer::TextAnalyzer::builder(tantivy::tokenizer::RawTokenizer::default())
            .filter(tantivy::tokenizer::LowerCaser)
            .filter(tantivy::tokenizer::AsciiFoldingFilter)
            .build();
    let mut out = String::new();
    let mut stream = analyzer.token_stream(word);
    while let Some(token) = stream.next() {
        out.push_str(&token.text);
    }
    out
}

/// Splits a query into its quoted phrases (with any `-` or `field:` in front,
/// and an unclosed quote running to the end) and the rest.
fn split_phrases(query: &str) -> (String, String) {
    let mut phrases = Vec::new();
    let mut rest = Vec::new();
    let mut chars = query.char_indices().peekable();
    let mut token_start: Option<usize> = None;
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            if let Some(start) = token_start.take() {
                rest.push(&query[start..i]);
            }
            continue;
        }
        let start = *token_start.get_or_insert(i);
        if c == '"' {
            let mut end = query.len();
            for (j, d) in chars.by_ref() {
                if d == '"' {
                    end = j + 1;
                    break;
                }
            }
            let phrase = &query[start..end];
            if phrase.ends_with('"') && phrase.len() > 1 + phrase.find('"').unwrap_or(0) {
                phrases.push(phrase.to_owned());
            } else {
                phrases.push(format!("{phrase}\""));
            }
            token_start = None;
        }
    }
    if let Some(start) = token_start {
        rest.push(&query[start..]);
    }
    (phrases.join(" "), rest.join(" "))
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
    prefixes: &[String],
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
    let snippets = Snippets::new(searcher, query, f.quote, f.quote_s, prefixes)?;
    for &(score, address) in top.iter().take(limit) {
        let doc: TantivyDocument = searcher.doc(address)?;
        let quote = text(&doc, f.quote);
        results.hits.push(ClipHit {
            clip_id: ClipId(text(&doc, f.id)),
            source_id: SourceId(text(&doc, f.source_id)),
            source_title: text(&doc, f.source),
            score,
            snippet: snippets.parts(&quote).0,
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
/// Values are counted by their ordinal in each segment and turned into text once
/// per distinct value: reading a facet's text decompresses a dictionary block, far
/// dearer than counting.
fn facets(searcher: &Searcher, f: &Fields, top: &[(f32, DocAddress)]) -> Result<Facets> {
    let fields = [f.f_tag, f.f_claim, f.f_stance, f.f_source, f.f_author];
    // (segment, field) → ordinal → count; ordinals sorted, as the dictionary
    // walk below needs them.
    let mut by_ord: HashMap<(u32, usize), std::collections::BTreeMap<u64, u32>> = HashMap::new();
    let mut readers: HashMap<(u32, usize), FacetReader> = HashMap::new();
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
                *by_ord.entry(key).or_default().entry(ord).or_default() += 1;
            }
        }
    }
    let mut counts: Vec<HashMap<String, u32>> = vec![HashMap::new(); fields.len()];
    for ((segment, i), ords) in by_ord {
        let reader = &readers[&(segment, i)];
        let mut in_order = ords.values();
        // One pass over the dictionary: each compressed block is opened once.
        reader
            .facet_dict()
            .sorted_ords_to_term_cb(ords.keys().copied(), |bytes| {
                let count = in_order.next().copied().unwrap_or(0);
                // A one-level facet is encoded as its value; deeper ones separate
                // their parts with a zero byte.
                let last = bytes.rsplit(|b| *b == 0).next().unwrap_or(bytes);
                let value = String::from_utf8_lossy(last).into_owned();
                *counts[i].entry(value).or_default() += count;
                Ok(())
            })
            .map_err(|e| crate::SearchError::Tantivy(e.into()))?;
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
    prefixes: &[String],
    results: &mut SearchResults,
) -> Result<()> {
    let (top, total) = searcher.search(
        query,
        &(TopDocs::with_limit(PASSAGE_LIMIT).order_by_score(), Count),
    )?;
    results.passage_total = total as u32;
    let snippets = Snippets::new(searcher, query, f.text, f.text_s, prefixes)?;
    for (score, address) in top {
        let doc: TantivyDocument = searcher.doc(address)?;
        let passage = text(&doc, f.text);
        let start = number(&doc, f.start);
        let (snippet, first_match) = snippets.parts(&passage);
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
