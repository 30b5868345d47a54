//! The crash campaign: a mixed workload (clip, edit, tag, link, delete, bulk
//! import) runs in a child process that is SIGKILLed at a random moment, cycle
//! after cycle. The parent keeps the log of what the child acknowledged (the
//! child's output, read through a pipe: outside the killed process) and, after
//! every kill, opens the library itself and checks that
//! - every acknowledged operation is there, with exactly its effect;
//! - the one operation in flight is there entirely or not at all (a bulk import
//!   in whole batches), and nothing else unacknowledged exists;
//! - `PRAGMA integrity_check` and `foreign_key_check` pass and the index holds the
//!   same clips as the database;
//! - random phrase queries return exactly the clips a scan of the database finds.
//!
//! `cargo run --release -p library --bin crash-campaign -- --cycles 300` (the test
//! suite runs a short one). Prints its figures; exits non-zero on the first
//! violation, naming it.

use library::{BulkRecord, BulkSource, ClipEdit, Config, Library, NewClaim, NewClip, NewSource};
use model::{ClaimId, ClipId, SourceId, SourceMeta, Stance};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[path = "../../testkit/rng.rs"]
mod rng;
use rng::Rng;

const WORDS: [&str; 40] = [
    "wind",
    "power",
    "grew",
    "faster",
    "than",
    "coal",
    "in",
    "the",
    "decade",
    "while",
    "costs",
    "fell",
    "by",
    "half",
    "offshore",
    "turbines",
    "doubled",
    "output",
    "solar",
    "panels",
    "regulators",
    "fined",
    "a",
    "record",
    "market",
    "prices",
    "rose",
    "after",
    "report",
    "said",
    "energy",
    "demand",
    "peaks",
    "before",
    "oil",
    "gas",
    "and",
    "new",
    "policy",
    "investment",
];
const BASE_WORDS: usize = 2_000;
const BULK_BATCH: usize = 10;
const CLAIMS: [&str; 3] = [
    "Renewables are getting cheaper",
    "Coal is in decline",
    "Regulators are getting tougher",
];

