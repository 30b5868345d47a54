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
