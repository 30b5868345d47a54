// The app's controller: holds what is shown, reacts to the keyboard, and calls the
// library through api.ts. Views only build DOM from data.

import "./styles.css";
import { api, LibraryError } from "./lib/api";
import type { ClaimView, ClipHit, ClipView, Evidence, Export, ExportFormat, ExportOptions, ExportTarget, PassageHit, SourceView, Stance, StyleInfo } from "./lib/bindings";
import { h, clear, append } from "./lib/dom";
import { classifyPaste } from "./lib/paste";
import { loadPrefs, savePrefs, type Theme } from "./lib/prefs";
import { toggleFilter, type FacetField } from "./lib/query";
import { selectionOffsets } from "./lib/selection";
import { UndoStack } from "./lib/undo";
import { renderAddSource } from "./views/addSource";
import { renderClaimPage } from "./views/claimPage";
import { renderClipInspector, renderEmptyInspector, renderSourceInspector } from "./views/inspector";
import { askPassword, claimPicker, closeModal, confirmDialog, exportPreview, importProgress, modalOpen, pastedQuoteForm, referencesDialog, shortcutSheet, type ClaimChoice } from "./views/modals";
import { renderReader } from "./views/reader";
import { renderResults, type ResultsView } from "./views/results";
import { renderSidebar, type SidebarData } from "./views/sidebar";

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const main = $("main");
const inspector = $("inspector");
const searchBox = $<HTMLInputElement>("search");
const filterBox = $<HTMLInputElement>("filter");
const statusBar = $("status");

const prefs = loadPrefs();
const undo = new UndoStack();
let sidebar: SidebarData = { sources: [], claims: [], tags: [] };
let reader: { view: SourceView; focus: { start: number; end: number } | null } | null = null;
let claimPage: ClaimView | null = null;
let results: ResultsView | null = null;
let resultsIndex = -1;
let mode: "empty" | "add" | "reader" | "search" | "claim" = "empty";
let selected: ClipView | null = null;
let exportSet: string[] = [];
let searchSeq = 0;
/** Clips fetched per search; "Show more" raises it for the current query. */
const PAGE = 40;
let resultLimit = PAGE;

// ---------- feedback ----------

function say(message: string, kind: "info" | "error" = "info"): void {
  statusBar.textContent = message;
  statusBar.className = `status ${kind}`;
}

function messageOf(e: unknown): string {
  if (e instanceof LibraryError) {
    if (e.code === "libraryLocked") return `${e.message}.`;
    if (e.code === "internal") return `Something went wrong: ${e.message}. Your saved clips are safe; try again.`;
    return e.message;
  }
  return e instanceof Error ? e.message : String(e);
}

function fail(e: unknown): void {
  say(messageOf(e), "error");
}

function show(view: HTMLElement, next: typeof mode): void {
  results?.destroy();
  results = null;
  mode = next;
  clear(main);
  append(main, view);
}

// ---------- layout, theme, persistence ----------

function applyLayout(): void {
  const layout = $("layout");
  layout.style.setProperty("--sidebar", `${prefs.sidebarWidth}px`);
  layout.style.setProperty("--inspector", `${prefs.inspectorWidth}px`);
  document.documentElement.dataset.theme = prefs.theme;
  $("theme").title = `Theme: ${prefs.theme} (click to change)`;
}

function splitter(id: string, side: "sidebarWidth" | "inspectorWidth"): void {
  const el = $(id);
  el.addEventListener("pointerdown", (down) => {
    el.setPointerCapture(down.pointerId);
    const start = prefs[side];
    const move = (e: PointerEvent) => {
      const delta = e.clientX - down.clientX;
      prefs[side] = Math.min(640, Math.max(180, side === "sidebarWidth" ? start + delta : start - delta));
      applyLayout();
    };
    const up = () => {
      el.removeEventListener("pointermove", move);
      savePrefs(prefs);
    };
    el.addEventListener("pointermove", move);
    el.addEventListener("pointerup", up, { once: true });
  });
  el.addEventListener("keydown", (e) => {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
    const grow = (e.key === "ArrowRight") === (side === "sidebarWidth");
    prefs[side] = Math.min(640, Math.max(180, prefs[side] + (grow ? 20 : -20)));
    applyLayout();
    savePrefs(prefs);
  });
}