fn base_text() -> String {
    let mut rng = Rng(99);
    (0..BASE_WORDS)
        .map(|_| WORDS[rng.below(WORDS.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

fn fail(message: String) -> ! {
    eprintln!("VIOLATION: {message}");
    std::process::exit(1);
}

// ---------------------------------------------------------------- the child

fn out(line: String) {
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{line}");
    let _ = stdout.flush();
}

fn child(dir: &Path, seed: u64) {
    let lib = Library::open(dir, Config::default()).expect("the child opens the library");
    let base = match lib.sources().unwrap().iter().find(|s| s.title == "Base") {
        Some(s) => s.id.clone(),
        None => {
            let source = lib
                .add_source(NewSource {
                    text: base_text(),
                    markdown: false,
                    meta: SourceMeta {
                        title: "Base".into(),
                        ..SourceMeta::default()
                    },
                })
                .unwrap();
            out(format!("BASE {}", source.id));
            source.id
        }
    };
    let mut claims: Vec<ClaimId> = lib
        .claims()
        .unwrap()
        .iter()
        .map(|c| c.claim.id.clone())
        .collect();
    for statement in CLAIMS.iter().skip(claims.len()) {
        claims.push(
            lib.create_claim(NewClaim {
                statement: (*statement).into(),
                ..NewClaim::default()
            })
            .unwrap()
            .id,
        );
    }
    let text = base_text();
    let base_words: Vec<&str> = text.split(' ').collect();
    out("READY".into());
    let mut rng = Rng(seed);
    let mut op = seed * 1_000_000;
    loop {
        op += 1;
        let clips: Vec<ClipId> = lib
            .source(&base)
            .unwrap()
            .clips
            .iter()
            .map(|c| c.id.clone())
            .collect();
        let pick = |rng: &mut Rng| clips.get(rng.below(clips.len())).cloned();
        match rng.below(10) {
            0..=3 => {
                let start = rng.below(BASE_WORDS - 10);
                let len = 2 + rng.below(6);
                let (from, to) = word_span(&base_words, start, len);
                let tags = vec![format!("t{}", rng.below(5)), format!("op{op}")];
                out(format!("BEGIN {op} create {from} {to} {}", tags.join(",")));
                let clip = lib
                    .create_clip(NewClip {
                        source_id: base.to_string(),
                        start: Some(from as u32),
                        end: Some(to as u32),
                        note: format!("note {op}"),
                        tags,
                        ..NewClip::default()
                    })
                    .unwrap();
                debug_assert_eq!(clip.quote.exact, base_words[start..start + len].join(" "));
                out(format!("ACK {op} {}", clip.id));
            }
            4 => {
                let Some(id) = pick(&mut rng) else { continue };
                out(format!("BEGIN {op} note {id}"));
                lib.edit_clip(
                    &id,
                    ClipEdit {
                        note: Some(format!("edited {op}")),
                        tags: None,
                    },
                )
                .unwrap();
                out(format!("ACK {op} {id}"));
            }
            5 => {
                let Some(id) = pick(&mut rng) else { continue };
                let tags = vec![format!("t{}", rng.below(5)), format!("retag{op}")];
                out(format!("BEGIN {op} tags {id} {}", tags.join(",")));
                lib.edit_clip(
                    &id,
                    ClipEdit {
                        note: None,
                        tags: Some(tags),
                    },
                )
                .unwrap();
                out(format!("ACK {op} {id}"));
            }
            6 => {
                let Some(id) = pick(&mut rng) else { continue };
                let claim = &claims[rng.below(claims.len())];
                let stance = [Stance::Supports, Stance::Contradicts, Stance::Context][rng.below(3)];
                out(format!("BEGIN {op} link {id} {claim} {}", stance.as_str()));
                lib.link_clip(&id, claim, stance).unwrap();
                out(format!("ACK {op} {id}"));
            }
            7 => {
                let Some(id) = pick(&mut rng) else { continue };
                out(format!("BEGIN {op} delete {id}"));
                lib.delete_clip(&id).unwrap();
                out(format!("ACK {op} {id}"));
            }
            _ => {
                let n = BULK_BATCH * (1 + rng.below(4));
                out(format!("BEGIN {op} bulk {n}"));
                let records = (0..n).map(|i| {
                    let record = BulkRecord {
                        source: Some(BulkSource {
                            title: format!("Bulk {}", op % 7),
                            url: Some(format!("https://example.org/bulk/{}", op % 7)),
                            ..BulkSource::default()
                        }),
                        quote: format!("bulk{op} item{i} {}", WORDS[i % WORDS.len()]),
                        tags: vec![format!("bulk{op}")],
                        ..BulkRecord::default()
                    };
                    (i as u64 + 1, Ok(record))
                });
                let report = lib
                    .import_clips(records, BULK_BATCH, |p| {
                        out(format!("BATCH {op} {}", p.saved))
                    })
                    .unwrap();
                out(format!("ACK {op} {}", report.progress.saved));
            }
        }
    }
}

/// Code-point offsets of `len` words from word `start` of the base text (all
/// words are ASCII, separated by one space).
fn word_span(words: &[&str], start: usize, len: usize) -> (usize, usize) {
    let from: usize = words[..start].iter().map(|w| w.len() + 1).sum();
    let to = from + words[start..start + len].join(" ").len();
    (from, to)
}

/// One operation, for the failure-point tests (which set `COMMONPLACE_FAILPOINT`
/// so that the process aborts part way through it): `open`, `clip` (a clip
/// tagged `once` on a new source), `backup`.
fn once(dir: &Path, op: &str) {
    let lib = Library::open(dir, Config::default()).expect("the library opens");
    match op {
        "open" => {}
        "clip" => {
            let source = lib
                .add_source(NewSource {
                    text: base_text(),
                    markdown: false,
                    meta: SourceMeta {
                        title: "Once".into(),
                        ..SourceMeta::default()
                    },
                })
                .unwrap();
            lib.create_clip(NewClip {
                source_id: source.id.to_string(),
                start: Some(0),
                end: Some(20),
                tags: vec!["once".into()],
                ..NewClip::default()
            })
            .unwrap();
        }
        "backup" => {
            lib.backup().unwrap();
        }
        other => panic!("unknown operation {other}"),
    }
    out("DONE".into());
}

// ---------------------------------------------------------------- the parent

#[derive(Debug, Clone, PartialEq, Eq)]
struct Expected {
    start: u32,
    end: u32,
    note: String,
    tags: BTreeSet<String>,
    links: BTreeMap<String, String>,
}

#[derive(Default)]
struct Model {
    clips: BTreeMap<String, Expected>,
    deleted: BTreeSet<String>,
    /// Bulk imports: op → clips acknowledged (whole batches).
    bulk: BTreeMap<u64, usize>,
    base: Option<String>,
}

struct Figures {
    cycles: usize,
    acknowledged: usize,
    in_flight_applied: usize,
    in_flight_absent: usize,
    clips_checked: usize,
    phrases_checked: usize,
}

fn actual(lib: &Library, id: &str) -> Option<Expected> {
    let view = lib.clip(&ClipId(id.to_owned())).ok()?;
    let c = view.clip;
    Some(Expected {
        start: c.position.start,
        end: c.position.end,
        note: c.note,
        tags: c.tags.into_iter().collect(),
        links: c
            .claims
            .into_iter()
            .map(|l| (l.claim_id.0, l.stance.as_str().to_owned()))
            .collect(),
    })
}

fn verify(dir: &Path, model: &mut Model, lines: &[String], figures: &mut Figures, rng: &mut Rng) {
    let lib = Library::open(dir, Config::default())
        .unwrap_or_else(|e| fail(format!("the library does not open after a kill: {e}")));
    // Apply what was acknowledged; keep the operation in flight apart.
    let mut in_flight: Option<Vec<String>> = None;
    let mut batches: BTreeMap<u64, usize> = BTreeMap::new();
    for line in lines {
        let parts: Vec<String> = line.split(' ').map(str::to_owned).collect();
        match parts[0].as_str() {
            "BASE" => model.base = Some(parts[1].clone()),
            "BEGIN" => in_flight = Some(parts[1..].to_vec()),
            "BATCH" => {
                batches.insert(parts[1].parse().unwrap(), parts[2].parse().unwrap());
            }
            "ACK" => {
                let begin = in_flight
                    .take()
                    .unwrap_or_else(|| fail(format!("ACK without BEGIN: {line}")));
                apply(model, &begin, Some(&parts[2]));
                figures.acknowledged += 1;
            }
            _ => {}
        }
    }
    for (op, saved) in &batches {
        let entry = model.bulk.entry(*op).or_default();
        *entry = (*entry).max(*saved);
    }
    // The operation in flight: entirely applied or not at all.
    if let Some(begin) = in_flight {
        let op: u64 = begin[0].parse().unwrap();
        let applied = match begin[1].as_str() {
            "create" => {
                let tag = format!("op{op}");
                let hits = lib.search(&format!("tag:{tag}"), 10).unwrap().hits;
                match hits.as_slice() {
                    [] => false,
                    [hit] => {
                        let id = hit.clip_id.0.clone();
                        apply(model, &begin, Some(&id));
                        true
                    }
                    _ => fail(format!("op {op}: one create made {} clips", hits.len())),
                }
            }
            "note" | "tags" | "link" | "delete" => {
                let id = &begin[2];
                let before = model.clips.get(id).cloned();
                let mut after_model = Model {
                    clips: model.clips.clone(),
                    deleted: model.deleted.clone(),
                    ..Model::default()
                };
                apply(&mut after_model, &begin, Some(id));
                let after = after_model.clips.get(id).cloned();
                let now = actual(&lib, id);
                if now == after && now != before {
                    apply(model, &begin, Some(id));
                    true
                } else if now == before {
                    false
                } else {
                    fail(format!("op {op} ({}) left clip {id} half done: {now:?}, before {before:?}, after {after:?}", begin[1]))
                }
            }
            "bulk" => {
                let n = lib
                    .search(&format!("tag:bulk{op}"), 100_000)
                    .unwrap()
                    .hits
                    .len();
                if !n.is_multiple_of(BULK_BATCH) {
                    fail(format!(
                        "op {op}: a bulk import left {n} clips, not whole batches of {BULK_BATCH}"
                    ));
                }
                let acked = model.bulk.get(&op).copied().unwrap_or(0);
                if n < acked {
                    fail(format!(
                        "op {op}: {acked} bulk clips acknowledged, {n} found"
                    ));
                }
                model.bulk.insert(op, n);
                n > 0
            }
            other => fail(format!("unknown operation {other}")),
        };
        if applied {
            figures.in_flight_applied += 1;
        } else {
            figures.in_flight_absent += 1;
        }
    }
    // Every acknowledged clip, exactly.
    for (id, expected) in &model.clips {
        match actual(&lib, id) {
            Some(found) if &found == expected => {}
            found => fail(format!("clip {id}: expected {expected:?}, found {found:?}")),
        }
        figures.clips_checked += 1;
    }
    for id in &model.deleted {
        if actual(&lib, id).is_some() {
            fail(format!("clip {id} was deleted and is back"));
        }
    }
    for (op, n) in &model.bulk {
        let found = lib
            .search(&format!("tag:bulk{op}"), 100_000)
            .unwrap()
            .hits
            .len();
        if found != *n {
            fail(format!(
                "bulk op {op}: {n} clips acknowledged, {found} found"
            ));
        }
    }
    if model.base.is_none() {
        model.base = lib
            .sources()
            .unwrap()
            .into_iter()
            .find(|s| s.title == "Base")
            .map(|s| s.id.0);
    }
    // Nothing unacknowledged on the base source.
    if let Some(base) = &model.base {
        let view = lib.source(&SourceId(base.clone())).unwrap();
        for clip in &view.clips {
            if !model.clips.contains_key(&clip.id.0) {
                fail(format!(
                    "clip {} exists but was never acknowledged",
                    clip.id
                ));
            }
        }
        // Random phrases: the index answers what a scan of the database finds.
        let text = base_text();
        let words: Vec<&str> = text.split(' ').collect();
        for _ in 0..10 {
            let at = rng.below(words.len() - 2);
            let phrase = format!("{} {} {}", words[at], words[at + 1], words[at + 2]);
            let scan: BTreeSet<String> = view
                .clips
                .iter()
                .filter(|c| format!(" {} ", c.quote.exact).contains(&format!(" {phrase} ")))
                .map(|c| c.id.0.clone())
                .collect();
            let found: BTreeSet<String> = lib
                .search(&format!("quote:\"{phrase}\" source:base"), 100_000)
                .unwrap()
                .hits
                .into_iter()
                .map(|h| h.clip_id.0)
                .collect();
            if scan != found {
                fail(format!(
                    "\"{phrase}\": the scan finds {scan:?}, the index {found:?}"
                ));
            }
            figures.phrases_checked += 1;
        }
    }
    let health = lib.health().unwrap();
    if !health.is_ok() {
        fail(format!("unhealthy after a kill: {health:?}"));
    }
}

fn apply(model: &mut Model, begin: &[String], id: Option<&String>) {
    let op = &begin[0];
    match begin[1].as_str() {
        "create" => {
            let id = id.expect("a create names its clip").clone();
            model.clips.insert(
                id,
                Expected {
                    start: begin[2].parse().unwrap(),
                    end: begin[3].parse().unwrap(),
                    note: format!("note {op}"),
                    tags: begin[4].split(',').map(str::to_owned).collect(),
                    links: BTreeMap::new(),
                },
            );
        }
        "note" => {
            if let Some(c) = model.clips.get_mut(&begin[2]) {
                c.note = format!("edited {op}");
            }
        }
        "tags" => {
            if let Some(c) = model.clips.get_mut(&begin[2]) {
                c.tags = begin[3].split(',').map(str::to_owned).collect();
            }
        }
        "link" => {
            if let Some(c) = model.clips.get_mut(&begin[2]) {
                c.links.insert(begin[3].clone(), begin[4].clone());
            }
        }
        "delete" => {
            model.clips.remove(&begin[2]);
            model.deleted.insert(begin[2].clone());
        }
        "bulk" => {
            let saved: usize = id.and_then(|s| s.parse().ok()).unwrap_or(0);
            model.bulk.insert(op.parse().unwrap(), saved);
        }
        _ => {}
    }
}

fn parent(dir: &Path, cycles: usize, seed: u64) {
    let exe = std::env::current_exe().unwrap();
    let mut model = Model::default();
    let mut rng = Rng(seed);
    let mut figures = Figures {
        cycles: 0,
        acknowledged: 0,
        in_flight_applied: 0,
        in_flight_absent: 0,
        clips_checked: 0,
        phrases_checked: 0,
    };
    let started = Instant::now();
    for cycle in 0..cycles {
        let mut child = Command::new(&exe)
            .args([
                "--child",
                &dir.display().to_string(),
                &(seed + cycle as u64 + 1).to_string(),
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the child starts");
        let lines = Arc::new(Mutex::new(Vec::new()));
        let reader = {
            let lines = lines.clone();
            let stdout = child.stdout.take().unwrap();
            std::thread::spawn(move || {
                for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                    lines.lock().unwrap().push(line);
                }
            })
        };
        // Wait until the child is working, then let it run a random while.
        let ready = Instant::now();
        while !lines.lock().unwrap().iter().any(|l| l == "READY") {
            if ready.elapsed() > Duration::from_secs(60) {
                fail("the child never became ready".into());
            }
            if let Ok(Some(status)) = child.try_wait() {
                fail(format!("the child exited on its own: {status}"));
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        std::thread::sleep(Duration::from_millis(20 + rng.below(600) as u64));
        // SAFETY: kill(2) on our own child's pid.
        unsafe {
            libc::kill(child.id() as i32, libc::SIGKILL);
        }
        let _ = child.wait();
        let _ = reader.join();
        let lines = std::mem::take(&mut *lines.lock().unwrap());
        verify(dir, &mut model, &lines, &mut figures, &mut rng);
        figures.cycles += 1;
    }
    println!(
        "crash campaign: {} cycles in {:.1} s, {} operations acknowledged and checked, {} in flight at the kill ({} applied whole, {} absent whole), {} clip states compared, {} phrase queries agreed with the scan; integrity_check, foreign_key_check and index = database after every kill",
        figures.cycles,
        started.elapsed().as_secs_f64(),
        figures.acknowledged,
        figures.in_flight_applied + figures.in_flight_absent,
        figures.in_flight_applied,
        figures.in_flight_absent,
        figures.clips_checked,
        figures.phrases_checked
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        child(Path::new(&args[1]), args[2].parse().unwrap());
        return;
    }
    if args.first().map(String::as_str) == Some("--once") {
        once(Path::new(&args[1]), &args[2]);
        return;
    }
    let value = |name: &str| -> Option<String> {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let cycles: usize = value("--cycles").and_then(|v| v.parse().ok()).unwrap_or(50);
    let seed: u64 = value("--seed").and_then(|v| v.parse().ok()).unwrap_or(1);
    let keep = value("--dir").map(PathBuf::from);
    let tmp;
    let dir = match keep {
        Some(dir) => dir,
        None => {
            tmp = std::env::temp_dir().join(format!("commonplace-crash-{}", std::process::id()));
            tmp
        }
    };
    std::fs::create_dir_all(&dir).unwrap();
    parent(&dir, cycles, seed);
    if value("--dir").is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
}
