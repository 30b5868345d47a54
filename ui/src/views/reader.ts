// The reader: a source's blocks rendered from stored text only, with its clips
// highlighted (hover shows the note and claims, click selects the clip). Selecting
// text and pressing C (or the floating button) saves a clip; A also opens "add claim".

import type { Block, Clip, SourceView } from "../lib/bindings";
import { h, append } from "../lib/dom";
import { authorList, humanDate } from "../lib/format";
import { segmentBlock, type Span } from "../lib/offsets";

function blockElement(block: Block): HTMLElement {
  switch (block.kind) {
    case "heading": {
      const level = Math.min(Math.max(block.level ?? 1, 1), 5) + 1;
      return document.createElement(`h${level}` as "h2");
    }
    case "quote":
      return h("blockquote");
    case "listItem":
      return h("div", { class: "list-item" });
    case "preformatted":
      return h("pre");
    case "pageBreak":
      return h("div", { class: "page-break", role: "separator" });
    default:
      return h("p");
  }
}

export interface ReaderHandlers {
  onClip: (thenClaim: boolean) => void;
  onSelectClip: (clip: Clip) => void;
}

const FOCUS = "__focus";

function hoverText(clip: Clip): string {
  const lines = [clip.note || "Saved clip"];
  for (const c of clip.claims) lines.push(`${c.stance}: ${c.statement}`);
  if (clip.tags.length) lines.push(clip.tags.map((t) => `#${t}`).join(" "));
  return lines.join("\n");
}

/** Renders the reader; `focus` marks a passage to open at (a search match). */
export function renderReader(view: SourceView, selectedClip: string | null, focus: { start: number; end: number } | null, on: ReaderHandlers): HTMLElement {
  const { source } = view;
  const meta = source.meta;
  const byline = [authorList(meta.authors), meta.containerTitle ?? meta.publisher ?? "", humanDate(meta.issued)].filter((p) => p.length > 0).join(" · ");
  const clipButton = h("button", { type: "button", id: "clip-selection", class: "primary", title: "Save the selected text as a clip (C)" }, "Clip selection");
  clipButton.addEventListener("click", () => on.onClip(false));
  const floating = h("button", { type: "button", id: "clip-float", class: "primary floating", hidden: true, title: "Clip the selection (C), or clip and add a claim (A)" }, "Clip");
  floating.addEventListener("mousedown", (e) => e.preventDefault());
  floating.addEventListener("click", () => on.onClip(false));

  const orphaned = new Set(view.orphaned);
  const spans: Span[] = view.clips.filter((c) => !orphaned.has(c.id)).map((c) => ({ id: c.id, start: c.position.start, end: c.position.end }));
  if (focus) spans.push({ id: FOCUS, start: focus.start, end: focus.end });
  const byId = new Map(view.clips.map((c) => [c.id, c]));
  const text = h("article", { id: "reader-text", class: "reader-text", lang: meta.language ?? undefined });
  source.blocks.forEach((block, i) => {
    const el = blockElement(block);
    if (block.kind === "pageBreak") {
      el.textContent = block.page ? `Page ${block.page}` : "";
      append(text, el);
      return;
    }
    el.dataset.start = String(view.blockStarts[i]);
    for (const segment of segmentBlock(block.text, view.blockStarts[i], spans)) {
      let node: Node = document.createTextNode(segment.text);
      const clipId = segment.clips.find((id) => id !== FOCUS);
      if (clipId) {
        const clip = byId.get(clipId)!;
        const mark = h("mark", { class: clip.id === selectedClip ? "clip selected" : "clip", "data-clip": clip.id, title: hoverText(clip) });
        mark.appendChild(node);
        mark.addEventListener("click", () => on.onSelectClip(clip));
        node = mark;
      }
      if (segment.clips.includes(FOCUS)) {
        const mark = h("mark", { class: "focus" });
        mark.appendChild(node);
        node = mark;
      }
      el.appendChild(node);
    }
    append(text, el);
  });

  const orphans = view.clips.filter((c) => orphaned.has(c.id));
  const orphanList = orphans.length
    ? h(
        "section",
        { class: "orphans", "aria-label": "Orphaned clips" },
        h("h2", {}, `${orphans.length} clip${orphans.length === 1 ? "" : "s"} no longer found in this text`),
        ...orphans.map((c) => {
          const li = h("blockquote", { class: "orphan", tabindex: 0, "data-clip": c.id }, c.quote.exact);
          li.addEventListener("click", () => on.onSelectClip(c));
          return li;
        }),
      )
    : null;

  const section = h(
    "section",
    { class: "reader", "aria-label": "Reader" },
    h(
      "div",
      { class: "reader-head" },
      h("h1", { id: "reader-title" }, meta.title),
      byline ? h("div", { class: "byline" }, byline) : null,
      meta.url ? h("span", { class: "url", title: "Source address" }, meta.url) : null,
      h(
        "div",
        { class: "reader-tools" },
        clipButton,
        h("span", { class: "hint" }, "Select text, then C to clip, A to clip and add a claim"),
        h("span", { class: "count", id: "clip-count" }, `${view.clips.length} ${view.clips.length === 1 ? "clip" : "clips"}`),
      ),
    ),
    orphanList,
    text,
    floating,
  );
  active = { section, text, floating };
  return section;
}

// The floating button follows the selection inside the reader's text.
let active: { section: HTMLElement; text: HTMLElement; floating: HTMLElement } | null = null;
document.addEventListener("selectionchange", () => {
  if (!active || !active.section.isConnected) return;
  const { section, text, floating } = active;
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0 || !text.contains(sel.anchorNode)) {
    floating.hidden = true;
    return;
  }
  const rect = sel.getRangeAt(0).getBoundingClientRect();
  const host = section.getBoundingClientRect();
  floating.hidden = false;
  floating.style.top = `${rect.top - host.top - 40}px`;
  floating.style.left = `${Math.max(0, rect.left - host.left + rect.width / 2 - 30)}px`;
});
