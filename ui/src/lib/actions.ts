// What the writer can do, each as one function: call the library, push how to
// take it back onto the undo stack, say what happened. The views never refetch
// lists themselves: the library's change event refreshes what a write touched.

import { api, LibraryError } from "./api";
import type { ExportFormat, ExportOptions, ExportTarget, NewSource, SourceMeta, Stance } from "./bindings";
import { dialogs, type ClaimChoice } from "./dialogs.svelte";
import { ws, messageOf, type Focus } from "./workspace.svelte";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function exportOptions(): ExportOptions {
  const p = ws.prefs;
  return { style: p.citationStyle ?? undefined, bibliography: p.bibliography, link: p.exportLink, template: p.template.trim() ? p.template : undefined };
}

export function rememberOptions(options: ExportOptions): void {
  ws.prefs.citationStyle = options.style ?? null;
  ws.prefs.bibliography = options.bibliography;
  ws.prefs.exportLink = options.link;
  ws.prefs.template = options.template ?? "";
  ws.savePrefs();
  void ws.refreshCitation();
}

// ---------- clips ----------

/** Saves the selection as a clip; with `claim`, a claim is picked first, and
 * nothing is saved when the picker is cancelled. */
export async function clipSelection(offsets: Focus, sourceId: string, claim: boolean): Promise<void> {
  let choice: ClaimChoice | null = null;
  if (claim) {
    choice = await dialogs.pickClaim("Clip and tie to a claim", true);
    if (!choice) {
      ws.say("Nothing saved: the clip needs its claim, or press C to clip without one.");
      return;
    }
  }
  try {
    const clip = await api.createClip({ sourceId, start: offsets.start, end: offsets.end, note: "", tags: [] });
    ws.undo.push({ label: "new clip", undo: () => api.deleteClip(clip.id) });
    if (choice) await link(clip.id, choice, false);
    window.getSelection()?.removeAllRanges();
    const shown = clip.quote.exact.length > 80 ? `${clip.quote.exact.slice(0, 80)}…` : clip.quote.exact;
    await ws.openSource(sourceId, { clip: clip.id });
    ws.say(choice ? `Clipped “${shown}”: ${choice.stance} “${choice.statement}”.` : `Clipped “${shown}”`);
  } catch (e) {
    ws.fail(e);
  }
}

async function claimIdFor(choice: ClaimChoice): Promise<string> {
  if (choice.claimId) return choice.claimId;
  const claim = await api.createClaim({ statement: choice.statement, note: "" });
  ws.undo.push({ label: "new claim", undo: () => api.deleteClaim(claim.id) });
  return claim.id;
}

async function link(clipId: string, choice: ClaimChoice, say = true): Promise<void> {
  const claimId = await claimIdFor(choice);
  const before = (await api.getClip(clipId)).clip.claims.find((c) => c.claimId === claimId);
  await api.linkClip(clipId, claimId, choice.stance);
  ws.undo.push({
    label: "claim link",
    undo: async () => {
      if (before) await api.linkClip(clipId, claimId, before.stance);
      else await api.unlinkClip(clipId, claimId);
    },
  });
  if (say) ws.say(`Linked: ${choice.stance} “${choice.statement}”.`);
}

export async function addClaimToSelected(): Promise<void> {
  const selected = ws.selected;
  if (!selected) return ws.say("Select a clip first (click a highlight), or select text and press A.", "error");
  const choice = await dialogs.pickClaim("Add claim", true);
  if (!choice) return;
  try {
    await link(selected.clip.id, choice);
  } catch (e) {
    ws.fail(e);
  }
}

export async function unlinkSelected(claimId: string, stance: Stance): Promise<void> {
  const selected = ws.selected;
  if (!selected) return;
  const clipId = selected.clip.id;
  try {
    await api.unlinkClip(clipId, claimId);
    ws.undo.push({ label: "claim unlink", undo: () => api.linkClip(clipId, claimId, stance) });
    ws.say("Link removed. Ctrl+Z puts it back.");
  } catch (e) {
    ws.fail(e);
  }
}

export async function editSelected(edit: { note?: string; tags?: string[] }): Promise<void> {
  const selected = ws.selected;
  if (!selected) return;
  const id = selected.clip.id;
  const previous = { note: edit.note !== undefined ? selected.clip.note : undefined, tags: edit.tags ? selected.clip.tags : undefined };
  const what = edit.note !== undefined ? "note" : "tags";
  try {
    ws.selected = { ...selected, clip: await api.editClip(id, edit) };
    ws.undo.push({ label: `${what} edit`, undo: () => api.editClip(id, previous).then(() => {}) });
    ws.say(`Saved the ${what}. Ctrl+Z takes it back.`);
  } catch (e) {
    ws.fail(e);
  }
}

