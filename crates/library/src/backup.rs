//! Backups of a library's database in its `backups/` folder: on demand
//! (`commonplace backup`), automatically once a day when the library is opened,
//! and before every schema migration. Each is verified before it counts; the
//! newest ones are kept. Restoring puts a verified backup in place of the current
//! database (which is moved aside, never deleted) and lets the index rebuild.

use crate::{error, Config, Error, Library, Result};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// How many automatic and manual backups are kept (migration backups are kept too).
const KEEP: usize = 10;
/// An automatic backup is made at open when the newest is older than this.
const DAILY_MS: i64 = 24 * 60 * 60 * 1000;

/// A backup file and when it was made.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    pub path: PathBuf,
    pub made_at: i64,
}

impl Library {
    /// Makes a verified backup now and drops the oldest beyond the ten newest.
    pub fn backup(&self) -> Result<BackupInfo> {
        let now = self.now();
        let dir = self.dir.join("backups");
        let path = dir.join(format!("library-{now:015}.sqlite"));
        self.store.backup_to(&path)?;
        store::failpoint("backup-before-rotate");
        rotate(&dir);
        Ok(BackupInfo { path, made_at: now })
    }

    /// The backups of this library, newest first.
    pub fn backups(&self) -> Vec<BackupInfo> {
        list(&self.dir.join("backups"))
    }

    pub(crate) fn backup_if_due(&self) -> Result<()> {
        let newest = list(&self.dir.join("backups"))
            .into_iter()
            .find(|b| b.made_at > 0);
        let due = newest.is_none_or(|b| self.now() - b.made_at > DAILY_MS);
        if due && self.store.read()?.clip_count()? > 0 {
            self.backup()?;
        }
        Ok(())
    }

    /// Replaces the database of the (closed) library in `dir` with `backup`, after
    /// verifying it. The current database is moved aside, byte for byte; the index
    /// is rebuilt from the restored database on the next open.
    pub fn restore(dir: &Path, backup: &Path, config: Config) -> Result<Library> {
        store::verify(backup)
            .map_err(|e| Error::InvalidInput(format!("the backup cannot be restored: {e}")))?;
        let lock = crate::lock::LibraryLock::acquire(dir)?;
        let db = dir.join("library.sqlite");
        let stamp = (config.clock)();
        if db.exists() {
            let aside = dir.join(format!("library.sqlite.replaced-{stamp}"));
            std::fs::rename(&db, &aside).map_err(error::io(&db))?;
        }
        for suffix in ["-wal", "-shm"] {
            let side = dir.join(format!("library.sqlite{suffix}"));
            if side.exists() {
                std::fs::rename(
                    &side,
                    dir.join(format!("library.sqlite{suffix}.replaced-{stamp}")),
                )
                .map_err(error::io(&side))?;
            }
        }
        std::fs::copy(backup, &db).map_err(error::io(backup))?;
        let index = dir.join("index");
        if index.exists() {
            std::fs::remove_dir_all(&index).map_err(error::io(&index))?;
        }
        drop(lock);
        Library::open(dir, config)
    }
}

fn list(dir: &Path) -> Vec<BackupInfo> {
    let mut out: Vec<BackupInfo> = store::backups(dir)
        .into_iter()
        .map(|path| {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let made_at = stem.trim_start_matches("library-").parse().unwrap_or(0);
            BackupInfo { path, made_at }
        })
        .collect();
    out.reverse();
    out
}

/// Keeps the newest timed backups; migration backups are never rotated away.
fn rotate(dir: &Path) {
    let timed: Vec<BackupInfo> = list(dir).into_iter().filter(|b| b.made_at > 0).collect();
    for old in timed.iter().skip(KEEP) {
        let _ = std::fs::remove_file(&old.path);
    }
}

/// The newest backup in `dir`'s `backups/` that passes the integrity check.
pub(crate) fn newest_verified(dir: &Path) -> Option<BackupInfo> {
    list(&dir.join("backups"))
        .into_iter()
        .find(|b| store::verify(&b.path).is_ok())
}

/// A time in milliseconds since the epoch as "2026-11-27 03:26 UTC".
pub(crate) fn human_time(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let days = secs.div_euclid(86_400);
    let (hour, minute) = (
        (secs.rem_euclid(86_400)) / 3600,
        (secs.rem_euclid(3600)) / 60,
    );
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02} UTC")
}
