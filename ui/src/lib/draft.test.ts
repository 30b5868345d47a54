import { describe, expect, it } from "vitest";
import type { QuoteCheck } from "./bindings";
import { draftSegments } from "./draft";

const quote = (start: number, end: number): QuoteCheck => ({
  text: "",
  start,
  end,
  block: false,
  verdict: "verified",
  flags: [],
  sourceId: null,
  sourceTitle: null,
  clipId: null,
  cited: null,
  citedSourceId: null,
  diff: [],
  suggestion: null,
  at: null,
  omitted: [],
  skipped: null,
});

describe("draftSegments", () => {
  it("cuts by code points, so a quote after an emoji is marked where it is", () => {
    const text = "😀 He said “all is well” today.";
    // In code points: the emoji before it is one character, two UTF-16 units.
    const start = Array.from(text.slice(0, text.indexOf("all"))).length;
    expect(start).toBe(text.indexOf("all") - 1);
    const segs = draftSegments(text, [quote(start, start + 11)]);
    expect(segs.map((s) => s.text).join("")).toBe(text);
    expect(segs.find((s) => s.quote === 0)?.text).toBe("all is well");
  });

  it("skips overlapping and out-of-range quotes instead of garbling the text", () => {
    const text = "one two three";
    const segs = draftSegments(text, [quote(0, 7), quote(4, 9), quote(10, 99)]);
    expect(segs.map((s) => s.text).join("")).toBe(text);
    expect(segs.filter((s) => s.quote !== null).map((s) => s.quote)).toEqual([0]);
  });
});
