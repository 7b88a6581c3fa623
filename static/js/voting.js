// Statement voting, progressive enhancement only: the page works the same without this script.

// Bring keyboard and screen-reader users straight to the list of problems after a failed submit.
const summary = document.getElementById("error-summary");
if (summary) summary.focus();

// A character count under each reason; it speaks up only when the limit comes near.
for (const area of document.querySelectorAll("textarea[data-counter]")) {
  const counter = document.getElementById(area.dataset.counter);
  if (!counter) continue;
  const max = Number(area.getAttribute("maxlength")) || 1000;
  const update = () => {
    const count = area.value.length;
    counter.textContent = counter.dataset.template.replace("{count}", String(count));
    counter.hidden = count === 0;
    if (max - count <= 100) counter.setAttribute("aria-live", "polite");
    else counter.removeAttribute("aria-live");
  };
  area.addEventListener("input", update);
  update();
}
