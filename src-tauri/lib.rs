//! The desktop shell: a Tauri window over the `library` crate.
//!
//! This crate opens the library (from `--library DIR`, `COMMONPLACE_LIBRARY` or
//! the platform data folder), registers the commands and starts the window.
//! It holds no logic of its own: each command in [`commands`] is an adapter of a
//! few lines that decodes its arguments, calls one `library` function off the main
//! thread and maps the error to `{code, message}`.

mod capture;
mod commands;
mod logging;

use library::location::{platform_data_dir, resolve, LIBRARY_ENV};
use library::{ApiError, Changes, Config, ErrorCode, Library};
use std::path::PathBuf;
use std::sync::Arc;
use tauri::{Emitter, Manager};

/// The event every window hears after a write: what changed (ids of sources,
/// clips and claims, and whether tag counts did), so a view updates just that.
pub const CHANGED_EVENT: &str = "library-changed";

/// Where the opened library (or why it did not open) is published: empty
/// until the opening ends.
type LibrarySlot = tokio::sync::watch::Sender<Option<Result<Arc<Library>, ApiError>>>;

/// The open library, or why it could not be opened (shown by the UI).
pub struct AppState {
    /// Nothing until the library has opened (it opens beside the window, so the
    /// shell paints first and every call waits for it), then the library shared
    /// by every call (reads run beside a write), or why it could not be opened (a
    /// damaged database can be replaced by its newest backup from the app, which
    /// fills this in).
    library: Arc<LibrarySlot>,
    dir: Option<PathBuf>,
    /// The configuration every opening of the library uses (its observer sends
    /// the change events).
    config: Config,
}

impl AppState {
    async fn library(&self) -> Result<Arc<Library>, ApiError> {
        let mut opened = self.library.subscribe();
        let library = opened
            .wait_for(Option::is_some)
            .await
            .map_err(|_| ApiError {
                code: ErrorCode::Internal,
                message: "the library stopped opening".into(),
            })?;
        library.clone().expect("waited for an opened library")
    }

    fn set_library(&self, library: Result<Arc<Library>, ApiError>) {
        set_library(&self.library, library);
    }
}

fn library_dir() -> Option<PathBuf> {
    let mut args = std::env::args_os().skip(1);
    let mut flag = None;
    while let Some(arg) = args.next() {
        if arg == "--library" {
            flag = args.next().map(PathBuf::from);
        }
    }
    resolve(flag, std::env::var_os(LIBRARY_ENV), platform_data_dir())
}

fn set_library(slot: &LibrarySlot, library: Result<Arc<Library>, ApiError>) {
    if let Err(e) = &library {
        tracing::warn!(code = ?e.code, "the library did not open: {}", e.message);
    }
    slot.send_replace(Some(library));
}

fn open_library(dir: Option<&PathBuf>, config: Config) -> Result<Arc<Library>, ApiError> {
    let dir = dir.ok_or_else(|| ApiError {
        code: ErrorCode::Io,
        message:
            "no library folder: start Commonplace with --library DIR or set COMMONPLACE_LIBRARY"
                .into(),
    })?;
    // The browser's host may hold the library for the moment it saves a
    // capture made while the app was closed: wait that moment out.
    let started = std::time::Instant::now();
    loop {
        match Library::open(dir, config.clone()) {
            Err(e)
                if e.code() == ErrorCode::LibraryLocked
                    && started.elapsed() < std::time::Duration::from_secs(3) =>
            {
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            other => return Ok(Arc::new(other?)),
        }
    }
}

/// WebKitGTK composites the page through OpenGL, and on a machine without a
/// GPU (virtual machines, remote desktops, this project's test
/// machine) that is a software renderer: starting it costs about 350 ms before
/// the first frame and 90 MB in the web process (`benches/startup.rs`), for a
/// page of text that needs no compositing. It is off unless the writer asks for
/// it (`COMMONPLACE_GPU=1`) or set WebKit's own variable.
fn choose_compositing() {
    const WEBKIT: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    if cfg!(target_os = "linux")
        && std::env::var_os(WEBKIT).is_none()
        && std::env::var_os("COMMONPLACE_GPU").is_none_or(|v| v == "0")
    {
        // Before any thread starts: nothing reads the environment concurrently.
        std::env::set_var(WEBKIT, "1");
    }
}

pub fn run() {
    choose_compositing();
    let _log = logging::start();
    let dir = library_dir();
    // Changes are sent to the windows once the app runs; the observer is set
    // before the library opens, so it hears the writes of every path (the
    // window's calls, captures, background imports).
    let app_handle: Arc<parking_lot::Mutex<Option<tauri::AppHandle>>> = Default::default();
    let sender = app_handle.clone();
    let config = Config {
        on_change: Some(Arc::new(move |changes: &Changes| {
            if let Some(app) = sender.lock().as_ref() {
                let _ = app.emit(CHANGED_EVENT, changes);
            }
        })),
        ..Config::default()
    };
    // The library opens from the first moment, beside the making of the window
    // (which takes a few hundred milliseconds: the web process starts, the page
    // loads); the page's first calls wait for it. A second launch that is about
    // to hand over to the first finds the library locked and ends anyway.
    let library = Arc::new(tokio::sync::watch::Sender::new(None));
    {
        let (slot, dir, config) = (library.clone(), dir.clone(), config.clone());
        std::thread::spawn(move || {
            let opened = {
                let _span = tracing::info_span!("open library").entered();
                open_library(dir.as_ref(), config)
            };
            set_library(&slot, opened);
        });
    }
    let state = AppState {
        library,
        dir,
        config,
    };
    tauri::Builder::default()
        // A second launch focuses the window of the first and exits, so two
        // processes never write the same library (the library lock backs this up).
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .setup(move |app| {
            *app_handle.lock() = Some(app.handle().clone());
            // Captures from the browser arrive on a user-only socket.
            capture::serve(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::get_source,
            commands::add_source,
            commands::create_clip,
            commands::get_clip,
            commands::edit_clip,
            commands::delete_clip,
            commands::create_claim,
            commands::rename_claim,
            commands::link_clip,
            commands::unlink_clip,
            commands::search,
            commands::list_tags,
            commands::get_claim,
            commands::delete_claim,
            commands::merge_claims,
            commands::restore_clip,
            commands::import_file,
            commands::export,
            commands::copy_export,
            commands::copy_text,
            commands::save_export,
            commands::reimport_source,
            commands::edit_source,
            commands::import_url,
            commands::clip_pasted_quote,
            commands::list_styles,
            commands::add_style,
            commands::save_references,
            commands::import_references,
            commands::restore_latest_backup,
            commands::library_overview,
            commands::sources_page,
            commands::claims_page,
            commands::clip_citation,
            commands::delete_source,
            commands::verify_draft,
            commands::recent_captures,
            commands::mark_captures_seen,
            commands::install_browser_host,
        ])
        .run(tauri::generate_context!("tauri.conf.json"))
        .expect("the Commonplace window could not start");
}
