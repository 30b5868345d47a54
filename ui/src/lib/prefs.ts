// What the app remembers between launches: the last source, pane sizes and the
// theme. Stored in the web view's localStorage, which lives in the app's data folder.

export type Theme = "system" | "light" | "dark";

export interface Prefs {
  lastSource: string | null;
  sidebarWidth: number;
  inspectorWidth: number;
  theme: Theme;
  /** The citation style of copies and exports; null for the attribution line only. */
  citationStyle: string | null;
  bibliography: boolean;
  /** With a style: give each quote's link too. */
  exportLink: boolean;
  /** The writer's house template, or "" for the standard layout. */
  template: string;
}

export const DEFAULT_PREFS: Prefs = { lastSource: null, sidebarWidth: 280, inspectorWidth: 340, theme: "system", citationStyle: null, bibliography: false, exportLink: false, template: "" };

const KEY = "commonplace.prefs.v1";

function clamp(n: unknown, min: number, max: number, fallback: number): number {
  return typeof n === "number" && Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** Reads saved preferences, falling back field by field on anything missing or odd. */
export function parsePrefs(raw: string | null): Prefs {
  let saved: Record<string, unknown> = {};
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (parsed && typeof parsed === "object") saved = parsed as Record<string, unknown>;
  } catch {
    saved = {};
  }
  return {
    lastSource: typeof saved.lastSource === "string" ? saved.lastSource : null,
    sidebarWidth: clamp(saved.sidebarWidth, 180, 520, DEFAULT_PREFS.sidebarWidth),
    inspectorWidth: clamp(saved.inspectorWidth, 240, 640, DEFAULT_PREFS.inspectorWidth),
    theme: saved.theme === "light" || saved.theme === "dark" ? saved.theme : "system",
    citationStyle: typeof saved.citationStyle === "string" && saved.citationStyle ? saved.citationStyle : null,
    bibliography: saved.bibliography === true,
    exportLink: saved.exportLink === true,
    template: typeof saved.template === "string" ? saved.template : "",
  };
}

export function loadPrefs(storage: Storage = localStorage): Prefs {
  return parsePrefs(storage.getItem(KEY));
}

export function savePrefs(prefs: Prefs, storage: Storage = localStorage): void {
  storage.setItem(KEY, JSON.stringify(prefs));
}
