//! Search at scale: Commonplace's index against SQLite FTS5, on the same clips and
//! the same queries, at 10,000, 100,000 and 1,000,000 clips.
//!
//! The corpus is generated, deterministically (a fixed seed): sentences come from
//! a word-pair (Markov) chain learnt from the readable text of the web pages in
//! `../shared/corpus` when it is there (real vocabulary, real sentence shapes and
//! Zipf-like word frequencies), else from a built-in word list with Zipf
//! frequencies. Every clip has a source (40 clips each), an author, a tag drawn
//! from 60 with Zipf frequencies, and every fifth one a claim.
//!
//! For each size, each engine runs in a child process of its own (so its peak
//! memory is its own):
//! - Commonplace: the real bulk import (SQLite transaction per 5,000 clips, then
//!   the Tantivy commit), then `Library::search` with 20 hits, snippets, facet
//!   counts, the total and the passages, as the app calls it.
//! - FTS5: one table with the same columns, `porter unicode61 remove_diacritics 2`
//!   tokenizer, inserted in transactions of 5,000; queries ranked by `bm25()`, 20
//!   rows with `snippet()`.
//!
//! Query classes: one word, a two-word phrase, boolean (`a b -c`, `a OR b`), a
//! prefix (`gov*`), and a word filtered by tag (`tag:topic3 word`). Latency is
//! measured per query after one untimed warm-up pass; p50 and p99 are printed side
//! by side with the ratio. Asserts nothing.
//!
//! `cargo bench -p library --bench search_scale` (all three sizes), or
//! `SIZES=100000 cargo bench -p library --bench search_scale`.

use library::{AuthorInput, BulkClaim, BulkRecord, BulkSource, Config, Library};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

#[path = "../testkit/rng.rs"]
mod rng;
use rng::Rng;

const SEED: u64 = 20_261_127;
const QUERIES_PER_CLASS: usize = 100;
const BATCH: usize = 5_000;
const CLASSES: [&str; 5] = ["term", "phrase", "boolean", "prefix", "filtered"];

const FALLBACK_WORDS: &str = "the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there been one all we their has would when what if more no out so said who up them its about than into him time only new some could these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three states himself few house use during without again place around however home small found thought went say part once general high upon school every does got united left number course war until always away something fact though water less public put think almost hand enough far took head yet government system better set told nothing night end why called eyes find going look asked later knew point next program city business give group toward young days let room president side social given present several order national possible rather second face per among form important often things looked early white case become large big need four within felt along children saw best church ever least power development light";

/// A word-pair chain: for each word, the words seen after it (with repeats, so
/// drawing one is drawing by frequency); `""` marks a sentence's start and end.
struct Chain {
    next: HashMap<String, Vec<String>>,
    /// Words by frequency, most frequent first.
    ranked: Vec<String>,
    origin: String,
}

