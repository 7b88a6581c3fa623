// Live pages: ask every few seconds whether anything changed, sending the last answer's ETag, so an
// unchanged page costs the server one small read and a 304 (why polling: docs/live-updates.md). Pages work
// without this script; people reload them.

const MAX_DELAY = 30000;
const DEFAULT_INTERVAL = 1500; // the server's default LIVE_POLL_SECONDS

// The wait between polls a page names in its `data-poll-seconds` (the server's LIVE_POLL_SECONDS), in ms.
export function pollInterval(element) {
  const seconds = Number(element && element.dataset.pollSeconds);
  return seconds > 0 ? seconds * 1000 : DEFAULT_INTERVAL;
}

// Poll `url` and hand each changed answer (JSON) to `onData`. A failed poll doubles the wait (the server
// is busy or away); a hidden tab stops asking until it is seen again. `onGone(status)` hears a 401, 403,
// 404 or 410, after which polling stops. Returns `{ now }` to ask at once (`now({ fresh: true })` ignores
// the ETag, for a change the server cannot announce, such as a countdown reaching zero). `etag` is the tag of
// what the page already shows (its data-live-etag), so its first poll is a 304 when nothing changed.
export function follow({ url, interval = DEFAULT_INTERVAL, etag = "", credentials = "same-origin", onData, onUnchanged, onGone }) {
  let delay = interval;
  let timer = 0;
  let current = url;

  const poll = async ({ fresh = false } = {}) => {
    timer = 0;
    if (document.hidden) return; // resumed by visibilitychange
    try {
      const headers = { Accept: "application/json" };
      if (etag && !fresh) headers["If-None-Match"] = etag;
      const response = await fetch(current, { headers, cache: "no-store", credentials });
      if ([401, 403, 404, 410].includes(response.status)) { if (onGone) onGone(response.status); return; }
      if (response.status === 200) {
        const data = await response.json();
        etag = response.headers.get("ETag") || "";
        if (data.live_url) current = data.live_url; // launch tokens in the address expire; the server renews them
        onData(data);
      } else if (response.status === 304) {
        if (onUnchanged) onUnchanged();
      } else {
        throw new Error(String(response.status));
      }
      delay = interval;
    } catch (error) {
      delay = Math.min(MAX_DELAY, delay * 2);
    }
    schedule();
  };
  const schedule = () => { if (!timer) timer = window.setTimeout(poll, delay); };
  const now = (options) => { window.clearTimeout(timer); timer = 0; poll(options); };

  document.addEventListener("visibilitychange", () => {
    if (!document.hidden) { delay = interval; now(); }
  });
  schedule();
  return { now };
}

// Regions (elements with data-region="name") that a fresh render replaces, unless the person is busy in
// one: typing, a field changed and not yet sent, or a press on its way to a click. Those wait until the
// person is done; `pending()` lists the names still waiting, `flush(name)` replaces one regardless.
export function regions({ onSwapped = () => {} } = {}) {
  const waiting = new Map();
  let pressedAt = 0;

  const isDirty = (region) =>
    // Typed-in fields count only while visible: a closed menu does not hold the region forever.
    [...region.querySelectorAll("[data-dirty]")].some((el) => !el.closest("details:not([open])"));

  const busy = (region) => {
    if (Date.now() - pressedAt < 1500) return true;
    const active = document.activeElement;
    if (active && active !== document.body && region.contains(active)) {
      if (active.matches("textarea, input[type=text], input[type=number], select")) return true;
      if (!active.id) return true; // its focus could not be given back after the swap
    }
    return isDirty(region);
  };

  const find = (name) => document.querySelector(`[data-region="${CSS.escape(name)}"]`);

  const swap = (region, fresh) => {
    const ticked = [...region.querySelectorAll("input[data-select]:checked")].map((el) => el.id);
    const open = [...region.querySelectorAll("details[open]")].map((el) => el.id).filter(Boolean);
    const focused = region.contains(document.activeElement) ? document.activeElement.id : "";
    for (const name of fresh.getAttributeNames()) {
      if (name.startsWith("data-") && name !== "data-region") region.setAttribute(name, fresh.getAttribute(name));
    }
    region.innerHTML = fresh.innerHTML;
    for (const id of ticked) { const el = document.getElementById(id); if (el) el.checked = true; }
    for (const id of open) { const el = document.getElementById(id); if (el) el.open = true; }
    if (focused) {
      const el = document.getElementById(focused) || region.querySelector("[data-live-focus]");
      if (el) el.focus({ preventScroll: true });
    }
  };

  const flushWaiting = () => {
    const swapped = [];
    for (const [name, fresh] of waiting) {
      const region = find(name);
      if (!region) { waiting.delete(name); continue; }
      if (busy(region)) continue;
      swap(region, fresh);
      waiting.delete(name);
      swapped.push(name);
    }
    if (swapped.length) onSwapped(swapped);
    return swapped.length > 0;
  };

  // Every render carries fresh launch tokens; a region whose content did not otherwise change stays as it is.
  // Serialised attributes write "&" as "&amp;", so a token after another parameter follows "&amp;".
  const normalised = (html) =>
    html.replace(/((?:[?&]|&amp;)lt=)[^"&]*/g, "$1").replace(/(name="lt" value=")[^"]*/g, "$1");

  document.addEventListener("pointerdown", () => { pressedAt = Date.now(); }, true);
  document.addEventListener("keydown", () => { pressedAt = Date.now(); }, true);
  document.addEventListener("input", (event) => {
    if (event.target.closest("[data-region]")) event.target.dataset.dirty = "1";
  });
  document.addEventListener("focusout", () => window.setTimeout(flushWaiting, 0));

  return {
    // Take the regions of a fresh render (any HTML holding data-region elements) and swap what changed.
    apply(html) {
      const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
      for (const fresh of doc.body.querySelectorAll("[data-region]")) {
        if (fresh.parentElement.closest("[data-region]")) continue; // a region inside a region goes with it
        const region = find(fresh.dataset.region);
        if (region && normalised(region.outerHTML) === normalised(fresh.outerHTML)) waiting.delete(fresh.dataset.region);
        else waiting.set(fresh.dataset.region, fresh);
      }
      return flushWaiting();
    },
    retry: flushWaiting,
    pending: () => [...waiting.keys()],
    flush(name) {
      const region = find(name);
      const fresh = waiting.get(name);
      if (!region || !fresh) return;
      waiting.delete(name);
      swap(region, fresh);
      onSwapped([name]);
    },
  };
}
