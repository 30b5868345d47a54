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
    pub fn reimport_file(&mut self, id: &SourceId, path: &Path) -> Result<ReimportReport> {
        let imported = self.read_file(path, None)?;
        self.reimport(id, imported)
    }

    pub(crate) fn reimport(
        &mut self,
        id: &SourceId,
        new: crate::sources::Imported,
    ) -> Result<ReimportReport> {
        let current = self.store.read().source(id)?;
        let (meta, origins) = merge_meta(&current, new.meta, new.origins)?;
        let now = self.now();
        let source = Source {
            kind: new.kind,
            meta,
            origins,
            text_hash: store::text_hash(SourceText::new(&new.blocks).as_str()),
            blocks: new.blocks,
            blob: new.blob.or(current.blob.clone()),
            updated_at: now,
            ..current
        };
        let text = SourceText::new(&source.blocks);
        let reader = self.store.read();
        let clips = reader
            .clips_of_source(id)?
            .iter()
            .map(|c| reader.clip(c))
            .collect::<Result<Vec<_>, _>>()?;
        let mut report = ReimportReport {
            source: source.clone(),
            archived_version: 0,
            exact: 0,
            approximate: 0,
            orphaned: Vec::new(),
        };
        let moves: Vec<_> = clips
            .iter()
            .map(|clip| {
                let (moved, how) = reanchor(clip, &text);
                match how {
                    Placement::Exact => report.exact += 1,
                    Placement::Approximate => report.approximate += 1,
                    Placement::Orphaned => report.orphaned.push(clip.id.clone()),
                }
                (clip, moved)
            })
            .collect();
        report.archived_version = self.store.write(|tx| -> Result<u32> {
            let version = tx.replace_source(&source, now)?;
            for (old, new) in &moves {
                tx.reanchor_clip(old, new, now)?;
            }
            Ok(version)
        })?;
        self.apply_outbox()?;
        Ok(report)
    }

    /// The earlier versions of a source's text, oldest first.
    pub fn source_versions(&self, id: &SourceId) -> Result<Vec<SourceVersion>> {
        self.store.read().source(id)?;
        Ok(self
            .store
            .read()
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
    pub fn edit_source(&mut self, id: &SourceId, meta: SourceMeta) -> Result<Source> {
        let current = self.store.read().source(id)?;
        let meta = clean_meta(meta)?;
        let (old, new) = (fields(&current.meta)?, fields(&meta)?);
        let mut origins = current.origins.clone();
        for (key, value) in &new {
            if old.get(key) != Some(value) {
                origins.insert(key.clone(), "user".into());
            }
        }
        let now = self.now();
        self.store
            .write(|tx| tx.update_source_meta(id, &meta, &origins, now))?;
        self.apply_outbox()?;
        Ok(self.store.read().source(id)?)
    }
}

fn fields(meta: &SourceMeta) -> Result<BTreeMap<String, serde_json::Value>> {
    match serde_json::to_value(meta) {
        Ok(serde_json::Value::Object(map)) => Ok(map.into_iter().collect()),
        _ => Err(Error::InvalidInput("metadata could not be read".into())),
    }
}

/// The new metadata, except the fields the writer set, which keep their value.
fn merge_meta(
    current: &Source,
    new: SourceMeta,
    new_origins: BTreeMap<String, String>,
) -> Result<(SourceMeta, BTreeMap<String, String>)> {
    let old = fields(&current.meta)?;
    let mut merged = fields(&new)?;
    let mut origins = new_origins;
    for (key, origin) in &current.origins {
        if origin == "user" {
            if let Some(value) = old.get(key) {
                merged.insert(key.clone(), value.clone());
                origins.insert(key.clone(), "user".into());
            }
        }
    }
    // A citation key, once given, is how drafts cite the source: it stays.
    if let Some(key) = old.get("citationKey") {
        merged.insert("citationKey".into(), key.clone());
    }
    let value = serde_json::Value::Object(merged.into_iter().collect());
    let meta: SourceMeta =
        serde_json::from_value(value).map_err(|e| Error::InvalidInput(e.to_string()))?;
    Ok((clean_meta(meta)?, origins))
}

impl crate::sources::Imported {
    pub(crate) fn plain(kind: SourceKind, meta: SourceMeta, blocks: Vec<model::Block>) -> Self {
        let origins = meta
            .filled_fields()
            .into_iter()
            .map(|f| (f.to_owned(), "file".to_owned()))
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