$("theme").addEventListener("click", () => {
  const order: Theme[] = ["system", "light", "dark"];
  prefs.theme = order[(order.indexOf(prefs.theme) + 1) % order.length];
  applyLayout();
  savePrefs(prefs);
  say(`Theme: ${prefs.theme === "system" ? "follows the system" : prefs.theme}`);
});

// ---------- sidebar ----------

async function refreshSidebar(): Promise<void> {
  const [sources, claims, tags] = await Promise.all([api.listSources(), api.listClaims(), api.listTags()]);
  sidebar = { sources, claims, tags };
  drawSidebar();
}

function drawSidebar(): void {
  renderSidebar($("library"), sidebar, filterBox.value, { source: mode === "reader" ? reader?.view.source.id : undefined, claim: mode === "claim" ? claimPage?.claim.claim.id : undefined }, {
    openSource: (id) => void openSource(id),
    openClaim: (id) => void openClaim(id),
    searchTag: (tag) => startSearch(toggleFilter("", "tag", tag)),
    newClaim: () => claimPicker(sidebar.claims, false, (choice) => void createOrOpenClaim(choice), "New claim"),
  });
}

filterBox.addEventListener("input", drawSidebar);

// ---------- empty state and adding sources ----------

function showEmpty(): void {
  const paste = h("button", { type: "button", class: "primary" }, "Paste a source");
  paste.addEventListener("click", () => showAddSource(""));
  const open = h("button", { type: "button" }, "Open a file");
  open.addEventListener("click", () => void pickAndImport());
  const empty = sidebar.sources.length === 0;
  show(
    h(
      "section",
      { class: "empty-state" },
      h("h1", {}, empty ? "Your commonplace book is empty" : "Pick a source to read"),
      h(
        "p",
        {},
        empty
          ? "Paste the text of an article you are reading (N), open a saved web page, Markdown or text file (O), or drop files on this window. Then select passages and press C to clip them."
          : "Choose a source on the left, or search your clips and sources above ( / ).",
      ),
      empty ? h("div", { class: "actions center" }, open, paste) : null,
    ),
    "empty",
  );
}

function showAddSource(text: string): void {
  show(
    renderAddSource(text, async (source) => {
      try {
        const saved = await api.addSource(source);
        say(`Saved “${saved.meta.title}”. Select a passage and press C to clip it.`);
        await openSource(saved.id);
        return null;
      } catch (e) {
        return messageOf(e);
      }
    }),
    "add",
  );
  $("source-title").focus();
}

async function importFiles(paths: string[]): Promise<void> {
  if (paths.length === 0) return;
  let cancelled = false;
  const progress = paths.length > 1 ? importProgress(paths.length, () => (cancelled = true)) : null;
  const failures: string[] = [];
  let last: string | null = null;
  for (const [i, path] of paths.entries()) {
    if (cancelled) break;
    progress?.step(i, path.split(/[\\/]/).pop() ?? path);
    try {
      last = (await importOne(path)).id;
    } catch (e) {
      failures.push(messageOf(e));
    }
  }
  progress?.done();
  await refreshSidebar();
  if (last) await openSource(last);
  const imported = paths.length - failures.length;
  if (failures.length) say(`Imported ${imported} of ${paths.length}. ${failures.join(" ")}`, "error");
  else say(cancelled ? `Import cancelled after ${imported} file${imported === 1 ? "" : "s"}.` : `Imported ${imported} file${imported === 1 ? "" : "s"}. Select a passage and press C to clip it.`);
}

