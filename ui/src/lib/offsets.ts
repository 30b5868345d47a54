// Clip offsets count Unicode code points (W3C TextPositionSelector); JavaScript
// strings count UTF-16 code units. These helpers convert between the two.

export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** The part of `text` between two code-point offsets. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join("");
}

export interface Segment {
  text: string;
  /** Ids of the clips covering this segment. */
  clips: string[];
}

export interface Span {
  id: string;
  start: number;
  end: number;
}

/**
 * Cuts a block's text into segments at clip boundaries. `blockStart` is the
 * block's offset in the source text; spans use source-text offsets.
 */
export function segmentBlock(text: string, blockStart: number, spans: Span[]): Segment[] {
  const chars = Array.from(text);
  const blockEnd = blockStart + chars.length;
  const cuts = new Set<number>([0, chars.length]);
  const inside = spans.filter((s) => s.end > blockStart && s.start < blockEnd);
  for (const s of inside) {
    cuts.add(Math.max(0, s.start - blockStart));
    cuts.add(Math.min(chars.length, s.end - blockStart));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    if (from === to) continue;
    const clips = inside
      .filter((s) => s.start - blockStart <= from && s.end - blockStart >= to)
      .map((s) => s.id);
    segments.push({ text: chars.slice(from, to).join(""), clips });
  }
  return segments;
}
