// Commonplace Clipper: the background of the extension (a service worker in
// Chromium, an event page in Firefox; one file serves both).
//
// It reads the page the writer is on (the rendered DOM, its address, canonical
// address and title, and the selection with W3C selectors) through
// `scripting.executeScript`, which `activeTab` allows only after the writer
// clicked the toolbar button, pressed the shortcut or chose a menu item; and
// sends it to Commonplace through native messaging (no network). The popup
// shows what was saved and sends the note, tags, claim and undo the same way.

"use strict";

const api = globalThis.browser ?? globalThis.chrome;

/** The native messaging host (`commonplace browser install` writes its manifests). */
const HOST = "app.commonplace.host";
/** Version of the messages Commonplace reads. */
const VERSION = 1;
/** Browsers refuse a message to a host over 64 MiB; stay below it. */
const MAX_MESSAGE_BYTES = 63 * 1024 * 1024;
/** How long a capture made from the menu is shown by a popup opened after it. */
const RECENT_MS = 30_000;

function createMenus() {
  api.contextMenus.removeAll(() => {
    api.contextMenus.create({ id: "clip-selection", title: "Clip to Commonplace", contexts: ["selection"] });
    api.contextMenus.create({ id: "save-page", title: "Save page to Commonplace", contexts: ["page"] });
  });
}

api.runtime.onInstalled.addListener(createMenus);
api.runtime.onStartup.addListener(createMenus);

api.contextMenus.onClicked.addListener((info, tab) => {
  if (!tab || tab.id === undefined) return;
  const wantSelection = info.menuItemId === "clip-selection";
  void captureTab(tab, { frameId: info.frameId, wantSelection }).then((outcome) => remember(tab, outcome));
});

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only this extension's own pages (the popup) talk to the background.
  if (sender.id !== api.runtime.id || typeof message !== "object" || message === null) return false;
  if (message.type === "popup-opened" && Number.isInteger(message.tabId)) {
    void popupOpened(message.tabId).then(sendResponse);
    return true;
  }
  if (message.type === "relay" && ["annotate", "claims", "undo", "ping"].includes(message.message?.type)) {
    void send({ ...message.message, v: VERSION }).then(sendResponse);
    return true;
  }
  return false;
});

/** The popup opened: show a capture just made from the menu, else capture now. */
async function popupOpened(tabId) {
  const tab = await api.tabs.get(tabId).catch(() => null);
  if (!tab || tab.id === undefined) return failure("noTab", "There is no page to clip in this window.");
  const { last } = await api.storage.session.get("last");
  if (last && last.tabId === tab.id && Date.now() - last.at < RECENT_MS && !last.shown) {
    await api.storage.session.set({ last: { ...last, shown: true } });
    return last.outcome;
  }
  const outcome = await captureTab(tab, { frameId: undefined, wantSelection: true });
  await remember(tab, outcome, true);
  return outcome;
}

async function remember(tab, outcome, shown = false) {
  await api.storage.session.set({ last: { tabId: tab.id, at: Date.now(), outcome, shown } });
  const ok = outcome.ok;
  await api.action.setBadgeText({ tabId: tab.id, text: ok ? "✓" : "!" });
  await api.action.setBadgeBackgroundColor({ tabId: tab.id, color: ok ? "#2f7d4f" : "#a3261b" });
  if (!shown && api.action.openPopup) {
    // Show what was saved where the browser allows it (the badge says it otherwise).
    api.action.openPopup().catch(() => {});
  }
}

function failure(code, message) {
  return { ok: false, error: { code, message } };
}

