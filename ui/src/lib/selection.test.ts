import { h } from "./dom";
import { selectionOffsets } from "./selection";

function reader(): HTMLElement {
  // Two blocks as the reader renders them: block 2 starts at 15 ("First block.😀" is
  // 13 code points, plus the blank line between blocks); a clip highlight splits it.
  const root = h(
    "article",
    {},
    h("p", { "data-start": 0 }, "First block.😀"),
    h("p", { "data-start": 15 }, "Second ", h("mark", {}, "block"), " here."),
  );
  document.body.replaceChildren(root);
  return root;
}

function select(startNode: Node, startOffset: number, endNode: Node, endOffset: number): Selection {
  const selection = window.getSelection()!;
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}

describe("selection to source offsets", () => {
  it("counts code points from the block start, across highlight marks", () => {
    const root = reader();
    const second = root.children[1];
    const mark = second.querySelector("mark")!;
    // From "Second " through "block".
    const sel = select(second.firstChild!, 0, mark.firstChild!, 5);
    expect(selectionOffsets(sel, root)).toEqual({ start: 15, end: 27 });
  });

  it("spans blocks and trims whitespace at the edges", () => {
    const root = reader();
    const first = root.children[0].firstChild!;
    const sel = select(first, 6, root.children[1].firstChild!, 7);
    // "block.😀" + "Second " : the trailing space is left out.
    expect(selectionOffsets(sel, root)).toEqual({ start: 6, end: 21 });
  });

  it("ignores a selection outside the reader or an empty one", () => {
    const root = reader();
    const outside = h("p", {}, "elsewhere");
    document.body.appendChild(outside);
    expect(selectionOffsets(select(outside.firstChild!, 0, outside.firstChild!, 4), root)).toBeNull();
    const first = root.children[0].firstChild!;
    expect(selectionOffsets(select(first, 2, first, 2), root)).toBeNull();
  });
});
