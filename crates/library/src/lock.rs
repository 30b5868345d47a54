//! One process writes a library at a time. Tantivy has a writer lock of its own,
//! but it would only fail after SQLite was opened; this lock is taken first, on a
//! `lock` file in the library folder, and released by the OS when the process
//! ends, however it ends (so a killed process never leaves a stale lock).

use crate::{error, Error, Result};
use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

pub(crate) struct LibraryLock {
    _file: File,
}

impl LibraryLock {
    pub(crate) fn acquire(dir: &Path) -> Result<LibraryLock> {
        let path = dir.join("lock");
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| match e.raw_os_error() {
                Some(libc::EROFS) | Some(libc::EACCES) | Some(libc::EPERM) => Error::ReadOnly {
                    path: dir.to_owned(),
                },
                _ => error::io(&path)(e),
            })?;
        match file.try_lock() {
            Ok(()) => Ok(LibraryLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(Error::Locked {
                path: dir.to_owned(),
            }),
            Err(TryLockError::Error(e)) => Err(error::io(&path)(e)),
        }
    }
}
