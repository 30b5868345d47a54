// Dialogs drawn in the page: the claim picker, the export preview, the shortcut
// sheet, confirmations and the pasted-quote form. One open at a time; Escape closes.

import type { ClaimSummary, Export, ExportFormat, ExportOptions, NewSource, Stance, StyleInfo } from "../lib/bindings";
import { h, append, clear } from "../lib/dom";
import { parseAuthors, parseDate } from "../lib/format";
import { exactClaim, rankClaims } from "../lib/typeahead";

let current: { el: HTMLElement; onClose: () => void } | null = null;

export function closeModal(): boolean {
  if (!current) return false;
  const { el, onClose } = current;
  current = null;
  el.remove();
  onClose();
  return true;
}

export function modalOpen(): boolean {
  return current !== null;
}

function openModal(title: string, body: HTMLElement, onClose: () => void = () => {}): HTMLElement {
  closeModal();
  const box = h("div", { class: "modal", role: "dialog", "aria-modal": "true", "aria-label": title }, h("h2", {}, title), body);
  const overlay = h("div", { class: "overlay", id: "modal" }, box);
  overlay.addEventListener("mousedown", (e) => {
    if (e.target === overlay) closeModal();
  });
  box.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      closeModal();
    }
  });
  document.body.appendChild(overlay);
  current = { el: overlay, onClose };
  return box;
}

export interface ClaimChoice {
  claimId: string | null;
  statement: string;
  stance: Stance;
}

/**
 * Type-ahead over existing claims; Enter picks the highlighted one or creates the
 * typed statement; then 1, 2 or 3 (or a button) picks the stance.
 */
export function claimPicker(claims: ClaimSummary[], withStance: boolean, onChoose: (choice: ClaimChoice) => void, title = "Add claim"): void {
  const input = h("input", { type: "text", id: "claim-input", placeholder: "Type a claim; Enter to pick or create", "aria-label": "Claim", autocomplete: "off" });
  const list = h("ul", { class: "picker-list", id: "claim-options", role: "listbox" });
  const stanceRow = h("div", { class: "stance-row", id: "stance-row", hidden: true });
  const body = h("div", { class: "picker" }, input, list, stanceRow);
  const candidates = claims.map((c) => ({ id: c.claim.id, statement: c.claim.statement }));
  let options: { id: string | null; statement: string }[] = [];
  let active = 0;
  let chosen: { id: string | null; statement: string } | null = null;

  const renderList = () => {
    const typed = input.value.trim();
    options = rankClaims(typed, candidates);
    if (typed && !exactClaim(typed, candidates)) options = [...options, { id: null, statement: typed }];
    active = Math.min(active, Math.max(0, options.length - 1));
    clear(list);
    if (options.length === 0) append(list, h("li", { class: "empty" }, "Type the claim, one sentence."));
    options.forEach((o, i) => {
      const li = h("li", { role: "option", class: i === active ? "option active" : "option", "aria-selected": i === active ? "true" : "false" }, o.id ? o.statement : `Create “${o.statement}”`);
      li.addEventListener("mousedown", (e) => {
        e.preventDefault();
        choose(o);
      });
      append(list, li);
    });
  };
  const finish = (stance: Stance) => {
    if (!chosen) return;
    const choice = { claimId: chosen.id, statement: chosen.statement, stance };
    closeModal();
    onChoose(choice);
  };
  const choose = (o: { id: string | null; statement: string }) => {
    chosen = o;
    if (!withStance) return finish("supports");
    input.disabled = true;
    list.hidden = true;
    stanceRow.hidden = false;
    clear(stanceRow);
    append(stanceRow, h("p", { class: "hint" }, `“${o.statement}”: how does the clip bear on it?`));
    (["supports", "contradicts", "context"] as Stance[]).forEach((s, i) => {
      const b = h("button", { type: "button", class: "stance-button", "data-stance": s }, `${i + 1} ${s[0].toUpperCase()}${s.slice(1)}`);
      b.addEventListener("click", () => finish(s));
      append(stanceRow, b);
    });
    (stanceRow.querySelector("button") as HTMLButtonElement).focus();
  };
  body.addEventListener("keydown", (e) => {
    if (chosen) {
      const stance = ({ "1": "supports", "2": "contradicts", "3": "context" } as Record<string, Stance>)[e.key];
      if (stance) {
        e.preventDefault();
        finish(stance);
      }
      return;
    }
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      active = (active + (e.key === "ArrowDown" ? 1 : -1) + options.length) % Math.max(1, options.length);
      renderList();
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (options[active]) choose(options[active]);
    }
  });
  input.addEventListener("input", () => {
    active = 0;
    renderList();
  });
  openModal(title, body);
  renderList();
  input.focus();
}

