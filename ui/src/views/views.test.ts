// The views render what the library sends as text, never as markup, and the
// long lists render only what is in view. They run Svelte's browser build in
// jsdom, which lays nothing out: here a list's row measures 50 px and any other
// element 600 px, so a scrolling pane shows a window's worth of rows.

import { render } from "@testing-library/svelte";
import { flushSync } from "svelte";
import { fireEvent } from "@testing-library/svelte";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { api } from "../lib/api";
import type { Block, Clip, SearchResults, SourceMeta, SourceView } from "../lib/bindings";
import { ws } from "../lib/workspace.svelte";
import Reader from "./Reader.svelte";
import Results from "./Results.svelte";
import Sidebar from "./Sidebar.svelte";
import Inspector from "./Inspector.svelte";
import Captures from "./Captures.svelte";

const hostile = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;

beforeAll(() => {
  // jsdom has no ResizeObserver; the virtual list observes its pane with one.
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
  const height = (el: Element) => (el.classList.contains("virtual-row") ? 50 : 600);
  HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
    return new DOMRect(0, 0, 800, height(this));
  };
  Object.defineProperty(HTMLElement.prototype, "offsetHeight", { configurable: true, get() { return height(this); } });
  Object.defineProperty(Element.prototype, "clientHeight", { configurable: true, get: () => 600 });
  Object.defineProperty(Element.prototype, "clientWidth", { configurable: true, get: () => 800 });
});

afterEach(() => {
  ws.view = { kind: "empty" };
  ws.selected = null;
  ws.citation = null;
  ws.facetsOpen = false;
  ws.sources = [];
  ws.sourceTotal = 0;
  ws.captures = [];
});

function meta(title: string): SourceMeta {
  return {
    title,
    authors: [{ type: "organization", name: hostile }],
    containerTitle: hostile,
    publisher: null,
    issued: null,
    url: `javascript:alert(1)//${hostile}`,
    canonicalUrl: null,
    doi: null,
    isbn: null,
    language: null,
    accessed: null,
  };
}

function clip(id: string, start: number, end: number, exact: string): Clip {
  return {
    id,
    sourceId: "s1",
    quote: { exact, prefix: "", suffix: "" },
    position: { start, end },
    page: null,
    note: hostile,
    tags: [hostile],
    claims: [{ claimId: "k1", statement: hostile, stance: "supports" }],
    orphaned: false,
    createdAt: 0,
    updatedAt: 0,
  };
}

