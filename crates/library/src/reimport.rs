//! Re-importing a newer version of a source, and editing its metadata.
//!
//! A re-import keeps the old text as a numbered version, replaces the text, merges
//! the metadata (a field the writer edited, origin "user", is never overwritten)
//! and re-anchors every clip: exactly where its quote still is, approximately where
//! it was lightly edited, and orphaned (kept, shown apart) where it is gone. All of
//! it happens in one transaction: either the new version is in with every clip
//! placed or marked, or nothing changed.

use crate::anchor::{reanchor, Placement};
use crate::sources::clean_meta;
use crate::{Error, Library, Result};
use model::{ClipId, Source, SourceId, SourceKind, SourceMeta, SourceText};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// What a re-import did to the source's clips.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ReimportReport {
    pub source: Source,
    /// The number under which the previous text was kept.
    pub archived_version: u32,
    pub exact: u32,
    pub approximate: u32,
    pub orphaned: Vec<ClipId>,
}

/// An earlier version of a source's text.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SourceVersion {
    pub version: u32,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub archived_at: i64,
    pub text_hash: String,
    pub text: String,
}

impl Library {
    /// Re-imports `path` as the newer version of source `id`.
    pub fn reimport_file(&self, id: &SourceId, path: &Path) -> Result<ReimportReport> {
        let imported = self.read_file(path, None)?;
        self.reimport(id, imported)
    }

    /// Re-anchoring is worked out from a snapshot, before the writer's turn;
    /// inside it, any clip that changed meanwhile (or a source re-imported
    /// meanwhile) is worked out again, so what is saved matches what is there.
    pub(crate) fn reimport(
        &self,
        id: &SourceId,
        new: crate::sources::Imported,
    ) -> Result<ReimportReport> {
        let current = self.store.read()?.source(id)?;
        // A version without text (the page now behind a wall, a script-drawn
        // copy) would orphan every clip for nothing: the text stays.
        if current.has_text() && !model::has_text(&new.blocks) {
            return Err(Error::InvalidInput(
                "the new version has no article text, so the current text and its clips were kept"
                    .into(),
            ));
        }
        let planned = plan(&current, new.clone(), &*self.store.read()?, self.now())?;
        self.write(|tx, changes| self.reimport_in(tx, changes, &current, planned, new))
    }

    /// The part of a re-import that runs inside the writer's turn (a capture
    /// of a changed page runs it in its own transaction): `planned` was worked
    /// out from `current` on a snapshot, and is worked out again if the source
    /// changed since.
    pub(crate) fn reimport_in(
        &self,
        tx: &store::Tx<'_>,
        changes: &mut crate::Changes,
        current: &Source,
        planned: Plan,
        new: crate::sources::Imported,
    ) -> Result<ReimportReport> {
        let id = &current.id;
        let reader = tx.read();
        let now_current = reader.source(id)?;
        let plan = if now_current.updated_at == current.updated_at {
            planned
        } else {
            plan(&now_current, new, reader, self.now())?
        };
        let Plan {
            source,
            mut report,
            moves,
        } = plan;
        let text = SourceText::new(&source.blocks);
        let mut saved = Vec::new();
        for clip_id in reader.clips_of_source(id)? {
            let clip = reader.clip(&clip_id)?;
            let (moved, how) = match moves.iter().find(|(old, _, _)| old == &clip) {
                Some((_, moved, how)) => (moved.clone(), *how),
                // Saved or edited after the snapshot: placed now.
                None => reanchor(&clip, &text),
            };
            count(&mut report, &clip, how);
            saved.push((clip, moved));
        }
        report.archived_version = tx.replace_source(&source, self.now())?;
        for (old, new) in &saved {
            tx.reanchor_clip(old, new, self.now())?;
            for link in &new.claims {
                changes.claim(&link.claim_id);
            }
        }
        Ok(report)
    }

    /// The earlier versions of a source's text, oldest first.
    pub fn source_versions(&self, id: &SourceId) -> Result<Vec<SourceVersion>> {
        let reader = self.store.read()?;
        reader.source(id)?;
        Ok(reader
            .source_versions(id)?
            .into_iter()
            .map(|v| SourceVersion {
                version: v.version,
                archived_at: v.archived_at,
                text_hash: v.text_hash,
                text: SourceText::new(&v.blocks).as_str().to_owned(),
            })
            .collect())
    }

