//! One process writes a library at a time. Tantivy has a writer lock of its own,
//! but it would only fail after SQLite was opened; this lock is taken first, on a
//! `lock` file in the library folder, and released by the OS when the process
//! ends, however it ends (so a killed process never leaves a stale lock).
//!
//! It is a POSIX record lock (`fcntl`), which belongs to the process: a child
//! process (the PDF worker, any program started) does not inherit it, even in
//! the moment between its fork and its exec, so a library closed and opened
//! again is never found "locked" by a child that happened to be starting. A
//! process does not conflict with its own record locks, so a second opening
//! inside the same process is refused by a list of the folders this process
//! holds.

use crate::{error, Error, Result};
use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The library folders this process holds.
static HELD: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);

pub(crate) struct LibraryLock {
    file: Option<File>,
    dir: PathBuf,
}

impl LibraryLock {
    pub(crate) fn acquire(dir: &Path) -> Result<LibraryLock> {
        let locked = || Error::Locked {
            path: dir.to_owned(),
        };
        let key = dir.canonicalize().unwrap_or_else(|_| dir.to_owned());
        let mut held = HELD.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if held.get_or_insert_with(HashSet::new).contains(&key) {
            return Err(locked());
        }
        let path = dir.join("lock");
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&path)
            .map_err(|e| match e.raw_os_error() {
                Some(libc::EROFS) | Some(libc::EACCES) | Some(libc::EPERM) => Error::ReadOnly {
                    path: dir.to_owned(),
                },
                _ => error::io(&path)(e),
            })?;
        // SAFETY: `flock` is plain data; F_SETLK reads it and returns at once.
        let mut lock: libc::flock = unsafe { std::mem::zeroed() };
        lock.l_type = libc::F_WRLCK as _;
        lock.l_whence = libc::SEEK_SET as _;
        if unsafe { libc::fcntl(file.as_raw_fd(), libc::F_SETLK, &lock) } != 0 {
            let e = std::io::Error::last_os_error();
            return match e.raw_os_error() {
                Some(libc::EACCES) | Some(libc::EAGAIN) => Err(locked()),
                _ => Err(error::io(&path)(e)),
            };
        }
        held.get_or_insert_with(HashSet::new).insert(key.clone());
        Ok(LibraryLock {
            file: Some(file),
            dir: key,
        })
    }
}

impl Drop for LibraryLock {
    fn drop(&mut self) {
        // Closing the file releases the record lock; the folder leaves the list
        // only after, so no second opening here can slip in between (and no
        // second descriptor of the file is ever closed while one holds the
        // lock: closing any of them would release it).
        drop(self.file.take());
        if let Ok(mut held) = HELD.lock() {
            if let Some(set) = held.as_mut() {
                set.remove(&self.dir);
            }
        }
    }
}
