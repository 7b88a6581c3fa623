// A page that follows the session by itself: `#live-note[data-live-url]` names its live address, and the
// page's `data-region` parts are swapped when they change (static/js/live.js). A region someone is busy in
// waits; the note then offers to show the new state. When the `status` region's `data-live-key` changes,
// its `data-announce` is said to screen readers and focus goes to `[data-live-focus]` if it was lost.
import { countdowns } from "./countdown.js";
import { follow, pollInterval, regions } from "./live.js";

export function followPage({ afterSwap = () => {} } = {}) {
  const note = document.getElementById("live-note");
  if (!note || !note.dataset.liveUrl || !window.fetch || !window.DOMParser) return;
  const said = document.createElement("p");
  said.className = "visually-hidden";
  said.setAttribute("aria-live", "polite");
  note.after(said);
  const say = (text) => { said.textContent = text; };
  const status = () => document.querySelector('[data-region="status"]');
  let key = status() ? status().dataset.liveKey : "";

  // Someone busy in a form that the session has moved beyond decides when to see the new state.
  const offer = (page) => {
    const waiting = page.pending();
    note.hidden = !waiting.length;
    if (!waiting.length) return;
    note.replaceChildren(`${note.dataset.movedText} `);
    const show = document.createElement("button");
    show.type = "button";
    show.className = "button--secondary";
    show.textContent = note.dataset.showText;
    show.addEventListener("click", () => { for (const name of page.pending()) page.flush(name); });
    note.append(show, ` ${note.dataset.lostText}`);
  };

  let live;
  const restart = () => countdowns({ say, onZero: () => live.now({ fresh: true }) });
  const page = regions({
    onSwapped: () => {
      const region = status();
      if (region && region.dataset.liveKey !== key) {
        key = region.dataset.liveKey;
        if (region.dataset.announce) say(region.dataset.announce);
        // "Saved" and the like belonged to the moment before; they would now mislead.
        for (const old of document.querySelectorAll("main > .notice[role=status]")) old.remove();
        if (!document.activeElement || document.activeElement === document.body) {
          const heading = document.querySelector("[data-live-focus]");
          if (heading) heading.focus({ preventScroll: true });
        }
      }
      afterSwap();
      restart();
      offer(page);
    },
  });
  live = follow({
    url: note.dataset.liveUrl,
    interval: pollInterval(note),
    etag: note.dataset.liveEtag,
    onData: (data) => { page.apply(data.html); offer(page); },
    onUnchanged: () => { page.retry(); offer(page); },
  });
  restart();
}
