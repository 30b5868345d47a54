//! Claims and the links between clips and claims.

use crate::Cached;
use crate::{OutboxEntity, OutboxOp, Reader, Result, StoreError, Tx};
use model::{Claim, ClaimId, ClaimSummary, ClipId, Stance, Timestamp};
use rusqlite::{params, OptionalExtension, Row};

impl Tx<'_> {
    pub fn insert_claim(&self, claim: &Claim) -> Result<()> {
        self.conn
            .exec(
                "INSERT INTO claims (id, statement, note, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    claim.id.as_str(),
                    claim.statement,
                    claim.note,
                    claim.created_at,
                    claim.updated_at
                ],
            )
            .map_err(|e| duplicate_or(e, &claim.statement))?;
        Ok(())
    }

    /// Renames a claim; the clips linked to it are queued for re-indexing since
    /// their documents carry the claim's statement.
    pub fn rename_claim(&self, id: &ClaimId, statement: &str, now: Timestamp) -> Result<()> {
        let changed = self
            .conn
            .exec(
                "UPDATE claims SET statement = ?2, updated_at = ?3 WHERE id = ?1",
                params![id.as_str(), statement, now],
            )
            .map_err(|e| duplicate_or(e, statement))?;
        if changed == 0 {
            return Err(not_found(id));
        }
        let clips = self.read().clips_of_claim(id)?;
        for clip in clips {
            self.append_outbox(OutboxEntity::Clip, clip.as_str(), OutboxOp::Upsert)?;
        }
        Ok(())
    }

    /// Links a clip to a claim, or changes the stance of an existing link.
    pub fn link(
        &self,
        clip: &ClipId,
        claim: &ClaimId,
        stance: Stance,
        now: Timestamp,
    ) -> Result<()> {
        self.read().claim(claim)?;
        let changed = self.conn.exec(
            "UPDATE clips SET updated_at = ?2 WHERE id = ?1",
            params![clip.as_str(), now],
        )?;
        if changed == 0 {
            return self.touched_clip(clip, changed);
        }
        self.insert_link(clip, claim, stance, now)?;
        self.touched_clip(clip, changed)
    }

    pub fn unlink(&self, clip: &ClipId, claim: &ClaimId) -> Result<()> {
        let removed = self.conn.exec(
            "DELETE FROM claim_links WHERE clip_id = ?1 AND claim_id = ?2",
            params![clip.as_str(), claim.as_str()],
        )?;
        if removed == 0 {
            return Err(StoreError::NotFound {
                entity: "link between that clip and claim",
                id: format!("{clip} / {claim}"),
            });
        }
        self.touched_clip(clip, 1)
    }

    pub(crate) fn insert_link(
        &self,
        clip: &ClipId,
        claim: &ClaimId,
        stance: Stance,
        now: Timestamp,
    ) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO claim_links (clip_id, claim_id, stance, created_at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (clip_id, claim_id) DO UPDATE SET stance = excluded.stance",
            )?
            .execute(params![clip.as_str(), claim.as_str(), stance.as_str(), now])?;
        Ok(())
    }
}

const SUMMARY_SQL: &str = "SELECT c.id, c.statement, c.note, c.created_at, c.updated_at,
        (SELECT COUNT(*) FROM claim_links l WHERE l.claim_id = c.id AND l.stance = 'supports'),
        (SELECT COUNT(*) FROM claim_links l WHERE l.claim_id = c.id AND l.stance = 'contradicts'),
        (SELECT COUNT(*) FROM claim_links l WHERE l.claim_id = c.id AND l.stance = 'context')
     FROM claims c";

impl Reader {
    pub fn claim(&self, id: &ClaimId) -> Result<ClaimSummary> {
        self.conn
            .row(
                &format!("{SUMMARY_SQL} WHERE c.id = ?1"),
                [id.as_str()],
                summary,
            )
            .optional()?
            .ok_or_else(|| not_found(id))
    }