export async function deleteSelected(): Promise<void> {
  const selected = ws.selected;
  if (!selected) return;
  const clip = selected.clip;
  try {
    await api.deleteClip(clip.id);
    ws.selected = null;
    ws.exportSet = ws.exportSet.filter((id) => id !== clip.id);
    ws.undo.push({ label: "delete", undo: () => api.restoreClip(clip).then(() => {}) });
    ws.say("Clip deleted. Ctrl+Z brings it back.");
  } catch (e) {
    ws.fail(e);
  }
}

export async function undoLast(): Promise<void> {
  try {
    const label = await ws.undo.undo();
    ws.say(label ? `Undid the ${label}.` : "Nothing to undo.");
  } catch (e) {
    ws.fail(e);
  }
}

// ---------- claims ----------

export async function newClaim(): Promise<void> {
  const choice = await dialogs.pickClaim("New claim", false);
  if (!choice) return;
  try {
    await ws.openClaim(await claimIdFor(choice));
  } catch (e) {
    ws.fail(e);
  }
}

export async function renameClaim(id: string, statement: string, before: string): Promise<void> {
  try {
    await api.renameClaim(id, statement);
    ws.undo.push({ label: "rename", undo: () => api.renameClaim(id, before).then(() => {}) });
    ws.say("Claim renamed. Ctrl+Z takes it back.");
  } catch (e) {
    ws.fail(e);
  }
}

/** Undoing a delete or a merge brings the claim back with its links (as a new
 * claim: ids are never reused). */
async function recreate(id: string): Promise<() => Promise<void>> {
  const view = await api.getClaim(id);
  return async () => {
    const claim = await api.createClaim({ statement: view.claim.claim.statement, note: view.claim.claim.note });
    for (const e of view.evidence) await api.linkClip(e.clip.id, claim.id, e.stance);
  };
}

export async function mergeClaim(from: string, statement: string): Promise<void> {
  const choice = await dialogs.pickClaim("Merge into…", false);
  if (!choice) return;
  if (!choice.claimId) return ws.say("Pick an existing claim to merge into.", "error");
  if (!(await dialogs.ask("Merge claims", `Move all evidence of “${statement}” to “${choice.statement}” and delete it?`, "Merge"))) return;
  try {
    const undo = await recreate(from);
    await api.mergeClaims(from, choice.claimId);
    ws.undo.push({ label: "merge", undo });
    await ws.openClaim(choice.claimId);
    ws.say("Claims merged. Ctrl+Z splits them again.");
  } catch (e) {
    ws.fail(e);
  }
}

export async function deleteClaim(id: string, statement: string): Promise<void> {
  if (!(await dialogs.ask("Delete claim", `Delete “${statement}”? Its clips stay, without this link.`, "Delete"))) return;
  try {
    const undo = await recreate(id);
    await api.deleteClaim(id);
    ws.undo.push({ label: "claim delete", undo });
    ws.show({ kind: "empty" });
    ws.say("Claim deleted. Ctrl+Z brings it back.");
  } catch (e) {
    ws.fail(e);
  }
}

// ---------- sources ----------

export async function addSource(source: NewSource): Promise<string | null> {
  try {
    const saved = await api.addSource(source);
    ws.undo.push({ label: "new source", undo: () => api.deleteSource(saved.id, false).then(() => {}) });
    await ws.openSource(saved.id);
    ws.say(`Saved “${saved.meta.title}”. Select a passage and press C to clip it.`);
    return null;
  } catch (e) {
    return messageOf(e);
  }
}

export async function editSource(id: string, meta: SourceMeta, before: SourceMeta): Promise<void> {
  try {
    await api.editSource(id, meta);
    ws.undo.push({ label: "details edit", undo: () => api.editSource(id, before).then(() => {}) });
    ws.say("Saved. Fields you set are never overwritten by a re-import; Ctrl+Z takes it back.");
  } catch (e) {
    ws.fail(e);
  }
}

export async function reimportSource(id: string): Promise<void> {
  try {
    const [path] = await api.pickFiles(false);
    if (!path) return;
    const report = await api.reimportSource(id, path);
    const orphans = report.orphaned.length;
    ws.say(`Re-imported: ${plural(report.exact, "clip")} in place, ${report.approximate} moved approximately, ${orphans} no longer found (kept, listed above the text). The previous text is kept as version ${report.archivedVersion}.`, orphans ? "error" : "info");
  } catch (e) {
    ws.fail(e);
  }
}

