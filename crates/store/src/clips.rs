//! Clips with their tags and claim links.

use crate::Cached;
use crate::{OutboxEntity, OutboxOp, Reader, Result, StoreError, Tx};
use model::{
    ClaimId, Clip, ClipClaim, ClipId, SourceId, Stance, TextPositionSelector, TextQuoteSelector,
    Timestamp,
};
use rusqlite::{params, OptionalExtension};

impl Tx<'_> {
    pub fn insert_clip(&self, clip: &Clip) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO clips (id, source_id, exact, prefix, suffix, pos_start, pos_end, page,
                                    note, created_at, updated_at, orphaned)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?
            .execute(params![
                clip.id.as_str(),
                clip.source_id.as_str(),
                clip.quote.exact,
                clip.quote.prefix,
                clip.quote.suffix,
                clip.position.start,
                clip.position.end,
                clip.page,
                clip.note,
                clip.created_at,
                clip.updated_at,
                clip.orphaned,
            ])?;
        self.write_tags(&clip.id, &clip.tags)?;
        for link in &clip.claims {
            self.insert_link(&clip.id, &link.claim_id, link.stance, clip.created_at)?;
        }
        self.append_outbox(OutboxEntity::Clip, clip.id.as_str(), OutboxOp::Upsert)
    }

    pub fn set_clip_note(&self, id: &ClipId, note: &str, now: Timestamp) -> Result<()> {
        let changed = self.conn.exec(
            "UPDATE clips SET note = ?2, updated_at = ?3 WHERE id = ?1",
            params![id.as_str(), note, now],
        )?;
        self.touched_clip(id, changed)
    }

    pub fn set_clip_tags(&self, id: &ClipId, tags: &[String], now: Timestamp) -> Result<()> {
        let changed = self.conn.exec(
            "UPDATE clips SET updated_at = ?2 WHERE id = ?1",
            params![id.as_str(), now],
        )?;
        if changed == 0 {
            return self.touched_clip(id, changed);
        }
        self.conn
            .exec("DELETE FROM clip_tags WHERE clip_id = ?1", [id.as_str()])?;
        self.write_tags(id, tags)?;
        self.touched_clip(id, changed)
    }

    pub fn delete_clip(&self, id: &ClipId) -> Result<()> {
        let deleted = self
            .conn
            .exec("DELETE FROM clips WHERE id = ?1", [id.as_str()])?;
        if deleted == 0 {
            return Err(not_found(id));
        }
        self.append_outbox(OutboxEntity::Clip, id.as_str(), OutboxOp::Delete)
    }

    fn write_tags(&self, id: &ClipId, tags: &[String]) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare_cached("INSERT OR IGNORE INTO clip_tags (clip_id, tag) VALUES (?1, ?2)")?;
        for tag in tags {
            stmt.execute(params![id.as_str(), tag])?;
        }
        Ok(())
    }

    pub(crate) fn touched_clip(&self, id: &ClipId, changed: usize) -> Result<()> {
        if changed == 0 {
            return Err(not_found(id));
        }
        self.append_outbox(OutboxEntity::Clip, id.as_str(), OutboxOp::Upsert)
    }
}

fn not_found(id: &ClipId) -> StoreError {
    StoreError::NotFound {
        entity: "clip",
        id: id.to_string(),
    }
}

impl Reader {
    pub fn clip(&self, id: &ClipId) -> Result<Clip> {
        let clip = self
            .conn
            .prepare_cached(
                "SELECT id, source_id, exact, prefix, suffix, pos_start, pos_end, page, note,
                        created_at, updated_at, orphaned
                 FROM clips WHERE id = ?1",
            )?
            .query_row([id.as_str()], |r| {
                Ok(Clip {
                    id: ClipId(r.get(0)?),
                    source_id: SourceId(r.get(1)?),
                    quote: TextQuoteSelector {
                        exact: r.get(2)?,
                        prefix: r.get(3)?,
                        suffix: r.get(4)?,
                    },
                    position: TextPositionSelector {
                        start: r.get(5)?,
                        end: r.get(6)?,
                    },
                    page: r.get(7)?,
                    note: r.get(8)?,
                    tags: Vec::new(),
                    claims: Vec::new(),
                    orphaned: r.get(11)?,
                    created_at: r.get(9)?,
                    updated_at: r.get(10)?,
                })
            })
            .optional()?
            .ok_or_else(|| not_found(id))?;
        Ok(Clip {
            tags: self.clip_tags(id)?,
            claims: self.clip_claims(id)?,
            ..clip
        })
    }

