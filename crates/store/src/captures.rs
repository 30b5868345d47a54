//! Captures from the browser: which source (and clip) each one saved, when, and
//! whether the writer has seen it in the app's inbox. Not searchable data, so no
//! outbox entry: the source and clip rows a capture makes carry their own.

use crate::Cached;
use crate::{Reader, Result, Tx};
use model::{ClipId, SourceId, Timestamp};
use rusqlite::{params, OptionalExtension};

/// One capture as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptureRow {
    pub id: String,
    pub source_id: SourceId,
    pub clip_id: Option<ClipId>,
    pub url: String,
    /// `page`, `exact`, `approximate` or `outside`.
    pub placement: String,
    pub new_source: bool,
    pub new_version: Option<u32>,
    pub captured_at: Timestamp,
    pub seen: bool,
}

const COLUMNS: &str =
    "id, source_id, clip_id, url, placement, new_source, new_version, captured_at, seen";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<CaptureRow> {
    Ok(CaptureRow {
        id: r.get(0)?,
        source_id: SourceId(r.get(1)?),
        clip_id: r.get::<_, Option<String>>(2)?.map(ClipId),
        url: r.get(3)?,
        placement: r.get(4)?,
        new_source: r.get(5)?,
        new_version: r.get(6)?,
        captured_at: r.get(7)?,
        seen: r.get(8)?,
    })
}

impl Tx<'_> {
    pub fn insert_capture(&self, row: &CaptureRow) -> Result<()> {
        self.conn.exec(
            &format!(
                "INSERT INTO captures ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
            ),
            params![
                row.id,
                row.source_id.as_str(),
                row.clip_id.as_ref().map(|c| c.as_str()),
                row.url,
                row.placement,
                row.new_source,
                row.new_version,
                row.captured_at,
                row.seen,
            ],
        )?;
        Ok(())
    }

    /// Marks captures as seen; returns how many were new.
    pub fn mark_captures_seen(&self, ids: &[String]) -> Result<usize> {
        let mut changed = 0;
        for id in ids {
            changed += self.conn.exec(
                "UPDATE captures SET seen = 1 WHERE id = ?1 AND seen = 0",
                [id],
            )?;
        }
        Ok(changed)
    }

    pub fn delete_capture(&self, id: &str) -> Result<()> {
        self.conn.exec("DELETE FROM captures WHERE id = ?1", [id])?;
        Ok(())
    }
}

impl Reader {
    pub fn capture(&self, id: &str) -> Result<CaptureRow> {
        self.conn
            .row(
                &format!("SELECT {COLUMNS} FROM captures WHERE id = ?1"),
                [id],
                from_row,
            )
            .optional()?
            .ok_or_else(|| crate::StoreError::NotFound {
                entity: "capture",
                id: id.to_owned(),
            })
    }

    /// The newest captures first, at most `limit`.
    pub fn recent_captures(&self, limit: u32) -> Result<Vec<CaptureRow>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM captures ORDER BY captured_at DESC, id DESC LIMIT ?1"
        ))?;
        let rows = stmt.query_map([limit], from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// How many captures the writer has not looked at yet.
    pub fn unseen_capture_count(&self) -> Result<u32> {
        Ok(self
            .conn
            .row("SELECT count(*) FROM captures WHERE seen = 0", [], |r| {
                r.get(0)
            })?)
    }

    /// How many captures there are in all.
    pub fn capture_count(&self) -> Result<u32> {
        Ok(self
            .conn
            .row("SELECT count(*) FROM captures", [], |r| r.get(0))?)
    }
}
