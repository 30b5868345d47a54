//! The desktop shell: a Tauri window over the `library` crate.
//!
//! This crate opens the library (from `--library DIR`, `COMMONPLACE_LIBRARY` or
//! the platform data folder), registers the commands and starts the window.
//! It holds no logic of its own: each command in [`commands`] is an adapter of a
//! few lines that decodes its arguments, calls one `library` function off the main
//! thread and maps the error to `{code, message}`.

mod commands;

use library::location::{platform_data_dir, resolve, LIBRARY_ENV};
use library::{ApiError, Config, ErrorCode, Library};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tauri::Manager;

/// The open library, or why it could not be opened (shown by the UI).
pub struct AppState {
    /// The open library, or why it could not be opened (a damaged database can
    /// be replaced by its newest backup from the app, which fills this in).
    library: std::sync::RwLock<Result<Arc<Mutex<Library>>, ApiError>>,
    dir: Option<PathBuf>,
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

fn open_library(dir: Option<&PathBuf>) -> Result<Arc<Mutex<Library>>, ApiError> {
    let dir = dir.ok_or_else(|| ApiError {
        code: ErrorCode::Io,
        message:
            "no library folder: start Commonplace with --library DIR or set COMMONPLACE_LIBRARY"
                .into(),
    })?;
    let library = Library::open(dir, Config::default())?;
    Ok(Arc::new(Mutex::new(library)))
}

pub fn run() {
    let dir = library_dir();
    let state = AppState {
        library: std::sync::RwLock::new(open_library(dir.as_ref())),
        dir,
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
        .invoke_handler(tauri::generate_handler![
            commands::library_info,
            commands::list_sources,
            commands::get_source,
            commands::add_source,
            commands::create_clip,
            commands::get_clip,
            commands::edit_clip,
            commands::delete_clip,
            commands::list_claims,
            commands::create_claim,
            commands::rename_claim,
            commands::link_clip,
            commands::unlink_clip,
            commands::search,
            commands::export_markdown,
            commands::list_tags,
            commands::get_claim,
            commands::delete_claim,
            commands::merge_claims,
            commands::restore_clip,
            commands::import_file,
            commands::export,
            commands::copy_export,
            commands::save_export,
            commands::reimport_source,
            commands::source_versions,
            commands::edit_source,
            commands::import_url,
            commands::clip_pasted_quote,
            commands::list_styles,
            commands::add_style,
            commands::save_references,
            commands::import_references,
            commands::restore_latest_backup,
        ])
        .run(tauri::generate_context!("tauri.conf.json"))
        .expect("the Commonplace window could not start");
}
