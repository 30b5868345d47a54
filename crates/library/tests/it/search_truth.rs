//! Search against the truth: a library of generated clips is searched with a set
//! of queries kept for the purpose (words, inflected words, phrases, exclusions,
//! prefixes, OR, every filter, accents, Chinese), and every answer is compared with
//! a brute-force scan of the same library's SQLite file that applies the documented
//! rules word by word. A clip the index misses, or returns without matching, fails
//! the test.

use super::open;
use library::{AuthorInput, BulkClaim, BulkRecord, BulkSource};
use model::Stance;
use std::collections::BTreeSet;

const STEMS: [&[&str]; 12] = [
    &[
        "regulate",
        "regulates",
        "regulated",
        "regulating",
        "regulator",
        "regulators",
    ],
    &["fine", "fines", "fined"],
    &["market", "markets", "marketing"],
    &[
        "invest",
        "invests",
        "invested",
        "investing",
        "investment",
        "investments",
    ],
    &["grow", "grows", "growing", "growth"],
    &["power", "powers", "powered"],
    &["price", "prices", "priced", "pricing"],
    &["wind", "winds"],
    &["report", "reports", "reported", "reporting"],
    &["happy", "happier", "happiness"],
    &["café", "cafés", "naïve", "поиск", "Поиска"],
    &[
        "the", "of", "a", "and", "in", "to", "new", "record", "company", "year",
    ],
];

const CJK: [&str; 4] = ["我买了新电脑", "新电脑很贵", "电脑市场增长", "東京の市場"];

fn sentence(rng: &mut Rng) -> String {
    let len = 4 + rng.below(10);
    let words: Vec<&str> = (0..len)
        .map(|_| {
            // Filler words more often than the others.
            let group = if rng.below(3) == 0 { 11 } else { rng.below(11) };
            let forms = STEMS[group];
            forms[rng.below(forms.len())]
        })
        .collect();
    let mut s = words.join(" ");
    if rng.below(12) == 0 {
        s.push(' ');
        s.push_str(CJK[rng.below(CJK.len())]);
    }
    s
}

/// The library: 1,500 clips from 30 sources, with notes, tags, claims and stances.
fn build(dir: &std::path::Path) -> library::Library {
    let lib = open(dir);
    let mut rng = Rng(7);
    let authors = ["Yan Zhang", "Brenda Goh", "Müller, Anna", "Reuters"];
    let records: Vec<(u64, Result<BulkRecord, String>)> = (0..1500)
        .map(|i| {
            let source = i / 50;
            let record = BulkRecord {
                source: Some(BulkSource {
                    title: format!("{} {}", sentence(&mut Rng(source as u64 + 100)), source),
                    authors: vec![AuthorInput::Name(authors[source % authors.len()].into())],
                    date: Some(format!("{}-{:02}", 2015 + source % 10, 1 + source % 12)),
                    url: Some(format!("https://example.org/{source}")),
                    ..BulkSource::default()
                }),
                quote: sentence(&mut rng),
                note: if rng.below(3) == 0 {
                    sentence(&mut rng)
                } else {
                    String::new()
                },
                tags: (0..rng.below(3))
                    .map(|_| format!("topic{}", rng.below(8)))
                    .collect(),
                claims: if rng.below(4) == 0 {
                    vec![BulkClaim {
                        statement: format!("Claim {} about markets", rng.below(5)),
                        stance: [Stance::Supports, Stance::Contradicts, Stance::Context]
                            [rng.below(3)],
                    }]
                } else {
                    Vec::new()
                },
                ..BulkRecord::default()
            };
            (i as u64 + 1, Ok(record))
        })
        .collect();
    let report = lib.import_clips(records.into_iter(), 500, |_| {}).unwrap();
    assert_eq!(report.progress.saved, 1500);
    lib
}

/// A clip as the brute-force scan sees it, read straight from SQLite.
struct Row {
    id: String,
    quote: String,
    note: String,
    tags: Vec<String>,
    claims: Vec<String>,
    stances: Vec<String>,
    title: String,
    authors: Vec<String>,
    date: i64,
}