/** Imports one file, asking for the password of an encrypted PDF as often as needed. */
async function importOne(path: string): Promise<{ id: string }> {
  let password: string | undefined;
  for (;;) {
    try {
      return await api.importFile(path, password);
    } catch (e) {
      if (!(e instanceof LibraryError) || e.code !== "passwordRequired") throw e;
      const answer = await askPassword(e.message);
      if (answer === null) throw e;
      password = answer;
    }
  }
}

async function pickAndImport(): Promise<void> {
  try {
    await importFiles(await api.pickFiles());
  } catch (e) {
    fail(e);
  }
}

// ---------- reader ----------

async function openSource(id: string, opts: { clip?: string; focus?: { start: number; end: number } } = {}): Promise<void> {
  let view: SourceView;
  try {
    view = await api.getSource(id);
  } catch (e) {
    fail(e);
    return;
  }
  reader = { view, focus: opts.focus ?? null };
  prefs.lastSource = id;
  savePrefs(prefs);
  drawReader();
  drawSidebar();
  if (opts.clip) await selectClip(opts.clip);
  else if (!selected || selected.clip.sourceId !== id) {
    selected = null;
    showSourceInspector(view);
  }
  const target = opts.clip ? main.querySelector<HTMLElement>(`mark[data-clip="${CSS.escape(opts.clip)}"]`) : opts.focus ? main.querySelector<HTMLElement>("mark.focus") : null;
  if (target) {
    target.scrollIntoView({ block: "center" });
    target.classList.add("flash");
  }
}

function showSourceInspector(view: SourceView): void {
  clear(inspector);
  append(
    inspector,
    renderSourceInspector(view, {
      reimport: () => void reimportSource(view.source.id),
      edit: (meta) => void editSource(view.source.id, meta),
    }),
  );
}

async function reimportSource(id: string): Promise<void> {
  try {
    const [path] = await api.pickFiles(false);
    if (!path) return;
    const report = await api.reimportSource(id, path);
    const orphans = report.orphaned.length;
    say(`Re-imported: ${report.exact} clip${report.exact === 1 ? "" : "s"} in place, ${report.approximate} moved approximately, ${orphans} no longer found (kept, listed above the text). The previous text is kept as version ${report.archivedVersion}.`, orphans ? "error" : "info");
    await refreshSidebar();
    await openSource(id);
  } catch (e) {
    fail(e);
  }
}

async function editSource(id: string, meta: Parameters<typeof api.editSource>[1]): Promise<void> {
  try {
    await api.editSource(id, meta);
    say("Saved. Fields you set are never overwritten by a re-import.");
    await refreshSidebar();
    await openSource(id);
  } catch (e) {
    fail(e);
  }
}

function drawReader(): void {
  if (!reader) return showEmpty();
  const scroll = mode === "reader" ? main.scrollTop : 0;
  show(
    renderReader(reader.view, selected?.clip.id ?? null, reader.focus, {
      onClip: (thenClaim) => void clipSelection(thenClaim),
      onSelectClip: (clip) => void selectClip(clip.id),
    }),
    "reader",
  );
  main.scrollTop = scroll;
}

async function clipSelection(thenClaim: boolean): Promise<void> {
  const text = document.getElementById("reader-text");
  if (!reader || !text || mode !== "reader") {
    say("Open a source and select a passage in it first.", "error");
    return;
  }
  const offsets = selectionOffsets(window.getSelection(), text);
  if (!offsets) {
    if (thenClaim && selected) return addClaimToSelected();
    say("Select some text in the reader first, then press C (or A to add a claim too).", "error");
    return;
  }
  try {
    const clip = await api.createClip({ sourceId: reader.view.source.id, start: offsets.start, end: offsets.end, note: "", tags: [] });
    window.getSelection()?.removeAllRanges();
    undo.push({ label: "new clip", undo: async () => void (await api.deleteClip(clip.id), await afterChange()) });
    say(`Clipped “${clip.quote.exact.length > 80 ? clip.quote.exact.slice(0, 80) + "…" : clip.quote.exact}”`);
    await openSource(reader.view.source.id, { clip: clip.id });
    await refreshSidebar();
    if (thenClaim) addClaimToSelected();
  } catch (e) {
    fail(e);
  }
}

