// Statement voting, progressive enhancement only: the page works the same without this script.
// The page follows the session (static/js/live-page.js): the facilitator moving to the next statement,
// closing the vote or sharing results shows up within seconds; a form with unsaved text is never swapped
// away without asking.
import { countCharacters, focusErrorSummary, updateCounter } from "./forms.js";
import { followPage } from "./live-page.js";

focusErrorSummary();
// A reason's count shows once the learner starts writing.
const counting = { shown: (count) => count > 0 };
countCharacters(counting);
followPage({
  afterSwap: () => { for (const area of document.querySelectorAll("textarea[data-counter]")) updateCounter(area, counting); },
});
