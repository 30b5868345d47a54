//! The full-text index: a Tantivy index in `<library>/index`, derived from SQLite.
//!
//! The index is a cache. It records in each commit's payload the last outbox
//! sequence number it applied and its own format version, so that on open the
//! library can tell whether to replay what it missed or to rebuild it from the
//! database. Anything unreadable (missing, corrupt, another format) is reported as
//! needing a rebuild, never as an error the user has to deal with.
//!
//! Searches never wait for writes: a search takes the reader's current searcher
//! (a snapshot of the last commit), while the one writer, behind a lock of its
//! own, stages changes and commits them.
//!
//! Only `library` calls this crate, and it never sees SQLite.

mod candidates;
mod cjk;
mod merge;
mod query;
mod schema;
mod snippet;

pub use candidates::{CandidateLimits, QuoteCandidate};

use model::{ClipId, SearchResults, SourceId};
use schema::Fields;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use tantivy::schema::Value;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// Bumped whenever the schema or the analysis of text changes: an index of another
/// format is rebuilt on open.
pub const INDEX_FORMAT: u32 = 6;

const WRITER_MEMORY: usize = 50_000_000;

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("search index folder {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

pub type Result<T, E = SearchError> = std::result::Result<T, E>;

/// A date as the index stores it: YYYYMMDD, with 00 for an unknown month or day.
pub fn date_key(date: &model::PartialDate) -> i64 {
    date.year as i64 * 10_000 + date.month.unwrap_or(0) as i64 * 100 + date.day.unwrap_or(0) as i64
}

/// What the index has, as read on open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexState {
    /// The index is readable and has applied the outbox up to `applied_seq`.
    Current { applied_seq: u64 },
    /// The index must be rebuilt from the database; the reason is for the log.
    NeedsRebuild { reason: String },
}

/// The searchable form of a clip, assembled by `library` from the database.
#[derive(Debug, Clone, PartialEq)]
pub struct ClipDoc {
    pub id: ClipId,
    pub source_id: SourceId,
    pub quote: String,
    pub note: String,
    pub tags: Vec<String>,
    pub claims: Vec<String>,
    /// The stances of the clip's claim links.
    pub stances: Vec<String>,
    pub source_title: String,
    pub authors: Vec<String>,
    /// The source's kind ("web", "pdf", ...) and date as YYYYMMDD.
    pub source_kind: String,
    pub date: Option<i64>,
}

/// A passage of a source's text: a block, or a chunk of a long block.
#[derive(Debug, Clone, PartialEq)]
pub struct PassageDoc {
    pub source_id: SourceId,
    pub source_title: String,
    pub authors: Vec<String>,
    pub text: String,
    /// Offsets of the passage in the source text, in code points.
    pub start: u32,
    pub end: u32,
    pub source_kind: String,
    pub date: Option<i64>,
}

/// A change to apply to the index.
#[derive(Debug, Clone, PartialEq)]
pub enum IndexOp {
    UpsertClip(Box<ClipDoc>),
    DeleteClip(ClipId),
    /// Replaces every passage of a source (an empty list removes them).
    ReplacePassages {
        source_id: SourceId,
        passages: Vec<PassageDoc>,
    },
}

#[derive(Serialize, Deserialize)]
struct Payload {
    format: u32,
    seq: u64,
}

