// Drives Debian's Chromium with the Commonplace extension for the end-to-end
// tests (tests/it/e2e_capture.rs runs it): serves a small site on 127.0.0.1
// whose article is rendered by a script and shows only after a login sets a
// cookie, logs in, selects a passage, clicks the extension's toolbar button
// (through the DevTools protocol, which grants activeTab as a click does),
// waits for the popup to say what was saved, fills in a note, tags and a claim
// there, and prints what happened as one JSON line. Nothing is downloaded:
// playwright-core only drives the browser at CHROMIUM.
//
// Environment: UDD (the browser profile; the host manifest is in
// UDD/NativeMessagingHosts), EXT (the unpacked extension), CHROMIUM, SCENARIO
// (clip | malformed), SITE_PORT (0 for any), PASSAGE (the text to select), NOTE, TAGS, CLAIM, STANCE,
// SHOTS (a folder for the popup's screenshot), SHOT_NAME.

import { chromium } from "playwright-core";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const env = process.env;
const EXT = env.EXT;
const UDD = env.UDD;
const EXT_ID = env.EXT_ID;
const SCENARIO = env.SCENARIO ?? "clip";
const HOST = "app.commonplace.host";

const ARTICLE = [
  "Regulators in Brussels fined the search company 2.4 billion euros on Tuesday for favouring its own shopping service.",
  "ZEBRA-MEMBER-TEXT: the decision followed a seven-year antitrust investigation that examined how results were ranked.",
  "The company said it would appeal, arguing that shoppers had benefited from its design.",
  "Analysts said the fine was small compared with the company's cash reserves but that the remedies could reshape online retail.",
];

