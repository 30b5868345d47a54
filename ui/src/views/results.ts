// Search results: each hit's snippet is built from text parts, the matched words
// wrapped in <mark>, never from HTML.

import type { ClipHit, SearchResults } from "../lib/bindings";
import { h, append } from "../lib/dom";

export function renderResults(results: SearchResults, onOpen: (hit: ClipHit) => void): HTMLElement {
  const list = h("ol", { class: "results", id: "results", "aria-label": "Search results" });
  results.hits.forEach((hit, i) => {
    const snippet = h("div", { class: "snippet" });
    for (const part of hit.snippet) {
      append(snippet, part.matched ? h("mark", {}, part.text) : part.text);
    }
    const item = h(
      "li",
      { class: "hit", tabindex: 0, "data-clip": hit.clipId, "data-index": i },
      snippet,
      h("div", { class: "hit-meta" }, hit.sourceTitle, hit.tags.length ? `  ·  ${hit.tags.map((t) => `#${t}`).join(" ")}` : ""),
      hit.note ? h("div", { class: "hit-note" }, hit.note) : null,
    );
    item.addEventListener("click", () => onOpen(hit));
    item.addEventListener("keydown", (e) => {
      if (e.key === "Enter") onOpen(hit);
    });
    append(list, item);
  });
  const count = results.total === 1 ? "1 clip matches" : `${results.total} clips match`;
  return h(
    "section",
    { class: "search-view", "aria-label": "Search" },
    h("div", { class: "results-head" }, `${count} “${results.query}”`),
    results.hits.length ? list : h("p", { class: "empty" }, "Nothing matches. Try fewer words, or a word's beginning followed by *."),
  );
}