/// The open index with its one long-lived writer.
pub struct SearchIndex {
    reader: IndexReader,
    writer: parking_lot::Mutex<IndexWriter>,
    fields: Fields,
    parsers: query::Parsers,
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it (or recreating a damaged one) as needed.
    pub fn open(dir: &Path) -> Result<(SearchIndex, IndexState)> {
        let io = |source| SearchError::Io {
            path: dir.to_owned(),
            source,
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        let (schema, fields) = schema::build();
        let (index, state) = match open_existing(dir, &schema) {
            Ok((index, state)) => (index, state),
            Err(reason) => {
                clear_dir(dir).map_err(io)?;
                let index = Index::create_in_dir(dir, schema)?;
                (index, IndexState::NeedsRebuild { reason })
            }
        };
        schema::register_tokenizers(&index);
        let writer = open_writer(&index)?;
        // Merging is ours to decide, after each commit and before it returns
        // (`merge::plan`): a merge Tantivy starts in the background is lost when
        // a short-lived process (a CLI command, the browser's capture host) exits.
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        // A process killed while it wrote leaves files no commit refers to (a
        // segment, a deletes file). Remove them before writing anything: the next
        // commit would otherwise try to create a file of the same name and fail.
        writer
            .garbage_collect_files()
            .wait()
            .map_err(SearchError::Tantivy)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let parsers = query::Parsers::new(&index, &fields);
        Ok((
            SearchIndex {
                reader,
                writer: parking_lot::Mutex::new(writer),
                fields,
                parsers,
            },
            state,
        ))
    }

    /// Applies changes and commits them together with the outbox position they
    /// bring the index to. Visible to searches when this returns.
    pub fn apply(&self, ops: Vec<IndexOp>, seq: u64) -> Result<()> {
        let mut writer = self.writer.lock();
        // A write that failed (or panicked) half-way left staged changes no
        // commit should carry: they are dropped, and the outbox, which the
        // caller replays from its last committed position, brings them back.
        let staged = (|| {
            for op in ops {
                self.stage(&writer, op)?;
            }
            self.commit(&mut writer, seq)
        })();
        if staged.is_err() {
            let _ = writer.rollback();
        }
        staged
    }

    /// Replaces everything in the index with what `ops` add.
    pub fn rebuild(&self, ops: impl Iterator<Item = IndexOp>, seq: u64) -> Result<()> {
        let mut writer = self.writer.lock();
        let staged = (|| {
            writer.delete_all_documents()?;
            for op in ops {
                self.stage(&writer, op)?;
            }
            self.commit(&mut writer, seq)
        })();
        if staged.is_err() {
            let _ = writer.rollback();
        }
        staged
    }

    fn stage(&self, writer: &IndexWriter, op: IndexOp) -> Result<()> {
        let f = self.fields;
        match op {
            IndexOp::UpsertClip(doc) => {
                writer.delete_term(Term::from_field_text(f.id, doc.id.as_str()));
                writer.add_document(f.clip_document(&doc))?;
            }
            IndexOp::DeleteClip(id) => {
                writer.delete_term(Term::from_field_text(f.id, id.as_str()));
            }
            IndexOp::ReplacePassages {
                source_id,
                passages,
            } => {
                writer.delete_term(Term::from_field_text(f.passage_of, source_id.as_str()));
                for passage in &passages {
                    writer.add_document(f.passage_document(passage))?;
                }
            }
        }
        Ok(())
    }

    fn commit(&self, writer: &mut IndexWriter, seq: u64) -> Result<()> {
        let payload = serde_json::to_string(&Payload {
            format: INDEX_FORMAT,
            seq,
        })
        .expect("payload serializes");
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&payload);
        prepared.commit()?;
        merge_segments(writer)?;
        self.reader.reload()?;
        Ok(())
    }

    /// How many segments the index is made of (each one is searched).
    pub fn segment_count(&self) -> Result<usize> {
        Ok(self.reader.searcher().segment_readers().len())
    }

