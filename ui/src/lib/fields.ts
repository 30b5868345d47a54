// The source fields the inspector lists, each with where it came from and the
// way to correct it alone: its value as one line of text, and that line read
// back into the metadata. Correcting a field changes that field only; the
// library then marks it as the writer's own, so no re-import overwrites it.

import type { Author, SourceMeta } from "./bindings";
import { authorList, humanDate, parseAuthors, parseDate } from "./format";

export type FieldKey = "title" | "authors" | "containerTitle" | "publisher" | "issued" | "url" | "number";

export type Field = {
  key: FieldKey;
  label: string;
  /** Shown even when empty: a citation needs it, so a missing one is corrected in place. */
  cited: boolean;
  /** The value as the inspector shows it ("" when there is none). */
  shown: (meta: SourceMeta) => string;
  /** The value as one line to edit. */
  draft: (meta: SourceMeta) => string;
  /** The metadata with this field set from an edited line; throws a message a writer can act on. */
  apply: (meta: SourceMeta, line: string) => SourceMeta;
};

/** "Family, Given" for a person, "@Name" for an organisation, separated by semicolons. */
export function authorsLine(authors: Author[]): string {
  return authors.map((a) => (a.type === "organization" ? `@${a.name}` : a.given ? `${a.family}, ${a.given}` : a.family)).join("; ");
}

/** Reads a line written as `authorsLine` writes it. */
export function parseAuthorsLine(line: string): Author[] {
  return parseAuthors(line.split(";").join("\n"));
}

export function isoDate(meta: SourceMeta): string {
  const d = meta.issued;
  if (!d) return "";
  const two = (n: number) => String(n).padStart(2, "0");
  return [String(d.year), d.month ? two(d.month) : null, d.month && d.day ? two(d.day) : null].filter(Boolean).join("-");
}

const optional = (line: string): string | null => line.trim() || null;

export const FIELDS: Field[] = [
  {
    key: "title",
    label: "Title",
    cited: true,
    shown: (m) => m.title,
    draft: (m) => m.title,
    apply: (m, line) => {
      if (!line.trim()) throw new Error("A source needs a title: it is how the source is cited and found.");
      return { ...m, title: line.trim() };
    },
  },
  { key: "authors", label: "Authors", cited: true, shown: (m) => authorList(m.authors), draft: (m) => authorsLine(m.authors), apply: (m, line) => ({ ...m, authors: parseAuthorsLine(line) }) },
  { key: "containerTitle", label: "Site", cited: true, shown: (m) => m.containerTitle ?? "", draft: (m) => m.containerTitle ?? "", apply: (m, line) => ({ ...m, containerTitle: optional(line) }) },
  { key: "publisher", label: "Publisher", cited: true, shown: (m) => m.publisher ?? "", draft: (m) => m.publisher ?? "", apply: (m, line) => ({ ...m, publisher: optional(line) }) },
  { key: "issued", label: "Date", cited: true, shown: (m) => humanDate(m.issued), draft: isoDate, apply: (m, line) => ({ ...m, issued: parseDate(line) }) },
  { key: "url", label: "Link", cited: true, shown: (m) => m.url ?? "", draft: (m) => m.url ?? "", apply: (m, line) => ({ ...m, url: optional(line) }) },
  { key: "number", label: "Number", cited: false, shown: (m) => m.number ?? "", draft: (m) => m.number ?? "", apply: (m, line) => ({ ...m, number: line.trim() || undefined }) },
];

/** What a field's placeholder says while it is being corrected. */
export const HINTS: Record<FieldKey, string> = {
  title: "Title",
  authors: "Family, Given; @Organisation",
  containerTitle: "Site or publication",
  publisher: "Publisher or issuing body",
  issued: "YYYY, YYYY-MM or YYYY-MM-DD",
  url: "https://…",
  number: "Report number",
};

/** Where a field came from, in words ("" when unknown). */
export function originLabel(origin: string | undefined): string {
  if (!origin) return "";
  return origin === "user" ? "set by you" : `from ${origin}`;
}