impl Chain {
    fn load() -> Chain {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/readability");
        let mut texts = Vec::new();
        if let Ok(entries) = std::fs::read_dir(&dir) {
            let mut paths: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path().join("expected.html"))
                .collect();
            paths.sort();
            for path in paths {
                if let Ok(html) = std::fs::read_to_string(&path) {
                    texts.push(strip_tags(&html));
                }
            }
        }
        let from_corpus = texts.len() >= 10;
        if !from_corpus {
            texts = vec![FALLBACK_WORDS.to_owned()];
        }
        let mut next: HashMap<String, Vec<String>> = HashMap::new();
        let mut counts: HashMap<String, usize> = HashMap::new();
        for text in &texts {
            for sentence in text.split(['.', '!', '?', '\n']) {
                let words: Vec<String> = sentence
                    .split(|c: char| !c.is_alphanumeric() && c != '\'')
                    .filter(|w| !w.is_empty() && w.len() < 20)
                    .map(str::to_lowercase)
                    .collect();
                if words.len() < 3 {
                    continue;
                }
                let mut prev = String::new();
                for w in &words {
                    next.entry(prev).or_default().push(w.clone());
                    *counts.entry(w.clone()).or_default() += 1;
                    prev = w.clone();
                }
                next.entry(prev).or_default().push(String::new());
            }
        }
        let mut ranked: Vec<(String, usize)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let ranked: Vec<String> = ranked.into_iter().map(|(w, _)| w).collect();
        let origin = if from_corpus {
            format!(
                "word-pair chain from {} pages of ../shared/corpus ({} distinct words)",
                texts.len(),
                ranked.len()
            )
        } else {
            format!("built-in list of {} words, Zipf frequencies", ranked.len())
        };
        if !from_corpus {
            // Without text to learn from: every word may follow every word, drawn
            // with Zipf frequencies.
            next.clear();
        }
        Chain {
            next,
            ranked,
            origin,
        }
    }

    fn sentence(&self, rng: &mut Rng) -> String {
        let mut words: Vec<&str> = Vec::new();
        let target = 6 + rng.below(24);
        if self.next.is_empty() {
            for _ in 0..target {
                words.push(&self.ranked[rng.zipf(self.ranked.len())]);
            }
        } else {
            let mut prev = "";
            while words.len() < target {
                let options = match self.next.get(prev) {
                    Some(o) => o,
                    None => break,
                };
                let w = options[rng.below(options.len())].as_str();
                if w.is_empty() {
                    if words.len() >= 6 {
                        break;
                    }
                    prev = "";
                    continue;
                }
                words.push(w);
                prev = w;
            }
        }
        let mut s = words.join(" ");
        if let Some(first) = s.get(..1) {
            s = first.to_uppercase() + &s[1..];
        }
        s.push('.');
        s
    }
}

fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&nbsp;", " ")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
}

/// One generated clip.
struct Clip {
    quote: String,
    note: String,
    tag: String,
    claim: Option<String>,
    source: usize,
    title: String,
    author: String,
}

fn corpus(chain: &Chain, n: usize) -> Vec<Clip> {
    let mut rng = Rng(SEED);
    let mut titles = Vec::new();
    (0..n)
        .map(|i| {
            let source = i / 40;
            if titles.len() <= source {
                let t = chain.sentence(&mut rng);
                let t: String = t.split(' ').take(8).collect::<Vec<_>>().join(" ");
                titles.push(t.trim_end_matches('.').to_owned());
            }
            let quote = chain.sentence(&mut rng) + " " + &chain.sentence(&mut rng);
            let note = if rng.below(3) == 0 {
                chain.sentence(&mut rng)
            } else {
                String::new()
            };
            Clip {
                quote,
                note,
                tag: format!("topic{}", rng.zipf(60)),
                claim: (i % 5 == 0).then(|| format!("Claim number {}", rng.zipf(200))),
                source,
                title: titles[source].clone(),
                author: format!("Author{} Writer{}", source % 500, source % 37),
            }
        })
        .collect()
}

