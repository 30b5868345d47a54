import { describe, expect, it } from "vitest";
import type { SourceMeta } from "./bindings";
import { FIELDS, authorsLine, isoDate, originLabel, parseAuthorsLine } from "./fields";

const meta: SourceMeta = {
  title: "Wind outpaces coal",
  authors: [
    { type: "person", family: "Okafor", given: "Maria" },
    { type: "organization", name: "Ledger Data Desk" },
  ],
  containerTitle: "The Daily Ledger",
  publisher: null,
  issued: { year: 2024, month: 3, day: 5 },
  url: "https://ledger.example.com/wind",
  canonicalUrl: null,
  doi: null,
  isbn: null,
  language: "en",
  accessed: null,
};

const field = (key: string) => FIELDS.find((f) => f.key === key)!;

describe("correcting one field", () => {
  it("changes that field and no other", () => {
    const fixed = field("issued").apply(meta, "2024-03-04");
    expect(fixed).toEqual({ ...meta, issued: { year: 2024, month: 3, day: 4 } });
    expect(field("publisher").apply(meta, " Ledger Media ")).toEqual({ ...meta, publisher: "Ledger Media" });
    expect(field("containerTitle").apply(meta, "  ")).toEqual({ ...meta, containerTitle: null });
  });

  it("edits authors as one line and reads them back the same", () => {
    const line = authorsLine(meta.authors);
    expect(line).toBe("Okafor, Maria; @Ledger Data Desk");
    expect(parseAuthorsLine(line)).toEqual(meta.authors);
    expect(field("authors").apply(meta, "Jane Doe").authors).toEqual([{ type: "person", family: "Doe", given: "Jane" }]);
  });

  it("starts from the value as it is stored, and refuses what a citation cannot use", () => {
    expect(field("issued").draft(meta)).toBe("2024-03-05");
    expect(isoDate({ ...meta, issued: { year: 2019, month: 8 } })).toBe("2019-08");
    expect(() => field("issued").apply(meta, "Aug 6")).toThrow(/YYYY-MM-DD/);
    expect(() => field("title").apply(meta, " ")).toThrow(/needs a title/);
  });

  it("says where a value came from, the writer's own in words", () => {
    expect(originLabel("jsonld")).toBe("from jsonld");
    expect(originLabel("user")).toBe("set by you");
    expect(originLabel(undefined)).toBe("");
  });
});