/** Reads the page (or the frame with the selection) and sends it to Commonplace. */
async function captureTab(tab, { frameId, wantSelection }) {
  const target = frameId ? { tabId: tab.id, frameIds: [frameId] } : { tabId: tab.id, allFrames: true };
  let results;
  try {
    results = await api.scripting.executeScript({ target, func: collectPage });
  } catch (e) {
    return failure("noAccess", `Commonplace cannot read this page (${e?.message ?? e}). The browser's own pages and extension stores cannot be clipped.`);
  }
  const pages = results.map((r) => r.result).filter((p) => p && typeof p === "object");
  const selected = pages.find((p) => p.selection);
  const page = (wantSelection ? selected : undefined) ?? pages.find((p) => p.top) ?? pages[0];
  if (!page) return failure("noAccess", "Commonplace could not read this page.");
  if (!/^https?:/i.test(page.url)) return failure("invalidInput", "Commonplace clips web pages (addresses starting with http:// or https://).");
  const message = {
    v: VERSION,
    type: "capture",
    page: { url: page.url, title: page.title, html: page.html },
  };
  if (page.canonicalUrl) message.page.canonicalUrl = page.canonicalUrl;
  if (wantSelection && page.selection) message.selection = page.selection;
  let size = byteLength(message);
  if (size > MAX_MESSAGE_BYTES) {
    if (!message.selection) {
      return failure("tooLarge", `This page is ${(size / 1048576).toFixed(0)} MB, more than the ${MAX_MESSAGE_BYTES / 1048576} MB a browser can hand to Commonplace. Select the passage you want and clip that.`);
    }
    // The selection is never lost: sent without the page, it is saved alone.
    message.page.html = "";
    size = byteLength(message);
  }
  return send(message);
}

function byteLength(message) {
  return new TextEncoder().encode(JSON.stringify(message)).length;
}

/** Sends one message to Commonplace; errors in words the writer can act on. */
async function send(message) {
  try {
    const reply = await api.runtime.sendNativeMessage(HOST, message);
    if (reply && typeof reply === "object" && typeof reply.ok === "boolean") return reply;
    return failure("internal", "Commonplace answered with something this extension does not understand: update both.");
  } catch (e) {
    const text = String(e?.message ?? e);
    if (/not found/i.test(text)) {
      return failure("notConnected", "Commonplace is not connected to this browser: run `commonplace browser install` (or Connect browsers in the app's Recent captures), then try again.");
    }
    if (/forbidden/i.test(text)) {
      return failure("forbidden", "The installed Commonplace host does not allow this extension: run `commonplace browser install` again.");
    }
    if (/exceeded maximum allowed size/i.test(text)) {
      return failure("tooLarge", "This page is too large for the browser to hand to Commonplace.");
    }
    return failure("notConnected", `Commonplace did not answer (${text}). Is the commonplace command installed?`);
  }
}

/**
 * Runs in the page (each frame): the rendered DOM, the address, the canonical
 * address, the title, and the selection with its W3C selectors. Offsets count
 * code points of the page's text (its text nodes in order, without scripts and
 * styles); the exact text is the selection as the browser renders it, which
 * keeps the line breaks between blocks. Self-contained: it is serialized.
 */
function collectPage() {
  const CONTEXT = 32;
  const root = document.body || document.documentElement;
  let selection = null;
  const sel = window.getSelection();
  if (sel && sel.rangeCount > 0 && !sel.isCollapsed && String(sel).trim()) {
    const range = sel.getRangeAt(0);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        const parent = node.parentNode && node.parentNode.nodeName;
        return /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(parent) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
    let text = "";
    let start = -1;
    let end = -1;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const len = node.data.length;
      if (start < 0) {
        if (node === range.startContainer) start = text.length + range.startOffset;
        else if (range.comparePoint(node, 0) === 0) start = text.length;
      }
      if (start >= 0 && end < 0) {
        if (node === range.endContainer) end = text.length + range.endOffset;
        else if (range.comparePoint(node, len) === 1) end = text.length;
      }
      text += node.data;
    }
    if (start >= 0 && end < 0) end = text.length;
    if (start >= 0) {
      // UTF-16 index to code points: surrogate pairs count once.
      const points = (from, to) => {
        let n = 0;
        for (let i = from; i < to; i++) {
          const c = text.charCodeAt(i);
          if (c < 0xdc00 || c > 0xdfff) n++;
        }
        return n;
      };
      const before = Array.from(text.slice(Math.max(0, start - 2 * CONTEXT), start));
      const after = Array.from(text.slice(end, end + 2 * CONTEXT));
      const startPoint = points(0, start);
      selection = {
        exact: String(sel),
        prefix: before.slice(-CONTEXT).join(""),
        suffix: after.slice(0, CONTEXT).join(""),
        start: startPoint,
        end: startPoint + points(start, end),
      };
    }
  }
  const canonical = document.querySelector('link[rel~="canonical" i]');
  const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>\n` : "";
  return {
    top: window === window.top,
    url: location.href,
    canonicalUrl: canonical && canonical.href ? canonical.href : null,
    title: document.title,
    html: doctype + document.documentElement.outerHTML,
    selection,
  };
}
