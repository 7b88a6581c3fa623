// Hinders and drivers, progressive enhancement only: every page works the same without this script.

// Bring keyboard and screen-reader users straight to the list of problems after a failed save.
const summary = document.getElementById("error-summary");
if (summary) summary.focus();

// A character count under each long answer; it speaks up only when the limit comes near.
for (const area of document.querySelectorAll("textarea[data-counter]")) {
  const counter = document.getElementById(area.dataset.counter);
  if (!counter) continue;
  const max = Number(area.getAttribute("maxlength")) || 1000;
  const update = () => {
    const count = area.value.length;
    counter.textContent = counter.dataset.template.replace("{count}", String(count));
    counter.hidden = count < max * 0.8;
    if (max - count <= 100) counter.setAttribute("aria-live", "polite");
    else counter.removeAttribute("aria-live");
  };
  area.addEventListener("input", update);
  update();
}

// Answers are saved per part: ask before leaving a part with changes that were not saved yet.
const form = document.querySelector("form[data-unsaved]");
if (form) {
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
