// The reader: a source's blocks rendered from stored text only, with its clips
// highlighted. Selecting text and pressing C (or the button) saves a clip.

import type { Block, Clip, SourceView } from "../lib/bindings";
import { h, append } from "../lib/dom";
import { authorList, humanDate } from "../lib/format";
import { segmentBlock, type Span } from "../lib/offsets";

function blockElement(block: Block): HTMLElement {
  switch (block.kind) {
    case "heading": {
      const level = Math.min(Math.max(block.level ?? 2, 1), 6) + 1;
      return document.createElement(`h${Math.min(level, 6)}` as "h2");
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
  onClipSelection: () => void;
  onSelectClip: (clip: Clip) => void;
}

export function renderReader(view: SourceView, handlers: ReaderHandlers): HTMLElement {
  const { source } = view;
  const meta = source.meta;
  const byline = [authorList(meta.authors), meta.containerTitle ?? meta.publisher ?? "", humanDate(meta.issued)]
    .filter((part) => part.length > 0)
    .join(" · ");
  const clipButton = h("button", { type: "button", id: "clip-selection", class: "primary", title: "Save the selected text as a clip (C)" }, "Clip selection");
  clipButton.addEventListener("click", () => handlers.onClipSelection());

  const spans: Span[] = view.clips.map((c) => ({ id: c.id, start: c.position.start, end: c.position.end }));
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
      if (segment.clips.length === 0) {
        append(el, segment.text);
        continue;
      }
      const clip = byId.get(segment.clips[0])!;
      const mark = h("mark", { class: "clip", "data-clip": clip.id, title: clip.note || "Saved clip" }, segment.text);
      mark.addEventListener("click", () => handlers.onSelectClip(clip));
      append(el, mark);
    }
    append(text, el);
  });

  const link = meta.url ? h("span", { class: "url", title: "Source address" }, meta.url) : null;
  return h(
    "section",
    { class: "reader", "aria-label": "Reader" },
    h(
      "div",
      { class: "reader-head" },
      h("h1", { id: "reader-title" }, meta.title),
      byline ? h("div", { class: "byline" }, byline) : null,
      link,
      h("div", { class: "reader-tools" }, clipButton, h("span", { class: "hint" }, "Select text, then press C"), h("span", { class: "count", id: "clip-count" }, `${view.clips.length} ${view.clips.length === 1 ? "clip" : "clips"}`)),
    ),
    text,
  );
}
