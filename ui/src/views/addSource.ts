// The form to add a source from text the writer pastes, with its metadata.

import type { NewSource } from "../lib/bindings";
import { h } from "../lib/dom";
import { parseAuthors, parseDate } from "../lib/format";

function field(label: string, input: HTMLElement, hint?: string): HTMLElement {
  return h("label", { class: "field" }, h("span", { class: "label" }, label), input, hint ? h("span", { class: "hint" }, hint) : null);
}

/** `onSave` resolves to an error message to show in the form, or null when saved. */
export function renderAddSource(initialText: string, onSave: (source: NewSource) => Promise<string | null>): HTMLElement {
  const title = h("input", { id: "source-title", type: "text", name: "title", placeholder: "China fines Alibaba record $2.8 bln" });
  const authors = h("textarea", { id: "source-authors", name: "authors", rows: 2, placeholder: "Zhang, Yan\n@Reuters" });
  const site = h("input", { id: "source-site", type: "text", name: "site", placeholder: "Reuters" });
  const date = h("input", { id: "source-date", type: "text", name: "date", placeholder: "2021-04-10" });
  const url = h("input", { id: "source-url", type: "text", name: "url", placeholder: "https://…" });
  const markdown = h("input", { id: "source-markdown", type: "checkbox", name: "markdown" });
  const text = h("textarea", { id: "source-text", name: "text", rows: 14, placeholder: "Paste the article's text here." });
  text.value = initialText;
  const error = h("p", { class: "form-error", id: "source-error", role: "alert" });
  const save = h("button", { id: "save-source", type: "submit", class: "primary" }, "Save source");
  const form = h(
    "form",
    { class: "add-source", "aria-label": "Add a source" },
    h("h1", {}, "Paste a source"),
    field("Title", title),
    field("Authors", authors, "One per line: “Family, Given”, or @Organisation"),
    h("div", { class: "row" }, field("Site or publication", site), field("Date", date, "YYYY, YYYY-MM or YYYY-MM-DD")),
    field("Link", url),
    field("Text", text),
    h("label", { class: "check" }, markdown, " The text is Markdown (keep headings, quotes and lists)"),
    error,
    h("div", { class: "actions" }, save),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    error.textContent = "";
    let issued;
    try {
      issued = parseDate(date.value);
    } catch (err) {
      error.textContent = (err as Error).message;
      date.focus();
      return;
    }
    const optional = (v: string) => (v.trim() ? v.trim() : null);
    save.disabled = true;
    try {
      const problem = await onSave({
        text: text.value,
        markdown: markdown.checked,
        meta: { title: title.value, authors: parseAuthors(authors.value), containerTitle: optional(site.value), publisher: null, issued, url: optional(url.value), canonicalUrl: null, doi: null, isbn: null, language: null, accessed: null },
      });
      if (problem) error.textContent = problem;
    } finally {
      save.disabled = false;
    }
  });
  return form;
}
