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
mod indexing;
pub mod location;
mod lock;
mod paste;
pub mod pdf;
mod reimport;
mod sources;
mod wire;

pub use backup::BackupInfo;
pub use bulk::{AuthorInput, BulkClaim, BulkProgress, BulkRecord, BulkReport, BulkSource};
pub use citations::{RefImportReport, StyleInfo};
pub use cite::refs::RefFormat;
pub use error::{ApiError, Error, ErrorCode, Result};
pub use indexing::Health;
pub use ingest::TextFormat;
pub use paste::PastedQuote;
pub use reimport::{ReimportReport, SourceVersion};
pub use wire::{
    ClaimView, ClipEdit, ClipView, Evidence, Export, ExportFormat, ExportOptions, ExportTarget,
    NewClaim, NewClip, NewSource, SourceView, TagCount,
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

impl Library {
    /// Opens the library in `dir`, creating the folder and an empty library if there
    /// is none. Fails with [`ErrorCode::LibraryLocked`] if another process has it.
    pub fn open(dir: &Path, config: Config) -> Result<Library> {
        std::fs::create_dir_all(dir).map_err(error::io(dir))?;
        let lock = lock::LibraryLock::acquire(dir)?;
        for sub in ["blobs", "backups"] {
            std::fs::create_dir_all(dir.join(sub)).map_err(error::io(dir.join(sub)))?;
        }
        let store =
            Store::open_with_backup_dir(&dir.join("library.sqlite"), Some(&dir.join("backups")))?;
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
        library.backup_if_due()?;
        Ok(library)
    }

    /// The library folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn now(&self) -> Timestamp {
        (self.config.clock)()
    }
}
