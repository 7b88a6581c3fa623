// What every activity's forms do the same way, as progressive enhancement: pages work without it.

// Bring keyboard and screen-reader users straight to the list of problems after a failed save.
export function focusErrorSummary() {
  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();
}

// A character count under a text field. `shown(count, max)` says when it is visible; it speaks up
// (aria-live) only within `liveWithin` characters of the limit, so a screen reader is not chattering.
export function updateCounter(area, { shown = () => true, liveWithin = 100 } = {}) {
  const counter = document.getElementById(area.dataset.counter);
  if (!counter || !counter.dataset.template) return;
  const max = Number(area.getAttribute("maxlength")) || 1000;
  const count = area.value.length;
  counter.textContent = counter.dataset.template.replace("{count}", String(count));
  counter.hidden = !shown(count, max);
  if (max - count <= liveWithin) counter.setAttribute("aria-live", "polite");
  else counter.removeAttribute("aria-live");
}

// Count every `textarea[data-counter]`, now and as people type (delegated: regions may be swapped in).
export function countCharacters(options = {}) {
  for (const area of document.querySelectorAll("textarea[data-counter]")) updateCounter(area, options);
  document.addEventListener("input", (event) => {
    if (event.target.matches && event.target.matches("textarea[data-counter]")) updateCounter(event.target, options);
  });
}

// Ask before leaving a form with changes that were not saved yet (`form[data-unsaved]` holds the question).
export function guardUnsaved() {
  const form = document.querySelector("form[data-unsaved]");
  if (!form) return;
  let dirty = false;
  form.addEventListener("input", () => { dirty = true; });
  form.addEventListener("change", () => { dirty = true; });
  form.addEventListener("submit", () => { dirty = false; });
  window.addEventListener("beforeunload", (event) => {
    if (!dirty) return;
    event.preventDefault();
    event.returnValue = form.dataset.unsaved;  // browsers show their own text; this is for older ones
  });
}
