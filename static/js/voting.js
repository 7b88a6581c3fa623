// Statement voting, progressive enhancement only: the page works the same without this script.
// The page follows the session (static/js/live.js): the facilitator moving to the next statement, closing
// the vote or sharing results shows up within seconds; a form with unsaved text is never swapped away
// without asking.
import { countdowns } from "./countdown.js";
import { countCharacters, focusErrorSummary, updateCounter } from "./forms.js";
import { follow, regions } from "./live.js";

focusErrorSummary();
// A reason's count shows once the learner starts writing.
const counting = { shown: (count) => count > 0 };
countCharacters(counting);

const note = document.getElementById("live-note");

if (note && note.dataset.liveUrl && window.fetch && window.DOMParser) {
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
        say(region.dataset.announce);
        // "Your votes are saved" belonged to the moment before; it would now mislead.
        for (const old of document.querySelectorAll("main > .notice[role=status]")) old.remove();
        // The statement on screen changed under the keyboard: give focus to its heading, not to the page's top.
        if (!document.activeElement || document.activeElement === document.body) {
          const heading = document.querySelector("[data-live-focus]");
          if (heading) heading.focus({ preventScroll: true });
        }
      }
      for (const area of document.querySelectorAll("textarea[data-counter]")) updateCounter(area, counting);
      restart();
      offer(page);
    },
  });
  live = follow({
    url: note.dataset.liveUrl,
    onData: (data) => { page.apply(data.html); offer(page); },
    onUnchanged: () => { page.retry(); offer(page); },
  });
  restart();
}
