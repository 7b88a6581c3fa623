// The wall: one statement at a time, live counts (static/js/live.js: an unchanged session answers 304),
// countdowns, and keyboard shortcuts. Without this script the page lists everything and has a reload link.
import { countdowns } from "./countdown.js";
import { follow, pollInterval } from "./live.js";

const wall = document.getElementById("wall");
const region = wall && wall.querySelector("[data-live-region]");
const help = document.getElementById("wall-help");
const said = document.getElementById("wall-said");
const nav = wall && wall.querySelector("[data-wall-nav]");
const STORE = `present:${location.pathname}`;

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

// In a one-at-a-time session the facilitator's current statement, which the wall always shows.
function paced() {
  const status = region.querySelector("[data-current]");
  return status ? Number(status.dataset.current) : 0;
}

let current = Number(sessionStorage.getItem(`${STORE}:current`)) || 1;

let key = "";

function show(number) {
  const all = statements();
  if (!all.length) return;
  const numbers = all.map((section) => Number(section.dataset.statement));
  current = numbers.includes(number) ? number : numbers[Math.min(Math.max(0, number - 1), numbers.length - 1)];
  sessionStorage.setItem(`${STORE}:current`, String(current));
  for (const section of all) section.classList.toggle("is-current", Number(section.dataset.statement) === current);
  if (nav) {
    // A paced session's wall lists only the statements reached so far; the facilitator's keys go on to the rest.
    const status = region.querySelector("[data-total]");
    const total = status ? Number(status.dataset.total) : all.length;
    const last = paced() ? total : numbers[numbers.length - 1];
    nav.hidden = Boolean(paced()) && !key;  // a copy of the link follows the facilitator; it cannot page
    nav.querySelector("[data-position]").textContent = `${current} / ${total}`;
    nav.querySelector('[data-step="-1"]').disabled = current === numbers[0];
    nav.querySelector('[data-step="1"]').disabled = current === last;
  }
}

function countText() {
  const count = region.querySelector("[data-count]");
  return count ? count.textContent.replace(/\s+/g, " ").trim() : "";
}

if (wall && region && window.fetch) {
  key = controlKey();
  const say = (text) => { said.textContent = text; };
  let live;
  const restart = () => countdowns({ say, onZero: () => live.now({ fresh: true }) });
  const followPace = () => show(paced() || current);

  wall.classList.add("wall--paged");
  document.querySelector("[data-help-open]").hidden = false;
  if (key) for (const el of document.querySelectorAll("[data-control-only], [data-control-note]")) el.hidden = false;
  followPace();
  restart();

  live = follow({
    url: wall.dataset.liveUrl,
    interval: pollInterval(wall),
    etag: wall.dataset.liveEtag,
    credentials: "omit",
    onData: (data) => {
      const before = countText();
      const was = paced();
      region.innerHTML = data.html;
      followPace();
      restart();
      const after = countText();
      if (paced() && paced() !== was) say(region.querySelector(".is-current h1").textContent);
      else if (after && after !== before) say(after);
    },
    onGone: () => location.reload(), // ended or expired: the page says so
  });

  const control = async (action) => {
    if (!key) return;
    const body = new URLSearchParams({ action });
    try {
      await fetch(wall.dataset.controlUrl, { method: "POST", body, credentials: "omit",
                                             headers: { "X-Present-Control": key, Accept: "application/json" } });
    } finally {
      live.now();
    }
  };

  // Paging a paced session moves everyone (with the control key); otherwise it only moves this wall.
  const step = (by) => {
    if (paced() && key) control(by > 0 ? "next_statement" : "previous_statement");
    else show(current + by);
  };

  // The activity's template declares what its keys do, in the list that `?` shows.
  const shortcuts = new Map([...help.querySelectorAll("[data-key][data-action]")].map((el) => [el.dataset.key, el]));
  const toggleHelp = () => { if (help.open) help.close(); else help.showModal(); };
  document.querySelector("[data-help-open]").addEventListener("click", toggleHelp);
  if (nav) nav.addEventListener("click", (event) => {
    const button = event.target.closest("[data-step]");
    if (button) step(Number(button.dataset.step));
  });

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest && event.target.closest("input, textarea, select")) return;
    if (event.key === "?") { event.preventDefault(); toggleHelp(); return; }
    if (help.open) return; // the dialog handles Escape and its own buttons
    const pressed = event.key.toLowerCase();
    if (["arrowright", "pagedown"].includes(pressed)) { event.preventDefault(); step(1); }
    else if (["arrowleft", "pageup"].includes(pressed)) { event.preventDefault(); step(-1); }
    else if (pressed === "f") {
      if (document.fullscreenElement) document.exitFullscreen(); else document.documentElement.requestFullscreen?.();
    } else if (key && shortcuts.has(pressed)) {
      const shortcut = shortcuts.get(pressed);
      if (!shortcut.dataset.confirm || window.confirm(shortcut.dataset.confirm)) control(shortcut.dataset.action);
    }
  });
}

// On paper (the session report) what the wall folds away is shown, and folded again afterwards.
window.addEventListener("beforeprint", () => {
  document.querySelectorAll("details:not([open])").forEach((el) => { el.open = true; el.dataset.printOpened = ""; });
});
window.addEventListener("afterprint", () => {
  document.querySelectorAll("details[data-print-opened]").forEach((el) => { el.open = false; delete el.dataset.printOpened; });
});