fn scan(db: &std::path::Path) -> Vec<Row> {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT c.id, c.exact, c.note, s.title, s.meta FROM clips c JOIN sources s ON s.id = c.source_id",
        )
        .unwrap();
    let rows: Vec<(String, String, String, String, String)> = stmt
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    rows.into_iter()
        .map(|(id, quote, note, title, meta)| {
            let list = |sql: &str| -> Vec<String> {
                let mut s = conn.prepare(sql).unwrap();
                s.query_map([&id], |r| r.get(0))
                    .unwrap()
                    .map(Result::unwrap)
                    .collect()
            };
            let meta: model::SourceMeta = serde_json::from_str(&meta).unwrap();
            let date = meta.issued.map(|d| search::date_key(&d)).unwrap_or(0);
            Row {
                tags: list("SELECT tag FROM clip_tags WHERE clip_id = ?1"),
                claims: list("SELECT k.statement FROM claim_links l JOIN claims k ON k.id = l.claim_id WHERE l.clip_id = ?1"),
                stances: list("SELECT stance FROM claim_links WHERE clip_id = ?1"),
                authors: meta.authors.iter().map(model::Author::display_name).collect(),
                id,
                quote,
                note,
                title,
                date,
            }
        })
        .collect()
}

fn fold(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' => 'e',
            'ï' | 'î' => 'i',
            'ü' => 'u',
            c => c,
        })
        .collect()
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x4E00..=0x9FFF)
}

/// Words as the index cuts them (CJK runs are kept whole and matched by substring).
fn tokens(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

fn stem(word: &str) -> String {
    rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English)
        .stem(word)
        .into_owned()
}

/// The fields a bare word searches, and which of them are also searched stemmed.
fn fields(r: &Row) -> Vec<(String, bool)> {
    let mut out = vec![
        (r.quote.clone(), true),
        (r.note.clone(), true),
        (r.title.clone(), false),
    ];
    // Tags and claims are also matched by stem (issue 11: `claim:standard`
    // finds "standards").
    out.extend(r.tags.iter().map(|t| (t.clone(), true)));
    out.extend(r.claims.iter().map(|t| (t.clone(), true)));
    out.extend(r.authors.iter().map(|t| (t.clone(), false)));
    out
}

fn has_word(text: &str, word: &str, stemmed: bool) -> bool {
    let word = fold(word);
    if word.chars().any(is_cjk) {
        return fold(text).contains(&word);
    }
    tokens(text)
        .iter()
        .any(|t| *t == word || (stemmed && stem(t) == stem(&word)))
}

fn has_phrase(text: &str, phrase: &str) -> bool {
    let want = tokens(phrase);
    let have = tokens(text);
    have.windows(want.len()).any(|w| w == want.as_slice())
}

fn has_prefix(text: &str, prefix: &str, stemmed: bool) -> bool {
    tokens(text)
        .iter()
        .any(|t| t.starts_with(prefix) || (stemmed && stem(t).starts_with(prefix)))
}

/// The rules of the README's search syntax, applied to one clip.
fn matches(r: &Row, query: &Q) -> bool {
    match query {
        Q::Word(w) => fields(r).iter().any(|(t, s)| has_word(t, w, *s)),
        Q::Phrase(p) => fields(r).iter().any(|(t, _)| has_phrase(t, p)),
        Q::Prefix(p) => fields(r).iter().any(|(t, s)| has_prefix(t, p, *s)),
        Q::QuotePrefix(p) => has_prefix(&r.quote, p, true),
        Q::Not(q) => !matches(r, q),
        Q::And(qs) => qs.iter().all(|q| matches(r, q)),
        Q::Or(a, b) => matches(r, a) || matches(r, b),
        Q::Tag(t) => r.tags.iter().any(|x| has_word(x, t, true)),
        Q::Claim(w) => r.claims.iter().any(|x| has_word(x, w, true)),
        Q::Stance(s) => r.stances.iter().any(|x| x == s),
        Q::Source(w) => has_word(&r.title, w, false),
        Q::Author(w) => r.authors.iter().any(|x| has_word(x, w, false)),
        Q::After(d) => r.date >= *d,
        Q::Before(d) => r.date > 0 && r.date < *d,
    }
}