/// The same queries for both engines: ours, and FTS5's spelling of it.
fn queries(chain: &Chain, clips: &[Clip]) -> Vec<(&'static str, String, String)> {
    let mut rng = Rng(SEED ^ 0xABCD);
    let ranked = &chain.ranked;
    let usable = |w: &str| w.chars().all(|c| c.is_ascii_alphanumeric()) && w.len() >= 3;
    let words: Vec<&str> = ranked
        .iter()
        .map(String::as_str)
        .filter(|w| usable(w))
        .take(3000)
        .collect();
    // Words of every frequency: from the very common to the rare.
    let word = |rng: &mut Rng| words[rng.zipf(words.len()).min(words.len() - 1)];
    let mut out = Vec::new();
    for _ in 0..QUERIES_PER_CLASS {
        let w = word(&mut rng);
        out.push(("term", w.to_owned(), format!("\"{w}\"")));
    }
    // Phrases that occur: two neighbouring words of a generated clip.
    let mut phrases = 0;
    while phrases < QUERIES_PER_CLASS {
        let clip = &clips[rng.below(clips.len())];
        let tokens: Vec<&str> = clip
            .quote
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|t| !t.is_empty())
            .collect();
        if tokens.len() < 2 {
            continue;
        }
        let at = rng.below(tokens.len() - 1);
        let (a, b) = (tokens[at].to_lowercase(), tokens[at + 1].to_lowercase());
        out.push(("phrase", format!("\"{a} {b}\""), format!("\"{a} {b}\"")));
        phrases += 1;
    }
    for i in 0..QUERIES_PER_CLASS {
        let (a, b, c) = (word(&mut rng), word(&mut rng), word(&mut rng));
        if i % 2 == 0 {
            out.push((
                "boolean",
                format!("{a} {b} -{c}"),
                format!("\"{a}\" AND \"{b}\" NOT \"{c}\""),
            ));
        } else {
            out.push((
                "boolean",
                format!("{a} OR {b}"),
                format!("\"{a}\" OR \"{b}\""),
            ));
        }
    }
    let mut prefixes = 0;
    while prefixes < QUERIES_PER_CLASS {
        let w = word(&mut rng);
        if w.len() < 5 {
            continue;
        }
        let p = &w[..4];
        out.push(("prefix", format!("{p}*"), format!("{p}*")));
        prefixes += 1;
    }
    for _ in 0..QUERIES_PER_CLASS {
        let tag = format!("topic{}", rng.zipf(60));
        let w = word(&mut rng);
        out.push((
            "filtered",
            format!("tag:{tag} {w}"),
            format!("tags : \"{tag}\" AND \"{w}\""),
        ));
    }
    out
}

#[derive(Debug, Default, Clone)]
struct Stats {
    import_secs: f64,
    bytes: u64,
    peak_kb: u64,
    base_kb: u64,
    latency: HashMap<String, (f64, f64)>,
    hits: u64,
}

impl Stats {
    /// The figures of a finished run: the size on disk and the peak memory now.
    fn measured(
        dir: &Path,
        import_secs: f64,
        base_kb: u64,
        latency: HashMap<String, (f64, f64)>,
        hits: u64,
    ) -> Stats {
        Stats {
            import_secs,
            bytes: dir_size(dir),
            peak_kb: status_kb("VmHWM:"),
            base_kb,
            latency,
            hits,
        }
    }
}

