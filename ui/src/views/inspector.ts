// The inspector: the selected clip (quote, note, tags, claims with stance, its
// source and a live citation preview) or, with no clip selected, the source.

import type { ClipView, Export, ItemType, SourceView, Stance } from "../lib/bindings";
import { h, append } from "../lib/dom";
import { authorList, humanDate, parseDate } from "../lib/format";

export interface ClipInspectorHandlers {
  saveNote: (note: string) => void;
  saveTags: (tags: string[]) => void;
  addClaim: () => void;
  removeClaim: (claimId: string, stance: Stance) => void;
  openClaim: (claimId: string) => void;
  copy: () => void;
  preview: () => void;
  remove: () => void;
}

export function parseTags(input: string): string[] {
  return input
    .split(",")
    .map((t) => t.trim().replace(/^#/, ""))
    .filter((t) => t.length > 0);
}

const STANCE_LABEL: Record<Stance, string> = { supports: "Supports", contradicts: "Contradicts", context: "Context" };

function field(label: string, ...children: (Node | string | null)[]): HTMLElement {
  return h("div", { class: "inspector-field" }, h("div", { class: "label" }, label), ...children);
}

export function renderClipInspector(view: ClipView, dragExport: Export | null, on: ClipInspectorHandlers): HTMLElement {
  const { clip, source } = view;
  const quote = h("blockquote", { class: "clip-quote", id: "inspector-quote", draggable: "true", title: "Drag into another application to drop the quote with its citation" }, clip.quote.exact);
  quote.addEventListener("dragstart", (e) => {
    if (!e.dataTransfer || !dragExport) return;
    e.dataTransfer.setData("text/plain", dragExport.text);
    e.dataTransfer.setData("text/html", dragExport.html);
    e.dataTransfer.effectAllowed = "copy";
  });
  const note = h("textarea", { id: "inspector-note", rows: 3, placeholder: "Add a note (E)", "aria-label": "Note" });
  note.value = clip.note;
  note.addEventListener("change", () => on.saveNote(note.value));
  note.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) note.blur();
    if (e.key === "Escape") {
      note.value = clip.note;
      note.blur();
    }
  });
  const tags = h("input", { id: "inspector-tags", type: "text", placeholder: "tags, separated by commas (T)", "aria-label": "Tags" });
  tags.value = clip.tags.join(", ");
  tags.addEventListener("change", () => on.saveTags(parseTags(tags.value)));
  tags.addEventListener("keydown", (e) => {
    if (e.key === "Enter") tags.blur();
  });
  const claims = h("ul", { class: "inspector-claims", id: "inspector-claims" });
  for (const c of clip.claims) {
    const open = h("button", { type: "button", class: "link" }, c.statement);
    open.addEventListener("click", () => on.openClaim(c.claimId));
    const remove = h("button", { type: "button", class: "ghost small", title: "Remove this link", "aria-label": `Remove the link to ${c.statement}` }, "×");
    remove.addEventListener("click", () => on.removeClaim(c.claimId, c.stance));
    append(claims, h("li", { class: `stance-${c.stance}`, "data-claim": c.claimId }, h("span", { class: "stance" }, STANCE_LABEL[c.stance]), open, remove));
  }
  const addClaim = h("button", { type: "button", id: "inspector-add-claim" }, "Add claim (A)");
  addClaim.addEventListener("click", on.addClaim);
  const copy = h("button", { type: "button", id: "inspector-copy", class: "primary", title: "Copy the quote with its citation (Ctrl+C)" }, "Copy");
  copy.addEventListener("click", on.copy);
  const preview = h("button", { type: "button", id: "inspector-preview", title: "See exactly what will be copied (P)" }, "Preview");
  preview.addEventListener("click", on.preview);
  const remove = h("button", { type: "button", id: "inspector-delete", class: "danger", title: "Delete this clip (Delete; Ctrl+Z brings it back)" }, "Delete");
  remove.addEventListener("click", on.remove);
  return h(
    "div",
    { class: "inspector-body", "data-clip": clip.id },
    h("h2", {}, "Clip"),
    quote,
    clip.page ? h("div", { class: "hint" }, `Page ${clip.page}`) : null,
    field("Note", note),
    field("Tags", tags),
    field("Claims", clip.claims.length ? claims : h("p", { class: "empty" }, "Not tied to a claim yet."), addClaim),
    field("Source", h("div", {}, source.title), h("div", { class: "hint" }, [authorList(source.authors), source.containerTitle ?? "", humanDate(source.issued)].filter(Boolean).join(" · "))),
    field("Citation", h("p", { class: "citation", id: "inspector-citation" }, view.citation)),
    h("div", { class: "actions" }, remove, preview, copy),
  );
}