/** The bundled styles writers ask for by name, offered first. */
const NAMED_STYLES = ["apa", "chicago-author-date", "chicago-notes", "mla", "harvard", "ieee", "vancouver"];

/** A style chooser: attribution only, the named styles, the writer's own, then all. */
export function styleSelect(styles: StyleInfo[], chosen: string | null, id: string): HTMLSelectElement {
  const select = h("select", { id, "aria-label": "Citation style" });
  append(select, h("option", { value: "" }, "Attribution line only"));
  const group = (label: string, list: StyleInfo[]) => {
    if (!list.length) return;
    const g = h("optgroup", { label });
    for (const s of list) append(g, h("option", { value: s.id }, s.title));
    append(select, g);
  };
  group("Common styles", NAMED_STYLES.map((n) => styles.find((s) => s.id === n && !s.custom)).filter((s): s is StyleInfo => !!s));
  group("Your styles", styles.filter((s) => s.custom));
  group("All bundled styles", styles.filter((s) => !s.custom && !NAMED_STYLES.includes(s.id)));
  select.value = chosen ?? "";
  return select;
}

export interface ExportHandlers {
  /** Renders the export with these options (errors are shown in the dialog). */
  load: (options: ExportOptions) => Promise<Export>;
  /** The writer changed the options: remember them. */
  remember: (options: ExportOptions) => void;
  copy: (options: ExportOptions) => void;
  save: (format: ExportFormat, options: ExportOptions) => void;
}

/** Shows exactly what a copy puts on the clipboard, in the chosen citation style,
 * with Copy and Save buttons. */
export function exportPreview(title: string, exp: Export, styles: StyleInfo[], options: ExportOptions, on: ExportHandlers): void {
  let current = exp;
  let opts: ExportOptions = { ...options };
  const views: [ExportFormat, string, (e: Export) => string][] = [
    ["text", "Plain text", (e) => e.text],
    ["html", "HTML", (e) => e.html],
    ["markdown", "Markdown", (e) => e.markdown],
    ["pandoc", "Pandoc", (e) => e.pandoc],
  ];
  const pane = h("pre", { class: "preview", id: "export-preview", tabindex: 0 }, exp.text);
  const error = h("p", { class: "error", id: "export-error", role: "alert" });
  let format: ExportFormat = "text";
  const show = () => {
    const view = views.find(([f]) => f === format);
    pane.textContent = view ? view[2](current) : current.text;
  };
  const tabs = h("div", { class: "tabs", role: "tablist" });
  for (const [f, label] of views) {
    const tab = h("button", { type: "button", role: "tab", class: f === format ? "tab active" : "tab", "data-format": f }, label);
    tab.addEventListener("click", () => {
      format = f;
      show();
      tabs.querySelectorAll(".tab").forEach((t) => t.classList.toggle("active", t === tab));
    });
    append(tabs, tab);
  }
  const reload = async (next: ExportOptions) => {
    try {
      current = await on.load(next);
      opts = next;
      error.textContent = "";
      on.remember(opts);
      show();
    } catch (e) {
      error.textContent = e instanceof Error ? e.message : String(e);
    }
  };
  const style = styleSelect(styles, opts.style ?? null, "export-style");
  style.addEventListener("change", () => void reload({ ...opts, style: style.value || undefined }));
  const bibliography = h("input", { type: "checkbox", id: "export-bibliography" });
  bibliography.checked = opts.bibliography;
  bibliography.addEventListener("change", () => void reload({ ...opts, bibliography: bibliography.checked }));
  const template = h("textarea", { id: "export-template", rows: 3, spellcheck: "false", placeholder: "> {{ quote }}\n— *{{ source.container }}*, {{ source.date }}" });
  template.value = opts.template ?? "";
  const apply = h("button", { type: "button", id: "export-template-apply" }, "Apply template");
  apply.addEventListener("click", () => void reload({ ...opts, template: template.value.trim() ? template.value : undefined }));
  const house = h(
    "details",
    { class: "template" },
    h("summary", {}, "House template"),
    h("p", { class: "hint" }, "Jinja syntax, one quote at a time: quote, note, tags, citation, attribution, link, source.title, source.container, source.date, source.author. Leave empty for the standard layout."),
    template,
    apply,
  );
  if (opts.template) house.setAttribute("open", "");
  const controls = h(
    "div",
    { class: "export-controls" },
    h("label", {}, "Style ", style),
    h("label", {}, bibliography, " Bibliography"),
  );
  const copy = h("button", { type: "button", class: "primary", id: "export-copy" }, "Copy");
  copy.addEventListener("click", () => {
    closeModal();
    on.copy(opts);
  });
  const save = h("button", { type: "button", id: "export-save" }, "Save as file…");
  save.addEventListener("click", () => {
    closeModal();
    on.save(format, opts);
  });
  openModal(
    title,
    h(
      "div",
      { class: "export" },
      h("p", { class: "hint" }, "Copy puts the HTML and the plain text on the clipboard together: word processors take the first, plain editors the second. Pandoc saves the draft with its bibliography file beside it."),
      controls,
      house,
      error,
      tabs,
      pane,
      h("div", { class: "actions" }, save, copy),
    ),
  );
  copy.focus();
}

