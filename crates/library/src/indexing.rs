//! Keeping the Tantivy index in step with SQLite through the outbox.

use crate::{Changes, Library, Result, WriterState};
use model::{Author, ClipId, SourceId, SourceSummary};
use model::{BlockKind, Source, SourceText};
use search::{ClipDoc, IndexOp, IndexState, PassageDoc};
use std::collections::HashMap;
use store::{OutboxEntity, Reader};

/// How many outbox entries are applied per index commit.
const REPLAY_BATCH: usize = 10_000;

/// Whether the index agrees with the database, and whether SQLite is sound.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Health {
    pub clips: u64,
    pub indexed: u64,
    pub missing_from_index: Vec<ClipId>,
    pub extra_in_index: Vec<ClipId>,
    pub integrity_problems: Vec<String>,
    /// How many segments the index is made of (merges keep it small).
    pub segments: usize,
}

impl Health {
    pub fn is_ok(&self) -> bool {
        self.missing_from_index.is_empty()
            && self.extra_in_index.is_empty()
            && self.integrity_problems.is_empty()
            && self.clips == self.indexed
    }
}

impl Library {
    /// On open: replay what the index missed, or rebuild it when it cannot be
    /// trusted (missing, damaged, another format, ahead of the database, or behind
    /// entries that were already pruned from the outbox).
    pub(crate) fn sync_index(&self, state: IndexState) -> Result<()> {
        let high_water = self.store.read()?.outbox_high_water()?;
        let mut writer = self.writer.lock();
        let rebuild_reason = match state {
            IndexState::NeedsRebuild { reason } => Some(reason),
            IndexState::Current { applied_seq } if applied_seq > high_water => Some(format!(
                "the index is ahead of the database ({applied_seq} > {high_water})"
            )),
            IndexState::Current { applied_seq } => {
                let next = self.store.read()?.outbox_after(applied_seq, 1)?;
                let gap = high_water > applied_seq
                    && next.first().is_none_or(|e| e.seq != applied_seq + 1);
                writer.applied_seq = applied_seq;
                gap.then(|| "the outbox no longer holds what the index missed".to_owned())
            }
        };
        match rebuild_reason {
            Some(_reason) => self.rebuild_locked(&mut writer, high_water),
            None => self.apply_outbox_locked(&mut writer, &mut Changes::default()),
        }
    }

    /// Rebuilds the whole search index from the database (it is a cache: this
    /// loses nothing, and is what happens by itself when the index is damaged).
    pub fn rebuild_search_index(&self) -> Result<()> {
        let mut writer = self.writer.lock();
        let high_water = self.store.read()?.outbox_high_water()?;
        self.rebuild_locked(&mut writer, high_water)
    }

    fn rebuild_locked(&self, writer: &mut WriterState, high_water: u64) -> Result<()> {
        let reader = self.store.read()?;
        let mut sources = HashMap::new();
        let mut ops = Vec::new();
        for id in reader.source_ids()? {
            ops.push(passages_op(&reader.source(&id)?));
        }
        for id in reader.clip_ids()? {
            if let Some(doc) = clip_doc(&reader, &mut sources, &id)? {
                ops.push(IndexOp::UpsertClip(Box::new(doc)));
            }
        }
        drop(reader);
        self.index.rebuild(ops.into_iter(), high_water)?;
        writer.applied_seq = high_water;
        self.store.write(|tx| tx.prune_outbox(high_water))?;
        Ok(())
    }

    /// Applies every pending outbox entry to the index, in order, noting the
    /// clips and sources it touched. The caller holds the writer's turn.
    pub(crate) fn apply_outbox_locked(
        &self,
        writer: &mut WriterState,
        changes: &mut Changes,
    ) -> Result<()> {
        // The caller's write is committed to SQLite; the index has not seen it.
        store::failpoint("before-index");
        loop {
            let reader = self.store.read()?;
            let entries = reader.outbox_after(writer.applied_seq, REPLAY_BATCH)?;
            let Some(last) = entries.last().map(|e| e.seq) else {
                return Ok(());
            };
            let mut sources = HashMap::new();
            let mut clips: Vec<ClipId> = Vec::new();
            let mut ops = Vec::new();
            let mut sources_done = std::collections::HashSet::new();
            for entry in entries.iter().rev() {
                match entry.entity {
                    OutboxEntity::Clip => clips.push(ClipId(entry.entity_id.clone())),
                    OutboxEntity::Source => {
                        let id = SourceId(entry.entity_id.clone());
                        if !sources_done.insert(id.clone()) {
                            continue;
                        }
                        changes.source(&id);
                        match reader.source(&id) {
                            Ok(source) => ops.push(passages_op(&source)),
                            Err(store::StoreError::NotFound { .. }) => {
                                ops.push(IndexOp::ReplacePassages {
                                    source_id: id.clone(),
                                    passages: Vec::new(),
                                })
                            }
                            Err(e) => return Err(e.into()),
                        }
                        clips.extend(reader.clips_of_source(&id)?);
                    }
                }
            }
            // Each clip is written once, in its current state: a clip that is gone
            // (whatever its entries said) is deleted from the index.
            let mut seen = std::collections::HashSet::new();
            for id in clips {
                if !seen.insert(id.clone()) {
                    continue;
                }
                changes.clip(&id);
                ops.push(match clip_doc(&reader, &mut sources, &id)? {
                    Some(doc) => IndexOp::UpsertClip(Box::new(doc)),
                    None => IndexOp::DeleteClip(id),
                });
            }
            drop(reader);
            self.index
                .apply(ops, last)
                .map_err(|e| crate::error::from_index(e, &self.dir))?;
            store::failpoint("after-index-commit");
            writer.applied_seq = last;
            self.store.write(|tx| tx.prune_outbox(last))?;
        }
    }

