//! Tauri commands: thin adapters over `library`, run off the main thread.

use crate::AppState;
use library::browser::manifests::{BrowserDirs, HostManifest};
use library::{
    ApiError, CaptureView, CitationPreview, ClaimPage, ClaimView, ClipEdit, ClipView, DraftSource,
    ErrorCode, Export, ExportFormat, ExportOptions, ExportTarget, Library, NewClaim, NewClip,
    NewSource, Overview, PastedQuote, RefFormat, RefImportReport, ReimportReport, SourcePage,
    SourceView, StyleInfo, TagCount,
};
use model::{
    Claim, ClaimId, ClaimSummary, Clip, ClipId, DraftReport, SearchResults, Source, SourceId,
    SourceMeta, Stance,
};
use std::path::PathBuf;
use tauri::AppHandle;
use tauri::State;
use tauri_plugin_clipboard_manager::ClipboardExt;

/// Runs `f` on the library in a blocking thread and maps its error to the wire
/// form. Calls run side by side: reads never wait for a write in progress. A
/// panic inside is this call's error ("internal error while ..."), logged, and
/// the library goes on.
async fn call<T: Send + 'static>(
    state: State<'_, AppState>,
    name: &'static str,
    f: impl FnOnce(&Library) -> library::Result<T> + Send + 'static,
) -> Result<T, ApiError> {
    let library = state.library().await?;
    tauri::async_runtime::spawn_blocking(move || {
        let _span = tracing::info_span!("command", name).entered();
        library::guarded(name, || f(&library)).map_err(ApiError::from)
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
pub async fn get_source(state: State<'_, AppState>, id: SourceId) -> Result<SourceView, ApiError> {
    call(state, "get_source", move |lib| lib.source(&id)).await
}

#[tauri::command]
pub async fn add_source(state: State<'_, AppState>, source: NewSource) -> Result<Source, ApiError> {
    call(state, "add_source", move |lib| lib.add_source(source)).await
}

#[tauri::command]
pub async fn create_clip(state: State<'_, AppState>, clip: NewClip) -> Result<Clip, ApiError> {
    call(state, "create_clip", move |lib| lib.create_clip(clip)).await
}

#[tauri::command]
pub async fn get_clip(state: State<'_, AppState>, id: ClipId) -> Result<ClipView, ApiError> {
    call(state, "get_clip", move |lib| lib.clip(&id)).await
}

#[tauri::command]
pub async fn edit_clip(
    state: State<'_, AppState>,
    id: ClipId,
    edit: ClipEdit,
) -> Result<Clip, ApiError> {
    call(state, "edit_clip", move |lib| lib.edit_clip(&id, edit)).await
}

#[tauri::command]
pub async fn delete_clip(state: State<'_, AppState>, id: ClipId) -> Result<(), ApiError> {
    call(state, "delete_clip", move |lib| lib.delete_clip(&id)).await
}

#[tauri::command]
pub async fn create_claim(state: State<'_, AppState>, claim: NewClaim) -> Result<Claim, ApiError> {
    call(state, "create_claim", move |lib| lib.create_claim(claim)).await
}

#[tauri::command]
pub async fn rename_claim(
    state: State<'_, AppState>,
    id: ClaimId,
    statement: String,
) -> Result<ClaimSummary, ApiError> {
    call(state, "rename_claim", move |lib| {
        lib.rename_claim(&id, &statement)
    })
    .await
}

#[tauri::command]
pub async fn link_clip(
    state: State<'_, AppState>,
    clip: ClipId,
    claim: ClaimId,
    stance: Stance,
) -> Result<(), ApiError> {
    call(state, "link_clip", move |lib| {
        lib.link_clip(&clip, &claim, stance)
    })
    .await
}

#[tauri::command]
pub async fn unlink_clip(
    state: State<'_, AppState>,
    clip: ClipId,
    claim: ClaimId,
) -> Result<(), ApiError> {
    call(state, "unlink_clip", move |lib| {
        lib.unlink_clip(&clip, &claim)
    })
    .await
}

#[tauri::command]
pub async fn search(
    state: State<'_, AppState>,
    query: String,
    limit: u32,
) -> Result<SearchResults, ApiError> {
    call(state, "search", move |lib| {
        lib.search(&query, limit as usize)
    })
    .await
}

/// The `limit` most used tags (the sidebar shows those; search finds the rest).
#[tauri::command]
pub async fn list_tags(
    state: State<'_, AppState>,
    limit: Option<u32>,
) -> Result<Vec<TagCount>, ApiError> {
    call(state, "list_tags", move |lib| {
        lib.top_tags(limit.unwrap_or(u32::MAX))
    })
    .await
}

#[tauri::command]
pub async fn library_overview(state: State<'_, AppState>) -> Result<Overview, ApiError> {
    call(state, "library_overview", |lib| lib.overview()).await
}

#[tauri::command]
pub async fn sources_page(
    state: State<'_, AppState>,
    offset: u32,
    limit: u32,
    filter: String,
) -> Result<SourcePage, ApiError> {
    call(state, "sources_page", move |lib| {
        lib.sources_page(offset, limit, &filter)
    })
    .await
}

#[tauri::command]
pub async fn claims_page(
    state: State<'_, AppState>,
    offset: u32,
    limit: u32,
    filter: String,
) -> Result<ClaimPage, ApiError> {
    call(state, "claims_page", move |lib| {
        lib.claims_page(offset, limit, &filter)
    })
    .await
}

#[tauri::command]
pub async fn clip_citation(
    state: State<'_, AppState>,
    id: ClipId,
    style: Option<String>,
) -> Result<CitationPreview, ApiError> {
    call(state, "clip_citation", move |lib| {
        lib.clip_citation(&id, style.as_deref())
    })
    .await
}

/// Deletes a source; its clips go with it only when `with_clips` (otherwise a
/// source with clips is refused, naming how many).
#[tauri::command]
pub async fn delete_source(
    state: State<'_, AppState>,
    id: SourceId,
    with_clips: bool,
) -> Result<usize, ApiError> {
    call(state, "delete_source", move |lib| {
        lib.delete_source(&id, with_clips)
    })
    .await
}

#[tauri::command]
pub async fn get_claim(state: State<'_, AppState>, id: ClaimId) -> Result<ClaimView, ApiError> {
    call(state, "get_claim", move |lib| lib.claim_view(&id)).await
}

#[tauri::command]
pub async fn delete_claim(state: State<'_, AppState>, id: ClaimId) -> Result<(), ApiError> {
    call(state, "delete_claim", move |lib| lib.delete_claim(&id)).await
}

#[tauri::command]
pub async fn merge_claims(
    state: State<'_, AppState>,
    from: ClaimId,
    into: ClaimId,
) -> Result<ClaimSummary, ApiError> {
    call(state, "merge_claims", move |lib| {
        lib.merge_claims(&from, &into)
    })
    .await
}

#[tauri::command]
pub async fn restore_clip(state: State<'_, AppState>, clip: Clip) -> Result<Clip, ApiError> {
    call(state, "restore_clip", move |lib| lib.restore_clip(clip)).await
}

#[tauri::command]
pub async fn import_file(
    state: State<'_, AppState>,
    path: PathBuf,
    password: Option<String>,
) -> Result<Source, ApiError> {
    call(state, "import_file", move |lib| {
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
    call(state, "export", move |lib| lib.export(&target, &options)).await
}

/// Puts an export on the clipboard as HTML with a plain-text alternative.
#[tauri::command]
pub async fn copy_export(
    app: AppHandle,
    state: State<'_, AppState>,
    target: ExportTarget,
    options: ExportOptions,
) -> Result<Export, ApiError> {
    let export = call(state, "copy_export", move |lib| {
        lib.export(&target, &options)
    })
    .await?;
    app.clipboard()
        .write_html(export.html.clone(), Some(export.text.clone()))
        .map_err(|e| internal(&format!("could not write to the clipboard: {e}")))?;
    Ok(export)
}

/// Puts plain text on the clipboard (the draft checker's "copy the exact
/// quote": a source's words). Control characters other than line breaks and
/// tabs are dropped: what is pasted is the text as shown.
#[tauri::command]
pub fn copy_text(app: AppHandle, text: String) -> Result<(), ApiError> {
    let clean: String = text
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect();
    app.clipboard()
        .write_text(clean)
        .map_err(|e| internal(&format!("could not write to the clipboard: {e}")))
}

#[tauri::command]
pub async fn save_export(
    state: State<'_, AppState>,
    target: ExportTarget,
    format: ExportFormat,
    options: ExportOptions,
    path: PathBuf,
) -> Result<Vec<PathBuf>, ApiError> {
    call(state, "save_export", move |lib| {
        lib.save_export(&target, format, &options, &path)
    })
    .await
}

#[tauri::command]
pub async fn list_styles(state: State<'_, AppState>) -> Result<Vec<StyleInfo>, ApiError> {
    call(state, "list_styles", |lib| lib.styles()).await
}

#[tauri::command]
pub async fn add_style(state: State<'_, AppState>, path: PathBuf) -> Result<StyleInfo, ApiError> {
    call(state, "add_style", move |lib| lib.add_style(&path)).await
}

#[tauri::command]
pub async fn save_references(
    state: State<'_, AppState>,
    format: String,
    sources: Vec<SourceId>,
    path: PathBuf,
) -> Result<(), ApiError> {
    call(state, "save_references", move |lib| {
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
    call(state, "import_references", move |lib| {
        lib.import_references(&path)
    })
    .await
}

#[tauri::command]
pub async fn reimport_source(
    state: State<'_, AppState>,
    id: SourceId,
    path: PathBuf,
) -> Result<ReimportReport, ApiError> {
    call(state, "reimport_source", move |lib| {
        lib.reimport_file(&id, &path)
    })
    .await
}

#[tauri::command]
pub async fn edit_source(
    state: State<'_, AppState>,
    id: SourceId,
    meta: SourceMeta,
) -> Result<Source, ApiError> {
    call(state, "edit_source", move |lib| lib.edit_source(&id, meta)).await
}

#[tauri::command]
pub async fn import_url(
    state: State<'_, AppState>,
    url: String,
    password: Option<String>,
) -> Result<Source, ApiError> {
    call(state, "import_url", move |lib| {
        lib.import_url(&url, password.as_deref())
    })
    .await
}

#[tauri::command]
pub async fn clip_pasted_quote(
    state: State<'_, AppState>,
    pasted: PastedQuote,
) -> Result<Clip, ApiError> {
    call(state, "clip_pasted_quote", move |lib| {
        lib.clip_pasted_quote(pasted)
    })
    .await
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
    let config = state.config.clone();
    let library =
        tauri::async_runtime::spawn_blocking(move || Library::restore_latest(&opened, config))
            .await
            .map_err(|e| internal(&format!("the restore stopped unexpectedly: {e}")))??;
    state.set_library(Ok(std::sync::Arc::new(library)));
    Ok(dir.display().to_string())
}

/// Checks every quote of a draft (a chosen file, or pasted text) against the
/// library; only reads.
#[tauri::command]
pub async fn verify_draft(
    state: State<'_, AppState>,
    draft: DraftSource,
) -> Result<DraftReport, ApiError> {
    call(state, "verify_draft", move |lib| lib.verify(&draft)).await
}

/// The newest captures from the browser, for the inbox.
#[tauri::command]
pub async fn recent_captures(
    state: State<'_, AppState>,
    limit: u32,
) -> Result<Vec<CaptureView>, ApiError> {
    call(state, "recent_captures", move |lib| {
        lib.recent_captures(limit)
    })
    .await
}

/// The writer opened these captures from the inbox.
#[tauri::command]
pub async fn mark_captures_seen(
    state: State<'_, AppState>,
    ids: Vec<String>,
) -> Result<(), ApiError> {
    call(state, "mark_captures_seen", move |lib| {
        lib.mark_captures_seen(&ids)
    })
    .await
}

/// Connects the browsers: writes the host manifests naming the `commonplace`
/// program installed beside the app.
#[tauri::command]
pub async fn install_browser_host() -> Result<Vec<HostManifest>, ApiError> {
    tauri::async_runtime::spawn_blocking(|| {
        let host = crate::capture::host_program().map_err(ApiError::from)?;
        let dirs = BrowserDirs::for_user().ok_or_else(|| internal("no home folder"))?;
        library::browser::manifests::install(&host, &dirs).map_err(ApiError::from)
    })
    .await
    .map_err(|e| internal(&format!("the install stopped unexpectedly: {e}")))?
}