// ---------- the selected clip ----------

async function selectClip(id: string): Promise<void> {
  try {
    selected = await api.getClip(id);
  } catch (e) {
    fail(e);
    return;
  }
  main.querySelectorAll("mark.clip.selected").forEach((m) => m.classList.remove("selected"));
  main.querySelectorAll(`mark.clip[data-clip="${CSS.escape(id)}"]`).forEach((m) => m.classList.add("selected"));
  const view = selected;
  let dragExport = null;
  try {
    dragExport = await api.export({ kind: "clips", ids: [id] }, exportOptions());
  } catch {
    dragExport = null;
  }
  if (selected !== view) return;
  clear(inspector);
  append(
    inspector,
    renderClipInspector(view, dragExport, {
      saveNote: (note) => void editSelected({ note }, { note: view.clip.note }, "note"),
      saveTags: (tags) => void editSelected({ tags }, { tags: view.clip.tags }, "tags"),
      addClaim: () => addClaimToSelected(),
      removeClaim: (claimId, stance) => void unlinkSelected(claimId, stance),
      openClaim: (claimId) => void openClaim(claimId),
      copy: () => void copy({ kind: "clips", ids: [view.clip.id] }),
      preview: () => void preview({ kind: "clips", ids: [view.clip.id] }, "Export clip"),
      remove: () => void deleteSelected(),
    }),
  );
}

/** Re-reads what a change may have touched: the open page, the inspector, the sidebar. */
async function afterChange(): Promise<void> {
  await refreshSidebar();
  if (mode === "reader" && reader) {
    try {
      reader.view = await api.getSource(reader.view.source.id);
    } catch {
      reader = null;
    }
    drawReader();
  } else if (mode === "claim" && claimPage) {
    await openClaim(claimPage.claim.claim.id);
  } else if (mode === "search") {
    await runSearch(searchBox.value);
  }
  if (selected) {
    try {
      await selectClip(selected.clip.id);
    } catch {
      selected = null;
    }
  }
}

async function editSelected(edit: { note?: string; tags?: string[] }, previous: { note?: string; tags?: string[] }, what: string): Promise<void> {
  if (!selected) return;
  const id = selected.clip.id;
  try {
    await api.editClip(id, edit);
    undo.push({ label: `${what} edit`, undo: async () => void (await api.editClip(id, previous), await afterChange()) });
    say(`Saved the ${what}. Ctrl+Z takes it back.`);
    await afterChange();
  } catch (e) {
    fail(e);
  }
}

async function deleteSelected(): Promise<void> {
  if (!selected) return;
  const clip = selected.clip;
  try {
    await api.deleteClip(clip.id);
    selected = null;
    clear(inspector);
    append(inspector, renderEmptyInspector());
    undo.push({ label: "delete", undo: async () => void (await api.restoreClip(clip), await afterChange()) });
    exportSet = exportSet.filter((id) => id !== clip.id);
    drawTray();
    say("Clip deleted. Ctrl+Z brings it back.");
    await afterChange();
  } catch (e) {
    fail(e);
  }
}

function addClaimToSelected(): void {
  if (!selected) {
    say("Select a clip first (click a highlight), or select text and press A.", "error");
    return;
  }
  const clipId = selected.clip.id;
  claimPicker(sidebar.claims, true, (choice) => void linkClip(clipId, choice));
}

async function claimIdFor(choice: ClaimChoice): Promise<string> {
  if (choice.claimId) return choice.claimId;
  return (await api.createClaim({ statement: choice.statement, note: "" })).id;
}

