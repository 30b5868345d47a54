// What a paste into the window (outside any field) looks like: a web address, a
// quote to clip, or a longer text to save as a source.

export type PasteKind = { kind: "url"; url: string } | { kind: "quote"; text: string; url?: string } | { kind: "text"; text: string } | { kind: "nothing" };

/** Quotes longer than this are treated as a source's text instead. */
export const QUOTE_MAX = 1200;

export function classifyPaste(raw: string): PasteKind {
  const text = raw.trim();
  if (!text) return { kind: "nothing" };
  if (/^https?:\/\/\S+$/i.test(text)) return { kind: "url", url: text };
  // A quote copied with its citation line: the address on the last line is where
  // it comes from, and the rest is the quote.
  const lines = text.split("\n");
  const last = lines[lines.length - 1];
  const address = /(https?:\/\/\S+?)[).,;]*$/.exec(last.trim());
  if (lines.length > 1 && address) {
    const quote = lines.slice(0, -1).join("\n").trim();
    if (quote && quote.length <= QUOTE_MAX) return { kind: "quote", text: quote, url: address[1] };
  }
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim()).length;
  if (text.length <= QUOTE_MAX && paragraphs <= 3) return { kind: "quote", text };
  return { kind: "text", text };
}