function articlePage() {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>EU fines search giant over shopping results | The Test Ledger</title>
<meta property="og:title" content="EU fines search giant over shopping results">
<meta property="og:site_name" content="The Test Ledger">
<meta name="author" content="Maria Lindqvist">
<meta property="article:published_time" content="2017-06-27T10:00:00Z">
<link rel="canonical" href="/article">
</head><body>
<header><nav>Home · World · Business</nav></header>
<main><article id="story"><h1>EU fines search giant over shopping results</h1>
<p class="byline">By Maria Lindqvist</p>
<div id="body">Loading…</div></article>
<aside id="sidebar"><p id="promo">SIDEBAR-PROMO: subscribe to our weekly digest of competition cases.</p></aside></main>
<script src="/app.js"></script>
</body></html>`;
}

// The article's text arrives by script, as on many news sites: the test
// checks that the rendered DOM (not the HTML the server sent) was captured.
const APP_JS = `fetch('/api/article', { credentials: 'same-origin' }).then(r => r.json()).then(data => {
  const body = document.getElementById('body');
  body.textContent = '';
  data.paragraphs.forEach((text, i) => { const p = document.createElement('p'); p.id = 'p' + i; p.textContent = text; body.appendChild(p); });
  document.body.dataset.ready = '1';
});`;

const PAYWALL = `<!DOCTYPE html><html><head><title>Subscribe | The Test Ledger</title></head><body>
<h1>Subscribe to continue</h1><p>PAYWALL-TEXT: this article is for subscribers. <a href="/login">Log in</a>.</p></body></html>`;

const LOGIN = `<!DOCTYPE html><html><head><title>Log in | The Test Ledger</title></head><body>
<form method="post" action="/login"><input id="user" name="user"><button id="go" type="submit">Log in</button></form></body></html>`;

function serve() {
  const server = http.createServer((req, res) => {
    const loggedIn = /(?:^|;\s*)session=member/.test(req.headers.cookie ?? "");
    const send = (status, type, body, headers = {}) => {
      res.writeHead(status, { "content-type": type, ...headers });
      res.end(body);
    };
    if (req.url === "/login" && req.method === "POST") {
      return send(303, "text/plain", "", { "set-cookie": "session=member; Path=/; HttpOnly", location: "/article" });
    }
    if (req.url === "/login") return send(200, "text/html", LOGIN);
    if (req.url === "/app.js") return send(200, "text/javascript", APP_JS);
    if (req.url === "/api/article") {
      return loggedIn ? send(200, "application/json", JSON.stringify({ paragraphs: ARTICLE })) : send(401, "application/json", "{}");
    }
    if (req.url === "/article") return send(200, "text/html", loggedIn ? articlePage() : PAYWALL);
    send(404, "text/plain", "not found");
  });
  return new Promise((resolve) => server.listen(Number(env.SITE_PORT ?? 0), "127.0.0.1", () => resolve(server)));
}

/** A raw DevTools session on a target Playwright does not report (the popup). */
async function attach(cdp, targetId) {
  const { sessionId } = await cdp.send("Target.attachToTarget", { targetId, flatten: false });
  let id = 0;
  const pending = new Map();
  cdp.on("Target.receivedMessageFromTarget", (ev) => {
    if (ev.sessionId !== sessionId) return;
    const m = JSON.parse(ev.message);
    if (pending.has(m.id)) {
      pending.get(m.id)(m);
      pending.delete(m.id);
    }
  });
  const call = (method, params = {}) =>
    new Promise((resolve) => {
      const i = ++id;
      pending.set(i, resolve);
      void cdp.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id: i, method, params }) });
    });
  const evaluate = async (expression) => {
    const r = await call("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true });
    if (r.result?.exceptionDetails) throw new Error(JSON.stringify(r.result.exceptionDetails));
    return r.result?.result?.value;
  };
  return { call, evaluate };
}

async function waitFor(what, f, ms = 30000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function main() {
  const server = await serve();
  const site = `http://127.0.0.1:${server.address().port}`;
  const context = await chromium.launchPersistentContext(UDD, {
    executablePath: env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    env: process.env,
    viewport: { width: 1100, height: 800 },
    args: [
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      `--disable-extensions-except=${EXT}`,
      `--load-extension=${EXT}`,
    ],
  });
  const out = { site };
  try {
    let [worker] = context.serviceWorkers();
    if (!worker) worker = await context.waitForEvent("serviceworker", { timeout: 15000 });
    out.extensionId = new URL(worker.url()).host;
    if (out.extensionId !== EXT_ID) throw new Error(`the extension loaded as ${out.extensionId}, not ${EXT_ID}`);

    if (SCENARIO === "malformed") {
      // What the host answers to a message that breaks the schema, as the
      // popup would show it.
      out.reply = await worker.evaluate(
        (host) => chrome.runtime.sendNativeMessage(host, { v: 1, type: "capture", page: { url: "https://x.example/", html: "<p>x</p>", script: "alert(1)" } }),
        HOST,
      );
      return;
    }

    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${site}/article`);
    out.beforeLogin = (await page.locator("body").innerText()).slice(0, 200);
    await page.goto(`${site}/login`);
    await page.fill("#user", "writer");
    await Promise.all([page.waitForURL("**/article"), page.click("#go")]);
    await page.waitForSelector("body[data-ready='1']");

    const passage = env.PASSAGE;
    out.selected = await page.evaluate((text) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(text);
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + text.length);
          getSelection().removeAllRanges();
          getSelection().addRange(range);
          return String(getSelection());
        }
      }
      return null;
    }, passage);

    // The toolbar button, as a click gives it: activeTab for this tab, and the popup.
    const cdp = await context.browser()?.newBrowserCDPSession?.() ?? (await context.newCDPSession(page));
    const { targetInfos } = await cdp.send("Target.getTargets", { filter: [{ type: "tab" }] });
    const tab = targetInfos.find((t) => t.url.includes("/article"));
    const clicked = Date.now();
    await cdp.send("Extensions.triggerAction", { id: EXT_ID, targetId: tab.targetId });
    const popupTarget = await waitFor("the popup", async () => {
      const { targetInfos } = await cdp.send("Target.getTargets", { filter: [{ type: "page" }] });
      return targetInfos.find((t) => t.url.endsWith("/popup.html"));
    });
    const popup = await attach(cdp, popupTarget.targetId);
    const status = () => popup.evaluate("document.getElementById('status')?.textContent ?? ''");
    out.status = await waitFor("the popup's answer", async () => {
      const s = await status();
      return s && s !== "Saving to Commonplace…" ? s : null;
    });
    out.savedInMs = Date.now() - clicked;
    out.error = await popup.evaluate("document.getElementById('error').hidden ? '' : document.getElementById('error').textContent");
    out.quote = await popup.evaluate("document.getElementById('quote').textContent");
    out.source = await popup.evaluate("document.getElementById('source').textContent");

    if (env.CLAIM || env.NOTE || env.TAGS) {
      const fill = (id, value) =>
        popup.evaluate(`(() => { const el = document.getElementById(${JSON.stringify(id)}); el.value = ${JSON.stringify(value ?? "")}; el.dispatchEvent(new Event('input')); })()`);
      await fill("note", env.NOTE);
      await fill("tags", env.TAGS);
      await fill("claim", env.CLAIM);
      await popup.evaluate(`document.querySelector('input[name="stance"][value=${JSON.stringify(env.STANCE ?? "supports")}]').checked = true`);
      if (env.SHOTS) await shot(popup, env.SHOTS, env.SHOT_NAME ?? "extension-popup");
      await popup.evaluate("document.getElementById('save').click()");
      out.afterSave = await waitFor("the details saved", async () => {
        const s = await status();
        return s === "Saved with your details" || (await popup.evaluate("!document.getElementById('error').hidden")) ? s : null;
      });
      out.saveError = await popup.evaluate("document.getElementById('error').hidden ? '' : document.getElementById('error').textContent");
    } else if (env.SHOTS) {
      await shot(popup, env.SHOTS, env.SHOT_NAME ?? "extension-popup");
    }
  } finally {
    await context.close();
    server.close();
    process.stdout.write(JSON.stringify(out) + "\n");
  }
}

async function shot(popup, dir, name) {
  const r = await popup.call("Page.captureScreenshot", { format: "png" });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.png`), Buffer.from(r.result.data, "base64"));
}

main().catch((e) => {
  process.stdout.write(JSON.stringify({ failed: String(e?.stack ?? e) }) + "\n");
  process.exit(1);
});