    /// Every claim, alphabetically (statements are unique without regard to
    /// case, so the order is total and walks the statement index).
    pub fn claims(&self) -> Result<Vec<ClaimSummary>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SUMMARY_SQL} ORDER BY c.statement COLLATE NOCASE"
        ))?;
        let rows = stmt.query_map([], summary)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A page of claims in the order of [`Reader::claims`].
    pub fn claims_page(&self, offset: u32, limit: u32) -> Result<Vec<ClaimSummary>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SUMMARY_SQL} ORDER BY c.statement COLLATE NOCASE LIMIT ?1 OFFSET ?2"
        ))?;
        let rows = stmt.query_map([limit, offset], summary)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn claim_count(&self) -> Result<u32> {
        Ok(self
            .conn
            .row("SELECT COUNT(*) FROM claims", [], |r| r.get(0))?)
    }

    /// Every claim's id and statement, in the order of [`Reader::claims`].
    pub fn claim_statements(&self) -> Result<Vec<(ClaimId, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, statement FROM claims ORDER BY statement COLLATE NOCASE")?;
        let rows = stmt.query_map([], |r| Ok((ClaimId(r.get(0)?), r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn clips_of_claim(&self, id: &ClaimId) -> Result<Vec<ClipId>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT clip_id FROM claim_links WHERE claim_id = ?1 ORDER BY clip_id",
        )?;
        let rows = stmt.query_map([id.as_str()], |r| r.get::<_, String>(0))?;
        rows.map(|r| Ok(ClipId(r?))).collect()
    }
}

fn summary(r: &Row<'_>) -> rusqlite::Result<ClaimSummary> {
    Ok(ClaimSummary {
        claim: Claim {
            id: ClaimId(r.get(0)?),
            statement: r.get(1)?,
            note: r.get(2)?,
            created_at: r.get(3)?,
            updated_at: r.get(4)?,
        },
        supports: r.get(5)?,
        contradicts: r.get(6)?,
        context: r.get(7)?,
    })
}

fn not_found(id: &ClaimId) -> StoreError {
    StoreError::NotFound {
        entity: "claim",
        id: id.to_string(),
    }
}

fn duplicate_or(e: rusqlite::Error, statement: &str) -> StoreError {
    match e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE =>
        {
            StoreError::DuplicateClaim(statement.to_owned())
        }
        other => other.into(),
    }
}

impl Reader {
    /// The claim with this statement (compared without regard to case), if any.
    pub fn claim_by_statement(&self, statement: &str) -> Result<Option<ClaimId>> {
        Ok(self
            .conn
            .row(
                "SELECT id FROM claims WHERE statement = ?1 COLLATE NOCASE",
                [statement],
                |r| r.get::<_, String>(0),
            )
            .optional()?
            .map(ClaimId))
    }
}

impl Tx<'_> {
    /// Deletes a claim and its links; the clips it was linked to are re-indexed.
    pub fn delete_claim(&self, id: &ClaimId) -> Result<()> {
        let clips = self.read().clips_of_claim(id)?;
        let deleted = self
            .conn
            .exec("DELETE FROM claims WHERE id = ?1", [id.as_str()])?;
        if deleted == 0 {
            return Err(not_found(id));
        }
        for clip in clips {
            self.append_outbox(OutboxEntity::Clip, clip.as_str(), OutboxOp::Upsert)?;
        }
        Ok(())
    }

    /// Moves every link of `from` to `into` (a clip linked to both keeps its link
    /// to `into`), then deletes `from`.
    pub fn merge_claims(&self, from: &ClaimId, into: &ClaimId, now: Timestamp) -> Result<()> {
        if from == into {
            return Ok(());
        }
        self.read().claim(into)?;
        let clips = self.read().clips_of_claim(from)?;
        self.conn.exec(
            "UPDATE OR IGNORE claim_links SET claim_id = ?2 WHERE claim_id = ?1",
            params![from.as_str(), into.as_str()],
        )?;
        self.conn.exec(
            "UPDATE claims SET updated_at = ?2 WHERE id = ?1",
            params![into.as_str(), now],
        )?;
        self.delete_claim(from)?;
        for clip in clips {
            self.append_outbox(OutboxEntity::Clip, clip.as_str(), OutboxOp::Upsert)?;
        }
        Ok(())
    }
}
