// The live board: every few seconds (LIVE_BOARD_POLL_SECONDS, in the note's data-poll-seconds) ask whether
// the board changed and swap in the regions that did (static/js/live.js). Without this script the page works
// the same; people reload it.
import { follow, pollInterval, regions } from "./live.js";

const note = document.getElementById("live-note");

function countCards() {
  return document.querySelectorAll('[data-region^="col-"] .note').length;
}

if (note && note.dataset.liveUrl && window.fetch && window.DOMParser) {
  const status = note.querySelector("[data-live-status]");
  const said = document.createElement("span");
  said.className = "visually-hidden";
  said.setAttribute("aria-live", "polite");
  note.append(said);
  if (status) status.textContent = note.dataset.liveText;

  const board = regions({ onSwapped: () => document.dispatchEvent(new CustomEvent("exp:regions-updated")) });
  const live = follow({
    url: note.dataset.liveUrl,
    interval: pollInterval(note),
    etag: note.dataset.liveEtag,
    onData: (data) => {
      const before = countCards();
      board.apply(data.html);
      const added = countCards() - before;
      if (added > 0) said.textContent = note.dataset.newText.replace("{count}", String(added));
      for (const form of document.querySelectorAll("form[data-posting]")) form.hidden = !data.posting_open;
    },
    onUnchanged: board.retry,
    onGone: () => {}, // the session ended: reloading the page shows why
  });
  document.addEventListener("exp:changed", () => live.now());
}
