//! Sources and their text blocks.

use crate::Cached;
use crate::{OutboxEntity, OutboxOp, Reader, Result, StoreError, Tx};
use model::{Block, BlockKind, Source, SourceId, SourceKind, SourceMeta, SourceSummary, Timestamp};
use rusqlite::{params, OptionalExtension, Row};
use std::collections::BTreeMap;

impl Tx<'_> {
    /// Keeps the source's current text and metadata as a numbered version, then
    /// replaces them with `source`'s (same id). Returns the archived version number.
    pub fn replace_source(&self, source: &Source, now: Timestamp) -> Result<u32> {
        let current = self.read().source(&source.id)?;
        let version: u32 = self.conn.row(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM source_versions WHERE source_id = ?1",
            [source.id.as_str()],
            |r| r.get(0),
        )?;
        self.conn.exec(
            "INSERT INTO source_versions (source_id, version, kind, meta, blocks, text_hash, blob_sha256, archived_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                current.id.as_str(),
                version,
                current.kind.as_str(),
                to_json(&current.meta),
                to_json(&current.blocks),
                current.text_hash,
                current.blob,
                now
            ],
        )?;
        self.conn.exec(
            "DELETE FROM source_blocks WHERE source_id = ?1",
            [source.id.as_str()],
        )?;
        self.insert_blocks(&source.id, 0, &source.blocks)?;
        self.write_source_row(source)?;
        self.append_outbox(OutboxEntity::Source, source.id.as_str(), OutboxOp::Upsert)?;
        Ok(version)
    }

    /// Changes a source's metadata and where each field came from.
    pub fn update_source_meta(
        &self,
        id: &SourceId,
        meta: &SourceMeta,
        origins: &BTreeMap<String, String>,
        now: Timestamp,
    ) -> Result<()> {
        let changed = self.conn.exec(
            "UPDATE sources SET title = ?2, meta = ?3, origins = ?4, url = ?5, updated_at = ?6 WHERE id = ?1",
            params![id.as_str(), meta.title, to_json(meta), to_json(origins), meta.url, now],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                entity: "source",
                id: id.to_string(),
            });
        }
        self.append_outbox(OutboxEntity::Source, id.as_str(), OutboxOp::Upsert)
    }

    /// Writes the source's row: a new one, or (same id) its new kind, metadata,
    /// text hash, blob and update time; `created_at` never changes.
    fn write_source_row(&self, source: &Source) -> Result<()> {
        self.conn.exec(
            "INSERT INTO sources (id, kind, title, meta, origins, url, text_hash, blob_sha256,
                                  created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, title = excluded.title,
                 meta = excluded.meta, origins = excluded.origins, url = excluded.url,
                 text_hash = excluded.text_hash, blob_sha256 = excluded.blob_sha256,
                 updated_at = excluded.updated_at",
            params![
                source.id.as_str(),
                source.kind.as_str(),
                source.meta.title,
                to_json(&source.meta),
                to_json(&source.origins),
                source.meta.url,
                source.text_hash,
                source.blob,
                source.created_at,
                source.updated_at,
            ],
        )?;
        Ok(())
    }

    /// Deletes a source with its text, its versions and every clip taken from it
    /// (each clip's removal goes to the outbox, then the source's).
    pub fn delete_source(&self, id: &SourceId) -> Result<()> {
        for clip in self.read().clips_of_source(id)? {
            self.delete_clip(&clip)?;
        }
        let deleted = self
            .conn
            .exec("DELETE FROM sources WHERE id = ?1", [id.as_str()])?;
        if deleted == 0 {
            return Err(StoreError::NotFound {
                entity: "source",
                id: id.to_string(),
            });
        }
        self.append_outbox(OutboxEntity::Source, id.as_str(), OutboxOp::Delete)
    }

    pub fn insert_source(&self, source: &Source) -> Result<()> {
        self.write_source_row(source)?;
        self.insert_blocks(&source.id, 0, &source.blocks)?;
        self.append_outbox(OutboxEntity::Source, source.id.as_str(), OutboxOp::Upsert)
    }

    /// Adds blocks at the end of a source's text (an excerpts-only source grows
    /// as quotes from it arrive) and records the new text hash.
    pub fn append_blocks(
        &self,
        id: &SourceId,
        blocks: &[Block],
        text_hash: &str,
        now: Timestamp,
    ) -> Result<()> {
        let next: i64 = self.conn.row(
            "SELECT COALESCE(MAX(ord) + 1, 0) FROM source_blocks WHERE source_id = ?1",
            [id.as_str()],
            |r| r.get(0),
        )?;
        self.insert_blocks(id, next, blocks)?;
        self.conn.exec(
            "UPDATE sources SET text_hash = ?2, updated_at = ?3 WHERE id = ?1",
            params![id.as_str(), text_hash, now],
        )?;
        self.append_outbox(OutboxEntity::Source, id.as_str(), OutboxOp::Upsert)
    }

    fn insert_blocks(&self, id: &SourceId, first_ord: i64, blocks: &[Block]) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "INSERT INTO source_blocks (source_id, ord, kind, level, page, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for (i, block) in blocks.iter().enumerate() {
            stmt.execute(params![
                id.as_str(),
                first_ord + i as i64,
                block.kind.as_str(),
                block.level,
                block.page,
                block.text,
            ])?;
        }
        Ok(())
    }
}