export interface ReferenceHandlers {
  importFile: () => void;
  exportAll: (format: string) => void;
  addStyle: () => void;
}

/** Reference files and citation styles: import a .bib, CSL-JSON or RIS file,
 * export every source, add a .csl style. */
export function referencesDialog(on: ReferenceHandlers): void {
  const importButton = h("button", { type: "button", id: "refs-import" }, "Import a reference file…");
  importButton.addEventListener("click", () => {
    closeModal();
    on.importFile();
  });
  const format = h(
    "select",
    { id: "refs-format", "aria-label": "Reference format" },
    h("option", { value: "biblatex" }, "BibLaTeX (.bib)"),
    h("option", { value: "bibtex" }, "BibTeX (.bib)"),
    h("option", { value: "csl-json" }, "CSL-JSON (.json)"),
    h("option", { value: "ris" }, "RIS (.ris)"),
  );
  const exportButton = h("button", { type: "button", id: "refs-export" }, "Export all sources…");
  exportButton.addEventListener("click", () => {
    closeModal();
    on.exportAll(format.value);
  });
  const styleButton = h("button", { type: "button", id: "refs-add-style" }, "Add a citation style (.csl)…");
  styleButton.addEventListener("click", () => {
    closeModal();
    on.addStyle();
  });
  openModal(
    "References and styles",
    h(
      "div",
      { class: "references" },
      h("p", { class: "hint" }, "Bring in a library from Zotero, Better BibTeX or EndNote (BibTeX, BibLaTeX, CSL-JSON, RIS): each entry becomes a source. Entries already here are skipped."),
      h("div", { class: "actions" }, importButton),
      h("p", { class: "hint" }, "Write every source with its citation key, for LaTeX, Pandoc or another reference manager."),
      h("div", { class: "actions" }, format, exportButton),
      h("p", { class: "hint" }, "Add a style from the Zotero Style Repository or your publisher (a .csl file)."),
      h("div", { class: "actions" }, styleButton),
    ),
  );
  importButton.focus();
}

export function confirmDialog(title: string, message: string, confirmLabel: string, onConfirm: () => void): void {
  const yes = h("button", { type: "button", class: "danger", id: "confirm-yes" }, confirmLabel);
  const no = h("button", { type: "button" }, "Cancel");
  yes.addEventListener("click", () => {
    closeModal();
    onConfirm();
  });
  no.addEventListener("click", () => closeModal());
  openModal(title, h("div", {}, h("p", {}, message), h("div", { class: "actions" }, no, yes)));
  no.focus();
}

export const SHORTCUTS: [string, string][] = [
  ["/", "Search"],
  ["↓ ↑, Enter", "Move through results, open one"],
  ["C", "Clip the selected text"],
  ["A", "Clip the selection and add a claim (or add a claim to the selected clip)"],
  ["1 2 3", "In the claim picker: supports, contradicts, context"],
  ["E / T", "Edit the selected clip's note / tags"],
  ["S", "Add the focused result to the export"],
  ["Ctrl+C", "Copy the selected clip (or the export) with its citation"],
  ["P", "Preview the export"],
  ["Delete", "Delete the selected clip"],
  ["Ctrl+Z", "Undo the last delete or edit"],
  ["N", "Paste a new source"],
  ["O", "Open a saved web page, Markdown or text file"],
  ["Esc", "Close, or leave the search"],
  ["?", "This sheet"],
];

