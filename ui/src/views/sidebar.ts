// The library in the sidebar: sources, claims and tags with their counts, and a
// filter box that narrows all three as you type.

import type { ClaimSummary, SourceSummary, TagCount } from "../lib/bindings";
import { h, append, clear } from "../lib/dom";
import { authorList } from "../lib/format";
import { VirtualList } from "../lib/virtual";

/** Above this many sources the list is virtualized: only the rows in view are built. */
export const VIRTUAL_FROM = 200;
const SOURCE_ROW = 52;
let sourceRows: VirtualList | null = null;

export interface SidebarData {
  sources: SourceSummary[];
  claims: ClaimSummary[];
  tags: TagCount[];
}

export interface SidebarHandlers {
  openSource: (id: string) => void;
  openClaim: (id: string) => void;
  searchTag: (tag: string) => void;
  newClaim: () => void;
}

function matches(filter: string, ...texts: string[]): boolean {
  const f = filter.trim().toLowerCase();
  return !f || texts.some((t) => t.toLowerCase().includes(f));
}

function item(attrs: Record<string, string | number | undefined>, onOpen: () => void, ...children: (Node | string | null)[]): HTMLElement {
  const li = h("li", { tabindex: 0, ...attrs }, ...children);
  li.addEventListener("click", onOpen);
  li.addEventListener("keydown", (e) => {
    if (e.key === "Enter") onOpen();
  });
  return li;
}

export function renderSidebar(root: HTMLElement, data: SidebarData, filter: string, current: { source?: string; claim?: string }, on: SidebarHandlers): void {
  clear(root);
  const sources = data.sources.filter((s) => matches(filter, s.title, authorList(s.authors), s.containerTitle ?? ""));
  const claims = data.claims.filter((c) => matches(filter, c.claim.statement));
  const tags = data.tags.filter((t) => matches(filter, t.name));

  const sourceList = h("ul", { class: "source-list", id: "sources" });
  const sourceRow = (i: number): HTMLElement => {
    const s = sources[i];
    return item(
      { class: s.id === current.source ? "source current" : "source", "data-source": s.id, "data-index": i, "aria-current": s.id === current.source ? "true" : undefined },
      () => on.openSource(s.id),
      h("span", { class: "source-title" }, s.title),
      h("span", { class: "source-meta" }, [authorList(s.authors), s.containerTitle ?? ""].filter(Boolean).join(" · ")),
      h("span", { class: "count", title: "clips" }, String(s.clipCount)),
    );
  };
  sourceRows?.destroy();
  sourceRows = null;
  let sourceHost: HTMLElement = sourceList;
  if (data.sources.length === 0) append(sourceList, h("li", { class: "empty" }, "No sources yet. Press N to paste one, O to open a file, or drop files here."));
  if (sources.length > VIRTUAL_FROM) {
    // A long library scrolls in a pane of its own, with fixed-height rows.
    sourceHost = h("div", { class: "virtual-sources", id: "sources-scroller" }, sourceList);
    sourceList.classList.add("compact");
    queueMicrotask(() => {
      sourceRows = new VirtualList(sourceHost, sourceList, sources.length, SOURCE_ROW, sourceRow);
    });
  } else {
    sources.forEach((_, i) => append(sourceList, sourceRow(i)));
  }

  const claimList = h("ul", { class: "claim-list", id: "claims" });
  if (data.claims.length === 0) append(claimList, h("li", { class: "empty" }, "No claims yet. Select a passage and press A to clip it and tie it to a claim."));
  for (const c of claims) {
    const total = c.supports + c.contradicts + c.context;
    append(
      claimList,
      item(
        { class: c.claim.id === current.claim ? "claim current" : "claim", "data-claim": c.claim.id, title: `${c.supports} support · ${c.contradicts} contradict · ${c.context} context` },
        () => on.openClaim(c.claim.id),
        h("span", { class: "claim-statement" }, c.claim.statement),
        h("span", { class: "count" }, String(total)),
      ),
    );
  }

  const tagList = h("ul", { class: "tag-list", id: "tags" });
  if (data.tags.length === 0) append(tagList, h("li", { class: "empty" }, "No tags yet."));
  for (const t of tags) {
    append(tagList, item({ class: "tag", "data-tag": t.name }, () => on.searchTag(t.name), h("span", {}, `#${t.name}`), h("span", { class: "count" }, String(t.count))));
  }

  const addClaim = h("button", { type: "button", class: "ghost small", title: "New claim" }, "+");
  addClaim.addEventListener("click", on.newClaim);
  append(
    root,
    h("h2", {}, "Sources ", h("span", { class: "count", id: "source-count" }, String(data.sources.length))),
    sourceHost,
    h("h2", {}, "Claims ", h("span", { class: "count" }, String(data.claims.length)), addClaim),
    claimList,
    h("h2", {}, "Tags ", h("span", { class: "count" }, String(data.tags.length))),
    tagList,
  );
}
