// The draft checker's view of a report: the draft's text cut into plain runs
// and quotes, for marking each quote by its verdict (as text, never HTML).

import type { QuoteCheck, QuoteVerdict } from "./bindings";

export type Segment = { text: string; quote: number | null };

/**
 * Cuts `text` at the quotes' offsets, which count characters (code points), not
 * the UTF-16 units of a JavaScript string. Overlapping or out-of-range quotes
 * are skipped rather than trusted.
 */
export function draftSegments(text: string, quotes: QuoteCheck[]): Segment[] {
  const chars = Array.from(text);
  const order = quotes.map((q, i) => ({ q, i })).sort((a, b) => a.q.start - b.q.start);
  const out: Segment[] = [];
  let at = 0;
  for (const { q, i } of order) {
    if (q.start < at || q.end > chars.length || q.end <= q.start) continue;
    if (q.start > at) out.push({ text: chars.slice(at, q.start).join(""), quote: null });
    out.push({ text: chars.slice(q.start, q.end).join(""), quote: i });
    at = q.end;
  }
  if (at < chars.length) out.push({ text: chars.slice(at).join(""), quote: null });
  return out;
}

const LABELS: Record<QuoteVerdict, string> = {
  verified: "Verified",
  altered: "Altered",
  "not-found": "Not found",
  misattributed: "Misattributed",
  skipped: "Skipped",
};

export function verdictLabel(verdict: QuoteVerdict): string {
  return LABELS[verdict];
}