    /// How many clips the index holds.
    pub fn doc_count(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Ids of every clip in the index (for consistency checks).
    pub fn all_ids(&self) -> Result<Vec<ClipId>> {
        let searcher = self.reader.searcher();
        let mut ids = Vec::new();
        for segment in searcher.segment_readers() {
            let store = segment
                .get_store_reader(64)
                .map_err(|e| SearchError::Tantivy(e.into()))?;
            let alive = segment.alive_bitset();
            for doc_id in 0..segment.max_doc() {
                if alive.is_some_and(|bits| !bits.is_alive(doc_id)) {
                    continue;
                }
                let doc: TantivyDocument = store.get(doc_id)?;
                if let Some(id) = doc.get_first(self.fields.id).and_then(|v| v.as_str()) {
                    ids.push(ClipId::from(id));
                }
            }
        }
        ids.sort();
        Ok(ids)
    }

    /// Ranked clips and passages for a query typed by a writer, with facet counts
    /// over the matching clips. Never fails on a malformed query: the parts that
    /// parse are used and the rest is ignored.
    pub fn search(&self, query: &str, limit: usize) -> Result<SearchResults> {
        query::search(
            &self.parsers,
            &self.reader.searcher(),
            &self.fields,
            query,
            limit,
        )
    }

    /// The clips and passages that share most of a quote's `terms` (ORed,
    /// ranked by BM25), clips first, for checking the quote against them; only
    /// those of `source` when it is given.
    pub fn quote_candidates(
        &self,
        terms: &[String],
        source: Option<&SourceId>,
        limits: CandidateLimits,
    ) -> Result<Vec<QuoteCandidate>> {
        candidates::candidates(&self.reader.searcher(), &self.fields, terms, source, limits)
    }
}

/// Merges segments until the plan has nothing more to merge. Each merge keeps
/// the last commit's payload, and a crash during one leaves the segments it was
/// merging in place (the files it wrote are collected at the next open).
fn merge_segments(writer: &mut IndexWriter) -> Result<()> {
    loop {
        let metas = writer.index().searchable_segment_metas()?;
        let Some(ids) = merge::plan(&merge::sizes(&metas)) else {
            return Ok(());
        };
        writer.merge(&ids).wait()?;
    }
}

/// The index's one writer. Tantivy's writer lock is an `flock` on a file, and
/// a child process started by another thread (the PDF worker) holds a copy of
/// every open file between its fork and its exec: a library closed and opened
/// again at that instant finds the lock busy. The library's own lock (taken
/// before this) already keeps other processes out, so a busy lock here is that
/// instant, and a short wait outlasts it.
fn open_writer(index: &Index) -> Result<IndexWriter> {
    let mut waited = std::time::Duration::ZERO;
    let step = std::time::Duration::from_millis(20);
    loop {
        match index.writer(WRITER_MEMORY) {
            Err(tantivy::TantivyError::LockFailure(
                tantivy::directory::error::LockError::LockBusy,
                _,
            )) if waited < std::time::Duration::from_secs(3) => {
                std::thread::sleep(step);
                waited += step;
            }
            other => return Ok(other?),
        }
    }
}

/// Opens an index that is there, or says why it has to be rebuilt.
fn open_existing(
    dir: &Path,
    schema: &tantivy::schema::Schema,
) -> Result<(Index, IndexState), String> {
    if !dir.join("meta.json").exists() {
        return Err("the index is missing".into());
    }
    let index = Index::open_in_dir(dir).map_err(|e| format!("the index is unreadable: {e}"))?;
    if index.schema() != *schema {
        return Err("the index has another schema".into());
    }
    let meta = index
        .load_metas()
        .map_err(|e| format!("the index metadata is unreadable: {e}"))?;
    let state = match meta.payload.as_deref().map(serde_json::from_str::<Payload>) {
        Some(Ok(p)) if p.format == INDEX_FORMAT => IndexState::Current { applied_seq: p.seq },
        Some(Ok(p)) => IndexState::NeedsRebuild {
            reason: format!(
                "the index has format {}, this version uses {INDEX_FORMAT}",
                p.format
            ),
        },
        Some(Err(_)) | None => IndexState::NeedsRebuild {
            reason: "the index has no record of what it applied".into(),
        },
    };
    // A damaged segment shows up when the index is searched, not when it opens.
    let reader = index
        .reader()
        .map_err(|e| format!("the index cannot be read: {e}"))?;
    for segment in reader.searcher().segment_readers() {
        segment
            .get_store_reader(0)
            .map_err(|e| format!("an index segment is damaged: {e}"))?;
    }
    Ok((index, state))
}

fn clear_dir(dir: &Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            std::fs::remove_dir_all(&path)?;
        } else {
            std::fs::remove_file(&path)?;
        }
    }
    Ok(())
}
