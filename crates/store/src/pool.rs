//! Read connections, lent one per reader and given back after.
//!
//! SQLite in WAL mode lets any number of connections read while one writes,
//! each in the snapshot of the last commit it saw. So a search, the reader or an
//! export never waits for an import: they borrow a connection of their own. A
//! connection is opened the first time the pool has none free and kept for the
//! next reader (a few are enough: readers are short); every one is
//! `query_only`, so a bug in a read path cannot write.

use crate::{Reader, Result};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// Connections kept for later readers; more may be open at a peak, and are
/// closed when given back.
const KEPT: usize = 8;

pub(crate) struct ReadPool {
    path: PathBuf,
    free: parking_lot::Mutex<Vec<Connection>>,
}

impl ReadPool {
    pub(crate) fn new(path: &Path) -> ReadPool {
        ReadPool {
            path: path.to_owned(),
            free: parking_lot::Mutex::new(Vec::new()),
        }
    }

    fn take(&self) -> Result<Connection> {
        if let Some(conn) = self.free.lock().pop() {
            return Ok(conn);
        }
        let conn = Connection::open(&self.path)?;
        crate::apply_pragmas(&conn)?;
        conn.pragma_update(None, "query_only", "ON")?;
        Ok(conn)
    }

    fn give_back(&self, conn: Connection) {
        let mut free = self.free.lock();
        if free.len() < KEPT {
            free.push(conn);
        }
    }

    /// A connection in a read transaction: one snapshot for all its queries.
    pub(crate) fn snapshot(&self) -> Result<Snapshot<'_>> {
        let conn = self.take()?;
        conn.execute_batch("BEGIN DEFERRED")?;
        Ok(Snapshot {
            pool: self,
            conn: Some(conn),
        })
    }

    /// A connection of its own, outside any transaction and not `query_only`:
    /// `VACUUM INTO` refuses both (it writes the copy). Closed after use.
    pub(crate) fn for_backup(&self) -> Result<Connection> {
        let conn = Connection::open(&self.path)?;
        crate::apply_pragmas(&conn)?;
        Ok(conn)
    }
}

/// A read snapshot of the database: every query of [`Reader`] on it (through
/// `Deref`), seeing the database as of its first query. Given back to the pool
/// when dropped.
pub struct Snapshot<'a> {
    pool: &'a ReadPool,
    conn: Option<Connection>,
}

impl Snapshot<'_> {
    fn connection(&self) -> &Connection {
        self.conn.as_ref().expect("taken only on drop")
    }
}

impl std::ops::Deref for Snapshot<'_> {
    type Target = Reader;

    fn deref(&self) -> &Reader {
        use ref_cast::RefCast;
        Reader::ref_cast(self.connection())
    }
}

impl Drop for Snapshot<'_> {
    fn drop(&mut self) {
        let Some(conn) = self.conn.take() else {
            return;
        };
        // Ending the read transaction lets the WAL be checkpointed past it; a
        // connection that cannot end it is closed rather than lent again.
        if conn.execute_batch("COMMIT").is_err() {
            return;
        }
        self.pool.give_back(conn);
    }
}