export interface SourceInspectorHandlers {
  reimport: () => void;
  edit: (meta: SourceView["source"]["meta"]) => void;
}

export function renderSourceInspector(view: SourceView, on: SourceInspectorHandlers): HTMLElement {
  const meta = view.source.meta;
  const rows: [string, string][] = [
    ["Title", meta.title],
    ["Authors", authorList(meta.authors)],
    ["Site", meta.containerTitle ?? ""],
    ["Publisher", meta.publisher ?? ""],
    ["Date", humanDate(meta.issued)],
    ["Link", meta.url ?? ""],
    ["Type", ITEM_TYPES.find(([t]) => t === meta.itemType)?.[1] ?? ""],
    ["Number", meta.number ?? ""],
    ["Citation key", meta.citationKey ?? ""],
    ["Kind", view.source.kind],
  ];
  return h(
    "div",
    { class: "inspector-body" },
    h("h2", {}, "Source"),
    ...rows.filter(([, v]) => v).map(([k, v]) => field(k, h("div", { class: "value" }, v))),
    field("Citation", h("p", { class: "citation" }, view.citation)),
    h("p", { class: "hint" }, "Click a highlighted passage to see its clip here."),
    h("div", { class: "actions" }, editButton(view, on), reimportButton(on)),
  );
}

function reimportButton(on: SourceInspectorHandlers): HTMLElement {
  const b = h("button", { type: "button", id: "source-reimport", title: "Import a newer version of this source: clips are re-anchored, the old text is kept" }, "Re-import…");
  b.addEventListener("click", on.reimport);
  return b;
}

/** Edits title, site, date and link in place; what the writer sets is never overwritten by a re-import. */
function editButton(view: SourceView, on: SourceInspectorHandlers): HTMLElement {
  const b = h("button", { type: "button", id: "source-edit" }, "Edit details");
  b.addEventListener("click", () => {
    const meta = view.source.meta;
    const input = (id: string, label: string, value: string) => {
      const el = h("input", { type: "text", id, "aria-label": label, placeholder: label });
      el.value = value;
      return el;
    };
    const title = input("edit-title", "Title", meta.title);
    const site = input("edit-site", "Site or publication", meta.containerTitle ?? "");
    const date = input("edit-date", "Date (YYYY-MM-DD)", meta.issued ? [meta.issued.year, meta.issued.month, meta.issued.day].filter((x) => x !== undefined).map((x, i) => (i ? String(x).padStart(2, "0") : String(x))).join("-") : "");
    const url = input("edit-url", "Link", meta.url ?? "");
    const publisher = input("edit-publisher", "Publisher or issuing body", meta.publisher ?? "");
    const number = input("edit-number", "Report number", meta.number ?? "");
    const type = h("select", { id: "edit-type", "aria-label": "Type of work" }, h("option", { value: "" }, "Guess from the source"));
    for (const [value, label] of ITEM_TYPES) append(type, h("option", { value }, label));
    type.value = meta.itemType ?? "";
    const save = h("button", { type: "submit", class: "primary", id: "edit-save" }, "Save");
    const error = h("p", { class: "form-error", role: "alert" });
    const form = h("form", { class: "edit-source" }, field("Title", title), field("Type", type), field("Site", site), field("Publisher", publisher), field("Date", date), field("Number", number), field("Link", url), error, h("div", { class: "actions" }, save));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      try {
        on.edit({
          ...meta,
          title: title.value,
          containerTitle: site.value.trim() || null,
          publisher: publisher.value.trim() || null,
          number: number.value.trim() || undefined,
          itemType: (type.value || undefined) as ItemType | undefined,
          issued: parseDate(date.value),
          url: url.value.trim() || null,
        });
      } catch (err) {
        error.textContent = (err as Error).message;
      }
    });
    b.closest(".inspector-body")?.replaceChildren(h("h2", {}, "Source details"), form);
    title.focus();
  });
  return b;
}

/** CSL's types of work, as a writer names them. */
const ITEM_TYPES: [ItemType, string][] = [
  ["article-newspaper", "Newspaper article"],
  ["article-magazine", "Magazine article"],
  ["article-journal", "Journal article"],
  ["webpage", "Web page"],
  ["post-weblog", "Blog post"],
  ["report", "Report"],
  ["book", "Book"],
  ["chapter", "Book chapter"],
  ["thesis", "Thesis"],
  ["document", "Other document"],
];

export function renderEmptyInspector(): HTMLElement {
  return h("div", { class: "inspector-body empty" }, h("p", {}, "Select a clip to see its note, tags, claims and citation."));
}