    /// Changes a source's metadata; every field that changes is marked as the
    /// writer's own, so no re-import will overwrite it.
    pub fn edit_source(&self, id: &SourceId, meta: SourceMeta) -> Result<Source> {
        let current = self.store.read()?.source(id)?;
        let meta = clean_meta(meta)?;
        let (old, new) = (fields(&current.meta)?, fields(&meta)?);
        let mut origins = current.origins.clone();
        for (key, value) in &new {
            if old.get(key) != Some(value) {
                origins.insert(key.clone(), "user".into());
            }
        }
        let now = self.now();
        self.write(|tx, _| Ok(tx.update_source_meta(id, &meta, &origins, now)?))?;
        Ok(self.store.read()?.source(id)?)
    }
}

/// A re-import worked out: the new source, the clips' new places, the counts.
pub(crate) struct Plan {
    source: Source,
    report: ReimportReport,
    /// Each clip as it was read, where it goes, and how it landed there.
    moves: Vec<(model::Clip, model::Clip, Placement)>,
}

pub(crate) fn plan(
    current: &Source,
    new: crate::sources::Imported,
    reader: &store::Reader,
    now: model::Timestamp,
) -> Result<Plan> {
    let (meta, origins) = merge_meta(current, new.meta, new.origins)?;
    let source = Source {
        kind: new.kind,
        meta,
        origins,
        text_hash: store::text_hash(SourceText::new(&new.blocks).as_str()),
        blocks: new.blocks,
        blob: new.blob.or(current.blob.clone()),
        updated_at: now,
        ..current.clone()
    };
    let text = SourceText::new(&source.blocks);
    let report = ReimportReport {
        source: source.clone(),
        archived_version: 0,
        exact: 0,
        approximate: 0,
        orphaned: Vec::new(),
    };
    let mut moves = Vec::new();
    for id in reader.clips_of_source(&current.id)? {
        let clip = reader.clip(&id)?;
        let (moved, how) = reanchor(&clip, &text);
        moves.push((clip, moved, how));
    }
    Ok(Plan {
        source,
        report,
        moves,
    })
}

fn count(report: &mut ReimportReport, clip: &model::Clip, how: Placement) {
    match how {
        Placement::Exact => report.exact += 1,
        Placement::Approximate => report.approximate += 1,
        Placement::Orphaned => report.orphaned.push(clip.id.clone()),
    }
}

fn fields(meta: &SourceMeta) -> Result<BTreeMap<String, serde_json::Value>> {
    match serde_json::to_value(meta) {
        Ok(serde_json::Value::Object(map)) => Ok(map.into_iter().collect()),
        _ => Err(Error::InvalidInput("metadata could not be read".into())),
    }
}

/// Origins that are a guess from the text itself (a first line taken as the
/// title, a file's name) rather than metadata someone wrote down.
const GUESSED: [&str; 3] = ["text", "file name", "default"];

/// The metadata after a re-import: each field the new version has replaces the
/// old value, except a field the writer set (origin "user", never overwritten)
/// and a field the new version only guesses (a title from its first line)
/// where the old value came from real metadata (a reference file, a web page's
/// tags). A field the new version lacks keeps its old value: re-importing a
/// page as plain text must not erase its authors, site, date or address.
fn merge_meta(
    current: &Source,
    new: SourceMeta,
    new_origins: BTreeMap<String, String>,
) -> Result<(SourceMeta, BTreeMap<String, String>)> {
    let mut merged = fields(&current.meta)?;
    let mut origins = current.origins.clone();
    for (key, value) in fields(&new)? {
        let empty = value.is_null()
            || value.as_str() == Some("")
            || value.as_array().is_some_and(|a| a.is_empty());
        if empty || key == "citationKey" {
            continue;
        }
        let old_origin = current.origins.get(&key).map(String::as_str);
        let new_origin = new_origins.get(&key).map(String::as_str).unwrap_or("file");
        let old_is_real =
            merged.contains_key(&key) && !old_origin.is_some_and(|o| GUESSED.contains(&o));
        if old_origin == Some("user") || (GUESSED.contains(&new_origin) && old_is_real) {
            continue;
        }
        merged.insert(key.clone(), value);
        origins.insert(key, new_origin.to_owned());
    }
    let value = serde_json::Value::Object(merged.into_iter().collect());
    let meta: SourceMeta =
        serde_json::from_value(value).map_err(|e| Error::InvalidInput(e.to_string()))?;
    Ok((clean_meta(meta)?, origins))
}

impl crate::sources::Imported {
    /// A text or Markdown file: its only metadata is a title guessed from its
    /// first heading or line (or its name).
    pub(crate) fn plain(kind: SourceKind, meta: SourceMeta, blocks: Vec<model::Block>) -> Self {
        let origins = meta
            .filled_fields()
            .into_iter()
            .map(|f| (f.to_owned(), "text".to_owned()))
            .collect();
        Self {
            kind,
            meta,
            origins,
            blocks,
            blob: None,
        }
    }
}