/** What the search box understands; the same list is in the README. */
export const SEARCH_SYNTAX: [string, string][] = [
  ["wind power", "Both words (“regulate” also finds “regulators”; “cafe” finds “café”)"],
  ["\"wind power\"", "The exact phrase"],
  ["-coal", "Without the word"],
  ["regul*", "Words that start so"],
  ["wind OR solar", "Either word"],
  ["tag:energy  claim:peak  stance:supports", "Tag, claim (words of its statement), stance"],
  ["source:outlook  author:goh  kind:pdf", "Source title, author, kind (web, pdf, text, markdown, excerpts)"],
  ["after:2021-03  before:2023", "Source dated from / before a year, month or day"],
  ["新电脑", "Chinese, Japanese and Korean, without spaces"],
];

export function shortcutSheet(): void {
  const table = h("dl", { class: "shortcuts", id: "shortcuts" });
  for (const [keys, what] of SHORTCUTS) append(table, h("dt", {}, keys), h("dd", {}, what));
  const syntax = h("dl", { class: "shortcuts", id: "search-syntax" });
  for (const [example, what] of SEARCH_SYNTAX) append(syntax, h("dt", {}, example), h("dd", {}, what));
  openModal("Keyboard shortcuts and search", h("div", {}, table, h("h3", {}, "Search"), syntax, h("p", { class: "hint" }, "A query that does not parse is used as far as it does: a typo never gives an error.")));
  table.tabIndex = 0;
  table.focus();
}

/** A pasted quote: asks where it comes from, then saves the source and the clip. */
export function pastedQuoteForm(text: string, address: string, onSave: (source: NewSource) => void): void {
  const quote = h("blockquote", { class: "clip-quote" }, text);
  const title = h("input", { type: "text", id: "paste-title", placeholder: "Title of the source", "aria-label": "Title" });
  const authors = h("input", { type: "text", id: "paste-authors", placeholder: "Author: Family, Given (or @Organisation)", "aria-label": "Author" });
  const site = h("input", { type: "text", id: "paste-site", placeholder: "Site or publication", "aria-label": "Site" });
  const date = h("input", { type: "text", id: "paste-date", placeholder: "Date: YYYY-MM-DD", "aria-label": "Date" });
  const url = h("input", { type: "text", id: "paste-url", placeholder: "https://…", "aria-label": "Link" });
  url.value = address;
  const error = h("p", { class: "form-error", role: "alert" });
  const save = h("button", { type: "submit", class: "primary", id: "paste-save" }, "Save clip");
  const form = h("form", { class: "paste-form" }, quote, title, authors, h("div", { class: "row" }, site, date), url, error, h("div", { class: "actions" }, save));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    try {
      onSave({
        text,
        markdown: false,
        meta: { title: title.value, authors: parseAuthors(authors.value), containerTitle: site.value.trim() || null, publisher: null, issued: parseDate(date.value), url: url.value.trim() || null, canonicalUrl: null, doi: null, isbn: null, language: null, accessed: null },
      });
      closeModal();
    } catch (err) {
      error.textContent = (err as Error).message;
    }
  });
  openModal("Clip a pasted quote", form);
  title.focus();
}

/** Progress of a multi-file import, with a Cancel button. */
export function importProgress(total: number, onCancel: () => void): { step: (i: number, name: string) => void; done: () => void } {
  const label = h("p", { id: "import-progress" }, "");
  const bar = h("progress", { max: total, value: 0 });
  const cancel = h("button", { type: "button" }, "Cancel");
  cancel.addEventListener("click", onCancel);
  openModal("Importing", h("div", {}, label, bar, h("div", { class: "actions" }, cancel)));
  return {
    step(i, name) {
      label.textContent = `${i + 1} of ${total}: ${name}`;
      bar.value = i;
    },
    done: () => closeModal(),
  };
}

/** Asks for the password of an encrypted file; resolves to null if cancelled. */
export function askPassword(message: string): Promise<string | null> {
  return new Promise((resolve) => {
    let answered = false;
    const input = h("input", { type: "password", id: "password-input", "aria-label": "Password", autocomplete: "off" });
    const open = h("button", { type: "submit", class: "primary", id: "password-open" }, "Open");
    const form = h("form", {}, h("p", {}, message), input, h("div", { class: "actions" }, open));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      answered = true;
      closeModal();
      resolve(input.value);
    });
    openModal("Password", form, () => {
      if (!answered) resolve(null);
    });
    input.focus();
  });
}
