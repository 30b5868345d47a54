import { h } from "./dom";

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
});
