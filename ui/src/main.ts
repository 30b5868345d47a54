// The app's controller: holds what is shown, reacts to the keyboard, and calls the
// library through api.ts. Views only build DOM from data.

import "./styles.css";
import { api, LibraryError } from "./lib/api";
import type { ClipHit, SourceSummary, SourceView } from "./lib/bindings";
import { h, clear, append } from "./lib/dom";
import { selectionOffsets } from "./lib/selection";
import { renderAddSource } from "./views/addSource";
import { renderClipPanel } from "./views/clipPanel";
import { renderReader } from "./views/reader";
import { renderResults } from "./views/results";
import { renderSources } from "./views/sidebar";

const main = document.getElementById("main")!;
const searchBox = document.getElementById("search") as HTMLInputElement;
const sourceList = document.getElementById("sources")!;
const sourceCount = document.getElementById("source-count")!;
const statusBar = document.getElementById("status")!;

let sources: SourceSummary[] = [];
let current: SourceView | null = null;
let searchSeq = 0;

function say(message: string, kind: "info" | "error" = "info"): void {
  statusBar.textContent = message;
  statusBar.className = `status ${kind}`;
}

function fail(e: unknown): void {
  const message = e instanceof LibraryError || e instanceof Error ? e.message : String(e);
  say(message, "error");
}

function show(view: HTMLElement): void {
  clear(main);
  append(main, view);
}

async function refreshSources(): Promise<void> {
  sources = await api.listSources();
  sourceCount.textContent = String(sources.length);
  renderSources(sourceList, sources, current?.source.id ?? null, (id) => void openSource(id));
}

function showEmpty(): void {
  const add = h("button", { type: "button", class: "primary" }, "Add a source");
  add.addEventListener("click", showAddSource);
  show(
    h(
      "section",
      { class: "empty-state" },
      h("h1", {}, sources.length ? "Pick a source to read" : "Your commonplace book is empty"),
      h("p", {}, sources.length ? "Choose a source on the left, or search your clips above ( / )." : "Paste the text of an article you are reading, with its title and author. Then select passages and press C to clip them."),
      sources.length ? null : add,
    ),
  );
}

function showAddSource(): void {
  show(
    renderAddSource(
      async (source) => {
        try {
          const saved = await api.addSource(source);
          say(`Saved “${saved.meta.title}”. Select a passage and press C to clip it.`);
          await openSource(saved.id);
        } catch (e) {
          fail(e);
        }
      },
      (message) => say(message, "error"),
    ),
  );
  document.getElementById("source-title")?.focus();
}

async function openSource(id: string, focusClip?: string): Promise<void> {
  try {
    current = await api.getSource(id);
  } catch (e) {
    fail(e);
    return;
  }
  renderCurrent();
  await refreshSources();
  if (focusClip) {
    const mark = main.querySelector<HTMLElement>(`mark[data-clip="${CSS.escape(focusClip)}"]`);
    if (mark) {
      mark.scrollIntoView({ block: "center" });
      mark.classList.add("flash");
    }
  }
}

function renderCurrent(): void {
  if (!current) return showEmpty();
  const view = current;
  show(
    renderReader(view, {
      onClipSelection: () => void clipSelection(),
      onSelectClip: (clip) => {
        document.getElementById("clip-panel")?.remove();
        const panel = renderClipPanel(clip, () => panel.remove());
        append(main, panel);
      },
    }),
  );
}

async function clipSelection(): Promise<void> {
  const text = document.getElementById("reader-text");
  if (!current || !text) return;
  const offsets = selectionOffsets(window.getSelection(), text);
  if (!offsets) {
    say("Select some text in the reader first, then press C.", "error");
    return;
  }
  try {
    const clip = await api.createClip({ sourceId: current.source.id, start: offsets.start, end: offsets.end, note: "", tags: [] });
    window.getSelection()?.removeAllRanges();
    say(`Clipped “${clip.quote.exact.length > 80 ? clip.quote.exact.slice(0, 80) + "…" : clip.quote.exact}”`);
    await openSource(current.source.id);
  } catch (e) {
    fail(e);
  }
}

async function runSearch(query: string): Promise<void> {
  const seq = ++searchSeq;
  if (!query.trim()) {
    renderCurrent();
    return;
  }
  try {
    const results = await api.search(query);
    if (seq !== searchSeq) return; // a newer keystroke has its own results coming
    show(renderResults(results, (hit: ClipHit) => void openHit(hit)));
  } catch (e) {
    fail(e);
  }
}

async function openHit(hit: ClipHit): Promise<void> {
  searchBox.value = "";
  await openSource(hit.sourceId, hit.clipId);
}

let debounce: number | undefined;
searchBox.addEventListener("input", () => {
  window.clearTimeout(debounce);
  debounce = window.setTimeout(() => void runSearch(searchBox.value), 80);
});
searchBox.addEventListener("keydown", (e) => {
  if (e.key === "Escape") {
    searchBox.value = "";
    void runSearch("");
    main.focus();
  } else if (e.key === "ArrowDown") {
    e.preventDefault();
    main.querySelector<HTMLElement>(".hit")?.focus();
  }
});
document.getElementById("add-source")!.addEventListener("click", showAddSource);

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || (target instanceof HTMLElement && target.isContentEditable);
}

document.addEventListener("keydown", (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
  if (e.key === "c" || e.key === "C") {
    e.preventDefault();
    void clipSelection();
  } else if (e.key === "/") {
    e.preventDefault();
    searchBox.focus();
  } else if (e.key === "n") {
    e.preventDefault();
    showAddSource();
  } else if (e.key === "Escape") {
    document.getElementById("clip-panel")?.remove();
  } else if ((e.key === "ArrowDown" || e.key === "ArrowUp") && document.activeElement?.classList.contains("hit")) {
    e.preventDefault();
    const el = document.activeElement as HTMLElement;
    const next = (e.key === "ArrowDown" ? el.nextElementSibling : el.previousElementSibling) as HTMLElement | null;
    (next ?? (e.key === "ArrowUp" ? searchBox : el)).focus();
  }
});

async function start(): Promise<void> {
  try {
    await refreshSources();
    const dir = await api.libraryInfo();
    say(`Library: ${dir}`);
  } catch (e) {
    fail(e);
  }
  if (sources.length) await openSource(sources[0].id);
  else showEmpty();
}

void start();
