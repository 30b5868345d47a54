//! Errors of the use-cases, and the small code the front ends react to.
//!
//! Below this crate errors are typed per layer (`StoreError`, `SearchError`, ...).
//! Here they become one [`Error`] whose [`ErrorCode`] is what crosses to the UI and
//! the CLI: the UI switches on the code and shows the message, never the reverse.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no {entity} with id {id}")]
    NotFound { entity: &'static str, id: String },
    #[error("the quote was not found in “{source_title}”: a clip must be a passage of the source, word for word")]
    QuoteNotInSource { source_title: String },
    #[error("{0}")]
    InvalidInput(String),
    /// A caller that is not allowed (a browser extension not named in the host manifests).
    #[error("{0}")]
    Forbidden(String),
    /// Input over a size limit (a message from the browser, a selection).
    #[error("{0}")]
    TooLarge(String),
    #[error("{message}")]
    PasswordRequired { message: String },
    #[error(
        "the library at {path} is open in another process (the app or another command); \
         close it there and try again"
    )]
    Locked { path: PathBuf },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Ingest(#[from] ingest::IngestError),
    /// A draft to check that cannot be read (empty, too large, damaged, of a
    /// format that cannot be checked).
    #[error(transparent)]
    Draft(#[from] verify::VerifyError),
    #[error(
        "the library database {path} is damaged ({reason}); nothing was written to it. {offer}"
    )]
    Damaged {
        path: PathBuf,
        reason: String,
        /// What can be done: the newest verified backup with its date, or none.
        offer: String,
        backup: Option<PathBuf>,
    },
    #[error(
        "the library folder {path} is read-only: Commonplace writes its database, index and \
         backups there. Nothing was changed; make the folder writable and open it again"
    )]
    ReadOnly { path: PathBuf },
    #[error(
        "the library folder {path} is missing: a library was opened there before (was it \
         moved, or is it on a drive that is not connected?). Nothing was created in its \
         place; reconnect it, or choose another folder"
    )]
    Missing { path: PathBuf },
    #[error(
        "the disk is full: this change was not saved (everything saved before is safe); \
         free some space and try again ({detail})"
    )]
    DiskFull { detail: String },
    #[error("{message}")]
    Network { kind: NetworkKind, message: String },
    #[error("{what}: the reader of this file crashed or stopped answering ({detail}); nothing was saved, and the library is fine")]
    ParserCrashed { what: String, detail: String },
    #[error("{0}")]
    Conflict(String),
    #[error("internal error while {doing}: {detail}. Nothing was lost; the library goes on working (the log has the details)")]
    Internal { doing: String, detail: String },
    #[error(transparent)]
    Store(store::StoreError),
    #[error(transparent)]
    Search(search::SearchError),
}

/// What went wrong on the network, for the front end to say and to decide on
/// a retry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkKind {
    /// The name of the site could not be resolved.
    Dns,
    /// The secure connection failed (certificate, protocol).
    Tls,
    /// Nothing answers at that address (refused, unreachable).
    Refused,
    /// The site did not answer in time.
    Timeout,
    /// The site answered, but not with what can be imported (status, size,
    /// paywall, redirects).
    Other,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<store::StoreError> for Error {
    fn from(e: store::StoreError) -> Self {
        match e {
            store::StoreError::NotFound { entity, id } => Error::NotFound { entity, id },
            store::StoreError::DuplicateClaim(_) => Error::Conflict(e.to_string()),
            store::StoreError::Sqlite(rusqlite_error) => match rusqlite_error.sqlite_error_code() {
                Some(store::SqliteCode::DiskFull) => Error::DiskFull {
                    detail: rusqlite_error.to_string(),
                },
                Some(store::SqliteCode::ReadOnly) => Error::ReadOnly {
                    path: PathBuf::from("the library database"),
                },
                _ => Error::Store(store::StoreError::Sqlite(rusqlite_error)),
            },
            other => Error::Store(other),
        }
    }
}

