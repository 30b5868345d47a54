import { ago, authorList, humanDate, parseAuthors, parseDate } from "./format";

describe("metadata typed by a writer", () => {
  it("reads persons and organisations, one per line", () => {
    expect(parseAuthors("Zhang, Yan\nBrenda Goh\n@Reuters\n\n")).toEqual([
      { type: "person", family: "Zhang", given: "Yan" },
      { type: "person", family: "Goh", given: "Brenda" },
      { type: "organization", name: "Reuters" },
    ]);
    expect(authorList(parseAuthors("A B\nC D\n@E"))).toBe("A B, C D, and E");
  });

  it("reads partial dates and refuses others with a message that says the format", () => {
    expect(parseDate("2024")).toEqual({ year: 2024 });
    expect(parseDate(" 2024-03-05 ")).toEqual({ year: 2024, month: 3, day: 5 });
    expect(parseDate("")).toBeNull();
    expect(() => parseDate("March 5")).toThrow(/YYYY, YYYY-MM or YYYY-MM-DD/);
    expect(humanDate({ year: 2021, month: 4, day: 10 })).toBe("10 April 2021");
  });
});

describe("when a capture arrived", () => {
  it("says it as a person would", () => {
    const now = Date.UTC(2026, 10, 30, 12, 0, 0);
    expect(ago(now - 5_000, now)).toBe("just now");
    expect(ago(now - 5 * 60_000, now)).toBe("5 min ago");
    expect(ago(now - 3 * 3_600_000, now)).toBe("3 h ago");
    expect(ago(now + 60_000, now)).toBe("just now");
    expect(ago(Date.UTC(2026, 0, 2, 12), now)).toBe("2 January 2026");
  });
});