fn status_kb(key: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

fn dir_size(path: &Path) -> u64 {
    let mut total = 0;
    if let Ok(entries) = std::fs::read_dir(path) {
        for e in entries.flatten() {
            let p = e.path();
            total += if p.is_dir() {
                dir_size(&p)
            } else {
                e.metadata().map(|m| m.len()).unwrap_or(0)
            };
        }
    }
    total
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn time_queries(
    qs: &[(&'static str, String, String)],
    mut run: impl FnMut(&str, &str) -> usize,
) -> (HashMap<String, (f64, f64)>, u64) {
    // One untimed pass: both engines start with their files in the page cache.
    for (_, ours, fts) in qs {
        run(ours, fts);
    }
    let mut by_class: HashMap<String, Vec<f64>> = HashMap::new();
    let mut hits = 0u64;
    for (class, ours, fts) in qs {
        let t = Instant::now();
        hits += run(ours, fts) as u64;
        by_class
            .entry(class.to_string())
            .or_default()
            .push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let latency = by_class
        .into_iter()
        .map(|(class, mut ms)| {
            ms.sort_by(|a, b| a.partial_cmp(b).unwrap());
            (class, (percentile(&ms, 0.5), percentile(&ms, 0.99)))
        })
        .collect();
    (latency, hits)
}

fn run_ours(n: usize, dir: &Path) -> Stats {
    let chain = Chain::load();
    let clips = corpus(&chain, n);
    let qs = queries(&chain, &clips);
    let base_kb = status_kb("VmRSS:");
    let lib = Library::open(dir, Config::default()).expect("library opens");
    let started = Instant::now();
    let records = clips.iter().enumerate().map(|(i, c)| {
        let record = BulkRecord {
            source: Some(BulkSource {
                title: c.title.clone(),
                authors: vec![AuthorInput::Name(c.author.clone())],
                url: Some(format!("https://example.org/report/{}", c.source)),
                ..BulkSource::default()
            }),
            quote: c.quote.clone(),
            note: c.note.clone(),
            tags: vec![c.tag.clone()],
            claims: c
                .claim
                .iter()
                .map(|s| BulkClaim {
                    statement: s.clone(),
                    stance: model::Stance::Supports,
                })
                .collect(),
            ..BulkRecord::default()
        };
        (i as u64 + 1, Ok(record))
    });
    let report = lib
        .import_clips(records, BATCH, |_| {})
        .expect("import runs");
    assert_eq!(report.progress.saved as usize, n, "every clip is imported");
    let import_secs = started.elapsed().as_secs_f64();
    let (latency, hits) = time_queries(&qs, |ours, _| {
        lib.search(ours, 20).expect("search runs").hits.len()
    });
    Stats::measured(dir, import_secs, base_kb, latency, hits)
}

fn run_fts5(n: usize, dir: &Path) -> Stats {
    let chain = Chain::load();
    let clips = corpus(&chain, n);
    let qs = queries(&chain, &clips);
    let base_kb = status_kb("VmRSS:");
    std::fs::create_dir_all(dir).unwrap();
    let mut db = rusqlite::Connection::open(dir.join("fts.sqlite3")).unwrap();
    db.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
         CREATE VIRTUAL TABLE clips USING fts5(quote, note, tags, claims, source, author,
             tokenize = 'porter unicode61 remove_diacritics 2');",
    )
    .unwrap();
    let started = Instant::now();
    for batch in clips.chunks(BATCH) {
        let tx = db.transaction().unwrap();
        {
            let mut insert = tx
                .prepare("INSERT INTO clips (quote, note, tags, claims, source, author) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .unwrap();
            for c in batch {
                insert
                    .execute(rusqlite::params![
                        c.quote,
                        c.note,
                        c.tag,
                        c.claim.clone().unwrap_or_default(),
                        c.title,
                        c.author
                    ])
                    .unwrap();
            }
        }
        tx.commit().unwrap();
    }
    let import_secs = started.elapsed().as_secs_f64();
    let mut stmt = db
        .prepare(
            "SELECT rowid, snippet(clips, 0, '<b>', '</b>', '…', 16) FROM clips
             WHERE clips MATCH ?1 ORDER BY bm25(clips) LIMIT 20",
        )
        .unwrap();
    let (latency, hits) = time_queries(&qs, |_, fts| {
        let rows = stmt
            .query_map([fts], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
            .unwrap();
        rows.filter_map(|r| r.ok()).count()
    });
    drop(stmt);
    drop(db);
    Stats::measured(dir, import_secs, base_kb, latency, hits)
}

fn child(args: &[String]) {
    let engine = args[0].as_str();
    let n: usize = args[1].parse().unwrap();
    let dir = PathBuf::from(&args[2]);
    let stats = match engine {
        "ours" => run_ours(n, &dir),
        _ => run_fts5(n, &dir),
    };
    let lat: Vec<String> = CLASSES
        .iter()
        .map(|c| {
            let (p50, p99) = stats.latency.get(*c).copied().unwrap_or_default();
            format!("{c}={p50},{p99}")
        })
        .collect();
    println!(
        "RESULT {} {} {} {} {} {}",
        stats.import_secs,
        stats.bytes,
        stats.peak_kb,
        stats.base_kb,
        stats.hits,
        lat.join(";")
    );
}

fn parse_result(out: &str) -> Stats {
    let line = out
        .lines()
        .find(|l| l.starts_with("RESULT "))
        .expect("the child reports");
    let parts: Vec<&str> = line.split(' ').collect();
    let mut stats = Stats {
        import_secs: parts[1].parse().unwrap(),
        bytes: parts[2].parse().unwrap(),
        peak_kb: parts[3].parse().unwrap(),
        base_kb: parts[4].parse().unwrap(),
        hits: parts[5].parse().unwrap(),
        ..Stats::default()
    };
    for class in parts[6].split(';') {
        let (name, values) = class.split_once('=').unwrap();
        let (p50, p99) = values.split_once(',').unwrap();
        stats.latency.insert(
            name.to_owned(),
            (p50.parse().unwrap(), p99.parse().unwrap()),
        );
    }
    stats
}

fn run_child(engine: &str, n: usize, dir: &Path) -> Stats {
    let exe = std::env::current_exe().unwrap();
    let out = Command::new(exe)
        .args([
            "--child",
            engine,
            &n.to_string(),
            &dir.display().to_string(),
        ])
        .output()
        .expect("the benchmark runs itself");
    if !out.status.success() {
        panic!("{engine} at {n}: {}", String::from_utf8_lossy(&out.stderr));
    }
    parse_result(&String::from_utf8_lossy(&out.stdout))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        return child(&args[1..]);
    }
    let sizes: Vec<usize> = std::env::var("SIZES")
        .unwrap_or_else(|_| "10000,100000,1000000".into())
        .split(',')
        .filter_map(|s| s.trim().replace('_', "").parse().ok())
        .collect();
    let chain = Chain::load();
    println!("corpus: {}", chain.origin);
    println!(
        "machine: {} cores; {} queries per class; 20 hits with snippets (Commonplace also counts the total and the facets over the best 1,000, and searches passages)",
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        QUERIES_PER_CLASS
    );
    for n in sizes {
        let tmp = tempfile::tempdir().unwrap();
        let ours = run_child("ours", n, &tmp.path().join("ours"));
        let fts = run_child("fts5", n, &tmp.path().join("fts5"));
        println!();
        println!("== {n} clips");
        println!(
            "import        Commonplace {:>9.0} clips/s ({:.1} s)   FTS5 {:>9.0} clips/s ({:.1} s)",
            n as f64 / ours.import_secs,
            ours.import_secs,
            n as f64 / fts.import_secs,
            fts.import_secs
        );
        println!(
            "on disk       Commonplace {:>7.1} MB (SQLite + index)  FTS5 {:>7.1} MB",
            ours.bytes as f64 / 1e6,
            fts.bytes as f64 / 1e6
        );
        println!(
            "peak memory   Commonplace {:>7.0} MB ({:.0} MB above the generated corpus)  FTS5 {:>7.0} MB ({:.0} MB above)",
            ours.peak_kb as f64 / 1024.0,
            ours.peak_kb.saturating_sub(ours.base_kb) as f64 / 1024.0,
            fts.peak_kb as f64 / 1024.0,
            fts.peak_kb.saturating_sub(fts.base_kb) as f64 / 1024.0
        );
        println!(
            "{:<10} {:>16} {:>16} {:>16} {:>16} {:>9}",
            "query", "ours p50 ms", "ours p99 ms", "FTS5 p50 ms", "FTS5 p99 ms", "p50 ×"
        );
        for class in CLASSES {
            let (o50, o99) = ours.latency[class];
            let (f50, f99) = fts.latency[class];
            println!(
                "{class:<10} {o50:>16.2} {o99:>16.2} {f50:>16.2} {f99:>16.2} {:>8.1}×",
                f50 / o50.max(1e-6)
            );
        }
        println!(
            "hits returned: Commonplace {}, FTS5 {}",
            ours.hits, fts.hits
        );
    }
}
