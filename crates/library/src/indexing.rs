//! Keeping the Tantivy index in step with SQLite through the outbox.

use crate::{Library, Result};
use model::{Author, ClipId, SourceId, SourceSummary};
use search::{ClipDoc, IndexOp, IndexState};
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
    pub(crate) fn sync_index(&mut self, state: IndexState) -> Result<()> {
        let high_water = self.store.read().outbox_high_water()?;
        let rebuild_reason = match state {
            IndexState::NeedsRebuild { reason } => Some(reason),
            IndexState::Current { applied_seq } if applied_seq > high_water => Some(format!(
                "the index is ahead of the database ({applied_seq} > {high_water})"
            )),
            IndexState::Current { applied_seq } => {
                let next = self.store.read().outbox_after(applied_seq, 1)?;
                let gap = high_water > applied_seq
                    && next.first().is_none_or(|e| e.seq != applied_seq + 1);
                self.applied_seq = applied_seq;
                gap.then(|| "the outbox no longer holds what the index missed".to_owned())
            }
        };
        match rebuild_reason {
            Some(_reason) => self.rebuild_index(high_water),
            None => self.apply_outbox(),
        }
    }

    /// Rebuilds the whole index from the database.
    pub fn rebuild_index(&mut self, high_water: u64) -> Result<()> {
        let reader = self.store.read();
        let ids = reader.clip_ids()?;
        let mut sources = HashMap::new();
        let docs = ids
            .iter()
            .map(|id| clip_doc(&reader, &mut sources, id))
            .collect::<Result<Vec<_>>>()?;
        self.index.rebuild(docs.into_iter().flatten(), high_water)?;
        self.applied_seq = high_water;
        self.store.write(|tx| tx.prune_outbox(high_water))?;
        Ok(())
    }

    /// Applies every pending outbox entry to the index, in order.
    pub(crate) fn apply_outbox(&mut self) -> Result<()> {
        loop {
            let entries = self
                .store
                .read()
                .outbox_after(self.applied_seq, REPLAY_BATCH)?;
            let Some(last) = entries.last().map(|e| e.seq) else {
                return Ok(());
            };
            let reader = self.store.read();
            let mut sources = HashMap::new();
            let mut clips: Vec<ClipId> = Vec::new();
            for entry in &entries {
                match (entry.entity, entry.op) {
                    (OutboxEntity::Clip, _) => clips.push(ClipId(entry.entity_id.clone())),
                    (OutboxEntity::Source, _) => {
                        clips.extend(reader.clips_of_source(&SourceId(entry.entity_id.clone()))?)
                    }
                }
            }
            // Each clip is written once, in its current state: a clip that is gone
            // (whatever its entries said) is deleted from the index.
            let mut seen = std::collections::HashSet::new();
            let mut ops = Vec::new();
            for id in clips.into_iter().rev() {
                if !seen.insert(id.clone()) {
                    continue;
                }
                ops.push(match clip_doc(&reader, &mut sources, &id)? {
                    Some(doc) => IndexOp::Upsert(doc),
                    None => IndexOp::Delete(id),
                });
            }
            self.index.apply(ops, last)?;
            self.applied_seq = last;
            self.store.write(|tx| tx.prune_outbox(last))?;
        }
    }

    /// Compares the index with the database and runs SQLite's integrity checks.
    pub fn health(&self) -> Result<Health> {
        let in_db = self.store.read().clip_ids()?;
        let in_index = self.index.all_ids()?;
        let db: std::collections::BTreeSet<_> = in_db.iter().cloned().collect();
        let ix: std::collections::BTreeSet<_> = in_index.iter().cloned().collect();
        Ok(Health {
            clips: in_db.len() as u64,
            indexed: in_index.len() as u64,
            missing_from_index: db.difference(&ix).cloned().collect(),
            extra_in_index: ix.difference(&db).cloned().collect(),
            integrity_problems: self.store.check_integrity()?,
        })
    }
}

/// The searchable document of a clip as it is now, or `None` if it was deleted.
fn clip_doc(
    reader: &Reader<'_>,
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
        claims: clip.claims.into_iter().map(|c| c.statement).collect(),
        source_title: source.title.clone(),
        authors: source.authors.iter().map(Author::display_name).collect(),
    }))
}
