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
//!
//! A `Library` is shared between threads (`&self` everywhere). Reads run beside
//! writes: each read borrows a SQLite snapshot of its own and the index's
//! current searcher. Writes take turns: slow work (fetching, parsing, the PDF
//! worker, reading a reference file) happens first, with no lock held; only the
//! transaction and the index commit hold the writer's turn ([`Library::write`]).
//! Every write reports what it changed ([`Changes`]) to the observer the shell
//! gave in [`Config::on_change`].

mod anchor;
mod backup;
mod blobs;
pub mod browser;
mod bulk;
mod capture;
mod changes;
mod citations;
mod claims;
mod clips;
mod draft_check;
mod error;
mod export;
mod fetch;
mod ids;
mod indexing;
mod lists;
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
pub use capture::{
    CaptureNote, CapturePlacement, CaptureView, CapturedPage, CapturedSelection, ClaimChoice,
    NewCapture,
};
pub use changes::Changes;
pub use citations::{RefImportReport, StyleInfo};
pub use cite::refs::RefFormat;
pub use draft_check::PASTED;
pub use error::{ApiError, Error, ErrorCode, NetworkKind, Result};
pub use ids::IdKind;
pub use indexing::Health;
pub use ingest::TextFormat;
pub use paste::PastedQuote;
pub use reimport::{ReimportReport, SourceVersion};
pub use text_file::{decode_text, read_text_file};
pub use wire::{
    CitationPreview, ClaimPage, ClaimView, ClipEdit, ClipFilter, ClipView, DraftSource, Evidence,
    Export, ExportFormat, ExportOptions, ExportTarget, NewClaim, NewClip, NewSource, Overview,
    SourcePage, SourceView, TagCount,
};

use model::Timestamp;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use store::Store;

/// What hears of every write (the app sends it on to its windows as an event).
pub type ChangeObserver = Arc<dyn Fn(&Changes) + Send + Sync>;

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
    /// Told of every write, once it is committed and searchable: what changed.
    pub on_change: Option<ChangeObserver>,
    /// How long a download by address may take in all.
    pub fetch_timeout: std::time::Duration,
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
            on_change: None,
            fetch_timeout: fetch::TIMEOUT,
        }
    }
}

/// An open library. One process at a time may hold it; inside it, any number
/// of threads may read while one writes.
pub struct Library {
    dir: PathBuf,
    store: Store,
    index: search::SearchIndex,
    /// The writer's turn, held from a write's transaction through its index
    /// commit, so the outbox reaches the index in order.
    writer: parking_lot::Mutex<WriterState>,
    config: Config,
    _lock: lock::LibraryLock,
}

/// What only the writer touches.
pub(crate) struct WriterState {
    /// The last outbox sequence number the index has committed.
    applied_seq: u64,
}

/// Runs one call of a front end (`doing` names it: `create_clip`), so that a
/// panic inside is that call's [`Error::Internal`], logged, and not the end of
/// the app: every lock the library holds is released on the way out (none is
/// poisoned), an open transaction rolls back, and index changes staged by a
/// write that did not finish are dropped before the next commit.
pub fn guarded<T>(doing: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    let started = std::time::Instant::now();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    let ms = started.elapsed().as_millis() as u64;
    match outcome {
        Ok(Ok(value)) => {
            tracing::info!(call = doing, ms, "done");
            Ok(value)
        }
        Ok(Err(e)) => {
            tracing::warn!(call = doing, ms, code = ?e.code(), "failed");
            Err(e)
        }
        Err(payload) => {
            let detail = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic".into());
            tracing::error!(call = doing, ms, detail, "panicked");
            Err(Error::Internal {
                doing: format!("running “{}”", doing.replace('_', " ")),
                detail,
            })
        }
    }
}

/// A test hook: when `COMMONPLACE_PANIC` names this point (`name`, or `name:N`
/// for its N-th passage), the call panics here. Tests use it to check that a
/// panic costs one call and not the app. Unset (always, in use), it costs one
/// comparison.
pub(crate) fn panic_point(name: &str) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static POINT: std::sync::OnceLock<Option<(String, usize)>> = std::sync::OnceLock::new();
    static PASSED: AtomicUsize = AtomicUsize::new(0);
    let point = POINT.get_or_init(|| {
        let value = std::env::var("COMMONPLACE_PANIC").ok()?;
        Some(match value.split_once(':') {
            Some((name, n)) => (name.to_owned(), n.parse().unwrap_or(1)),
            None => (value, 1),
        })
    });
    if let Some((point, n)) = point {
        if point == name && PASSED.fetch_add(1, Ordering::SeqCst) + 1 == *n {
            panic!("test panic at {name} (COMMONPLACE_PANIC)");
        }
    }
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
        let library = Library {
            dir: dir.to_owned(),
            store,
            index,
            writer: parking_lot::Mutex::new(WriterState { applied_seq: 0 }),
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

    /// A write: `f` runs in one transaction (and notes in `changes` what it
    /// changed beyond the outbox), then the outbox is applied to the index, and
    /// the observer hears what changed. The writer's turn is held throughout,
    /// and only for this: callers do their slow work before.
    pub(crate) fn write<T>(
        &self,
        f: impl FnOnce(&store::Tx<'_>, &mut Changes) -> Result<T>,
    ) -> Result<T> {
        let mut state = self.writer.lock();
        let mut changes = Changes::default();
        let out = self.store.write(|tx| {
            panic_point("write");
            f(tx, &mut changes)
        })?;
        self.apply_outbox_locked(&mut state, &mut changes)?;
        drop(state);
        self.report(&changes);
        Ok(out)
    }

    fn report(&self, changes: &Changes) {
        if changes.is_empty() {
            return;
        }
        if let Some(observer) = &self.config.on_change {
            observer(changes);
        }
    }
}
