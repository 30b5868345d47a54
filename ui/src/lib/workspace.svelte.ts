// What the workspace shows, as Svelte state: the library's lists (in pages, as
// the sidebar scrolls), the page in the middle (reader, search, claim), the
// selected clip, the export set and the status line. Views render this state;
// the library's change events (a write here, a capture from the browser, a
// background import) refresh exactly the parts they touch.

import { api, LibraryError } from "./api";
import type { CaptureView, Changes, ClaimSummary, ClaimView, ClipView, CitationPreview, Overview, SearchResults, SourceSummary, SourceView, TagCount } from "./bindings";
import { loadPrefs, savePrefs } from "./prefs";
import { UndoStack } from "./undo";

export type Focus = { start: number; end: number };

export type View =
  | { kind: "empty" }
  | { kind: "add"; text: string }
  | { kind: "reader"; source: SourceView; focus: Focus | null; flash: string | null }
  | { kind: "search" }
  | { kind: "claim"; claim: ClaimView }
  | { kind: "check" }
  | { kind: "captures" };

/** Rows fetched at a time for the sidebar's lists. */
export const PAGE = 200;
/** Clips fetched per search; "Show more" raises it. */
export const RESULTS = 40;

export function messageOf(e: unknown): string {
  if (e instanceof LibraryError) {
    if (e.code === "internal") return `Something went wrong: ${e.message}`;
    return e.message;
  }
  return e instanceof Error ? e.message : String(e);
}

/** The query as typed, with the word being typed searched as a prefix until a
 * space follows it ("sanctio" finds "sanctions"). Quoted phrases, operators,
 * `field:` filters and words of one letter are left as typed. */
