// Which rows of a list of fixed-height rows are in view (plus a margin). The
// workspace's lists measure their rows (TanStack Virtual); this is the
// arithmetic for rows of one height.

export interface Window {
  first: number;
  last: number; // exclusive
  offset: number; // px from the top of the list to the first rendered row
}

export function visibleWindow(count: number, rowHeight: number, scrollTop: number, viewport: number, overscan = 6): Window {
  if (count === 0 || rowHeight <= 0) return { first: 0, last: 0, offset: 0 };
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  const first = Math.min(last, Math.max(0, Math.floor(scrollTop / rowHeight) - overscan));
  return { first, last, offset: first * rowHeight };
}