async function linkClip(clipId: string, choice: ClaimChoice): Promise<void> {
  try {
    const claimId = await claimIdFor(choice);
    const before = (await api.getClip(clipId)).clip.claims.find((c) => c.claimId === claimId);
    await api.linkClip(clipId, claimId, choice.stance);
    undo.push({
      label: "claim link",
      undo: async () => {
        if (before) await api.linkClip(clipId, claimId, before.stance);
        else await api.unlinkClip(clipId, claimId);
        await afterChange();
      },
    });
    say(`Linked: ${choice.stance} “${choice.statement}”.`);
    await afterChange();
  } catch (e) {
    fail(e);
  }
}

async function unlinkSelected(claimId: string, stance: Stance): Promise<void> {
  if (!selected) return;
  const clipId = selected.clip.id;
  try {
    await api.unlinkClip(clipId, claimId);
    undo.push({ label: "claim unlink", undo: async () => void (await api.linkClip(clipId, claimId, stance), await afterChange()) });
    say("Link removed. Ctrl+Z puts it back.");
    await afterChange();
  } catch (e) {
    fail(e);
  }
}

// ---------- claims ----------

async function createOrOpenClaim(choice: ClaimChoice): Promise<void> {
  try {
    const id = await claimIdFor(choice);
    await refreshSidebar();
    await openClaim(id);
  } catch (e) {
    fail(e);
  }
}

async function openClaim(id: string): Promise<void> {
  try {
    claimPage = await api.getClaim(id);
  } catch (e) {
    fail(e);
    return;
  }
  const view = claimPage;
  show(
    renderClaimPage(view, {
      openEvidence: (e: Evidence) => void openSource(e.clip.sourceId, { clip: e.clip.id }),
      rename: (statement) => void renameClaim(id, statement),
      merge: () =>
        claimPicker(
          sidebar.claims.filter((c) => c.claim.id !== id),
          false,
          (choice) => {
            if (!choice.claimId) return say("Pick an existing claim to merge into.", "error");
            confirmDialog("Merge claims", `Move all evidence of “${view.claim.claim.statement}” to “${choice.statement}” and delete it?`, "Merge", () => void mergeClaims(id, choice.claimId!));
          },
          "Merge into…",
        ),
      remove: () => confirmDialog("Delete claim", `Delete “${view.claim.claim.statement}”? Its clips stay, without this link.`, "Delete", () => void deleteClaim(id)),
      exportDossier: () => void preview({ kind: "claim", id }, "Export dossier"),
    }),
    "claim",
  );
  drawSidebar();
}

async function renameClaim(id: string, statement: string): Promise<void> {
  try {
    const before = claimPage?.claim.claim.statement;
    await api.renameClaim(id, statement);
    if (before) undo.push({ label: "rename", undo: async () => void (await api.renameClaim(id, before), await afterChange()) });
    say("Claim renamed.");
    await refreshSidebar();
    await openClaim(id);
  } catch (e) {
    fail(e);
  }
}

async function mergeClaims(from: string, into: string): Promise<void> {
  try {
    await api.mergeClaims(from, into);
    say("Claims merged.");
    await refreshSidebar();
    await openClaim(into);
  } catch (e) {
    fail(e);
  }
}

async function deleteClaim(id: string): Promise<void> {
  try {
    await api.deleteClaim(id);
    claimPage = null;
    say("Claim deleted.");
    await refreshSidebar();
    if (reader) drawReader();
    else showEmpty();
  } catch (e) {
    fail(e);
  }
}

// ---------- search ----------

function startSearch(query: string): void {
  searchBox.value = query;
  void runSearch(query);
  searchBox.focus();
}

async function runSearch(query: string): Promise<void> {
  const seq = ++searchSeq;
  if (!query.trim()) {
    if (mode === "search") {
      if (reader) drawReader();
      else showEmpty();
    }
    return;
  }
  try {
    const found = await api.search(query, resultLimit);
    if (seq !== searchSeq) return; // a newer keystroke has its own results coming
    const view = renderResults(found, main, {
      openClip: (hit: ClipHit) => void openHit(() => openSource(hit.sourceId, { clip: hit.clipId })),
      openPassage: (hit: PassageHit) => void openHit(() => openSource(hit.sourceId, { focus: { start: hit.matchStart, end: hit.matchEnd } })),
      toggleFacet: (field: FacetField, value: string) => startSearch(toggleFilter(searchBox.value, field, value)),
      toggleExport: (id) => toggleExport(id),
      isInExport: (id) => exportSet.includes(id),
      showMore: () => {
        resultLimit += 5 * PAGE;
        const top = main.scrollTop;
        void runSearch(searchBox.value).then(() => (main.scrollTop = top));
      },
    });
    show(view.element, "search");
    results = view;
    resultsIndex = -1;
  } catch (e) {
    fail(e);
  }
}

