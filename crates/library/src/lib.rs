//! The API every front end uses: open a library folder and run the use-cases.
//!
//! A library is a folder with `library.sqlite` (the truth), `index/` (a Tantivy
//! cache derived from it), `blobs/` and `backups/`. This crate is the only place
//! that coordinates SQLite and Tantivy: each use-case writes to the store in one
//! transaction (which also appends to the outbox), then applies the outbox to the
//! index. Opening a library replays or rebuilds the index as needed, so a crash at
//! any point loses no acknowledged write and the index converges by itself.
//!
//! It knows nothing of Tauri or the command line; the shells call it with plain
//! values and get plain values or an [`Error`] with an [`ErrorCode`] back.

mod anchor;
mod backup;
mod blobs;
mod bulk;
mod citations;
mod claims;
mod clips;
mod error;
mod export;
mod fetch;
mod ids;
mod indexing;
pub mod location;
mod lock;
mod paste;
pub mod pdf;
mod reimport;
mod sources;
mod text_file;
mod wire;

pub use backup::BackupInfo;
pub use bulk::{AuthorInput, BulkClaim, BulkProgress, BulkRecord, BulkReport, BulkSource};
pub use citations::{RefImportReport, StyleInfo};
pub use cite::refs::RefFormat;
pub use error::{ApiError, Error, ErrorCode, Result};
pub use ids::IdKind;
pub use indexing::Health;
pub use ingest::TextFormat;
pub use paste::PastedQuote;
pub use reimport::{ReimportReport, SourceVersion};
pub use text_file::{decode_text, read_text_file};
pub use wire::{
    ClaimView, ClipEdit, ClipFilter, ClipView, Evidence, Export, ExportFormat, ExportOptions,
    ExportTarget, NewClaim, NewClip, NewSource, SourceView, TagCount,
};

use model::Timestamp;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use store::Store;

/// Things a library needs from the outside, passed in so tests can pin them.
#[derive(Clone)]
pub struct Config {
    /// The current time in milliseconds since the epoch.
    pub clock: Arc<dyn Fn() -> Timestamp + Send + Sync>,
    /// The program that reads PDFs in a child process (see [`pdf`]).
    pub pdf_worker: Option<pdf::PdfWorker>,
    /// The list of library folders opened before (see
    /// [`location::registry_path`]); none turns the missing-folder check off.
    pub registry: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            clock: Arc::new(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_millis() as Timestamp)
                    .unwrap_or(0)
            }),
            pdf_worker: pdf::PdfWorker::current_exe(),
            registry: location::registry_path(),
        }
    }
}

/// An open library. One process at a time may hold it.
pub struct Library {
    dir: PathBuf,
    store: Store,
    index: search::SearchIndex,
    /// The last outbox sequence number the index has committed.
    applied_seq: u64,
    config: Config,
    _lock: lock::LibraryLock,
}

/// The error for a damaged database, offering the newest backup that verifies.
fn damaged(dir: &Path, path: PathBuf, reason: String) -> Error {
    let newest = backup::newest_verified(dir);
    let offer = match &newest {
        Some(b) => {
            // A pre-migration backup is named by version, not time: its file's
            // time then says when it was made.
            let made = if b.made_at > 0 {
                b.made_at
            } else {
                std::fs::metadata(&b.path)
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map(|d| d.as_millis() as i64)
                    .unwrap_or(0)
            };
            format!(
                "The newest verified backup is from {}: restore it with `commonplace restore --latest` or Restore in the app (the damaged file is kept beside it).",
                backup::human_time(made)
            )
        }
        None => "There is no verified backup to restore.".to_owned(),
    };
    Error::Damaged {
        path,
        reason,
        offer,
        backup: newest.map(|b| b.path),
    }
}

impl Library {
    /// Opens the library in `dir`, creating the folder and an empty library if there
    /// is none. Fails with [`ErrorCode::LibraryLocked`] if another process has it.
    pub fn open(dir: &Path, config: Config) -> Result<Library> {
        let dir = &std::path::absolute(dir).map_err(error::io(dir))?;
        if let Some(registry) = &config.registry {
            if !dir.exists() && location::known(registry, dir) {
                return Err(Error::Missing {
                    path: dir.to_owned(),
                });
            }
        }
        std::fs::create_dir_all(dir).map_err(error::io(dir))?;
        let lock = lock::LibraryLock::acquire(dir)?;
        for sub in ["blobs", "backups"] {
            std::fs::create_dir_all(dir.join(sub)).map_err(error::io(dir.join(sub)))?;
        }
        let db = dir.join("library.sqlite");
        let store = match Store::open_with_backup_dir(&db, Some(&dir.join("backups"))) {
            Err(store::StoreError::NotADatabase { path, reason }) => {
                return Err(damaged(dir, path, reason))
            }
            other => other?,
        };
        let (index, state) = search::SearchIndex::open(&dir.join("index"))?;
        let mut library = Library {
            dir: dir.to_owned(),
            store,
            index,
            applied_seq: 0,
            config,
            _lock: lock,
        };
        library.sync_index(state)?;
        library.give_missing_keys()?;
        library.backup_if_due()?;
        if let Some(registry) = &library.config.registry {
            location::remember(registry, dir);
        }
        Ok(library)
    }

    /// Restores the newest backup that verifies in place of a damaged database
    /// (which is moved aside, byte for byte), and opens the library.
    pub fn restore_latest(dir: &Path, config: Config) -> Result<Library> {
        let backup = backup::newest_verified(dir).ok_or_else(|| {
            Error::InvalidInput(format!(
                "{}: there is no backup that verifies",
                dir.join("backups").display()
            ))
        })?;
        Library::restore(dir, &backup.path, config)
    }

    /// The library folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn now(&self) -> Timestamp {
        (self.config.clock)()
    }
}
