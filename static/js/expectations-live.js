// The live board: every 2.5 s ask whether the board changed (an ETag makes "no" nearly free) and swap
// in the regions that did. Without this script the page works the same; people reload it.

const note = document.getElementById("live-note");
const INTERVAL = 2500;
const MAX_INTERVAL = 30000;

function isDirty(region) {
  // Typed-in fields count only while visible: a closed editing menu does not hold the region forever.
  return [...region.querySelectorAll("[data-dirty]")].some((el) => !el.closest("details:not([open])"));
}

let pressedAt = 0; // a press or key still on its way to a click or toggle must not lose its target to a swap

function busy(region) {
  if (Date.now() - pressedAt < 1500) return true;
  const active = document.activeElement;
  if (active && active !== document.body && region.contains(active)) {
    if (active.matches("textarea, input[type=text], input[type=number], select")) return true;
    if (!active.id) return true; // its focus could not be given back after the swap
  }
  return isDirty(region);
}

function swap(region, fresh) {
  const ticked = [...region.querySelectorAll("input[data-select]:checked")].map((el) => el.id);
  const open = [...region.querySelectorAll("details[open]")].map((el) => el.id).filter(Boolean);
  const focused = region.contains(document.activeElement) ? document.activeElement.id : "";
  region.innerHTML = fresh.innerHTML;
  for (const id of ticked) { const el = document.getElementById(id); if (el) el.checked = true; }
  for (const id of open) { const el = document.getElementById(id); if (el) el.open = true; }
  if (focused) { const el = document.getElementById(focused); if (el) el.focus({ preventScroll: true }); }
}

// Every render carries fresh launch tokens; a region whose content did not otherwise change stays as it is.
function normalised(html) {
  return html.replace(/([?&]lt=)[^"&]*/g, "$1").replace(/(name="lt" value=")[^"]*/g, "$1");
}

function countCards() {
  return document.querySelectorAll('[data-region^="col-"] .note').length;
}

if (note && note.dataset.liveUrl && window.fetch && window.DOMParser) {
  let url = note.dataset.liveUrl;
  let etag = "";
  let delay = INTERVAL;
  let timer = 0;
  const pending = new Map();
  const status = note.querySelector("[data-live-status]");
  const said = document.createElement("span");
  said.className = "visually-hidden";
  said.setAttribute("aria-live", "polite");
  note.append(said);
  if (status) status.textContent = note.dataset.liveText;

  const applyPending = () => {
    let changed = false;
    for (const [name, fresh] of pending) {
      const region = document.querySelector(`[data-region="${CSS.escape(name)}"]`);
      if (!region) { pending.delete(name); continue; }
      if (busy(region)) continue;
      swap(region, fresh);
      pending.delete(name);
      changed = true;
    }
    return changed;
  };

  const apply = (html) => {
    const before = countCards();
    const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
    for (const fresh of doc.body.querySelectorAll(":scope > [data-region]")) {
      const region = document.querySelector(`[data-region="${CSS.escape(fresh.dataset.region)}"]`);
      if (region && normalised(region.innerHTML) === normalised(fresh.innerHTML)) pending.delete(fresh.dataset.region);
      else pending.set(fresh.dataset.region, fresh);
    }
    if (applyPending()) document.dispatchEvent(new CustomEvent("exp:regions-updated"));
    const added = countCards() - before;
    if (added > 0) said.textContent = note.dataset.newText.replace("{count}", String(added));
  };

  const poll = async () => {
    timer = 0;
    if (document.hidden) return; // resumed by visibilitychange
    try {
      const headers = { Accept: "application/json" };
      if (etag) headers["If-None-Match"] = etag;
      const response = await fetch(url, { headers, cache: "no-store", credentials: "same-origin" });
      if (response.status === 401 || response.status === 403) return; // the session ended: reloading shows why
      if (response.status === 200) {
        const data = await response.json();
        etag = response.headers.get("ETag") || "";
        if (data.live_url) url = data.live_url;
        apply(data.html);
        for (const form of document.querySelectorAll("form[data-posting]")) form.hidden = !data.posting_open;
      } else if (response.status !== 304) {
        throw new Error(String(response.status));
      } else if (applyPending()) {
        document.dispatchEvent(new CustomEvent("exp:regions-updated"));
      }
      delay = INTERVAL;
    } catch (error) {
      delay = Math.min(MAX_INTERVAL, delay * 2); // the server is busy or away: ask less often
    }
    schedule();
  };

  const schedule = () => {
    if (!timer) timer = window.setTimeout(poll, delay);
  };

  for (const type of ["pointerdown", "keydown"]) document.addEventListener(type, () => { pressedAt = Date.now(); }, true);
  document.addEventListener("input", (event) => {
    if (event.target.closest("[data-region]")) event.target.dataset.dirty = "1";
  });
  document.addEventListener("focusout", () => window.setTimeout(() => {
    if (applyPending()) document.dispatchEvent(new CustomEvent("exp:regions-updated"));
  }, 0));
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden) { window.clearTimeout(timer); timer = 0; delay = INTERVAL; poll(); }
  });
  document.addEventListener("exp:changed", () => { window.clearTimeout(timer); timer = 0; poll(); });
  schedule();
}
