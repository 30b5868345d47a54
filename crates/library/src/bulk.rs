//! Bulk import of clips from JSON Lines, one clip per line.
//!
//! Each line names its source (by id, or by metadata: an existing source with the
//! same URL, or with the same title and no URL, is reused) and carries the quote,
//! an optional note, tags and claims. A source given without text becomes an
//! "excerpts" source whose text is the quotes saved from it.
//!
//! Lines are saved in batches, one SQLite transaction each; a batch is reported
//! (through the progress callback) only once it is committed, so every clip an
//! import reports as saved survives a crash right after. A bad line is skipped and
//! reported with its line number; it never rolls back the lines around it.

use crate::clips::{build_clip, clean_tags};
use crate::sources::{build_source, clean_meta};
use crate::{claims::clean_statement, Error, Library, NewClip, Result};
use model::{
    Author, Block, Claim, ClaimId, ClipClaim, SourceId, SourceKind, SourceMeta, SourceText, Stance,
    Timestamp,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use store::Tx;

/// One line of a bulk import.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct BulkRecord {
    /// An existing source's id; or else `source`.
    pub source_id: Option<String>,
    pub source: Option<BulkSource>,
    pub quote: String,
    pub note: String,
    pub tags: Vec<String>,
    pub claims: Vec<BulkClaim>,
}

/// A source described by its metadata, found or created by the import.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct BulkSource {
    pub title: String,
    pub authors: Vec<AuthorInput>,
    /// Site, newspaper or journal.
    pub site: Option<String>,
    pub publisher: Option<String>,
    /// YYYY, YYYY-MM or YYYY-MM-DD.
    pub date: Option<String>,
    pub url: Option<String>,
    /// The full text; without it the source is made of its quotes.
    pub text: Option<String>,
    pub markdown: bool,
}

/// An author as a name the import parses ("Doe, Jane") or as the structured form.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AuthorInput {
    Name(String),
    Structured(Author),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BulkClaim {
    pub statement: String,
    pub stance: Stance,
}

/// Where an import stands, reported after each committed batch.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkProgress {
    /// Lines read so far.
    pub lines: u64,
    /// Clips committed so far.
    pub saved: u64,
    /// Lines skipped so far.
    pub failed: u64,
    /// Lines whose clip was already saved (by an earlier run of the import).
    #[serde(default)]
    pub already_saved: u64,
}

/// The outcome of an import.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkReport {
    pub progress: BulkProgress,
    /// The first few skipped lines, with why.
    pub errors: Vec<(u64, String)>,
}

const REPORTED_ERRORS: usize = 100;

impl Library {
    /// Imports clips from `lines` (each a line number and its parsed record, or a
    /// parse error), committing every `batch_size` lines and calling `on_batch`
    /// after each commit.
    pub fn import_clips(
        &self,
        lines: impl Iterator<Item = (u64, Result<BulkRecord, String>)>,
        batch_size: usize,
        mut on_batch: impl FnMut(&BulkProgress),
    ) -> Result<BulkReport> {
        let mut report = BulkReport::default();
        let mut lines = lines.peekable();
        while lines.peek().is_some() {
            let batch: Vec<_> = lines.by_ref().take(batch_size.max(1)).collect();
            let now = self.now();
            let outcomes = self.write(|tx, changes| {
                let mut cache = BatchCache::default();
                let mut outcomes = Vec::with_capacity(batch.len());
                for (line, record) in batch {
                    let result = record
                        .map_err(|e| format!("not a valid record: {e}"))
                        .and_then(|r| {
                            import_one(tx, &mut cache, r, now).map_err(|e| e.to_string())
                        });
                    match result {
                        Ok(saved) => outcomes.push((line, saved)),
                        // A database failure aborts the batch; bad input skips the line.
                        Err(_) if cache.fatal.is_some() => {
                            return Err(cache.fatal.take().expect("checked"));
                        }
                        Err(message) => outcomes.push((line, Outcome::Failed(message))),
                    }
                }
                changes.tags = true;
                for claim in cache.claims.values() {
                    changes.claim(claim);
                }
                Ok(outcomes)
            })?;
            for (line, outcome) in outcomes {
                report.progress.lines += 1;
                match outcome {
                    Outcome::Saved => report.progress.saved += 1,
                    Outcome::AlreadySaved => report.progress.already_saved += 1,
                    Outcome::Failed(message) => {
                        report.progress.failed += 1;
                        if report.errors.len() < REPORTED_ERRORS {
                            report.errors.push((line, message));
                        }
                    }
                }
            }
            on_batch(&report.progress);
        }
        Ok(report)
    }
}

/// What became of one line.
enum Outcome {
    Saved,
    AlreadySaved,
    Failed(String),
}

#[derive(Default)]
struct BatchCache {
    sources: HashMap<SourceId, model::Source>,
    claims: HashMap<String, ClaimId>,
    /// Sources found by address in this batch.
    by_url: HashMap<String, SourceId>,
    /// A database error that must abort the whole batch.
    fatal: Option<Error>,
}