async function openHit(open: () => Promise<void>): Promise<void> {
  searchBox.value = "";
  await open();
}

// Search as you type, with no delay: a search takes milliseconds, and results of
// an older keystroke that arrive late are dropped (see searchSeq).
searchBox.addEventListener("input", () => {
  resultLimit = PAGE;
  void runSearch(searchBox.value);
});
searchBox.addEventListener("keydown", (e) => {
  if (e.key === "Escape") {
    searchBox.value = "";
    void runSearch("");
    main.focus();
  } else if (e.key === "ArrowDown" && results && results.count > 0) {
    e.preventDefault();
    resultsIndex = 0;
    results.focus(0);
  } else if (e.key === "Enter" && results && results.count > 0) {
    e.preventDefault();
    resultsIndex = 0;
    results.focus(0);
    (document.activeElement as HTMLElement | null)?.click();
  }
});

// ---------- export ----------

function toggleExport(id: string): void {
  exportSet = exportSet.includes(id) ? exportSet.filter((x) => x !== id) : [...exportSet, id];
  drawTray();
}

function drawTray(): void {
  const tray = $("export-tray");
  tray.hidden = exportSet.length === 0;
  $("export-count").textContent = `${exportSet.length} clip${exportSet.length === 1 ? "" : "s"} to export`;
}

function exportTarget(): ExportTarget | null {
  if (exportSet.length) return { kind: "clips", ids: exportSet };
  if (selected) return { kind: "clips", ids: [selected.clip.id] };
  if (mode === "claim" && claimPage) return { kind: "claim", id: claimPage.claim.claim.id };
  return null;
}

/** The export options the writer chose last (style, bibliography, template). */
function exportOptions(): ExportOptions {
  return {
    style: prefs.citationStyle ?? undefined,
    bibliography: prefs.bibliography,
    link: false,
    template: prefs.template.trim() ? prefs.template : undefined,
  };
}

function rememberOptions(options: ExportOptions): void {
  prefs.citationStyle = options.style ?? null;
  prefs.bibliography = options.bibliography;
  prefs.template = options.template ?? "";
  savePrefs(prefs);
}

async function copy(target: ExportTarget | null = exportTarget(), options: ExportOptions = exportOptions()): Promise<void> {
  if (!target) return say("Select a clip (or tick results) to copy.", "error");
  try {
    await api.copyExport(target, options);
    const what =
      target.kind === "clips" ? `${target.ids.length} clip${target.ids.length === 1 ? "" : "s"}` : "the dossier";
    say(`Copied ${what} with citations: paste into your draft.`);
  } catch (e) {
    fail(e);
  }
}

let stylesCache: StyleInfo[] | null = null;

async function preview(target: ExportTarget | null = exportTarget(), title = "Export"): Promise<void> {
  if (!target) return say("Select a clip (or tick results) to export.", "error");
  try {
    stylesCache ??= await api.listStyles();
    let options = exportOptions();
    let exp: Export;
    try {
      exp = await api.export(target, options);
    } catch {
      // A style or template that no longer works: start from the plain layout.
      options = { bibliography: options.bibliography, link: false };
      exp = await api.export(target, options);
    }
    exportPreview(title, exp, stylesCache, options, {
      load: (o) => api.export(target, o),
      remember: rememberOptions,
      copy: (o) => void copy(target, o),
      save: (format, o) => void saveTo(target, format, o),
    });
  } catch (e) {
    fail(e);
  }
}