export function asTyped(query: string): string {
  if (!query || /\s$/.test(query)) return query;
  const match = /(^|\s)(-?)([\p{L}\p{N}][\p{L}\p{N}'’-]*)$/u.exec(query);
  if (!match || match[3].length < 2 || (query.split('"').length - 1) % 2 === 1) return query;
  return `${query}*`;
}

class Workspace {
  ready = $state(false);
  openError = $state<LibraryError | null>(null);
  overview = $state<Overview | null>(null);

  sources = $state<SourceSummary[]>([]);
  sourceTotal = $state(0);
  sourceFilter = $state("");
  claims = $state<ClaimSummary[]>([]);
  claimTotal = $state(0);
  tags = $state<TagCount[]>([]);
  /** The inbox of captures from the browser, newest first (loaded when shown). */
  captures = $state<CaptureView[]>([]);

  view = $state<View>({ kind: "empty" });
  /** Bumped on every change of view: a status line belongs to the view it was said in. */
  viewSeq = $state(0);
  selected = $state<ClipView | null>(null);
  citation = $state<CitationPreview | null>(null);
  exportSet = $state<string[]>([]);

  query = $state("");
  results = $state<SearchResults | null>(null);
  resultLimit = $state(RESULTS);
  facetsOpen = $state(false);

  status = $state<{ message: string; kind: "info" | "error"; view: number } | null>(null);
  prefs = $state(loadPrefs());
  readonly undo = new UndoStack();

  #searchSeq = 0;
  /** The page a search was started from, shown again when the search is left. */
  #beforeSearch: View = { kind: "empty" };
  #listSeq = 0;
  #statusTimer: ReturnType<typeof setTimeout> | undefined;

  // ---------- the status line ----------

  say(message: string, kind: "info" | "error" = "info"): void {
    this.status = { message, kind, view: this.viewSeq };
    clearTimeout(this.#statusTimer);
    // Errors stay until the view changes; news fades after a while.
    if (kind === "info") this.#statusTimer = setTimeout(() => (this.status = null), 9000);
  }

  fail(e: unknown): void {
    this.say(messageOf(e), "error");
  }

  /** Shows another page; what was said about the one before goes with it. */
  show(view: View): void {
    this.view = view;
    this.viewSeq++;
    if (this.status && this.status.view !== this.viewSeq) this.status = null;
  }

  savePrefs(): void {
    savePrefs($state.snapshot(this.prefs));
  }

  // ---------- the library's lists ----------

  async start(): Promise<void> {
    try {
      const [overview] = await Promise.all([api.overview(), this.reloadLists()]);
      this.overview = overview;
      this.ready = true;
    } catch (e) {
      this.openError = e instanceof LibraryError ? e : new LibraryError({ code: "internal", message: messageOf(e) });
      throw e;
    }
  }

  /** The first page of each list (or as much of the sources as is loaded). */
  async reloadLists(): Promise<void> {
    await Promise.all([this.reloadSources(), this.reloadClaims(), this.reloadTags()]);
  }

  async reloadSources(): Promise<void> {
    const seq = ++this.#listSeq;
    const want = Math.max(PAGE, Math.min(this.sources.length, 5 * PAGE));
    const page = await api.sourcesPage(0, want, this.sourceFilter);
    if (seq !== this.#listSeq) return;
    this.sources = page.items;
    this.sourceTotal = page.total;
  }

  /** Loads sources up to `index` (the sidebar asks as it scrolls). */
  async loadSourcesTo(index: number): Promise<void> {
    if (index < this.sources.length || this.sources.length >= this.sourceTotal) return;
    const seq = this.#listSeq;
    const page = await api.sourcesPage(this.sources.length, PAGE, this.sourceFilter);
    if (seq !== this.#listSeq) return;
    this.sources = [...this.sources, ...page.items];
    this.sourceTotal = page.total;
  }

  async reloadClaims(): Promise<void> {
    const page = await api.claimsPage(0, Math.max(PAGE, this.claims.length), this.sourceFilter);
    this.claims = page.items;
    this.claimTotal = page.total;
  }

  async loadClaimsTo(index: number): Promise<void> {
    if (index < this.claims.length || this.claims.length >= this.claimTotal) return;
    const page = await api.claimsPage(this.claims.length, PAGE, this.sourceFilter);
    this.claims = [...this.claims, ...page.items];
  }

  async reloadTags(): Promise<void> {
    this.tags = await api.listTags(200);
  }

  // ---------- what changed ----------

  #pending = new Set<string>();

  /** Runs `f` once for every burst of calls in the same turn of the event loop. */
  #once(key: string, f: () => Promise<void>): void {
    if (this.#pending.has(key)) return;
    this.#pending.add(key);
    queueMicrotask(() => {
      this.#pending.delete(key);
      f().catch(() => {});
    });
  }

  /** A write happened (here or elsewhere): refresh what it touched. */
  applyChanges(c: Changes): void {
    this.#once("overview", async () => void (this.overview = await api.overview()));
    if (c.sources.length) this.#once("sources", () => this.reloadSources());
    if (c.claims.length || c.clips.length) this.#once("claims", () => this.reloadClaims());
    if (c.tags) this.#once("tags", () => this.reloadTags());
    const view = this.view;
    if (view.kind === "reader") {
      const id = view.source.source.id;
      const known = new Set(view.source.clips.map((clip) => clip.id));
      if (c.sources.includes(id) || c.clips.some((clip) => known.has(clip) || !this.#inAnyView(clip))) {
        this.#once("reader", () => this.refreshReader(id));
      }
    } else if (view.kind === "claim") {
      const id = view.claim.claim.claim.id;
      if (c.claims.includes(id) || c.clips.length) this.#once("claim", () => this.refreshClaim(id));
    } else if (view.kind === "captures" && (c.captures || c.clips.length || c.sources.length)) {
      this.#once("captures", () => this.reloadCaptures());
    } else if (view.kind === "search" && (c.clips.length || c.sources.length)) {
      this.#once("search", () => this.runSearch());
    }
    const selected = this.selected;
    if (selected && c.clips.includes(selected.clip.id)) this.#once("selected", () => this.refreshSelected(selected.clip.id));
  }

  #inAnyView(clip: string): boolean {
    return this.selected?.clip.id === clip;
  }

  async refreshReader(id: string): Promise<void> {
    try {
      const source = await api.getSource(id);
      const view = this.view;
      if (view.kind === "reader" && view.source.source.id === id) this.view = { ...view, source, flash: null };
    } catch (e) {
      if (e instanceof LibraryError && e.code === "notFound") this.show({ kind: "empty" });
    }
  }

  async refreshClaim(id: string): Promise<void> {
    try {
      const claim = await api.getClaim(id);
      const view = this.view;
      if (view.kind === "claim" && view.claim.claim.claim.id === id) this.view = { kind: "claim", claim };
    } catch (e) {
      if (e instanceof LibraryError && e.code === "notFound") this.show({ kind: "empty" });
    }
  }

  async refreshSelected(id: string): Promise<void> {
    try {
      const view = await api.getClip(id);
      if (this.selected?.clip.id === id) this.selected = view;
      await this.refreshCitation();
    } catch (e) {
      if (e instanceof LibraryError && e.code === "notFound" && this.selected?.clip.id === id) this.selected = null;
    }
  }

  // ---------- captures from the browser ----------

  async reloadCaptures(): Promise<void> {
    this.captures = await api.recentCaptures(100);
  }

  /** Shows the inbox of captures. */
  async openCaptures(): Promise<void> {
    try {
      this.show({ kind: "captures" });
      await this.reloadCaptures();
    } catch (e) {
      this.fail(e);
    }
  }

  /** Opens a capture in the reader, at its passage, and marks it seen. */
  async openCapture(capture: CaptureView): Promise<void> {
    if (!capture.seen) void api.markCapturesSeen([capture.id]).catch(() => {});
    await this.openSource(capture.sourceId, { clip: capture.clipId ?? undefined });
  }

  // ---------- opening things ----------

  /** Opens a source in the reader (at a clip or a passage); says why not, unless
   * `quiet`. Whether it opened. */
  /**
   * Opens a source in the reader. With `unlessMovedFrom`, the view number when
   * the opening was decided, it gives way if the writer went elsewhere meanwhile
   * (the start's return to the last source never overrides a search typed first).
   */
  async openSource(
    id: string,
    opts: { clip?: string; focus?: Focus; quiet?: boolean; unlessMovedFrom?: number } = {},
  ): Promise<boolean> {
    try {
      const source = await api.getSource(id);
      if (opts.unlessMovedFrom !== undefined && this.viewSeq !== opts.unlessMovedFrom) return true;
      this.show({ kind: "reader", source, focus: opts.focus ?? null, flash: opts.clip ?? (opts.focus ? "focus" : null) });
      this.prefs.lastSource = id;
      this.savePrefs();
      if (opts.clip) await this.select(opts.clip);
      else if (this.selected?.clip.sourceId !== id) this.selected = null;
      return true;
    } catch (e) {
      if (!opts.quiet) this.fail(e);
      return false;
    }
  }

  async openClaim(id: string): Promise<void> {
    try {
      const claim = await api.getClaim(id);
      this.show({ kind: "claim", claim });
      // The inspector shows what belongs to the page: a clip of this claim or nothing.
      if (this.selected && !claim.evidence.some((e) => e.clip.id === this.selected?.clip.id)) this.selected = null;
    } catch (e) {
      this.fail(e);
    }
  }

  async select(id: string): Promise<void> {
    try {
      this.selected = await api.getClip(id);
      await this.refreshCitation();
    } catch (e) {
      this.fail(e);
    }
  }

  /** The selected clip's citation in the chosen style. */
  async refreshCitation(): Promise<void> {
    const selected = this.selected;
    if (!selected) return;
    try {
      const citation = await api.clipCitation(selected.clip.id, this.prefs.citationStyle);
      if (this.selected?.clip.id === selected.clip.id) this.citation = citation;
    } catch {
      this.citation = null;
    }
  }

  // ---------- search ----------

  async runSearch(): Promise<void> {
    const seq = ++this.#searchSeq;
    const typed = this.query;
    if (!typed.trim()) {
      this.results = null;
      // Leaving the search goes back to the page it was started from.
      if (this.view.kind === "search") this.#back();
      return;
    }
    try {
      const found = await api.search(asTyped(typed), this.resultLimit);
      if (seq !== this.#searchSeq) return; // a newer keystroke has its own results coming
      this.results = { ...found, query: typed };
      if (this.view.kind !== "search") {
        this.#beforeSearch = this.view.kind === "add" ? { kind: "empty" } : this.view;
        this.show({ kind: "search" });
      }
    } catch (e) {
      if (seq === this.#searchSeq) this.fail(e);
    }
  }

  /** Shows the page the search started from again, brought up to date. */
  #back(): void {
    const before = this.#beforeSearch;
    this.#beforeSearch = { kind: "empty" };
    if (before.kind === "reader") {
      this.show({ ...before, flash: null });
      void this.refreshReader(before.source.source.id);
    } else if (before.kind === "claim") {
      this.show(before);
      void this.refreshClaim(before.claim.claim.claim.id);
    } else {
      this.show(before);
    }
  }

  toggleExport(id: string): void {
    this.exportSet = this.exportSet.includes(id) ? this.exportSet.filter((x) => x !== id) : [...this.exportSet, id];
  }
}

export const ws = new Workspace();