/// Saves one record, all or nothing: a record that fails leaves no source or claim
/// behind (its savepoint is rolled back, and the batch cache forgotten).
fn import_one(
    tx: &Tx<'_>,
    cache: &mut BatchCache,
    record: BulkRecord,
    now: Timestamp,
) -> Result<Outcome> {
    let outcome = tx.atomically(|tx| {
        if record.quote.trim().is_empty() {
            return Err(Error::InvalidInput("the quote is empty".into()));
        }
        let source_id = resolve_source(tx, cache, &record, now)?;
        let source = cache
            .sources
            .get_mut(&source_id)
            .expect("resolved sources are cached");
        let new = NewClip {
            source_id: source_id.0.clone(),
            quote: Some(record.quote.clone()),
            note: record.note.clone(),
            tags: clean_tags(&record.tags),
            ..NewClip::default()
        };
        let mut clip = if source.kind == SourceKind::Excerpts {
            // A source made of its quotes: a quote already there is clipped where
            // it is, a new one becomes the source's next paragraph and is clipped
            // by its offsets (no search through the text for it).
            let quote = ingest::normalize_inline(&record.quote);
            let text = SourceText::new(&source.blocks);
            match text.find_exact(&quote).first() {
                Some(&(start, end)) => build_clip(source, &by_offsets(&new, start, end), now)?,
                None => {
                    let length = quote.chars().count();
                    let block = Block::paragraph(quote);
                    source.blocks.push(block.clone());
                    let text = SourceText::new(&source.blocks);
                    let start = text.block_starts().last().copied().unwrap_or(0);
                    let hash = store::text_hash(text.as_str());
                    tx.append_blocks(&source_id, &[block], &hash, now)?;
                    build_clip(source, &by_offsets(&new, start, start + length), now)?
                }
            }
        } else {
            build_clip(source, &new, now)?
        };
        // The same quote of the same source at the same place is saved once:
        // running an interrupted import again adds only what it had not saved.
        let (start, end) = (clip.position.start, clip.position.end);
        if tx
            .read()
            .clip_at(&source_id, start, end, &clip.quote.exact)?
            .is_some()
        {
            return Ok(Outcome::AlreadySaved);
        }
        for claim in &record.claims {
            let statement = clean_statement(&claim.statement)?;
            let claim_id = resolve_claim(tx, cache, &statement, now)?;
            clip.claims.push(ClipClaim {
                claim_id,
                statement,
                stance: claim.stance,
            });
        }
        tx.insert_clip(&clip)?;
        Ok(Outcome::Saved)
    });
    if outcome.is_err() {
        cache.sources.clear();
        cache.claims.clear();
        cache.by_url.clear();
    }
    if let Err(e @ Error::Store(_)) = outcome {
        let message = e.to_string();
        cache.fatal = Some(e);
        return Err(Error::InvalidInput(message));
    }
    outcome
}

fn by_offsets(new: &NewClip, start: usize, end: usize) -> NewClip {
    NewClip {
        quote: None,
        start: Some(start as u32),
        end: Some(end as u32),
        ..new.clone()
    }
}

fn resolve_source(
    tx: &Tx<'_>,
    cache: &mut BatchCache,
    record: &BulkRecord,
    now: Timestamp,
) -> Result<SourceId> {
    let reader = tx.read();
    let id = match (&record.source_id, &record.source) {
        (Some(id), _) => Some(SourceId(id.clone())),
        (None, Some(source)) => match source
            .url
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
        {
            Some(url) => match cache.by_url.get(url) {
                Some(id) => Some(id.clone()),
                None => reader.source_by_url(url)?,
            },
            None => reader.source_by_title(source.title.trim())?,
        },
        (None, None) => {
            return Err(Error::InvalidInput(
                "each line needs a sourceId or a source with at least a title".into(),
            ))
        }
    };
    if let Some(id) = id {
        if !cache.sources.contains_key(&id) {
            let source = reader.source(&id)?;
            cache.sources.insert(id.clone(), source);
        }
        return Ok(id);
    }
    let given = record
        .source
        .as_ref()
        .expect("no id means metadata was given");
    let meta = clean_meta(SourceMeta {
        title: given.title.clone(),
        authors: given
            .authors
            .iter()
            .map(|a| match a {
                AuthorInput::Name(name) => Author::person_from_input(name),
                AuthorInput::Structured(author) => author.clone(),
            })
            .collect(),
        container_title: given.site.clone(),
        publisher: given.publisher.clone(),
        issued: given.date.as_deref().map(str::parse).transpose()?,
        url: given.url.clone(),
        ..SourceMeta::default()
    })?;
    let (kind, blocks) = match &given.text {
        Some(text) if given.markdown => (
            SourceKind::Markdown,
            ingest::blocks(text, ingest::TextFormat::Markdown)?,
        ),
        Some(text) => (
            SourceKind::Text,
            ingest::blocks(text, ingest::TextFormat::Plain)?,
        ),
        None => (
            SourceKind::Excerpts,
            vec![Block::paragraph(ingest::normalize_inline(&record.quote))],
        ),
    };
    let mut source = build_source(kind, meta, blocks, now);
    crate::citations::insert_source(tx, &mut source)?;
    let id = source.id.clone();
    if let Some(url) = &source.meta.url {
        cache.by_url.insert(url.clone(), id.clone());
    }
    cache.sources.insert(id.clone(), source);
    Ok(id)
}

fn resolve_claim(
    tx: &Tx<'_>,
    cache: &mut BatchCache,
    statement: &str,
    now: Timestamp,
) -> Result<ClaimId> {
    let key = statement.to_lowercase();
    if let Some(id) = cache.claims.get(&key) {
        return Ok(id.clone());
    }
    let id = match tx.read().claim_by_statement(statement)? {
        Some(id) => id,
        None => {
            let claim = Claim {
                id: ClaimId::generate(),
                statement: statement.to_owned(),
                note: String::new(),
                created_at: now,
                updated_at: now,
            };
            tx.insert_claim(&claim)?;
            claim.id
        }
    };
    cache.claims.insert(key, id.clone());
    Ok(id)
}