async function saveTo(target: ExportTarget, format: ExportFormat, options: ExportOptions): Promise<void> {
  const ext = { markdown: "md", html: "html", text: "txt", pandoc: "md" }[format];
  try {
    const path = await api.pickSavePath(`quotes.${ext}`);
    if (!path) return;
    const written = await api.saveExport(target, format, options, path);
    say(`Saved ${written.join(" and ")}.`);
  } catch (e) {
    fail(e);
  }
}

function references(): void {
  referencesDialog({
    importFile: () =>
      void (async () => {
        try {
          const path = await api.pickFile("Reference files", ["bib", "json", "ris"]);
          if (!path) return;
          const report = await api.importReferences(path);
          await refreshSidebar();
          const refused = report.refused.length ? `; ${report.refused.length} refused: ${report.refused.join("; ")}` : "";
          say(`Imported ${report.added.length} sources (${report.alreadyThere.length} already here)${refused}.`, report.refused.length ? "error" : "info");
        } catch (e) {
          fail(e);
        }
      })(),
    exportAll: (format) =>
      void (async () => {
        try {
          const ext = { bibtex: "bib", biblatex: "bib", "csl-json": "json", ris: "ris" }[format] ?? "bib";
          const path = await api.pickSavePath(`library.${ext}`);
          if (!path) return;
          await api.saveReferences(format, [], path);
          say(`Saved ${path}.`);
        } catch (e) {
          fail(e);
        }
      })(),
    addStyle: () =>
      void (async () => {
        try {
          const path = await api.pickFile("Citation styles", ["csl"]);
          if (!path) return;
          const style = await api.addStyle(path);
          stylesCache = null;
          say(`Added the style “${style.title}”: choose it in Preview.`);
        } catch (e) {
          fail(e);
        }
      })(),
  });
}

$("references").addEventListener("click", () => references());
$("tray-copy").addEventListener("click", () => void copy());
$("tray-preview").addEventListener("click", () => void preview());
$("tray-clear").addEventListener("click", () => {
  exportSet = [];
  drawTray();
  if (mode === "search") void runSearch(searchBox.value);
});

// ---------- global keys, paste and drop ----------

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || (target instanceof HTMLElement && target.isContentEditable);
}

document.addEventListener("keydown", (e) => {
  if (e.key === "Escape" && closeModal()) return;
  if (modalOpen()) return;
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z" && !typing(e.target)) {
    e.preventDefault();
    void undo.undo().then(
      (label) => say(label ? `Undid the ${label}.` : "Nothing to undo."),
      (err) => fail(err),
    );
    return;
  }
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "c" && !typing(e.target)) {
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return; // an ordinary copy of selected text
    e.preventDefault();
    void copy();
    return;
  }
  if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
  const key = e.key;
  const act = (f: () => void) => {
    e.preventDefault();
    f();
  };
  if (key === "c" || key === "C") act(() => void clipSelection(false));
  else if (key === "a" || key === "A") act(() => void clipSelection(true));
  else if (key === "/") act(() => searchBox.focus());
  else if (key === "n") act(() => showAddSource(""));
  else if (key === "o") act(() => void pickAndImport());
  else if (key === "?") act(() => shortcutSheet());
  else if (key === "p") act(() => void preview());
  else if (key === "e" && selected) act(() => $("inspector-note").focus());
  else if (key === "t" && selected) act(() => $("inspector-tags").focus());
  else if ((key === "Delete" || key === "Backspace") && selected) act(() => void deleteSelected());
  else if (key === "r" && mode === "claim") act(() => $("claim-rename").click());
  else if (key === "Escape") {
    if (mode === "search") act(() => startSearch(""));
  } else if (mode === "search" && results && (key === "ArrowDown" || key === "ArrowUp")) {
    act(() => {
      const active = document.activeElement as HTMLElement | null;
      const at = active?.dataset.index ? Number(active.dataset.index) : resultsIndex;
      const next = at + (key === "ArrowDown" ? 1 : -1);
      if (next < 0) return searchBox.focus();
      resultsIndex = Math.min(next, results!.count - 1);
      results!.focus(resultsIndex);
    });
  } else if (mode === "search" && key === "Enter" && (document.activeElement as HTMLElement)?.classList.contains("hit")) {
    act(() => (document.activeElement as HTMLElement).click());
  } else if (mode === "search" && key === "s") {
    const id = (document.activeElement as HTMLElement)?.dataset.clip;
    if (id)
      act(() => {
        toggleExport(id);
        const box = (document.activeElement as HTMLElement).querySelector<HTMLInputElement>("input.pick");
        if (box) box.checked = exportSet.includes(id);
      });
  }
});

