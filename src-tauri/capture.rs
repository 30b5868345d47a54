//! The app's end of browser capture: a Unix socket (mode 0600, in the user's
//! runtime folder) served on tokio, answering the native messaging host. Each
//! connection is checked for this user's id, carries one framed message at
//! most `MAX_MESSAGE_BYTES` long, and gets one framed answer; the message is
//! checked and answered by `library::browser::answer` on the open library, off
//! the async threads. The writes report their changes like any other, so the
//! windows hear of a capture through the usual `library-changed` event. No
//! port is opened.

use crate::AppState;
use library::browser::socket::{bind, current_uid, default_socket_path};
use library::browser::{self, MAX_MESSAGE_BYTES};
use library::Error;
use std::path::PathBuf;
use tauri::{AppHandle, Manager};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::UnixStream;

/// Starts serving captures; a failure is logged (the app works without it).
pub fn serve(app: AppHandle) {
    let path = default_socket_path();
    let listener = match bind(&path).and_then(|l| {
        l.set_nonblocking(true)
            .map_err(|e| Error::InvalidInput(format!("{}: {e}", path.display())))?;
        Ok(l)
    }) {
        Ok(l) => l,
        Err(e) => {
            tracing::warn!("browser captures are not served: {e}");
            return;
        }
    };
    tauri::async_runtime::spawn(async move {
        let listener = match tokio::net::UnixListener::from_std(listener) {
            Ok(l) => l,
            Err(e) => {
                tracing::warn!("browser captures are not served: {e}");
                return;
            }
        };
        tracing::info!(socket = %path.display(), "serving browser captures");
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                continue;
            };
            let app = app.clone();
            tauri::async_runtime::spawn(async move {
                if let Err(e) = answer(app, stream).await {
                    tracing::warn!("a capture connection failed: {e}");
                }
            });
        }
    });
}

async fn answer(app: AppHandle, mut stream: UnixStream) -> std::io::Result<()> {
    let uid = stream.peer_cred()?.uid();
    if uid != current_uid() {
        tracing::warn!(uid, "refused a capture connection from another user");
        return Ok(());
    }
    let mut len = [0u8; 4];
    stream.read_exact(&mut len).await?;
    let len = u32::from_ne_bytes(len) as usize;
    let reply = if len > MAX_MESSAGE_BYTES {
        browser::encode_reply(Err(browser::too_large(len as u64)))
    } else {
        let mut bytes = vec![0u8; len];
        stream.read_exact(&mut bytes).await?;
        let state = app.state::<AppState>();
        match state.library().await {
            Ok(library) => tauri::async_runtime::spawn_blocking(move || {
                let _span = tracing::info_span!("capture").entered();
                browser::answer(&library, &bytes)
            })
            .await
            .unwrap_or_else(|e| {
                browser::encode_reply(Err(Error::Internal {
                    doing: "saving the capture".into(),
                    detail: e.to_string(),
                }))
            }),
            Err(e) => browser::encode_reply(Err(Error::InvalidInput(format!(
                "Commonplace is running but its library is not open: {}",
                e.message
            )))),
        }
    };
    stream
        .write_all(&(reply.len() as u32).to_ne_bytes())
        .await?;
    stream.write_all(&reply).await?;
    stream.flush().await
}

/// The `commonplace` program installed beside the app, which browsers start.
pub fn host_program() -> library::Result<PathBuf> {
    let exe = std::env::current_exe().map_err(|e| Error::InvalidInput(e.to_string()))?;
    let host = exe.with_file_name("commonplace");
    if !host.is_file() {
        return Err(Error::NotFound {
            entity: "program",
            id: format!(
                "{} (the `commonplace` command, which browsers start, is not installed beside the app: install it, then run `commonplace browser install`)",
                host.display()
            ),
        });
    }
    host.canonicalize()
        .map_err(|e| Error::InvalidInput(format!("{}: {e}", host.display())))
}
