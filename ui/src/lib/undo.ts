// Undo for deletes and edits: each action the writer can take back pushes how to
// take it back. Ctrl+Z pops the latest.

export interface UndoEntry {
  label: string;
  undo: () => Promise<void>;
}

export class UndoStack {
  private entries: UndoEntry[] = [];
  constructor(private readonly limit = 50) {}

  push(entry: UndoEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.shift();
  }

  /** Takes back the latest action; returns its label, or null when there is none. */
  async undo(): Promise<string | null> {
    const entry = this.entries.pop();
    if (!entry) return null;
    await entry.undo();
    return entry.label;
  }

  get size(): number {
    return this.entries.length;
  }
}
