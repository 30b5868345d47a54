// Small text formatters shared by the views.

import type { Author, PartialDate } from "./bindings";

export function authorName(author: Author): string {
  if (author.type === "organization") return author.name;
  return author.given ? `${author.given} ${author.family}` : author.family;
}

export function authorList(authors: Author[]): string {
  const names = authors.map(authorName);
  if (names.length <= 2) return names.join(" and ");
  return `${names.slice(0, -1).join(", ")}, and ${names[names.length - 1]}`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function humanDate(date: PartialDate | null): string {
  if (!date) return "";
  if (date.month && date.day) return `${date.day} ${MONTHS[date.month - 1]} ${date.year}`;
  if (date.month) return `${MONTHS[date.month - 1]} ${date.year}`;
  return String(date.year);
}

/** Reads "YYYY", "YYYY-MM" or "YYYY-MM-DD"; null for an empty field; throws on nonsense. */
export function parseDate(input: string): PartialDate | null {
  const text = input.trim();
  if (!text) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) throw new Error(`“${text}” is not a date: write it as YYYY, YYYY-MM or YYYY-MM-DD`);
  const date: PartialDate = { year: Number(m[1]) };
  if (m[2]) date.month = Number(m[2]);
  if (m[3]) date.day = Number(m[3]);
  return date;
}

/** One author per line: "Family, Given" or "Given Family" is a person; a line starting with "@" an organisation. */
export function parseAuthors(input: string): Author[] {
  return input
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line): Author => {
      if (line.startsWith("@")) return { type: "organization", name: line.slice(1).trim() };
      const comma = line.indexOf(",");
      if (comma >= 0) return { type: "person", family: line.slice(0, comma).trim(), given: line.slice(comma + 1).trim() };
      const space = line.lastIndexOf(" ");
      if (space < 0) return { type: "person", family: line, given: "" };
      return { type: "person", family: line.slice(space + 1), given: line.slice(0, space) };
    });
}

/** When something happened, as a person says it: "just now", "5 min ago", "3 h ago", else the day. */
export function ago(ms: number, now: number = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - ms) / 1000));
  if (seconds < 60) return "just now";
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  const d = new Date(ms);
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}

/** What became of a capture's selection, in words (empty when it went where expected). */
export function placementNote(placement: "page" | "exact" | "approximate" | "outside"): string {
  switch (placement) {
    case "page":
      return "Page saved (no passage selected)";
    case "approximate":
      return "Placed approximately in the text";
    case "outside":
      return "Not in the page's readable text: kept, shown above the text";
    default:
      return "";
  }
}
