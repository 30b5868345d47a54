import { classifyPaste } from "./paste";
import { DEFAULT_PREFS, parsePrefs } from "./prefs";
import { hasFilter, toggleFilter } from "./query";
import { exactClaim, rankClaims } from "./typeahead";
import { UndoStack } from "./undo";
import { visibleWindow } from "./virtual";

describe("claim type-ahead", () => {
  const claims = [
    { id: "1", statement: "Oil demand will peak before 2030" },
    { id: "2", statement: "China's antitrust push follows Western regulators" },
    { id: "3", statement: "Demand for oil keeps growing" },
    { id: "4", statement: "Régulateurs européens" },
  ];
  it("keeps claims holding every typed word, prefix matches first", () => {
    expect(rankClaims("oil demand", claims).map((c) => c.id)).toEqual(["1", "3"]);
    expect(rankClaims("demand", claims).map((c) => c.id)).toEqual(["3", "1"]);
    expect(rankClaims("regulateurs", claims).map((c) => c.id)).toEqual(["4"]);
    expect(rankClaims("", claims)).toHaveLength(4);
  });
  it("finds the claim typed exactly, so Enter does not create a duplicate", () => {
    expect(exactClaim("  oil demand will PEAK before 2030 ", claims)?.id).toBe("1");
    expect(exactClaim("oil demand", claims)).toBeUndefined();
  });
});

describe("facet filters in the query", () => {
  it("toggle on and off without disturbing the words", () => {
    const q = toggleFilter("antitrust fine", "tag", "china");
    expect(q).toBe('antitrust fine tag:"china"');
    expect(hasFilter(q, "tag", "china")).toBe(true);
    expect(toggleFilter(q, "tag", "china")).toBe("antitrust fine");
    expect(toggleFilter("", "claim", 'He said "no"')).toBe('claim:"He said  no"');
  });
});

describe("virtual list window", () => {
  it("renders only the rows in view plus a margin", () => {
    expect(visibleWindow(100_000, 100, 0, 800, 5)).toEqual({ first: 0, last: 13, offset: 0 });
    expect(visibleWindow(100_000, 100, 500_000, 800, 5)).toEqual({ first: 4995, last: 5013, offset: 499_500 });
    // Scrolled past the end: an empty window, never first > last.
    expect(visibleWindow(10, 100, 5000, 800, 5)).toEqual({ first: 10, last: 10, offset: 1000 });
    expect(visibleWindow(0, 100, 0, 800)).toEqual({ first: 0, last: 0, offset: 0 });
  });
});

describe("undo", () => {
  it("takes back the latest action first and says what it was", async () => {
    const done: string[] = [];
    const stack = new UndoStack(2);
    for (const label of ["a", "b", "c"]) stack.push({ label, undo: async () => void done.push(label) });
    expect(stack.size).toBe(2);
    expect(await stack.undo()).toBe("c");
    expect(await stack.undo()).toBe("b");
    expect(await stack.undo()).toBeNull();
    expect(done).toEqual(["c", "b"]);
  });
});

describe("pasting into the window", () => {
  it("tells an address, a quote and a whole text apart", () => {
    expect(classifyPaste(" https://example.org/a?b=1 ")).toEqual({ kind: "url", url: "https://example.org/a?b=1" });
    expect(classifyPaste("“Prices rose,” she said.").kind).toBe("quote");
    expect(classifyPaste("word ".repeat(400)).kind).toBe("text");
    expect(classifyPaste("  \n").kind).toBe("nothing");
    expect(classifyPaste("“Prices rose,” she said.\n— Reuters, https://reuters.com/a.")).toEqual({ kind: "quote", text: "“Prices rose,” she said.", url: "https://reuters.com/a" });
  });
});

describe("remembered preferences", () => {
  it("fall back field by field on missing or odd values", () => {
    expect(parsePrefs(null)).toEqual(DEFAULT_PREFS);
    expect(parsePrefs("not json")).toEqual(DEFAULT_PREFS);
    expect(parsePrefs('{"sidebarWidth": 9999, "theme": "neon", "lastSource": "s1"}')).toEqual({ ...DEFAULT_PREFS, sidebarWidth: 520, lastSource: "s1" });
  });
});
