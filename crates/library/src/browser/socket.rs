//! The local socket between the native messaging host and the running app.
//!
//! A Unix socket, never a TCP port: `$XDG_RUNTIME_DIR/commonplace/capture.sock`
//! (the runtime folder is the user's own, mode 0700, on tmpfs), else
//! `/tmp/commonplace-<uid>/capture.sock`. The folder is made with mode 0700 and
//! refused unless it is a real folder (not a link) owned by this user and
//! closed to everyone else; the socket itself is 0600. Each side also checks
//! the other's user id (`SO_PEERCRED`): the app answers only this user's
//! processes, and the host talks only to an app of this user.

use crate::{Error, Result};
use std::io;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::os::unix::io::AsRawFd;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The socket's name inside its folder.
const SOCKET_NAME: &str = "capture.sock";

/// Where the app listens: in the runtime folder when there is one, else in a
/// folder of this user's own under `/tmp`. Both shells call this with the
/// value of `XDG_RUNTIME_DIR` and the current user id.
pub fn socket_path(runtime_dir: Option<&Path>, uid: u32) -> PathBuf {
    match runtime_dir.filter(|d| d.is_absolute()) {
        Some(dir) => dir.join("commonplace").join(SOCKET_NAME),
        None => std::env::temp_dir()
            .join(format!("commonplace-{uid}"))
            .join(SOCKET_NAME),
    }
}

/// [`socket_path`] for this process: `XDG_RUNTIME_DIR` and the real user id.
pub fn default_socket_path() -> PathBuf {
    let runtime = std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from);
    socket_path(runtime.as_deref(), current_uid())
}

pub fn current_uid() -> u32 {
    // SAFETY: getuid has no preconditions and cannot fail.
    unsafe { libc::getuid() }
}

/// The user id of the process at the other end of a connected Unix socket.
pub fn peer_uid(stream: &impl AsRawFd) -> io::Result<u32> {
    // SAFETY: SO_PEERCRED fills a `ucred` of the size given.
    let mut cred: libc::ucred = unsafe { std::mem::zeroed() };
    let mut len = std::mem::size_of::<libc::ucred>() as libc::socklen_t;
    let rc = unsafe {
        libc::getsockopt(
            stream.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_PEERCRED,
            &mut cred as *mut libc::ucred as *mut libc::c_void,
            &mut len,
        )
    };
    if rc != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(cred.uid)
}

/// Makes the socket's folder (mode 0700) and checks that it is private.
fn private_dir(socket: &Path) -> Result<()> {
    let dir = socket
        .parent()
        .ok_or_else(|| Error::InvalidInput(format!("{} has no folder", socket.display())))?;
    match std::fs::DirBuilder::new().mode(0o700).create(dir) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(crate::error::io(dir)(e)),
    }
    let meta = std::fs::symlink_metadata(dir).map_err(crate::error::io(dir))?;
    if !meta.file_type().is_dir() || meta.uid() != current_uid() || meta.mode() & 0o077 != 0 {
        return Err(Error::Forbidden(format!(
            "{} is not a private folder of this user (it must be a folder, not a link, with mode 0700): \
             Commonplace will not put its socket there",
            dir.display()
        )));
    }
    Ok(())
}

/// Binds the app's socket. A socket file left by an app that is gone is
/// replaced; one that answers belongs to a running app, and is left alone.
pub fn bind(path: &Path) -> Result<UnixListener> {
    private_dir(path)?;
    if std::fs::symlink_metadata(path).is_ok() {
        if UnixStream::connect(path).is_ok() {
            return Err(Error::Locked {
                path: path.to_owned(),
            });
        }
        std::fs::remove_file(path).map_err(crate::error::io(path))?;
    }
    let listener = UnixListener::bind(path).map_err(crate::error::io(path))?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
        .map_err(crate::error::io(path))?;
    Ok(listener)
}

/// How the host got on with reaching the app.
pub enum Reached {
    /// The app answered with these bytes.
    Answered(Vec<u8>),
    /// No app listens (no socket, or a socket left by an app that is gone).
    NotRunning,
}

/// Sends one message to the running app and returns its answer. The socket
/// must be in a private folder and the app must run as this user.
pub fn relay(path: &Path, message: &[u8], timeout: Duration) -> Result<Reached> {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Ok(Reached::NotRunning);
    };
    let dir_ok = path
        .parent()
        .and_then(|d| std::fs::symlink_metadata(d).ok())
        .is_some_and(|d| {
            d.file_type().is_dir() && d.uid() == current_uid() && d.mode() & 0o077 == 0
        });
    if !dir_ok || meta.uid() != current_uid() {
        return Err(Error::Forbidden(format!(
            "{} is not this user's private socket: not sending the capture there",
            path.display()
        )));
    }
    let mut stream = match UnixStream::connect(path) {
        Ok(s) => s,
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::ConnectionRefused | io::ErrorKind::NotFound
            ) =>
        {
            return Ok(Reached::NotRunning)
        }
        Err(e) => return Err(crate::error::io(path)(e)),
    };
    let uid = peer_uid(&stream).map_err(crate::error::io(path))?;
    if uid != current_uid() {
        return Err(Error::Forbidden(format!(
            "the program at {} runs as another user: not sending the capture there",
            path.display()
        )));
    }
    stream
        .set_read_timeout(Some(timeout))
        .and_then(|_| stream.set_write_timeout(Some(timeout)))
        .map_err(crate::error::io(path))?;
    let talk = |stream: &mut UnixStream| -> io::Result<super::framing::Frame> {
        super::framing::write_frame(stream, message)?;
        super::framing::read_frame(stream, super::MAX_REPLY_BYTES)
    };
    match talk(&mut stream) {
        Ok(super::framing::Frame::Message(answer)) => Ok(Reached::Answered(answer)),
        Ok(_) => Err(Error::Internal {
            doing: "sending the capture to the app".into(),
            detail: "the app closed the connection without an answer".into(),
        }),
        Err(e) => Err(Error::Internal {
            doing: "sending the capture to the app".into(),
            detail: e.to_string(),
        }),
    }
}
