// The wall: one statement at a time, live counts (poll with an ETag: an unchanged session answers 304),
// and keyboard shortcuts. Without this script the page lists everything and has a reload link.

const wall = document.getElementById("wall");
const region = wall && wall.querySelector("[data-live-region]");
const help = document.getElementById("wall-help");
const said = document.getElementById("wall-said");
const nav = wall && wall.querySelector("[data-wall-nav]");
const STORE = `present:${location.pathname}`;
const MAX_DELAY = 30000;

// The control key comes in the fragment of the facilitator's own window; keep it for this tab only and take
// it out of the address bar, so a copied link shows the wall but never controls it.
function controlKey() {
  const match = location.hash.match(/control=([^&]+)/);
  if (match) {
    sessionStorage.setItem(`${STORE}:control`, decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname + location.search);
  }
  return sessionStorage.getItem(`${STORE}:control`) || "";
}

function statements() {
  return [...region.querySelectorAll("[data-statement]")];
}

let current = Number(sessionStorage.getItem(`${STORE}:current`)) || 1;

function show(number) {
  const all = statements();
  if (!all.length) return;
  current = Math.min(Math.max(1, number), all.length);
  sessionStorage.setItem(`${STORE}:current`, String(current));
  for (const section of all) section.classList.toggle("is-current", Number(section.dataset.statement) === current);
  if (nav) {
    nav.querySelector("[data-position]").textContent = `${current} / ${all.length}`;
    nav.querySelector('[data-step="-1"]').disabled = current === 1;
    nav.querySelector('[data-step="1"]').disabled = current === all.length;
  }
}

function countText() {
  const count = region.querySelector("[data-count]");
  return count ? count.textContent.replace(/\s+/g, " ").trim() : "";
}

if (wall && region && window.fetch) {
  const key = controlKey();
  const url = wall.dataset.liveUrl;
  const interval = (Number(wall.dataset.pollSeconds) || 2) * 1000;
  let etag = "";
  let delay = interval;
  let timer = 0;

  wall.classList.add("wall--paged");
  if (nav) nav.hidden = false;
  document.querySelector("[data-help-open]").hidden = false;
  if (key) for (const el of document.querySelectorAll("[data-control-only], [data-control-note]")) el.hidden = false;
  show(current);

  const poll = async () => {
    timer = 0;
    try {
      const headers = { Accept: "application/json" };
      if (etag) headers["If-None-Match"] = etag;
      const response = await fetch(url, { headers, cache: "no-store", credentials: "omit" });
      if (response.status === 404 || response.status === 410) { location.reload(); return; } // ended: say so
      if (response.status === 200) {
        const data = await response.json();
        etag = response.headers.get("ETag") || "";
        const before = countText();
        region.innerHTML = data.html;
        show(current);
        const after = countText();
        if (after && after !== before) said.textContent = after;
      } else if (response.status !== 304) {
        throw new Error(String(response.status));
      }
      delay = interval;
    } catch (error) {
      delay = Math.min(MAX_DELAY, delay * 2); // the server is busy or away: ask less often
    }
    timer = window.setTimeout(poll, delay);
  };
  const pollNow = () => { window.clearTimeout(timer); poll(); };

  const control = async (action) => {
    if (!key) return;
    const body = new URLSearchParams({ action });
    try {
      await fetch(wall.dataset.controlUrl, { method: "POST", body, credentials: "omit",
                                             headers: { "X-Present-Control": key, Accept: "application/json" } });
    } finally {
      pollNow();
    }
  };

  const toggleHelp = () => { if (help.open) help.close(); else help.showModal(); };
  document.querySelector("[data-help-open]").addEventListener("click", toggleHelp);
  if (nav) nav.addEventListener("click", (event) => {
    const step = event.target.closest("[data-step]");
    if (step) show(current + Number(step.dataset.step));
  });

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest && event.target.closest("input, textarea, select")) return;
    if (event.key === "?") { event.preventDefault(); toggleHelp(); return; }
    if (help.open) return; // the dialog handles Escape and its own buttons
    const pressed = event.key.toLowerCase();
    if (["arrowright", "pagedown"].includes(pressed)) { event.preventDefault(); show(current + 1); }
    else if (["arrowleft", "pageup"].includes(pressed)) { event.preventDefault(); show(current - 1); }
    else if (pressed === "f") {
      if (document.fullscreenElement) document.exitFullscreen(); else document.documentElement.requestFullscreen?.();
    } else if (key && pressed === "r") control("toggle_reveal");
    else if (key && pressed === "o") control("toggle_open");
    else if (key && pressed === "n" && window.confirm(wall.dataset.confirmRound || "New round?")) control("new_round");
  });

  timer = window.setTimeout(poll, delay);
}