    fn clip_tags(&self, id: &ClipId) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT tag FROM clip_tags WHERE clip_id = ?1 ORDER BY tag")?;
        let rows = stmt.query_map([id.as_str()], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn clip_claims(&self, id: &ClipId) -> Result<Vec<ClipClaim>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT l.claim_id, c.statement, l.stance FROM claim_links l
             JOIN claims c ON c.id = l.claim_id
             WHERE l.clip_id = ?1 ORDER BY l.created_at, c.statement",
        )?;
        let rows = stmt.query_map([id.as_str()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        rows.map(|row| {
            let (claim_id, statement, stance) = row?;
            Ok(ClipClaim {
                claim_id: ClaimId(claim_id),
                statement,
                stance: parse_stance(&stance)?,
            })
        })
        .collect()
    }

    /// Ids of the clips taken from a source, in the order they appear in it.
    pub fn clips_of_source(&self, id: &SourceId) -> Result<Vec<ClipId>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM clips WHERE source_id = ?1 ORDER BY pos_start, pos_end, id",
        )?;
        let rows = stmt.query_map([id.as_str()], |r| r.get::<_, String>(0))?;
        rows.map(|r| Ok(ClipId(r?))).collect()
    }

    /// Every clip id, for rebuilding the index.
    pub fn clip_ids(&self) -> Result<Vec<ClipId>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM clips ORDER BY id")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.map(|r| Ok(ClipId(r?))).collect()
    }

    /// The clip of a source at these offsets with this quote, if one is saved
    /// (an import run again finds what it saved the first time).
    pub fn clip_at(
        &self,
        source: &SourceId,
        start: u32,
        end: u32,
        exact: &str,
    ) -> Result<Option<ClipId>> {
        Ok(self
            .conn
            .row(
                "SELECT id FROM clips WHERE source_id = ?1 AND pos_start = ?2 AND pos_end = ?3 AND exact = ?4",
                params![source.as_str(), start, end, exact],
                |r| r.get::<_, String>(0),
            )
            .optional()?
            .map(ClipId))
    }

    /// Ids of the clips that pass every filter given (a source, a tag, a claim),
    /// in the order they were saved.
    pub fn clip_ids_where(
        &self,
        source: Option<&SourceId>,
        tag: Option<&str>,
        claim: Option<&ClaimId>,
    ) -> Result<Vec<ClipId>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id FROM clips c
             WHERE (?1 IS NULL OR c.source_id = ?1)
               AND (?2 IS NULL OR EXISTS (SELECT 1 FROM clip_tags t
                                          WHERE t.clip_id = c.id AND t.tag = ?2 COLLATE NOCASE))
               AND (?3 IS NULL OR EXISTS (SELECT 1 FROM claim_links l
                                          WHERE l.clip_id = c.id AND l.claim_id = ?3))
             ORDER BY c.created_at, c.id",
        )?;
        let rows = stmt.query_map(
            params![source.map(|s| s.as_str()), tag, claim.map(|c| c.as_str())],
            |r| r.get::<_, String>(0),
        )?;
        rows.map(|r| Ok(ClipId(r?))).collect()
    }

    /// Up to `limit` ids of `entity` ("clip", "source" or "claim") that start
    /// with `prefix`, so people can type the start of an id.
    pub fn ids_with_prefix(&self, entity: &str, prefix: &str, limit: usize) -> Result<Vec<String>> {
        let table = match entity {
            "clip" => "clips",
            "source" => "sources",
            "claim" => "claims",
            other => return Err(StoreError::Corrupt(format!("no table of {other}s"))),
        };
        // Ids are ULIDs/UUIDs (letters, digits, hyphens): a range on the primary
        // key finds the prefix without LIKE's wildcards.
        let upper = format!("{prefix}\u{10ffff}");
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT id FROM {table} WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT ?3"
        ))?;
        let rows = stmt.query_map(params![prefix, upper, limit as i64], |r| {
            r.get::<_, String>(0)
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn clip_count(&self) -> Result<u64> {
        let count: i64 = self
            .conn
            .row("SELECT COUNT(*) FROM clips", [], |r| r.get(0))?;
        Ok(count as u64)
    }
}

pub(crate) fn parse_stance(s: &str) -> Result<Stance> {
    s.parse()
        .map_err(|e: model::StanceError| StoreError::Corrupt(e.to_string()))
}

impl Reader {
    /// Every tag with the number of clips carrying it, most used first.
    pub fn tags(&self) -> Result<Vec<(String, u32)>> {
        self.top_tags(u32::MAX)
    }

    /// The `limit` most used tags with their clip counts, most used first.
    pub fn top_tags(&self, limit: u32) -> Result<Vec<(String, u32)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT tag, COUNT(*) AS n FROM clip_tags GROUP BY tag
             ORDER BY n DESC, tag COLLATE NOCASE LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many clips and how many distinct tags the library holds.
    pub fn clip_and_tag_counts(&self) -> Result<(u32, u32)> {
        Ok(self.conn.row(
            "SELECT (SELECT COUNT(*) FROM clips), (SELECT COUNT(DISTINCT tag) FROM clip_tags)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }
}

impl Tx<'_> {
    /// Moves a clip to new selectors after a re-import (recording the old ones when
    /// the quote itself changed), or marks it orphaned.
    pub fn reanchor_clip(&self, old: &Clip, new: &Clip, now: Timestamp) -> Result<()> {
        if new.quote.exact != old.quote.exact {
            self.conn.exec(
                "INSERT INTO clip_anchor_history (clip_id, replaced_at, exact, prefix, suffix, pos_start, pos_end)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    old.id.as_str(),
                    now,
                    old.quote.exact,
                    old.quote.prefix,
                    old.quote.suffix,
                    old.position.start,
                    old.position.end
                ],
            )?;
        }
        let changed = self.conn.exec(
            "UPDATE clips SET exact = ?2, prefix = ?3, suffix = ?4, pos_start = ?5, pos_end = ?6,
                              page = ?7, orphaned = ?8, updated_at = ?9 WHERE id = ?1",
            params![
                new.id.as_str(),
                new.quote.exact,
                new.quote.prefix,
                new.quote.suffix,
                new.position.start,
                new.position.end,
                new.page,
                new.orphaned,
                now
            ],
        )?;
        self.touched_clip(&new.id, changed)
    }
}
