//! Tauri commands: thin adapters over `library`, run off the main thread.

use crate::AppState;
use library::{
    ApiError, ClaimView, ClipEdit, ClipView, ErrorCode, Export, ExportFormat, ExportOptions,
    ExportTarget, Library, NewClaim, NewClip, NewSource, PastedQuote, RefFormat, RefImportReport,
    ReimportReport, SourceVersion, SourceView, StyleInfo, TagCount,
};
use model::{
    Claim, ClaimId, ClaimSummary, Clip, ClipId, SearchResults, Source, SourceId, SourceMeta,
    SourceSummary, Stance,
};
use std::path::PathBuf;
use tauri::AppHandle;
use tauri::State;
use tauri_plugin_clipboard_manager::ClipboardExt;

/// Runs `f` on the library in a blocking thread and maps its error to the wire form.
async fn call<T: Send + 'static>(
    state: State<'_, AppState>,
    f: impl FnOnce(&mut Library) -> library::Result<T> + Send + 'static,
) -> Result<T, ApiError> {
    let library = state
        .library
        .read()
        .map_err(|_| internal("the library is unavailable; restart Commonplace"))?
        .clone()?;
    tauri::async_runtime::spawn_blocking(move || {
        let mut library = library.lock().map_err(|_| {
            internal("the library is unavailable after an earlier failure; restart Commonplace")
        })?;
        f(&mut library).map_err(ApiError::from)
    })
    .await
    .map_err(|e| internal(&format!("the operation stopped unexpectedly: {e}")))?
}

fn internal(message: &str) -> ApiError {
    ApiError {
        code: ErrorCode::Internal,
        message: message.to_owned(),
    }
}

#[tauri::command]
pub async fn library_info(state: State<'_, AppState>) -> Result<String, ApiError> {
    call(state, |lib| Ok(lib.dir().display().to_string())).await
}

#[tauri::command]
pub async fn list_sources(state: State<'_, AppState>) -> Result<Vec<SourceSummary>, ApiError> {
    call(state, |lib| lib.sources()).await
}

#[tauri::command]
pub async fn get_source(state: State<'_, AppState>, id: SourceId) -> Result<SourceView, ApiError> {
    call(state, move |lib| lib.source(&id)).await
}

#[tauri::command]
pub async fn add_source(state: State<'_, AppState>, source: NewSource) -> Result<Source, ApiError> {
    call(state, move |lib| lib.add_source(source)).await
}

#[tauri::command]
pub async fn create_clip(state: State<'_, AppState>, clip: NewClip) -> Result<Clip, ApiError> {
    call(state, move |lib| lib.create_clip(clip)).await
}

#[tauri::command]
pub async fn get_clip(state: State<'_, AppState>, id: ClipId) -> Result<ClipView, ApiError> {
    call(state, move |lib| lib.clip(&id)).await
}

#[tauri::command]
pub async fn edit_clip(
    state: State<'_, AppState>,
    id: ClipId,
    edit: ClipEdit,
) -> Result<Clip, ApiError> {
    call(state, move |lib| lib.edit_clip(&id, edit)).await
}

#[tauri::command]
pub async fn delete_clip(state: State<'_, AppState>, id: ClipId) -> Result<(), ApiError> {
    call(state, move |lib| lib.delete_clip(&id)).await
}

#[tauri::command]
pub async fn list_claims(state: State<'_, AppState>) -> Result<Vec<ClaimSummary>, ApiError> {
    call(state, |lib| lib.claims()).await
}

#[tauri::command]
pub async fn create_claim(state: State<'_, AppState>, claim: NewClaim) -> Result<Claim, ApiError> {
    call(state, move |lib| lib.create_claim(claim)).await
}

#[tauri::command]
pub async fn rename_claim(
    state: State<'_, AppState>,
    id: ClaimId,
    statement: String,
) -> Result<ClaimSummary, ApiError> {
    call(state, move |lib| lib.rename_claim(&id, &statement)).await
}

#[tauri::command]
pub async fn link_clip(
    state: State<'_, AppState>,
    clip: ClipId,
    claim: ClaimId,
    stance: Stance,
) -> Result<(), ApiError> {
    call(state, move |lib| lib.link_clip(&clip, &claim, stance)).await
}

#[tauri::command]
pub async fn unlink_clip(
    state: State<'_, AppState>,
    clip: ClipId,
    claim: ClaimId,
) -> Result<(), ApiError> {
    call(state, move |lib| lib.unlink_clip(&clip, &claim)).await
}

#[tauri::command]
pub async fn search(
    state: State<'_, AppState>,
    query: String,
    limit: u32,
) -> Result<SearchResults, ApiError> {
    call(state, move |lib| lib.search(&query, limit as usize)).await
}

#[tauri::command]
pub async fn export_markdown(
    state: State<'_, AppState>,
    clips: Vec<ClipId>,
) -> Result<String, ApiError> {
    call(state, move |lib| lib.export_markdown(&clips)).await
}

#[tauri::command]
pub async fn list_tags(state: State<'_, AppState>) -> Result<Vec<TagCount>, ApiError> {
    call(state, |lib| lib.tags()).await
}

#[tauri::command]
pub async fn get_claim(state: State<'_, AppState>, id: ClaimId) -> Result<ClaimView, ApiError> {
    call(state, move |lib| lib.claim_view(&id)).await
}