enum Q {
    Word(&'static str),
    Phrase(&'static str),
    Prefix(&'static str),
    QuotePrefix(&'static str),
    Not(Box<Q>),
    And(Vec<Q>),
    Or(Box<Q>, Box<Q>),
    Tag(&'static str),
    Claim(&'static str),
    Stance(&'static str),
    Source(&'static str),
    Author(&'static str),
    After(i64),
    Before(i64),
}

use Q::*;

#[path = "../../testkit/rng.rs"]
mod rng;
use rng::Rng;

fn kept_back() -> Vec<(&'static str, Q)> {
    vec![
        ("regulators", Word("regulators")),
        ("regulate", Word("regulate")),
        ("investing", Word("investing")),
        ("growth", Word("growth")),
        ("happiness", Word("happiness")),
        ("cafe", Word("cafe")),
        ("café", Word("café")),
        ("naive", Word("naive")),
        ("\"new record\"", Phrase("new record")),
        ("\"regulators fined\"", Phrase("regulators fined")),
        ("\"the company\"", Phrase("the company")),
        (
            "market -prices",
            And(vec![Word("market"), Not(Box::new(Word("prices")))]),
        ),
        ("wind power", And(vec![Word("wind"), Word("power")])),
        ("regul*", Prefix("regul")),
        ("inv*", Prefix("inv")),
        ("happi*", Prefix("happi")),
        ("caf*", Prefix("caf")),
        ("поис*", Prefix("поис")),
        ("ПОИСК*", Prefix("поиск")),
        ("新电脑*", Word("新电脑")),
        (
            "wind OR cafe",
            Or(Box::new(Word("wind")), Box::new(Word("cafe"))),
        ),
        ("tag:topic3", Tag("topic3")),
        ("tag:topic3 price", And(vec![Tag("topic3"), Word("price")])),
        (
            "claim:markets grow",
            And(vec![Claim("markets"), Word("grow")]),
        ),
        ("stance:contradicts", Stance("contradicts")),
        (
            "stance:supports -fine",
            And(vec![Stance("supports"), Not(Box::new(Word("fine")))]),
        ),
        ("source:regulators", Source("regulators")),
        ("author:goh", Author("goh")),
        (
            "author:muller report",
            And(vec![Author("muller"), Word("report")]),
        ),
        (
            "after:2020 power",
            And(vec![After(20200000), Word("power")]),
        ),
        (
            "before:2018-06 wind",
            And(vec![Before(20180600), Word("wind")]),
        ),
        ("电脑", Word("电脑")),
        ("新电脑", Word("新电脑")),
        ("市場", Word("市場")),
        (
            "\"the company\" -wind",
            And(vec![Phrase("the company"), Not(Box::new(Word("wind")))]),
        ),
        (
            "\"new record\" invest",
            And(vec![Phrase("new record"), Word("invest")]),
        ),
        (
            "-inv* market",
            And(vec![Not(Box::new(Prefix("inv"))), Word("market")]),
        ),
        (
            "quote:happ* OR tag:topic1",
            Or(Box::new(QuotePrefix("happ")), Box::new(Tag("topic1"))),
        ),
    ]
}

#[test]
fn every_kept_back_query_finds_exactly_what_a_scan_finds() {
    let dir = tempfile::tempdir().unwrap();
    let lib = build(dir.path());
    let rows = scan(&dir.path().join("library.sqlite"));
    assert_eq!(rows.len(), 1500);
    let mut compared = 0;
    for (query, rule) in kept_back() {
        let found: BTreeSet<String> = lib
            .search(query, 100_000)
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.clip_id.0)
            .collect();
        let truth: BTreeSet<String> = rows
            .iter()
            .filter(|r| matches(r, &rule))
            .map(|r| r.id.clone())
            .collect();
        let missed: Vec<&String> = truth.difference(&found).collect();
        let phantom: Vec<&String> = found.difference(&truth).collect();
        assert!(
            missed.is_empty() && phantom.is_empty(),
            "{query:?}: {} found, {} true; missed {:?}, phantom {:?}",
            found.len(),
            truth.len(),
            missed
                .iter()
                .take(3)
                .map(|id| rows.iter().find(|r| &&r.id == id).map(|r| &r.quote))
                .collect::<Vec<_>>(),
            phantom
                .iter()
                .take(3)
                .map(|id| rows.iter().find(|r| &&r.id == id).map(|r| &r.quote))
                .collect::<Vec<_>>(),
        );
        assert!(
            !truth.is_empty(),
            "{query:?} should match something in this library"
        );
        compared += truth.len();
    }
    eprintln!(
        "{} queries, {compared} hits compared with the scan",
        kept_back().len()
    );
}
