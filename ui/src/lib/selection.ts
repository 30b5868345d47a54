// Maps a DOM selection inside the reader to code-point offsets in the source text.
// Each rendered block carries `data-start` (its offset in the source text) and its
// text content is exactly the block's text, whatever highlight spans it contains.

import { codePointLength } from "./offsets";

function blockOf(node: Node, root: Element): HTMLElement | null {
  const el = node instanceof Element ? node : node.parentElement;
  const block = el?.closest<HTMLElement>("[data-start]") ?? null;
  return block && root.contains(block) ? block : null;
}

function offsetIn(block: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(block, 0);
  range.setEnd(node, offset);
  return Number(block.dataset.start) + codePointLength(range.toString());
}

/** The selected text's [start, end) in the source, or null if nothing usable is selected. */
export function selectionOffsets(selection: Selection | null, root: Element): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const startBlock = blockOf(range.startContainer, root);
  const endBlock = blockOf(range.endContainer, root);
  if (!startBlock || !endBlock) return null;
  let start = offsetIn(startBlock, range.startContainer, range.startOffset);
  let end = offsetIn(endBlock, range.endContainer, range.endOffset);
  // Leave out whitespace at either end of the selection, as a reader expects.
  const text = range.toString();
  const leading = codePointLength(text) - codePointLength(text.trimStart());
  const trailing = codePointLength(text) - codePointLength(text.trimEnd());
  start += leading;
  end -= trailing;
  return end > start ? { start, end } : null;
}
