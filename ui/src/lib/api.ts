// The one module that talks to the Rust side. Every command the UI uses is a typed
// function here; the types come from ui/src/lib/bindings.ts, generated from Rust.

import { invoke } from "@tauri-apps/api/core";
import type {
  ApiError,
  Claim,
  ClaimSummary,
  Clip,
  ClipEdit,
  ClipView,
  NewClaim,
  NewClip,
  NewSource,
  SearchResults,
  Source,
  SourceSummary,
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
  libraryInfo: () => call<string>("library_info"),
  listSources: () => call<SourceSummary[]>("list_sources"),
  getSource: (id: string) => call<SourceView>("get_source", { id }),
  addSource: (source: NewSource) => call<Source>("add_source", { source }),
  createClip: (clip: NewClip) => call<Clip>("create_clip", { clip }),
  getClip: (id: string) => call<ClipView>("get_clip", { id }),
  editClip: (id: string, edit: ClipEdit) => call<Clip>("edit_clip", { id, edit }),
  deleteClip: (id: string) => call<void>("delete_clip", { id }),
  listClaims: () => call<ClaimSummary[]>("list_claims"),
  createClaim: (claim: NewClaim) => call<Claim>("create_claim", { claim }),
  renameClaim: (id: string, statement: string) => call<ClaimSummary>("rename_claim", { id, statement }),
  linkClip: (clip: string, claim: string, stance: Stance) => call<void>("link_clip", { clip, claim, stance }),
  unlinkClip: (clip: string, claim: string) => call<void>("unlink_clip", { clip, claim }),
  search: (query: string, limit = 50) => call<SearchResults>("search", { query, limit }),
  exportMarkdown: (clips: string[]) => call<string>("export_markdown", { clips }),
};
