// Building DOM nodes without HTML strings. Text always goes in through text nodes,
// so nothing from a source (titles, quotes, notes) can ever become markup. There is
// deliberately no way to set innerHTML or an event-handler attribute through here.

type Child = Node | string | null | undefined | false;

const SAFE_ATTRIBUTE = /^(class|id|role|title|type|placeholder|for|name|tabindex|value|rows|max|label|open|autocomplete|spellcheck|lang|dir|hidden|draggable|checked|disabled|aria-[a-z-]+|data-[a-z-]+)$/;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (!SAFE_ATTRIBUTE.test(name)) throw new Error(`attribute ${name} is not allowed`);
    el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

export function clear(el: Element): void {
  el.replaceChildren();
}
