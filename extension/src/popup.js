// The popup: says what was saved (or why not), then lets the writer add a
// note, tags and a claim with its stance (type-ahead over the library's
// claims, asked of Commonplace), or undo. Everything shown came from a page or
// from the library: it is set as text, never as HTML.

"use strict";

const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);

let capture = null;
let chosenClaim = null;
let typeahead = 0;

function relay(message) {
  return api.runtime.sendMessage({ type: "relay", message });
}

function showError(error) {
  $("status").textContent = "Not saved";
  $("error").hidden = false;
  $("error").textContent = error?.message ?? String(error);
}

function placementText(placement) {
  if (placement === "outside") return "This passage is outside the article's text Commonplace kept; it is saved and shown above the text.";
  if (placement === "approximate") return "Placed approximately in the article's text.";
  return "";
}

function show(view) {
  capture = view;
  $("status").textContent = view.exact ? "Clip saved to Commonplace" : "Page saved to Commonplace";
  $("saved").hidden = false;
  $("quote").hidden = !view.exact;
  $("quote").textContent = view.exact ?? "";
  const site = view.site ? ` · ${view.site}` : "";
  const version = view.newVersion ? ` · the page changed: the earlier text is kept as version ${view.newVersion}` : "";
  $("source").textContent = `${view.title}${site}${version}`;
  const note = placementText(view.placement);
  $("placement").hidden = !note;
  $("placement").textContent = note;
  // A page capture has no clip to describe: only undo.
  for (const id of ["note", "tags", "claim", "save"]) $(id).disabled = !view.clipId;
  $("stance").disabled = !view.clipId;
  if (view.clipId) $("note").focus();
}

async function start() {
  try {
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    if (!tab) return showError("There is no page to clip in this window.");
    const outcome = await api.runtime.sendMessage({ type: "popup-opened", tabId: tab.id });
    if (!outcome?.ok) return showError(outcome?.error ?? "no answer");
    show(outcome.result);
  } catch (e) {
    showError(e);
  }
}

async function suggest() {
  const query = $("claim").value.trim();
  chosenClaim = null;
  const seq = ++typeahead;
  const list = $("claims");
  if (!query) {
    list.hidden = true;
    return;
  }
  const reply = await relay({ type: "claims", query });
  if (seq !== typeahead) return;
  list.replaceChildren();
  const claims = reply?.ok && Array.isArray(reply.result) ? reply.result : [];
  for (const claim of claims) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = claim.statement;
    button.addEventListener("click", () => {
      chosenClaim = claim;
      $("claim").value = claim.statement;
      list.hidden = true;
    });
    item.append(button);
    list.append(item);
  }
  list.hidden = claims.length === 0;
}

async function save(event) {
  event.preventDefault();
  if (!capture?.clipId) return;
  const tags = $("tags").value.split(",").map((t) => t.trim()).filter(Boolean);
  const statement = $("claim").value.trim();
  const stance = document.querySelector('input[name="stance"]:checked')?.value ?? "supports";
  const message = { type: "annotate", captureId: capture.id, note: $("note").value, tags };
  if (statement) {
    message.claim = chosenClaim && chosenClaim.statement === statement ? { id: chosenClaim.id, stance } : { statement, stance };
  }
  const reply = await relay(message);
  if (!reply?.ok) return showError(reply?.error ?? "no answer");
  $("error").hidden = true;
  show(reply.result);
  $("status").textContent = "Saved with your details";
}

async function undo() {
  if (!capture) return;
  const reply = await relay({ type: "undo", captureId: capture.id });
  if (!reply?.ok) return showError(reply?.error ?? "no answer");
  capture = null;
  $("saved").hidden = true;
  $("status").textContent = "Removed from Commonplace";
}

$("claim").addEventListener("input", () => void suggest());
$("details").addEventListener("submit", (e) => void save(e));
$("undo").addEventListener("click", () => void undo());
void start();