describe("the reader", () => {
  it("shows each block's text exactly, markup as text, clips as highlights", () => {
    const blocks: Block[] = [
      { kind: "heading", text: hostile, level: 1 },
      { kind: "paragraph", text: `Before ${hostile} after, with “quotes” and 😀 emoji.` },
      { kind: "quote", text: "<b>not bold</b>" },
    ];
    const starts = [0];
    for (const b of blocks.slice(0, -1)) starts.push(starts.at(-1)! + Array.from(b.text).length + 2);
    // A clip over "<img" in the second block, counted in code points.
    const para = starts[1] + "Before ".length;
    const view: SourceView = {
      source: { id: "s1", kind: "web", meta: meta(hostile), origins: {}, blocks, textHash: "", blob: null, createdAt: 0, updatedAt: 0 },
      blockStarts: starts,
      clips: [clip("c1", para, para + 4, "<img")],
      orphaned: [],
      citation: "",
      hasText: true,
    };
    const { container } = render(Reader, { view: { kind: "reader", source: view, focus: null, flash: null }, onclip: () => {} });
    const text = container.querySelector("#reader-text")!;
    const rendered = [...text.children].map((el) => el.textContent);
    expect(rendered).toEqual(blocks.map((b) => b.text));
    expect(container.querySelectorAll("img, script, b").length).toBe(0);
    const mark = text.querySelector("mark.clip") as HTMLElement;
    expect(mark.textContent).toBe("<img");
    expect(mark.title).toContain(hostile);
    expect(container.querySelector("#reader-title")!.textContent).toBe(hostile);
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe("a source without text", () => {
  it("says no article text was found and that the metadata was kept, as text", () => {
    const view: SourceView = {
      source: { id: "s2", kind: "web", meta: meta(hostile), origins: {}, blocks: [], textHash: "", blob: null, createdAt: 0, updatedAt: 0 },
      blockStarts: [],
      clips: [],
      orphaned: [],
      citation: "",
      hasText: false,
    };
    const { container } = render(Reader, { view: { kind: "reader", source: view, focus: null, flash: null }, onclip: () => {} });
    const notice = container.querySelector("#reader-no-text")!;
    expect(notice.textContent).toBe("No article text was found on this page; the metadata was kept.");
    expect(container.querySelector("#reader-title")!.textContent).toBe(hostile);
    expect(container.querySelector("#clip-selection"), "nothing to clip").toBeNull();
    expect(container.querySelectorAll("img, script").length).toBe(0);
  });
});

describe("search results", () => {
  it("render hostile snippets, notes, titles and facets as text, marking only the matches", () => {
    const results: SearchResults = {
      query: "img",
      total: 1,
      passageTotal: 1,
      facets: { tags: [{ value: hostile, count: 12345 }], claims: [], stances: [], sources: [], authors: [], counted: 1 },
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
      passages: [
        {
          sourceId: "s1",
          sourceTitle: hostile,
          score: 1,
          start: 0,
          end: 10,
          matchStart: 0,
          matchEnd: 3,
          snippet: [{ text: hostile, matched: false }],
        },
      ],
    };
    ws.facetsOpen = true;
    const scroller = document.createElement("main");
    document.body.appendChild(scroller);
    const { container } = render(Results, { target: scroller, props: { results, scroller, onsearch: () => {} } });
    flushSync();
    expect(container.querySelectorAll("img, script, b").length).toBe(0);
    expect([...container.querySelectorAll("#results mark")].map((m) => m.textContent)).toEqual(["img"]);
    expect(container.querySelector("#results .hit-meta")!.textContent).toContain(hostile);
    expect(container.querySelector("#results .hit-note")!.textContent).toBe(hostile);
    expect(container.querySelector("#passages .snippet")!.textContent).toBe(hostile);
    // A facet chip keeps its whole value and its count as separate text.
    const chip = container.querySelector(".facets .chip")!;
    expect(chip.querySelector(".chip-label")!.textContent).toBe(hostile);
    expect(chip.querySelector(".count")!.textContent).toBe("12345");
  });
});

describe("a library of thousands of sources", () => {
  it("renders only the rows in view", () => {
    ws.sources = Array.from({ length: 5000 }, (_, i) => ({
      id: `s${i}`,
      kind: "web" as const,
      title: i === 0 ? hostile : `Report ${i}`,
      authors: [],
      containerTitle: null,
      issued: null,
      clipCount: 20,
      createdAt: 0,
    }));
    ws.sourceTotal = 5000;
    ws.ready = true;
    const { container } = render(Sidebar, { onsearch: () => {} });
    flushSync();
    const rows = container.querySelectorAll("#sources .source").length;
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(100);
    expect(container.querySelector("#sources .source-title")!.textContent).toBe(hostile);
    expect(container.querySelectorAll("img, script").length).toBe(0);
  });
});

describe("the inspector", () => {
  it("shows a hostile clip's quote, note, tags and claims as text", () => {
    const c = clip("c1", 0, 4, hostile);
    ws.selected = {
      clip: c,
      source: { id: "s1", kind: "web", title: hostile, authors: [], containerTitle: null, issued: null, clipCount: 1, createdAt: 0 },
      citation: hostile,
    };
    ws.citation = { citation: hostile, reference: hostile, note: false };
    const { container } = render(Inspector);
    flushSync();
    expect(container.querySelectorAll("img, script").length).toBe(0);
    expect(container.querySelector("#inspector-quote")!.textContent).toBe(hostile);
    expect(container.textContent).toContain(hostile);
  });
});

describe("the source inspector", () => {
  it("shows where each field came from and corrects one field in one action", async () => {
    const before: SourceMeta = { ...meta("Harbour lights"), containerTitle: "The Coast Review", authors: [], url: null, issued: { year: 2019, month: 8, day: 7 } };
    const view: SourceView = {
      source: { id: "s3", kind: "web", meta: before, origins: { title: "jsonld", containerTitle: "opengraph", issued: "meta" }, blocks: [], textHash: "", blob: null, createdAt: 0, updatedAt: 0 },
      blockStarts: [],
      clips: [],
      orphaned: [],
      citation: "",
      hasText: false,
    };
    ws.view = { kind: "reader", source: view, focus: null, flash: null };
    const edit = vi.spyOn(api, "editSource").mockResolvedValue(view.source);
    const { container } = render(Inspector);
    flushSync();
    const row = (key: string) => container.querySelector(`[data-field="${key}"]`)!;
    expect(row("issued").querySelector(".origin")!.textContent).toBe("from meta");
    expect(row("containerTitle").querySelector(".origin")!.textContent).toBe("from opengraph");
    expect(row("authors").querySelector(".value")!.textContent, "a missing cited field is listed, to be filled in place").toBe("Not found");

    await fireEvent.click(container.querySelector("#correct-issued")!);
    const input = container.querySelector("#correcting-issued") as HTMLInputElement;
    expect(input.value).toBe("2019-08-07");
    await fireEvent.input(input, { target: { value: "2019-08-06" } });
    await fireEvent.keyDown(input, { key: "Enter" });
    expect(edit).toHaveBeenCalledTimes(1);
    expect(edit).toHaveBeenCalledWith("s3", { ...before, issued: { year: 2019, month: 8, day: 6 } });
    expect(container.querySelector("#correcting-issued"), "the line closes once saved").toBeNull();

    await fireEvent.click(container.querySelector("#correct-title")!);
    await fireEvent.keyDown(container.querySelector("#correcting-title")!, { key: "Escape" });
    expect(edit, "Esc cancels, and an unchanged value saves nothing").toHaveBeenCalledTimes(1);
    edit.mockRestore();
  });
});

describe("Recent captures", () => {
  it("shows every field a page sent as text, and marks what is new", () => {
    ws.captures = [
      { id: "c1", sourceId: "s1", title: hostile, site: hostile, url: `javascript:${hostile}`, clipId: "k1", exact: hostile, note: hostile, tags: [], claims: [], placement: "outside", newSource: true, capturedAt: Date.now(), seen: false },
      { id: "c2", sourceId: "s1", title: "A page", url: "https://a.example/", note: "", tags: [], claims: [], placement: "page", newSource: false, capturedAt: 0, seen: true },
    ];
    const { container } = render(Captures);
    flushSync();
    expect(container.querySelector("img, script")).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    const rows = container.querySelectorAll("#captures .capture");
    expect(rows.length).toBe(2);
    expect(rows[0].classList.contains("new")).toBe(true);
    expect(rows[0].querySelector(".capture-quote")?.textContent).toBe(hostile);
    expect(rows[0].querySelector(".capture-note")?.textContent).toContain("Not in the page's readable text");
    expect(rows[1].querySelector(".capture-note")?.textContent).toBe("Page saved (no passage selected)");
    expect(container.querySelector("a[href]")).toBeNull();
  });
});
