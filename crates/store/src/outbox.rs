//! The outbox: an ordered log of what changed, written in the same transaction as
//! the change. The search index applies it in order and records the last sequence
//! number it applied, which is what lets it catch up after a crash.

use crate::Cached;
use crate::{Reader, Result, StoreError, Tx};
use rusqlite::params;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutboxEntity {
    Clip,
    Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutboxOp {
    Upsert,
    Delete,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxEntry {
    pub seq: u64,
    pub entity: OutboxEntity,
    pub entity_id: String,
    pub op: OutboxOp,
}

impl Tx<'_> {
    pub(crate) fn append_outbox(&self, entity: OutboxEntity, id: &str, op: OutboxOp) -> Result<()> {
        let entity = match entity {
            OutboxEntity::Clip => "clip",
            OutboxEntity::Source => "source",
        };
        let op = match op {
            OutboxOp::Upsert => "upsert",
            OutboxOp::Delete => "delete",
        };
        self.conn
            .prepare_cached("INSERT INTO outbox (entity, entity_id, op) VALUES (?1, ?2, ?3)")?
            .execute(params![entity, id, op])?;
        Ok(())
    }

    /// Forgets entries the index has durably applied.
    pub fn prune_outbox(&self, up_to: u64) -> Result<()> {
        self.conn
            .exec("DELETE FROM outbox WHERE seq <= ?1", [up_to as i64])?;
        Ok(())
    }
}

impl Reader {
    /// Up to `limit` entries after `after`, in order.
    pub fn outbox_after(&self, after: u64, limit: usize) -> Result<Vec<OutboxEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT seq, entity, entity_id, op FROM outbox WHERE seq > ?1 ORDER BY seq LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![after as i64, limit as i64], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        rows.map(|row| {
            let (seq, entity, entity_id, op) = row?;
            let entity = match entity.as_str() {
                "clip" => OutboxEntity::Clip,
                "source" => OutboxEntity::Source,
                other => return Err(StoreError::Corrupt(format!("outbox entity {other}"))),
            };
            let op = match op.as_str() {
                "upsert" => OutboxOp::Upsert,
                "delete" => OutboxOp::Delete,
                other => return Err(StoreError::Corrupt(format!("outbox op {other}"))),
            };
            Ok(OutboxEntry {
                seq: seq as u64,
                entity,
                entity_id,
                op,
            })
        })
        .collect()
    }

    /// The highest sequence number ever handed out, pruned or not (0 if none).
    pub fn outbox_high_water(&self) -> Result<u64> {
        let seq: Option<i64> = self.conn.row(
            "SELECT MAX(seq) FROM (
                 SELECT seq FROM sqlite_sequence WHERE name = 'outbox'
                 UNION ALL SELECT MAX(seq) FROM outbox)",
            [],
            |r| r.get(0),
        )?;
        Ok(seq.unwrap_or(0) as u64)
    }
}