/// A source's text as it was before a re-import replaced it.
pub struct ArchivedVersion {
    pub version: u32,
    pub archived_at: Timestamp,
    pub text_hash: String,
    pub blocks: Vec<Block>,
}

const SUMMARY_COLUMNS: &str = "s.id, s.kind, s.meta, s.created_at,
     (SELECT COUNT(*) FROM clips c WHERE c.source_id = s.id)";

impl Reader {
    /// Earlier versions of a source, oldest first.
    pub fn source_versions(&self, id: &SourceId) -> Result<Vec<ArchivedVersion>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT version, archived_at, text_hash, blocks FROM source_versions WHERE source_id = ?1 ORDER BY version",
        )?;
        let rows = stmt.query_map([id.as_str()], |r| {
            Ok((
                r.get::<_, u32>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        rows.map(|row| {
            let (version, archived_at, text_hash, blocks) = row?;
            Ok(ArchivedVersion {
                version,
                archived_at,
                text_hash,
                blocks: from_json(&blocks)?,
            })
        })
        .collect()
    }

    pub fn source(&self, id: &SourceId) -> Result<Source> {
        let row = self
            .conn
            .row(
                "SELECT id, kind, meta, origins, text_hash, created_at, updated_at, blob_sha256
                 FROM sources WHERE id = ?1",
                [id.as_str()],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, i64>(5)?,
                        r.get::<_, i64>(6)?,
                        r.get::<_, Option<String>>(7)?,
                    ))
                },
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                entity: "source",
                id: id.to_string(),
            })?;
        let (id, kind, meta, origins, text_hash, created_at, updated_at, blob) = row;
        let id = SourceId(id);
        let blocks = self.blocks(&id)?;
        Ok(Source {
            kind: parse_kind(&kind)?,
            meta: from_json::<SourceMeta>(&meta)?,
            origins: from_json::<BTreeMap<String, String>>(&origins)?,
            id,
            blocks,
            text_hash,
            blob,
            created_at,
            updated_at,
        })
    }

    pub fn blocks(&self, id: &SourceId) -> Result<Vec<Block>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT kind, level, page, text FROM source_blocks WHERE source_id = ?1 ORDER BY ord",
        )?;
        let rows = stmt.query_map([id.as_str()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<u8>>(1)?,
                r.get::<_, Option<u32>>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        rows.map(|row| {
            let (kind, level, page, text) = row?;
            let kind = BlockKind::parse(&kind)
                .ok_or_else(|| StoreError::Corrupt(format!("unknown block kind {kind}")))?;
            Ok(Block {
                kind,
                text,
                level,
                page,
            })
        })
        .collect()
    }

    /// The source's metadata and kind without its text.
    pub fn source_summary(&self, id: &SourceId) -> Result<SourceSummary> {
        self.conn
            .row(
                &format!("SELECT {SUMMARY_COLUMNS} FROM sources s WHERE s.id = ?1"),
                [id.as_str()],
                summary_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                entity: "source",
                id: id.to_string(),
            })?
    }

    /// Every source, newest first.
    pub fn sources(&self) -> Result<Vec<SourceSummary>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM sources s ORDER BY s.created_at DESC, s.id DESC"
        ))?;
        let rows = stmt.query_map([], summary_from_row)?;
        rows.map(|r| r?).collect()
    }

    /// A page of sources, newest first (the order of [`Reader::sources`]).
    pub fn sources_page(&self, offset: u32, limit: u32) -> Result<Vec<SourceSummary>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM sources s
             ORDER BY s.created_at DESC, s.id DESC LIMIT ?1 OFFSET ?2"
        ))?;
        let rows = stmt.query_map([limit, offset], summary_from_row)?;
        rows.map(|r| r?).collect()
    }

    pub fn source_count(&self) -> Result<u32> {
        Ok(self
            .conn
            .row("SELECT COUNT(*) FROM sources", [], |r| r.get(0))?)
    }

    /// Every source's id and metadata, newest first: what a filter on titles,
    /// authors and sites reads (without the clip counts of a summary).
    pub fn source_metas(&self) -> Result<Vec<(SourceId, SourceMeta)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, meta FROM sources ORDER BY created_at DESC, id DESC")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        rows.map(|r| {
            let (id, meta) = r?;
            Ok((SourceId(id), from_json(&meta)?))
        })
        .collect()
    }

    /// The source with this URL, if one was saved.
    pub fn source_by_url(&self, url: &str) -> Result<Option<SourceId>> {
        Ok(self
            .conn
            .row(
                "SELECT id FROM sources WHERE url = ?1 ORDER BY created_at LIMIT 1",
                [url],
                |r| r.get::<_, String>(0),
            )
            .optional()?
            .map(SourceId))
    }

    /// The source with exactly this title and no URL, if one was saved.
    pub fn source_by_title(&self, title: &str) -> Result<Option<SourceId>> {
        Ok(self
            .conn
            .row(
                "SELECT id FROM sources WHERE title = ?1 AND url IS NULL ORDER BY created_at LIMIT 1",
                [title],
                |r| r.get::<_, String>(0),
            )
            .optional()?
            .map(SourceId))
    }

    /// The citation keys taken that start with `prefix` (`zhang2021China`,
    /// `zhang2021Chinaa`, ...).
    pub fn keys_starting_with(&self, prefix: &str) -> Result<Vec<String>> {
        let upper = format!("{prefix}\u{10ffff}");
        let mut stmt = self.conn.prepare_cached(
            "SELECT json_extract(meta, '$.citationKey') FROM sources
             WHERE json_extract(meta, '$.citationKey') >= ?1
               AND json_extract(meta, '$.citationKey') < ?2",
        )?;
        let rows = stmt.query_map(params![prefix, upper], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Sources saved before keys were given on saving.
    pub fn sources_without_key(&self) -> Result<Vec<SourceId>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM sources WHERE json_extract(meta, '$.citationKey') IS NULL ORDER BY created_at, id",
        )?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.map(|r| Ok(SourceId(r?))).collect()
    }

    /// Every citation key given so far.
    pub fn citation_keys(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT json_extract(meta, '$.citationKey') FROM sources
             WHERE json_extract(meta, '$.citationKey') IS NOT NULL",
        )?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn source_ids(&self) -> Result<Vec<SourceId>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM sources ORDER BY id")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.map(|r| Ok(SourceId(r?))).collect()
    }
}

fn summary_from_row(r: &Row<'_>) -> rusqlite::Result<Result<SourceSummary>> {
    let id: String = r.get(0)?;
    let kind: String = r.get(1)?;
    let meta: String = r.get(2)?;
    let created_at: i64 = r.get(3)?;
    let clip_count: u32 = r.get(4)?;
    Ok((|| {
        let meta: SourceMeta = from_json(&meta)?;
        Ok(SourceSummary {
            id: SourceId(id),
            kind: parse_kind(&kind)?,
            title: meta.title,
            authors: meta.authors,
            container_title: meta.container_title,
            issued: meta.issued,
            clip_count,
            created_at,
        })
    })())
}

fn parse_kind(kind: &str) -> Result<SourceKind> {
    SourceKind::parse(kind)
        .ok_or_else(|| StoreError::Corrupt(format!("unknown source kind {kind}")))
}

pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("model types always serialize")
}

pub(crate) fn from_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T> {
    serde_json::from_str(json).map_err(|e| StoreError::Corrupt(e.to_string()))
}
