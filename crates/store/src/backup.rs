//! Copies of the database, made with `VACUUM INTO` (a consistent snapshot taken
//! inside a read transaction, so writers are never blocked for long) and checked
//! with `PRAGMA integrity_check` before they count: a backup that does not verify
//! is deleted, never kept in place of a good one.

use crate::{Result, Store, StoreError};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

impl Store {
    /// Writes a verified copy of the database to `path` (which must not exist),
    /// through a connection of its own: writers go on while it is made.
    pub fn backup_to(&self, path: &Path) -> Result<()> {
        backup_with(&self.readers.for_backup()?, path)
    }
}

/// The backup of the database `conn` is open on.
pub(crate) fn backup_with(conn: &Connection, path: &Path) -> Result<()> {
    let tmp = path.with_extension("partial");
    let _ = std::fs::remove_file(&tmp);
    conn.execute("VACUUM INTO ?1", [tmp.to_string_lossy()])?;
    crate::failpoint("backup-written");
    if let Err(e) = verify(&tmp) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    std::fs::rename(&tmp, path)
        .map_err(|e| StoreError::Corrupt(format!("{}: {e}", path.display())))?;
    Ok(())
}

/// Opens a database file read-only and checks it; the problems found, if any,
/// make the error.
pub fn verify(path: &Path) -> Result<()> {
    let conn =
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|e| {
            StoreError::NotADatabase {
                path: path.to_owned(),
                reason: e.to_string(),
            }
        })?;
    let result: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| StoreError::NotADatabase {
            path: path.to_owned(),
            reason: e.to_string(),
        })?;
    if result != "ok" {
        return Err(StoreError::NotADatabase {
            path: path.to_owned(),
            reason: result,
        });
    }
    Ok(())
}

/// Backups in `dir` (files named `library-*.sqlite`), oldest first.
pub fn backups(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    let name = p
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    name.starts_with("library-") && name.ends_with(".sqlite")
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}