document.addEventListener("paste", (e) => {
  if (typing(e.target) || modalOpen()) return;
  const pasted = classifyPaste(e.clipboardData?.getData("text/plain") ?? "");
  if (pasted.kind === "nothing") return;
  e.preventDefault();
  if (pasted.kind === "url") {
    void importAddress(pasted.url);
  } else if (pasted.kind === "quote") {
    pastedQuoteForm(pasted.text, pasted.url ?? "", (source) => void saveQuoteWithSource(source));
  } else {
    showAddSource(pasted.text);
  }
});

async function saveQuoteWithSource(source: Parameters<typeof api.addSource>[0]): Promise<void> {
  try {
    const clip = await api.clipPastedQuote({ quote: source.text, meta: source.meta });
    say("Saved the quote with its source.");
    await refreshSidebar();
    await openSource(clip.sourceId, { clip: clip.id });
  } catch (e) {
    fail(e);
  }
}

/** Imports the page or PDF at a pasted web address. */
async function importAddress(url: string): Promise<void> {
  say(`Fetching ${url}…`);
  try {
    const source = await api.importUrl(url);
    say(`Saved “${source.meta.title}”. Select a passage and press C to clip it.`);
    await refreshSidebar();
    await openSource(source.id);
  } catch (e) {
    fail(e);
  }
}

$("open-file").addEventListener("click", () => void pickAndImport());
$("add-source").addEventListener("click", () => showAddSource(""));
$("help").addEventListener("click", () => shortcutSheet());
splitter("split-left", "sidebarWidth");
splitter("split-right", "inspectorWidth");

// ---------- start ----------

async function start(): Promise<void> {
  applyLayout();
  append(inspector, renderEmptyInspector());
  try {
    await api.onFileDrop(
      (paths) => void importFiles(paths),
      (hovering) => ($("drop-overlay").hidden = !hovering),
    );
  } catch (e) {
    fail(e);
  }
  try {
    // Writes made elsewhere (a browser capture, a background import) show up
    // without a refresh: the lists are read again when the library says so.
    await api.onLibraryChanged(() => void refreshSidebar().catch(fail));
  } catch (e) {
    fail(e);
  }
  try {
    await refreshSidebar();
    // The workspace is usable from the frame that shows the library: the
    // start-up benchmark reads this mark.
    requestAnimationFrame(() => performance.mark("commonplace-interactive"));
    say(`Library: ${await api.libraryInfo()} — press ? for shortcuts`);
  } catch (e) {
    fail(e);
    if (e instanceof LibraryError && e.code === "libraryDamaged") offerRestore(e.message);
    return;
  }
  const last = prefs.lastSource && sidebar.sources.some((s) => s.id === prefs.lastSource) ? prefs.lastSource : sidebar.sources[0]?.id;
  if (last) await openSource(last);
  else showEmpty();
}

/** The database is damaged: say so, and offer its newest verified backup. */
function offerRestore(message: string): void {
  confirmDialog("The library is damaged", message, "Restore the newest backup", () =>
    void (async () => {
      try {
        const dir = await api.restoreLatestBackup();
        say(`Restored the newest backup into ${dir}; the damaged database is kept beside it.`);
        await start();
      } catch (e) {
        fail(e);
      }
    })(),
  );
}

void start();
