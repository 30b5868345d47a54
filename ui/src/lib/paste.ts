// What a paste into the window (outside any field) looks like: a web address, a
// quote to clip, or a longer text to save as a source.

export type PasteKind = { kind: "url"; url: string } | { kind: "quote"; text: string } | { kind: "text"; text: string } | { kind: "nothing" };

/** Quotes longer than this are treated as a source's text instead. */
export const QUOTE_MAX = 1200;

export function classifyPaste(raw: string): PasteKind {
  const text = raw.trim();
  if (!text) return { kind: "nothing" };
  if (/^https?:\/\/\S+$/i.test(text)) return { kind: "url", url: text };
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim()).length;
  if (text.length <= QUOTE_MAX && paragraphs <= 3) return { kind: "quote", text };
  return { kind: "text", text };
}
