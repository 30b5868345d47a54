// A clip's details, shown under the reader when a highlight is clicked.

import type { Clip } from "../lib/bindings";
import { h } from "../lib/dom";

export function renderClipPanel(clip: Clip, onClose: () => void): HTMLElement {
  const close = h("button", { type: "button", class: "ghost", title: "Close (Esc)" }, "Close");
  close.addEventListener("click", onClose);
  return h(
    "aside",
    { class: "clip-panel", id: "clip-panel", "aria-label": "Clip" },
    h("blockquote", { class: "clip-quote" }, clip.quote.exact),
    clip.note ? h("p", { class: "clip-note" }, clip.note) : null,
    clip.tags.length ? h("p", { class: "clip-tags" }, clip.tags.map((t) => `#${t}`).join(" ")) : null,
    ...clip.claims.map((c) => h("p", { class: `clip-claim stance-${c.stance}` }, `${c.stance}: ${c.statement}`)),
    h("div", { class: "actions" }, close),
  );
}