#[tauri::command]
pub async fn delete_claim(state: State<'_, AppState>, id: ClaimId) -> Result<(), ApiError> {
    call(state, move |lib| lib.delete_claim(&id)).await
}

#[tauri::command]
pub async fn merge_claims(
    state: State<'_, AppState>,
    from: ClaimId,
    into: ClaimId,
) -> Result<ClaimSummary, ApiError> {
    call(state, move |lib| lib.merge_claims(&from, &into)).await
}

#[tauri::command]
pub async fn restore_clip(state: State<'_, AppState>, clip: Clip) -> Result<Clip, ApiError> {
    call(state, move |lib| lib.restore_clip(clip)).await
}

#[tauri::command]
pub async fn import_file(
    state: State<'_, AppState>,
    path: PathBuf,
    password: Option<String>,
) -> Result<Source, ApiError> {
    call(state, move |lib| {
        lib.import_file_with(&path, password.as_deref())
    })
    .await
}

#[tauri::command]
pub async fn export(
    state: State<'_, AppState>,
    target: ExportTarget,
    options: ExportOptions,
) -> Result<Export, ApiError> {
    call(state, move |lib| lib.export(&target, &options)).await
}

/// Puts an export on the clipboard as HTML with a plain-text alternative.
#[tauri::command]
pub async fn copy_export(
    app: AppHandle,
    state: State<'_, AppState>,
    target: ExportTarget,
    options: ExportOptions,
) -> Result<Export, ApiError> {
    let export = call(state, move |lib| lib.export(&target, &options)).await?;
    app.clipboard()
        .write_html(export.html.clone(), Some(export.text.clone()))
        .map_err(|e| internal(&format!("could not write to the clipboard: {e}")))?;
    Ok(export)
}

#[tauri::command]
pub async fn save_export(
    state: State<'_, AppState>,
    target: ExportTarget,
    format: ExportFormat,
    options: ExportOptions,
    path: PathBuf,
) -> Result<Vec<PathBuf>, ApiError> {
    call(state, move |lib| {
        lib.save_export(&target, format, &options, &path)
    })
    .await
}

#[tauri::command]
pub async fn list_styles(state: State<'_, AppState>) -> Result<Vec<StyleInfo>, ApiError> {
    call(state, |lib| lib.styles()).await
}

#[tauri::command]
pub async fn add_style(state: State<'_, AppState>, path: PathBuf) -> Result<StyleInfo, ApiError> {
    call(state, move |lib| lib.add_style(&path)).await
}

#[tauri::command]
pub async fn save_references(
    state: State<'_, AppState>,
    format: String,
    sources: Vec<SourceId>,
    path: PathBuf,
) -> Result<(), ApiError> {
    call(state, move |lib| {
        let format = RefFormat::parse(&format).ok_or_else(|| {
            library::Error::InvalidInput(format!("`{format}` is not a reference format"))
        })?;
        lib.save_references(format, &sources, &path)
    })
    .await
}

#[tauri::command]
pub async fn import_references(
    state: State<'_, AppState>,
    path: PathBuf,
) -> Result<RefImportReport, ApiError> {
    call(state, move |lib| lib.import_references(&path)).await
}

#[tauri::command]
pub async fn reimport_source(
    state: State<'_, AppState>,
    id: SourceId,
    path: PathBuf,
) -> Result<ReimportReport, ApiError> {
    call(state, move |lib| lib.reimport_file(&id, &path)).await
}

#[tauri::command]
pub async fn source_versions(
    state: State<'_, AppState>,
    id: SourceId,
) -> Result<Vec<SourceVersion>, ApiError> {
    call(state, move |lib| lib.source_versions(&id)).await
}

#[tauri::command]
pub async fn edit_source(
    state: State<'_, AppState>,
    id: SourceId,
    meta: SourceMeta,
) -> Result<Source, ApiError> {
    call(state, move |lib| lib.edit_source(&id, meta)).await
}

#[tauri::command]
pub async fn import_url(
    state: State<'_, AppState>,
    url: String,
    password: Option<String>,
) -> Result<Source, ApiError> {
    call(state, move |lib| lib.import_url(&url, password.as_deref())).await
}

#[tauri::command]
pub async fn clip_pasted_quote(
    state: State<'_, AppState>,
    pasted: PastedQuote,
) -> Result<Clip, ApiError> {
    call(state, move |lib| lib.clip_pasted_quote(pasted)).await
}

/// Puts the newest verified backup in place of a damaged database (moved aside,
/// byte for byte) and opens the library.
#[tauri::command]
pub async fn restore_latest_backup(state: State<'_, AppState>) -> Result<String, ApiError> {
    let dir = state
        .dir
        .clone()
        .ok_or_else(|| internal("no library folder is configured"))?;
    let opened = dir.clone();
    let library = tauri::async_runtime::spawn_blocking(move || {
        Library::restore_latest(&opened, library::Config::default())
    })
    .await
    .map_err(|e| internal(&format!("the restore stopped unexpectedly: {e}")))??;
    *state
        .library
        .write()
        .map_err(|_| internal("the library is unavailable; restart Commonplace"))? =
        Ok(std::sync::Arc::new(std::sync::Mutex::new(library)));
    Ok(dir.display().to_string())
}
