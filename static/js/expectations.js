// Expectations: progressive enhancement only; every form works the same without this script.
// Listeners are delegated to the document, because the live board swaps regions of the page.

import { countCharacters, focusErrorSummary, updateCounter } from "./forms.js";

focusErrorSummary();
// Cards are short: their count is always shown and speaks up in the last 20 characters.
const COUNTER = { liveWithin: 20 };
countCharacters(COUNTER);

// Dots: the steppers' buttons, the pips beside each input, and how many dots are left.
function updateDots(form) {
  if (!form) return;
  const max = Number(form.dataset.dots) || 0;
  let used = 0;
  for (const input of form.querySelectorAll(".stepper__input")) {
    const value = Math.max(0, Math.floor(Number(input.value) || 0));
    used += value;
    const pips = form.querySelector(`[data-pips="${input.id}"]`);
    if (pips) pips.querySelectorAll(".pip").forEach((pip, n) => pip.classList.toggle("pip--on", n < value));
  }
  const left = document.getElementById("dots-left");
  if (left) {
    const template = used > max ? left.dataset.over : left.dataset.template;
    left.textContent = template.replace("{used}", String(used)).replace("{max}", String(max));
    left.classList.toggle("is-over", used > max);
  }
  for (const button of form.querySelectorAll("[data-step]")) {
    const input = document.getElementById(button.dataset.target);
    const value = Number(input && input.value) || 0;
    button.disabled = button.dataset.step === "1" ? used >= max : value <= 0;
  }
}

// The facilitator's toolbar says how many cards are ticked.
function updateSelection() {
  const count = document.getElementById("selected-count");
  if (!count) return;
  const ticked = document.querySelectorAll("input[data-select]:checked").length;
  count.textContent = ticked ? count.dataset.some.replace("{count}", String(ticked)) : count.dataset.none;
}

export function enhance(root = document) {
  for (const area of root.querySelectorAll("textarea[data-counter]")) updateCounter(area, COUNTER);
  for (const button of root.querySelectorAll("[data-step]")) button.hidden = false;
  for (const button of root.querySelectorAll("[data-print]")) button.hidden = false;
  updateDots(document.querySelector(".dots__form"));
  updateSelection();
}

document.addEventListener("input", (event) => {
  const target = event.target;
  if (target.matches(".stepper__input")) updateDots(target.form);
});
document.addEventListener("change", (event) => {
  if (event.target.matches("input[data-select]")) updateSelection();
});
document.addEventListener("click", (event) => {
  const step = event.target.closest("[data-step]");
  if (step) {
    const input = document.getElementById(step.dataset.target);
    if (!input) return;
    input.value = String(Math.max(0, (Number(input.value) || 0) + Number(step.dataset.step)));
    input.dataset.dirty = "1"; // the live board leaves a region alone while someone is mid-vote
    updateDots(input.form);
    return;
  }
  if (event.target.closest("[data-print]")) window.print();
});
document.addEventListener("exp:regions-updated", () => enhance());
enhance();
