// Search results: facets to narrow by, the matching clips (virtualized, so
// thousands of hits scroll smoothly) and the matching passages of sources. Every
// snippet is built from text parts, the matched words wrapped in <mark>.

import type { ClipHit, FacetCount, PassageHit, SearchResults, SnippetPart } from "../lib/bindings";
import { h, append } from "../lib/dom";
import { hasFilter, type FacetField } from "../lib/query";
import { VirtualList } from "../lib/virtual";

export interface ResultsHandlers {
  openClip: (hit: ClipHit) => void;
  openPassage: (hit: PassageHit) => void;
  toggleFacet: (field: FacetField, value: string) => void;
  toggleExport: (clipId: string) => void;
  isInExport: (clipId: string) => boolean;
  showMore: () => void;
}

export const ROW_HEIGHT = 104;

function snippet(parts: SnippetPart[]): HTMLElement {
  const el = h("div", { class: "snippet" });
  for (const part of parts) append(el, part.matched ? h("mark", {}, part.text) : part.text);
  return el;
}

function facetGroup(label: string, field: FacetField, counts: FacetCount[], query: string, on: ResultsHandlers): HTMLElement | null {
  if (counts.length === 0) return null;
  return h(
    "div",
    { class: "facet-group" },
    h("span", { class: "facet-label" }, label),
    ...counts.slice(0, 12).map((f) => {
      const active = hasFilter(query, field, f.value);
      const chip = h("button", { type: "button", class: active ? "chip active" : "chip", "data-facet": `${field}:${f.value}`, "aria-pressed": active ? "true" : "false" }, f.value, h("span", { class: "count" }, String(f.count)));
      chip.addEventListener("click", () => on.toggleFacet(field, f.value));
      return chip;
    }),
  );
}

function more(results: SearchResults, on: ResultsHandlers): HTMLElement {
  const button = h("button", { type: "button", id: "show-more", class: "ghost" }, `Show more (${results.hits.length} of ${results.total} shown)`);
  button.addEventListener("click", on.showMore);
  return h("div", { class: "actions center" }, button);
}

export interface ResultsView {
  element: HTMLElement;
  /** Moves keyboard focus to hit i (clips first, then passages). */
  focus: (i: number) => void;
  count: number;
  destroy: () => void;
}

export function renderResults(results: SearchResults, scroller: HTMLElement, on: ResultsHandlers): ResultsView {
  const clipCount = results.total === 1 ? "1 clip matches" : `${results.total} clips match`;
  const facets = results.facets;
  const facetBar = h(
    "div",
    { class: "facets", "aria-label": "Narrow by" },
    facets.counted < results.total ? h("span", { class: "hint" }, `Counts among the best ${facets.counted} matches`) : null,
    facetGroup("Tags", "tag", facets.tags, results.query, on),
    facetGroup("Claims", "claim", facets.claims, results.query, on),
    facetGroup("Stance", "stance", facets.stances, results.query, on),
    facetGroup("Sources", "source", facets.sources, results.query, on),
    facetGroup("Authors", "author", facets.authors, results.query, on),
  );
  const host = h("ol", { class: "results", id: "results", "aria-label": "Matching clips" });
  const clipRow = (i: number): HTMLElement => {
    const hit = results.hits[i];
    const box = h("input", { type: "checkbox", class: "pick", title: "Add to export (S)", "aria-label": "Add to export", checked: on.isInExport(hit.clipId) });
    box.addEventListener("click", (e) => {
      e.stopPropagation();
      on.toggleExport(hit.clipId);
    });
    const row = h(
      "li",
      { class: "hit", tabindex: 0, "data-clip": hit.clipId, "data-index": i },
      box,
      h("div", { class: "hit-body" }, snippet(hit.snippet), h("div", { class: "hit-meta" }, hit.sourceTitle, hit.tags.length ? `  ·  ${hit.tags.map((t) => `#${t}`).join(" ")}` : ""), hit.note ? h("div", { class: "hit-note" }, hit.note) : null),
    );
    row.addEventListener("click", () => on.openClip(hit));
    return row;
  };
  const passages = h("ol", { class: "results passages", id: "passages", "aria-label": "Matching passages" });
  results.passages.forEach((p, j) => {
    const row = h("li", { class: "hit passage", tabindex: 0, "data-source": p.sourceId, "data-index": results.hits.length + j }, h("div", { class: "hit-body" }, snippet(p.snippet), h("div", { class: "hit-meta" }, p.sourceTitle)));
    row.addEventListener("click", () => on.openPassage(p));
    append(passages, row);
  });
  const element = h(
    "section",
    { class: "search-view", "aria-label": "Search" },
    h("div", { class: "results-head", id: "results-head" }, `${clipCount} “${results.query}”`),
    facetBar,
    results.hits.length ? host : h("p", { class: "empty" }, "No clip matches. Try fewer words, a word's beginning followed by *, or remove a filter."),
    results.total > results.hits.length ? more(results, on) : null,
    results.passages.length ? h("h2", { class: "passages-head" }, `In your sources: ${results.passageTotal} passage${results.passageTotal === 1 ? "" : "s"}`) : null,
    passages,
  );
  let list: VirtualList | null = null;
  // The list needs to be in the document to measure; the caller appends `element` first.
  queueMicrotask(() => {
    if (results.hits.length) list = new VirtualList(scroller, host, results.hits.length, ROW_HEIGHT, clipRow);
  });
  const count = results.hits.length + results.passages.length;
  return {
    element,
    count,
    focus(i: number) {
      if (i < results.hits.length) {
        list?.reveal(i);
        list?.row(i)?.focus();
      } else {
        passages.querySelector<HTMLElement>(`[data-index="${i}"]`)?.focus();
      }
    },
    destroy() {
      list?.destroy();
    },
  };
}
