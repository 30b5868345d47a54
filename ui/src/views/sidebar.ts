// The library list in the sidebar.

import type { SourceSummary } from "../lib/bindings";
import { h, append, clear } from "../lib/dom";
import { authorList } from "../lib/format";

export function renderSources(list: HTMLElement, sources: SourceSummary[], currentId: string | null, onOpen: (id: string) => void): void {
  clear(list);
  if (sources.length === 0) {
    append(list, h("li", { class: "empty" }, "No sources yet. Add one to start clipping."));
    return;
  }
  for (const source of sources) {
    const item = h(
      "li",
      { class: source.id === currentId ? "source current" : "source", tabindex: 0, "data-source": source.id, "aria-current": source.id === currentId ? "true" : undefined },
      h("span", { class: "source-title" }, source.title),
      h("span", { class: "source-meta" }, [authorList(source.authors), source.containerTitle ?? ""].filter(Boolean).join(" · ")),
      h("span", { class: "count" }, String(source.clipCount)),
    );
    item.addEventListener("click", () => onOpen(source.id));
    item.addEventListener("keydown", (e) => {
      if (e.key === "Enter") onOpen(source.id);
    });
    append(list, item);
  }
}
