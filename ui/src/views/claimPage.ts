// A claim's page: its statement, then its evidence grouped by stance with each
// clip's source and date, and the actions on the claim.

import type { ClaimView, Evidence, Stance } from "../lib/bindings";
import { h, append } from "../lib/dom";
import { humanDate } from "../lib/format";

export interface ClaimPageHandlers {
  openEvidence: (e: Evidence) => void;
  rename: (statement: string) => void;
  merge: () => void;
  remove: () => void;
  exportDossier: () => void;
}

const GROUPS: [Stance, string][] = [
  ["supports", "Supports"],
  ["contradicts", "Contradicts"],
  ["context", "Context"],
];

export function renderClaimPage(view: ClaimView, on: ClaimPageHandlers): HTMLElement {
  const claim = view.claim.claim;
  const title = h("h1", { id: "claim-title", class: "claim-title", tabindex: 0, title: "Rename (R)" }, claim.statement);
  const rename = h("button", { type: "button", id: "claim-rename" }, "Rename");
  rename.addEventListener("click", () => {
    const input = h("input", { type: "text", id: "claim-rename-input", class: "title-input", "aria-label": "Claim statement" });
    input.value = claim.statement;
    title.replaceWith(input);
    input.focus();
    input.select();
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") on.rename(input.value);
      if (e.key === "Escape") input.replaceWith(title);
    });
  });
  const merge = h("button", { type: "button", id: "claim-merge" }, "Merge into…");
  merge.addEventListener("click", on.merge);
  const remove = h("button", { type: "button", id: "claim-delete", class: "danger" }, "Delete");
  remove.addEventListener("click", on.remove);
  const exportButton = h("button", { type: "button", id: "claim-export", class: "primary" }, "Export dossier");
  exportButton.addEventListener("click", on.exportDossier);

  const page = h(
    "section",
    { class: "claim-page", "aria-label": "Claim" },
    h("div", { class: "eyebrow" }, "Claim"),
    title,
    claim.note ? h("p", { class: "claim-note" }, claim.note) : null,
    h("div", { class: "reader-tools" }, exportButton, rename, merge, remove),
  );
  if (view.evidence.length === 0) {
    append(page, h("p", { class: "empty" }, "No evidence yet. In the reader, select a passage and press A to tie it to this claim."));
  }
  for (const [stance, label] of GROUPS) {
    const items = view.evidence.filter((e) => e.stance === stance);
    const list = h("ol", { class: "evidence", "data-stance": stance });
    for (const e of items) {
      const li = h(
        "li",
        { class: "evidence-item", tabindex: 0, "data-clip": e.clip.id },
        h("blockquote", {}, e.clip.quote.exact),
        h("div", { class: "hit-meta" }, [e.source.title, humanDate(e.source.issued)].filter(Boolean).join(" · ")),
        e.clip.note ? h("div", { class: "hit-note" }, e.clip.note) : null,
      );
      li.addEventListener("click", () => on.openEvidence(e));
      li.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter") on.openEvidence(e);
      });
      append(list, li);
    }
    append(page, h("section", { class: `stance-group stance-${stance}` }, h("h2", {}, `${label} `, h("span", { class: "count" }, String(items.length))), items.length ? list : h("p", { class: "empty" }, "None yet.")));
  }
  return page;
}
