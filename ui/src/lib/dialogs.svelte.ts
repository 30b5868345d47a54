// Which dialogs are open, and what each was opened with. Dialogs are native
// <dialog> elements (see components/Dialog.svelte), so several may be open at
// once, stacked: a password prompt over the import progress. Asking returns a
// promise of the answer (null when the writer cancels).

import type { ExportTarget, Stance } from "./bindings";

export interface ClaimChoice {
  claimId: string | null;
  statement: string;
  stance: Stance;
}

interface Picker {
  title: string;
  withStance: boolean;
  resolve: (choice: ClaimChoice | null) => void;
}

interface Confirm {
  title: string;
  message: string;
  confirmLabel: string;
  resolve: (yes: boolean) => void;
}

interface Progress {
  total: number;
  done: number;
  name: string;
  cancelled: boolean;
}

class Dialogs {
  picker = $state<Picker | null>(null);
  exporting = $state<{ title: string; target: ExportTarget } | null>(null);
  references = $state(false);
  confirm = $state<Confirm | null>(null);
  shortcuts = $state(false);
  pasted = $state<{ text: string; url: string } | null>(null);
  progress = $state<Progress | null>(null);
  password = $state<{ message: string; resolve: (password: string | null) => void } | null>(null);

  /** A claim, picked or typed (with its stance when asked); null if cancelled. */
  pickClaim(title: string, withStance: boolean): Promise<ClaimChoice | null> {
    this.picker?.resolve(null);
    return new Promise((resolve) => (this.picker = { title, withStance, resolve }));
  }

  ask(title: string, message: string, confirmLabel: string): Promise<boolean> {
    this.confirm?.resolve(false);
    return new Promise((resolve) => (this.confirm = { title, message, confirmLabel, resolve }));
  }

  askPassword(message: string): Promise<string | null> {
    this.password?.resolve(null);
    return new Promise((resolve) => (this.password = { message, resolve }));
  }
}

export const dialogs = new Dialogs();