/// The OS error of an I/O failure anywhere in a chain of errors.
fn os_error(e: &(dyn std::error::Error + 'static)) -> Option<i32> {
    let mut next = Some(e);
    while let Some(e) = next {
        if let Some(io) = e.downcast_ref::<std::io::Error>() {
            if let Some(code) = io.raw_os_error() {
                return Some(code);
            }
        }
        next = e.source();
    }
    None
}

impl From<search::SearchError> for Error {
    fn from(e: search::SearchError) -> Self {
        let code = match &e {
            search::SearchError::Io { source, .. } => source.raw_os_error(),
            search::SearchError::Tantivy(tantivy) => os_error(tantivy),
        };
        match code {
            Some(libc::ENOSPC) => Error::DiskFull {
                detail: e.to_string(),
            },
            Some(libc::EROFS) => Error::ReadOnly {
                path: PathBuf::from("the search index"),
            },
            _ => Error::Search(e),
        }
    }
}

/// An index error in words: a full disk shows up in Tantivy's writer threads
/// without its OS error ("killed"), so the disk itself is asked.
pub(crate) fn from_index(e: search::SearchError, dir: &std::path::Path) -> Error {
    match Error::from(e) {
        Error::Search(e) if disk_full(dir) => Error::DiskFull {
            detail: e.to_string(),
        },
        other => other,
    }
}

impl From<model::DateError> for Error {
    fn from(e: model::DateError) -> Self {
        Error::InvalidInput(e.to_string())
    }
}

/// What kind of failure happened, for a front end to react to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum ErrorCode {
    NotFound,
    InvalidInput,
    LibraryLocked,
    LibraryTooNew,
    LibraryDamaged,
    /// The file is encrypted: ask for its password and try again.
    PasswordRequired,
    Io,
    /// The disk is full: nothing was saved; free space and try again.
    DiskFull,
    /// The library's folder (or a file the writer chose) cannot be written.
    ReadOnly,
    /// The name of a site could not be resolved (a typo, or offline).
    NetworkDns,
    /// The secure connection to a site failed.
    NetworkTls,
    /// Nothing answers at the address, or the network is unreachable.
    NetworkRefused,
    /// A site did not answer in time.
    NetworkTimeout,
    /// A site answered with something that cannot be imported.
    Network,
    /// A file's reader (the PDF worker, the HTML parser) crashed or hung on it.
    ParserCrashed,
    /// The change conflicts with what is there (a claim with that statement).
    Conflict,
    /// The caller is not allowed (an unknown browser extension).
    Forbidden,
    /// The input is larger than Commonplace accepts.
    TooLarge,
    Internal,
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        use store::StoreError as S;
        match self {
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::QuoteNotInSource { .. }
            | Error::InvalidInput(_)
            | Error::Ingest(_)
            | Error::Draft(_) => ErrorCode::InvalidInput,
            Error::Forbidden(_) => ErrorCode::Forbidden,
            Error::TooLarge(_) => ErrorCode::TooLarge,
            Error::Locked { .. } => ErrorCode::LibraryLocked,
            Error::PasswordRequired { .. } => ErrorCode::PasswordRequired,
            Error::Io { source, .. } => match source.raw_os_error() {
                Some(libc::ENOSPC) => ErrorCode::DiskFull,
                Some(libc::EROFS) => ErrorCode::ReadOnly,
                _ => ErrorCode::Io,
            },
            Error::Missing { .. } => ErrorCode::Io,
            Error::ReadOnly { .. } => ErrorCode::ReadOnly,
            Error::DiskFull { .. } => ErrorCode::DiskFull,
            Error::Network { kind, .. } => match kind {
                NetworkKind::Dns => ErrorCode::NetworkDns,
                NetworkKind::Tls => ErrorCode::NetworkTls,
                NetworkKind::Refused => ErrorCode::NetworkRefused,
                NetworkKind::Timeout => ErrorCode::NetworkTimeout,
                NetworkKind::Other => ErrorCode::Network,
            },
            Error::ParserCrashed { .. } => ErrorCode::ParserCrashed,
            Error::Conflict(_) => ErrorCode::Conflict,
            Error::Internal { .. } => ErrorCode::Internal,
            Error::Store(S::NewerSchema { .. }) => ErrorCode::LibraryTooNew,
            Error::Store(S::NotADatabase { .. } | S::Corrupt(_)) | Error::Damaged { .. } => {
                ErrorCode::LibraryDamaged
            }
            Error::Store(_) | Error::Search(_) => ErrorCode::Internal,
        }
    }
}

/// The wire form of an error: `{code, message}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
}

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        ApiError {
            code: e.code(),
            message: e.to_string(),
        }
    }
}

/// An I/O error on `path`, by its OS error: a full disk and a read-only file
/// system are named as such.
pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Error {
    let path = path.into();
    move |source| match source.raw_os_error() {
        Some(libc::ENOSPC) => Error::DiskFull {
            detail: format!("{}: {source}", path.display()),
        },
        Some(libc::EROFS) => Error::ReadOnly { path },
        _ => Error::Io { path, source },
    }
}

/// Whether the file system holding `dir` has (almost) no room left.
pub(crate) fn disk_full(dir: &std::path::Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(path) = std::ffi::CString::new(dir.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: statvfs fills the struct it is given; the path is NUL-terminated.
    let mut stat: libc::statvfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statvfs(path.as_ptr(), &mut stat) } != 0 {
        return false;
    }
    (stat.f_bavail as u64).saturating_mul(stat.f_frsize as u64) < 1024 * 1024
}
