// Countdowns ([data-closes-in] = seconds left when the page was made): shown as m:ss, said aloud at each
// full minute, at 30 and at 10 seconds (a timer role alone is silent), and `onZero` when one ends, so the
// page can ask the server for what the end changed. The server decides when voting closes; this only shows it.

const SAID_AT = new Set([30, 10]);
let ticking = 0;

function format(seconds) {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

// Start (or restart, after a region was swapped) every countdown in the document.
export function countdowns({ say = () => {}, onZero = () => {} } = {}) {
  window.clearInterval(ticking);
  const clocks = [...document.querySelectorAll("[data-closes-in]")].map((el) => ({
    el, end: performance.now() + Number(el.dataset.closesIn) * 1000, last: Number(el.dataset.closesIn),
  }));
  if (!clocks.length) return;
  const tick = () => {
    let ended = false;
    for (const clock of clocks) {
      const left = Math.max(0, Math.ceil((clock.end - performance.now()) / 1000));
      if (left === clock.last) continue;
      clock.last = left;
      clock.el.textContent = format(left);
      if (left === 0) ended = true;
      else if (clock === clocks[0] && (SAID_AT.has(left) || left % 60 === 0)) {
        say(clock.el.dataset.said.replace("{time}", format(left)));
      }
    }
    if (ended) { window.clearInterval(ticking); onZero(); }
  };
  ticking = window.setInterval(tick, 250);
}