/** Imports one file, asking for the password of an encrypted PDF as often as needed. */
async function importOne(path: string): Promise<{ id: string }> {
  let password: string | undefined;
  for (;;) {
    try {
      return await api.importFile(path, password);
    } catch (e) {
      if (!(e instanceof LibraryError) || e.code !== "passwordRequired") throw e;
      const answer = await dialogs.askPassword(e.message);
      if (answer === null) throw e;
      password = answer;
    }
  }
}

export async function importFiles(paths: string[]): Promise<void> {
  if (paths.length === 0) return;
  if (paths.length > 1) dialogs.progress = { total: paths.length, done: 0, name: "", cancelled: false };
  const failures: string[] = [];
  let last: string | null = null;
  for (const [i, path] of paths.entries()) {
    if (dialogs.progress?.cancelled) break;
    if (dialogs.progress) dialogs.progress = { ...dialogs.progress, done: i, name: path.split(/[\\/]/).pop() ?? path };
    try {
      const id = (await importOne(path)).id;
      ws.undo.push({ label: "import", undo: () => api.deleteSource(id, false).then(() => {}) });
      last = id;
    } catch (e) {
      failures.push(messageOf(e));
    }
  }
  const cancelled = dialogs.progress?.cancelled ?? false;
  dialogs.progress = null;
  if (last) await ws.openSource(last);
  const imported = paths.length - failures.length;
  if (failures.length) ws.say(`Imported ${imported} of ${paths.length}. ${failures.join(" ")}`, "error");
  else ws.say(cancelled ? `Import cancelled after ${plural(imported, "file")}.` : `Imported ${plural(imported, "file")}. Select a passage and press C to clip it.`);
}

export async function pickAndImport(): Promise<void> {
  try {
    await importFiles(await api.pickFiles());
  } catch (e) {
    ws.fail(e);
  }
}

/** Imports the page or PDF at a pasted web address. */
export async function importAddress(url: string): Promise<void> {
  ws.say(`Fetching ${url}…`);
  try {
    const source = await api.importUrl(url);
    ws.undo.push({ label: "import", undo: () => api.deleteSource(source.id, false).then(() => {}) });
    await ws.openSource(source.id);
    ws.say(`Saved “${source.meta.title}”. Select a passage and press C to clip it.`);
  } catch (e) {
    ws.fail(e);
  }
}

export async function saveQuoteWithSource(source: NewSource): Promise<void> {
  try {
    const clip = await api.clipPastedQuote({ quote: source.text, meta: source.meta });
    ws.undo.push({ label: "pasted quote", undo: () => api.deleteClip(clip.id) });
    await ws.openSource(clip.sourceId, { clip: clip.id });
    ws.say("Saved the quote with its source.");
  } catch (e) {
    ws.fail(e);
  }
}

// ---------- exports ----------

export function exportTarget(): ExportTarget | null {
  if (ws.exportSet.length) return { kind: "clips", ids: ws.exportSet };
  if (ws.selected) return { kind: "clips", ids: [ws.selected.clip.id] };
  if (ws.view.kind === "claim") return { kind: "claim", id: ws.view.claim.claim.claim.id };
  return null;
}

export async function copy(target = exportTarget(), options = exportOptions()): Promise<void> {
  if (!target) return ws.say("Select a clip (or tick results) to copy.", "error");
  try {
    await api.copyExport(target, options);
    const what = target.kind === "clips" ? plural(target.ids.length, "clip") : "the dossier";
    ws.say(`Copied ${what} with citations: paste into your draft.`);
  } catch (e) {
    ws.fail(e);
  }
}

export function preview(target = exportTarget(), title = "Export"): void {
  if (!target) return ws.say("Select a clip (or tick results) to export.", "error");
  dialogs.exporting = { title, target };
}

export async function saveTo(target: ExportTarget, format: ExportFormat, options: ExportOptions): Promise<void> {
  const ext = { markdown: "md", html: "html", text: "txt", pandoc: "md" }[format];
  try {
    const path = await api.pickSavePath(`quotes.${ext}`);
    if (!path) return;
    const written = await api.saveExport(target, format, options, path);
    ws.say(`Saved ${written.join(" and ")}.`);
  } catch (e) {
    ws.fail(e);
  }
}
