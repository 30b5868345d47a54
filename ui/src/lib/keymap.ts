// The one keymap: every shortcut with the words the `?` sheet shows for it.
// The App binds each entry's keys (through tinykeys) to the action of the same
// name, so the sheet can never list a key that does nothing, or miss one.

import { tinykeys } from "tinykeys";

export type Action =
  | "search"
  | "clip"
  | "clipWithClaim"
  | "editNote"
  | "editTags"
  | "toggleExportPick"
  | "copy"
  | "preview"
  | "delete"
  | "undo"
  | "newSource"
  | "openFile"
  | "rename"
  | "escape"
  | "help"
  | "next"
  | "previous";

export interface Shortcut {
  /** tinykeys bindings (`$mod` is Ctrl, or ⌘ on a Mac). */
  keys: string[];
  /** How the sheet writes the keys. */
  label: string;
  description: string;
  action: Action;
  /** Works while typing in a field too (otherwise a key types into it). */
  inFields?: boolean;
}

export const SHORTCUTS: Shortcut[] = [
  { keys: ["/"], label: "/", description: "Search", action: "search" },
  { keys: ["ArrowDown"], label: "↓ ↑, Enter", description: "Move through results, open one", action: "next" },
  { keys: ["ArrowUp"], label: "", description: "", action: "previous" },
  { keys: ["c", "Shift+C"], label: "C", description: "Clip the selected text", action: "clip" },
  { keys: ["a", "Shift+A"], label: "A", description: "Clip the selection and tie it to a claim (Esc saves nothing); or add a claim to the selected clip", action: "clipWithClaim" },
  { keys: ["e"], label: "E", description: "Edit the selected clip's note", action: "editNote" },
  { keys: ["t"], label: "T", description: "Edit the selected clip's tags", action: "editTags" },
  { keys: ["s"], label: "S", description: "Add the focused result to the export", action: "toggleExportPick" },
  { keys: ["$mod+c"], label: "Ctrl+C", description: "Copy the selected clip (or the export) with its citation", action: "copy" },
  { keys: ["p"], label: "P", description: "Preview the export", action: "preview" },
  { keys: ["Delete", "Backspace"], label: "Delete", description: "Delete the selected clip", action: "delete" },
  { keys: ["$mod+z"], label: "Ctrl+Z", description: "Undo the last change", action: "undo" },
  { keys: ["n"], label: "N", description: "Paste a new source", action: "newSource" },
  { keys: ["o"], label: "O", description: "Open a saved web page, PDF, Markdown or text file", action: "openFile" },
  { keys: ["r"], label: "R", description: "Rename the claim on its page", action: "rename" },
  { keys: ["Escape"], label: "Esc", description: "Close, or leave the search", action: "escape", inFields: true },
  { keys: ["Shift+?", "?"], label: "?", description: "This sheet", action: "help" },
];

/** The picker's own keys, shown on the sheet (they act inside the picker only). */
export const PICKER_KEYS: [string, string][] = [["1 2 3", "In the claim picker: supports, contradicts, context"]];

/** What the search box understands; the same list is in the README. */
export const SEARCH_SYNTAX: [string, string][] = [
  ["wind power", "Both words (“regulate” also finds “regulators”; “cafe” finds “café”); the word being typed counts as a beginning"],
  ['"wind power"', "The exact phrase"],
  ["-coal", "Without the word"],
  ["regul*", "Words that start so"],
  ["wind OR solar", "Either word"],
  ["tag:energy  claim:peak  stance:supports", "Tag, claim (words of its statement), stance"],
  ["source:outlook  author:goh  kind:pdf", "Source title, author, kind (web, pdf, text, markdown, excerpts)"],
  ["after:2021-03  before:2023", "Source dated from / before a year, month or day"],
  ["新电脑", "Chinese, Japanese and Korean, without spaces"],
];

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLElement && target.isContentEditable);
}

/** A dialog is open: its own keys (and Escape, which the dialog handles) win. */
function dialogOpen(): boolean {
  return document.querySelector("dialog[open]") !== null;
}

/**
 * Binds every shortcut to `handlers[action]`. A handler returns false when the
 * key does not apply here (it then goes on as typed). Returns the unbinding.
 */
export function bindKeys(target: Window, handlers: Partial<Record<Action, (e: KeyboardEvent) => boolean | void>>): () => void {
  const map: Record<string, (e: KeyboardEvent) => void> = {};
  for (const shortcut of SHORTCUTS) {
    const handler = handlers[shortcut.action];
    if (!handler) continue;
    for (const key of shortcut.keys) {
      map[key] = (e) => {
        if (e.defaultPrevented || dialogOpen()) return;
        if (!shortcut.inFields && typing(e.target)) return;
        if (handler(e) !== false) e.preventDefault();
      };
    }
  }
  return tinykeys(target, map);
}
