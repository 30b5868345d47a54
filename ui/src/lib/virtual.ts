// A virtualized list: only the rows in view (plus a margin) are in the DOM, so a
// list of 100,000 items scrolls as fast as one of 20. Rows have a fixed height.

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

/**
 * Renders `count` rows into `container` lazily. `render(i)` builds row i. The
 * container must be the scrolling element (or inside one given as `scroller`).
 */
export class VirtualList {
  private readonly spacer: HTMLElement;
  private readonly rows: HTMLElement;
  private frame = 0;
  private window: Window = { first: -1, last: -1, offset: 0 };

  constructor(
    private readonly scroller: HTMLElement,
    private readonly host: HTMLElement,
    private count: number,
    private readonly rowHeight: number,
    private readonly render: (i: number) => HTMLElement,
  ) {
    this.spacer = document.createElement("div");
    this.spacer.className = "virtual-spacer";
    this.rows = document.createElement("div");
    this.rows.className = "virtual-rows";
    this.spacer.appendChild(this.rows);
    host.replaceChildren(this.spacer);
    scroller.addEventListener("scroll", this.onScroll, { passive: true });
    this.update(true);
  }

  private onScroll = (): void => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.update(false);
    });
  };

  private update(force: boolean): void {
    this.spacer.style.height = `${this.count * this.rowHeight}px`;
    const top = Math.max(0, this.scroller.scrollTop - this.host.offsetTop);
    const next = visibleWindow(this.count, this.rowHeight, top, this.scroller.clientHeight || 800);
    if (!force && next.first === this.window.first && next.last === this.window.last) return;
    this.window = next;
    this.rows.style.transform = `translateY(${next.offset}px)`;
    const children: HTMLElement[] = [];
    for (let i = next.first; i < next.last; i++) children.push(this.render(i));
    this.rows.replaceChildren(...children);
  }

  /** Scrolls so that row i is in view, and renders it. */
  reveal(i: number): void {
    const top = this.host.offsetTop + i * this.rowHeight;
    if (top < this.scroller.scrollTop) this.scroller.scrollTop = top;
    else if (top + this.rowHeight > this.scroller.scrollTop + this.scroller.clientHeight) {
      this.scroller.scrollTop = top + this.rowHeight - this.scroller.clientHeight;
    }
    this.update(true);
  }

  row(i: number): HTMLElement | null {
    return this.rows.querySelector<HTMLElement>(`[data-index="${i}"]`);
  }

  destroy(): void {
    this.scroller.removeEventListener("scroll", this.onScroll);
    if (this.frame) cancelAnimationFrame(this.frame);
  }
}