    /// Compares the index with the database and runs SQLite's integrity checks.
    pub fn health(&self) -> Result<Health> {
        let in_db = self.store.read()?.clip_ids()?;
        let in_index = self.index.all_ids()?;
        let db: std::collections::BTreeSet<_> = in_db.iter().cloned().collect();
        let ix: std::collections::BTreeSet<_> = in_index.iter().cloned().collect();
        Ok(Health {
            clips: in_db.len() as u64,
            indexed: in_index.len() as u64,
            missing_from_index: db.difference(&ix).cloned().collect(),
            extra_in_index: ix.difference(&db).cloned().collect(),
            integrity_problems: self.store.check_integrity()?,
            segments: self.index.segment_count()?,
        })
    }
}

/// The searchable document of a clip as it is now, or `None` if it was deleted.
fn clip_doc(
    reader: &Reader,
    sources: &mut HashMap<SourceId, SourceSummary>,
    id: &ClipId,
) -> Result<Option<ClipDoc>> {
    let clip = match reader.clip(id) {
        Ok(clip) => clip,
        Err(store::StoreError::NotFound { .. }) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    if !sources.contains_key(&clip.source_id) {
        let summary = reader.source_summary(&clip.source_id)?;
        sources.insert(clip.source_id.clone(), summary);
    }
    let source = &sources[&clip.source_id];
    Ok(Some(ClipDoc {
        id: clip.id,
        source_id: clip.source_id,
        quote: clip.quote.exact,
        note: clip.note,
        tags: clip.tags,
        stances: clip
            .claims
            .iter()
            .map(|c| c.stance.as_str().to_owned())
            .collect(),
        claims: clip.claims.into_iter().map(|c| c.statement).collect(),
        source_title: source.title.clone(),
        authors: source.authors.iter().map(Author::display_name).collect(),
        source_kind: source.kind.as_str().to_owned(),
        date: source.issued.as_ref().map(search::date_key),
    }))
}

/// Passages longer than this many characters are cut into chunks near it.
const PASSAGE_CHARS: usize = 1200;

/// The passages of a source's text: one per block, long blocks cut at spaces.
/// A source made of its excerpts has none: its text is its clips' quotes, which
/// search finds as clips already.
fn passages_op(source: &Source) -> IndexOp {
    if source.kind == model::SourceKind::Excerpts {
        return IndexOp::ReplacePassages {
            source_id: source.id.clone(),
            passages: Vec::new(),
        };
    }
    let text = SourceText::new(&source.blocks);
    let authors: Vec<String> = source
        .meta
        .authors
        .iter()
        .map(Author::display_name)
        .collect();
    let mut passages = Vec::new();
    for (block, &start) in source.blocks.iter().zip(text.block_starts()) {
        if block.kind == BlockKind::PageBreak {
            continue;
        }
        let chars: Vec<char> = block.text.chars().collect();
        let mut from = 0;
        while from < chars.len() {
            let mut to = (from + PASSAGE_CHARS).min(chars.len());
            if to < chars.len() {
                // Cut at the last space of the chunk, if it has one past its middle.
                if let Some(space) = chars[from..to].iter().rposition(|c| c.is_whitespace()) {
                    if space > PASSAGE_CHARS / 2 {
                        to = from + space + 1;
                    }
                }
            }
            passages.push(PassageDoc {
                source_id: source.id.clone(),
                source_title: source.meta.title.clone(),
                authors: authors.clone(),
                text: chars[from..to].iter().collect(),
                start: (start + from) as u32,
                end: (start + to) as u32,
                source_kind: source.kind.as_str().to_owned(),
                date: source.meta.issued.as_ref().map(search::date_key),
            });
            from = to;
        }
    }
    IndexOp::ReplacePassages {
        source_id: source.id.clone(),
        passages,
    }
}
