import { h } from "./dom";
import { renderResults } from "../views/results";
import { renderSidebar } from "../views/sidebar";

const hostile = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;

describe("building DOM from untrusted text", () => {
  it("keeps markup in text as text", () => {
    const el = h("p", {}, hostile);
    expect(el.children.length).toBe(0);
    expect(el.textContent).toBe(hostile);
  });

  it("refuses event-handler and link attributes", () => {
    expect(() => h("div", { onclick: "x()" })).toThrow(/not allowed/);
    expect(() => h("a", { href: "javascript:alert(1)" })).toThrow(/not allowed/);
  });

  it("renders a search snippet with hostile text as text and marks only the matches", async () => {
    const scroller = document.createElement("div");
    document.body.replaceChildren(scroller);
    const rendered = renderResults(
      {
        query: "img",
        total: 1,
        passageTotal: 0,
        passages: [],
        facets: { tags: [{ value: hostile, count: 1 }], claims: [], stances: [], sources: [], authors: [], counted: 1 },
        hits: [
          {
            clipId: "c1",
            sourceId: "s1",
            sourceTitle: hostile,
            score: 1,
            note: hostile,
            tags: ["<b>x</b>"],
            snippet: [
              { text: "<", matched: false },
              { text: "img", matched: true },
              { text: ` src=x onerror="window.__pwned=1">`, matched: false },
            ],
          },
        ],
      },
      scroller,
      { openClip: () => {}, openPassage: () => {}, toggleFacet: () => {}, toggleExport: () => {}, isInExport: () => false, showMore: () => {} },
    );
    scroller.appendChild(rendered.element);
    await Promise.resolve(); // the virtual list renders once attached
    const view = rendered.element;
    expect(view.querySelectorAll(".hit").length).toBe(1);
    expect(view.querySelectorAll("img, script, b").length).toBe(0);
    expect(view.querySelector(".chip")!.textContent).toContain(hostile);
    expect([...view.querySelectorAll("mark")].map((m) => m.textContent)).toEqual(["img"]);
    expect(view.querySelector(".hit-meta")!.textContent).toContain(hostile);
  });
});

describe("a library of thousands of sources", () => {
  it("builds only the rows in view, and filters through all of them", async () => {
    const sources = Array.from({ length: 5000 }, (_, i) => ({
      id: `s${i}`,
      kind: "web" as const,
      title: i === 4321 ? "The needle report" : `Report ${i}`,
      authors: [],
      containerTitle: null,
      issued: null,
      clipCount: 20,
      createdAt: 0,
    }));
    const root = document.createElement("div");
    document.body.replaceChildren(root);
    const on = { openSource: () => {}, openClaim: () => {}, searchTag: () => {}, newClaim: () => {} };
    renderSidebar(root, { sources, claims: [], tags: [] }, "", {}, on);
    await Promise.resolve();
    const rows = root.querySelectorAll("#sources li.source").length;
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(100);
    renderSidebar(root, { sources, claims: [], tags: [] }, "needle", {}, on);
    expect([...root.querySelectorAll("#sources li.source")].map((li) => li.textContent)).toEqual(["The needle report20"]);
  });
});
