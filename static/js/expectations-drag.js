// Drag and drop for the facilitator (mouse, pen, and touch by the card's handle). It sends the same
// request as the ticked-cards toolbar, which stays the way for keyboards and for pages without script.

const board = document.querySelector(".board--facilitator");
const form = document.getElementById("cluster-form");
const status = document.getElementById("drag-status");
let drag = null;
let swallowClick = false;

function say(message) {
  if (!status) return;
  status.textContent = message;
  status.hidden = !message;
}

function dropTarget(x, y, card) {
  const element = document.elementFromPoint(x, y);
  if (!element) return null;
  const column = card.dataset.column;
  const other = element.closest(".note[data-card]");
  if (other && other !== card && other.dataset.column === column && !other.closest(".hidden-cards")) return other;
  const theme = element.closest("[data-theme]");
  if (theme && theme.closest(`[data-drop-column="${CSS.escape(column)}"]`)) return theme;
  const loose = element.closest("[data-loose]");
  if (loose && loose.dataset.loose === column && card.closest("[data-theme]")) return loose;
  return null;
}

async function send(fields) {
  const body = new FormData();
  for (const name of ["lt", "csrf_token"]) body.append(name, form.elements[name].value);
  for (const [name, value] of fields) body.append(name, value);
  try {
    const response = await fetch(form.action, { method: "POST", body, headers: { Accept: "application/json" },
                                                 credentials: "same-origin" });
    const data = await response.json().catch(() => ({}));
    say(response.ok ? "" : (data.error || data.message || ""));
  } catch (error) {
    say(board.dataset.dragFailed || "");
  }
  document.dispatchEvent(new CustomEvent("exp:changed")); // the live board fetches the new state at once
}

function drop(card, target) {
  const id = card.dataset.card;
  if (target.matches("[data-theme]")) {
    target.querySelector(".notes")?.append(card); // show it at once; the live board confirms
    return send([["op", "add"], ["theme", target.dataset.theme], ["card", id]]);
  }
  if (target.matches("[data-loose]")) return send([["op", "take_out"], ["card", id]]);
  const theme = target.closest("[data-theme]");
  if (theme) return send([["op", "add"], ["theme", theme.dataset.theme], ["card", id]]);
  return send([["op", "group"], ["card", target.dataset.card], ["card", id]]);
}

function finish(event) {
  if (!drag) return;
  const { card, ghost, target, started } = drag;
  drag = null;
  card.classList.remove("is-dragging");
  document.documentElement.classList.remove("is-drag-active");
  ghost?.remove();
  target?.classList.remove("drop-target");
  if (started && event && event.type === "pointerup") {
    swallowClick = true; // the click that ends a drag must not tick the card's checkbox
    window.setTimeout(() => { swallowClick = false; }, 0);
    if (target) drop(card, target);
  }
}

if (board && form && window.PointerEvent && window.fetch) {
  board.addEventListener("pointerdown", (event) => {
    if (event.button !== 0 || event.isPrimary === false) return;
    const card = event.target.closest(".note[data-card]");
    if (!card || card.closest(".hidden-cards")) return;
    if (event.target.closest("input, button, summary, textarea, a, select, .menu__body")) return;
    if (event.pointerType === "touch" && !event.target.closest(".note__handle")) return;
    drag = { card, x: event.clientX, y: event.clientY, started: false, target: null, ghost: null };
  });
  document.addEventListener("pointermove", (event) => {
    if (!drag) return;
    if (!drag.started) {
      if (Math.hypot(event.clientX - drag.x, event.clientY - drag.y) < 6) return;
      drag.started = true;
      try { drag.card.setPointerCapture(event.pointerId); } catch (error) { /* released already */ }
      drag.ghost = document.createElement("div");
      drag.ghost.className = "drag-ghost";
      drag.ghost.textContent = drag.card.querySelector(".note__text")?.textContent.trim() || "";
      document.body.append(drag.ghost);
      drag.card.classList.add("is-dragging");
      document.documentElement.classList.add("is-drag-active");
      window.getSelection()?.removeAllRanges(); // the press began a text selection; a drag is not one
    }
    event.preventDefault();
    drag.ghost.style.left = `${event.clientX + 10}px`;
    drag.ghost.style.top = `${event.clientY + 10}px`;
    const target = dropTarget(event.clientX, event.clientY, drag.card);
    if (target !== drag.target) {
      drag.target?.classList.remove("drop-target");
      target?.classList.add("drop-target");
      drag.target = target;
    }
    if (event.clientY < 40) window.scrollBy(0, -12);
    else if (event.clientY > window.innerHeight - 40) window.scrollBy(0, 12);
  });
  document.addEventListener("pointerup", finish);
  document.addEventListener("pointercancel", finish);
  document.addEventListener("keydown", (event) => { if (event.key === "Escape") finish(null); });
  document.addEventListener("click", (event) => {
    if (swallowClick) { event.preventDefault(); event.stopPropagation(); swallowClick = false; }
  }, true);
}
