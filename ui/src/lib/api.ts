// The one module that talks to the Rust side. Every command the UI uses is a typed
// function here; the types come from ui/src/lib/bindings.ts, generated from Rust.

import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { open as openDialog, save as saveDialog } from "@tauri-apps/plugin-dialog";
import type {
  ApiError,
  DraftReport,
  DraftSource,
  CaptureView,
  Changes,
  CitationPreview,
  HostManifest,
  Overview,
  ClaimPage,
  SourcePage,
  Claim,
  ClaimView,
  Export,
  ExportFormat,
  ExportOptions,
  ExportTarget,
  RefImportReport,
  StyleInfo,
  TagCount,
  ReimportReport,
  PastedQuote,
  SourceMeta,
  ClaimSummary,
  Clip,
  ClipEdit,
  ClipView,
  NewClaim,
  NewClip,
  NewSource,
  SearchResults,
  Source,
  SourceView,
  Stance,
} from "./bindings";

/** An error from the library, with the code the UI reacts to. */
export class LibraryError extends Error {
  readonly code: ApiError["code"];
  constructor(error: ApiError) {
    super(error.message);
    this.code = error.code;
  }
}

function isApiError(value: unknown): value is ApiError {
  return typeof value === "object" && value !== null && "code" in value && "message" in value;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    if (isApiError(e)) throw new LibraryError(e);
    throw new LibraryError({ code: "internal", message: String(e) });
  }
}

export const api = {
  /** The library's folder and how many sources, clips, claims and tags it holds:
   * what the shell shows before it asks for any list. */
  overview: () => call<Overview>("library_overview"),
  /** A page of sources, newest first, whose title, authors and site hold every word of `filter`. */
  sourcesPage: (offset: number, limit: number, filter: string) => call<SourcePage>("sources_page", { offset, limit, filter }),
  /** A page of claims, alphabetically, whose statement holds every word of `filter`. */
  claimsPage: (offset: number, limit: number, filter: string) => call<ClaimPage>("claims_page", { offset, limit, filter }),
  /** The clip's citation in a style (or its attribution line without one). */
  clipCitation: (id: string, style: string | null) => call<CitationPreview>("clip_citation", { id, style }),
  getSource: (id: string) => call<SourceView>("get_source", { id }),
  /** Deletes a source (with its clips only when `withClips`). */
  deleteSource: (id: string, withClips: boolean) => call<number>("delete_source", { id, withClips }),
  addSource: (source: NewSource) => call<Source>("add_source", { source }),
  createClip: (clip: NewClip) => call<Clip>("create_clip", { clip }),
  getClip: (id: string) => call<ClipView>("get_clip", { id }),
  editClip: (id: string, edit: ClipEdit) => call<Clip>("edit_clip", { id, edit }),
  deleteClip: (id: string) => call<void>("delete_clip", { id }),
  createClaim: (claim: NewClaim) => call<Claim>("create_claim", { claim }),
  renameClaim: (id: string, statement: string) => call<ClaimSummary>("rename_claim", { id, statement }),
  linkClip: (clip: string, claim: string, stance: Stance) => call<void>("link_clip", { clip, claim, stance }),
  unlinkClip: (clip: string, claim: string) => call<void>("unlink_clip", { clip, claim }),
  search: (query: string, limit = 50) => call<SearchResults>("search", { query, limit }),
  listTags: (limit = 200) => call<TagCount[]>("list_tags", { limit }),
  getClaim: (id: string) => call<ClaimView>("get_claim", { id }),
  deleteClaim: (id: string) => call<void>("delete_claim", { id }),
  mergeClaims: (from: string, into: string) => call<ClaimSummary>("merge_claims", { from, into }),
  restoreClip: (clip: Clip) => call<Clip>("restore_clip", { clip }),
  importFile: (path: string, password?: string) => call<Source>("import_file", { path, password: password ?? null }),
  export: (target: ExportTarget, options: ExportOptions) => call<Export>("export", { target, options }),
  /** Puts the export on the clipboard as HTML and plain text, and returns it. */
  copyExport: (target: ExportTarget, options: ExportOptions) => call<Export>("copy_export", { target, options }),
  listStyles: () => call<StyleInfo[]>("list_styles"),
  addStyle: (path: string) => call<StyleInfo>("add_style", { path }),
  saveReferences: (format: string, sources: string[], path: string) => call<void>("save_references", { format, sources, path }),
  restoreLatestBackup: () => call<string>("restore_latest_backup"),
  importReferences: (path: string) => call<RefImportReport>("import_references", { path }),
  importUrl: (url: string, password?: string) => call<Source>("import_url", { url, password: password ?? null }),
  clipPastedQuote: (pasted: PastedQuote) => call<Clip>("clip_pasted_quote", { pasted }),
  reimportSource: (id: string, path: string) => call<ReimportReport>("reimport_source", { id, path }),
  editSource: (id: string, meta: SourceMeta) => call<Source>("edit_source", { id, meta }),
  /** Puts plain text on the clipboard (control characters dropped by the Rust side). */
  copyText: (text: string) => call<void>("copy_text", { text }),
  verifyDraft: (draft: DraftSource) => call<DraftReport>("verify_draft", { draft }),
  /** The newest captures from the browser, for the inbox. */
  recentCaptures: (limit = 100) => call<CaptureView[]>("recent_captures", { limit }),
  /** The writer opened these captures. */
  markCapturesSeen: (ids: string[]) => call<void>("mark_captures_seen", { ids }),
  /** Writes the browsers' host manifests, so the extension reaches Commonplace. */
  installBrowserHost: () => call<HostManifest[]>("install_browser_host"),
  saveExport: (target: ExportTarget, format: ExportFormat, options: ExportOptions, path: string) => call<string[]>("save_export", { target, format, options, path }),

  /** The native file picker; resolves to the chosen paths (none if cancelled). */
  async pickFiles(multiple = true): Promise<string[]> {
    const picked = await openDialog({ multiple, directory: false, filters: [{ name: "Web pages, PDFs, Markdown and text", extensions: ["html", "htm", "pdf", "md", "markdown", "txt"] }] });
    if (!picked) return [];
    return Array.isArray(picked) ? picked : [picked];
  },

  /** The native file picker for one file of the given kinds; null if cancelled. */
  async pickFile(name: string, extensions: string[]): Promise<string | null> {
    const picked = await openDialog({ multiple: false, directory: false, filters: [{ name, extensions }] });
    if (!picked) return null;
    return Array.isArray(picked) ? (picked[0] ?? null) : picked;
  },

  /** The native save dialog; resolves to the chosen path, or null if cancelled. */
  pickSavePath: (defaultPath: string) => saveDialog({ defaultPath }),

  /** Calls `onChange` after every write to the library, wherever it came from
   * (this window, a browser capture, a background import), with what changed. */
  onLibraryChanged(onChange: (changes: Changes) => void): Promise<() => void> {
    return listen<Changes>("library-changed", (event) => onChange(event.payload));
  },

  /** Calls `onDrop` with the paths of files dropped on the window. */
  onFileDrop(onDrop: (paths: string[]) => void, onHover: (hovering: boolean) => void): Promise<() => void> {
    return getCurrentWebview().onDragDropEvent((event) => {
      const payload = event.payload;
      if (payload.type === "drop") {
        onHover(false);
        onDrop(payload.paths);
      } else if (payload.type === "over" || payload.type === "enter") {
        onHover(true);
      } else {
        onHover(false);
      }
    });
  },
};
