import { codePointLength, segmentBlock, sliceCodePoints } from "./offsets";

describe("code-point offsets", () => {
  it("counts an emoji or an astral CJK character as one, as the Rust side does", () => {
    expect(codePointLength("a😀b")).toBe(3);
    expect("a😀b".length).toBe(4);
    expect(sliceCodePoints("𠀀中文 text", 1, 3)).toBe("中文");
  });

  it("cuts a block at clip boundaries and says which clips cover each piece", () => {
    // The block starts at offset 10 in the source text.
    const segments = segmentBlock("one two three", 10, [
      { id: "a", start: 14, end: 17 },
      { id: "b", start: 0, end: 12 },
      { id: "elsewhere", start: 40, end: 50 },
    ]);
    expect(segments).toEqual([
      { text: "on", clips: ["b"] },
      { text: "e ", clips: [] },
      { text: "two", clips: ["a"] },
      { text: " three", clips: [] },
    ]);
  });

  it("keeps emoji whole when a clip boundary falls after one", () => {
    const segments = segmentBlock("😀😀x", 0, [{ id: "a", start: 1, end: 2 }]);
    expect(segments.map((s) => s.text)).toEqual(["😀", "😀", "x"]);
  });
});
