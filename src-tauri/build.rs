//! Generates the Tauri context. App commands get permissions through the
//! `AppManifest`, so a command not listed here, and not granted by a capability
//! in `src-tauri/capabilities/`, cannot be called from the web view.

fn main() {
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(&[
            "get_source",
            "add_source",
            "create_clip",
            "get_clip",
            "edit_clip",
            "delete_clip",
            "create_claim",
            "rename_claim",
            "link_clip",
            "unlink_clip",
            "search",
            "list_tags",
            "get_claim",
            "delete_claim",
            "merge_claims",
            "restore_clip",
            "import_file",
            "export",
            "copy_export",
            "copy_text",
            "save_export",
            "reimport_source",
            "edit_source",
            "import_url",
            "clip_pasted_quote",
            "list_styles",
            "add_style",
            "save_references",
            "import_references",
            "restore_latest_backup",
            "library_overview",
            "sources_page",
            "claims_page",
            "clip_citation",
            "delete_source",
            "verify_draft",
            "recent_captures",
            "mark_captures_seen",
            "install_browser_host",
        ]));
    tauri_build::try_build(attributes).expect("tauri build step");
}
