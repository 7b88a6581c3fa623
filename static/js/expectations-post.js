// Adding a card without leaving the page: the form posts in the background and the board's regions are
// swapped from the answer, so focus stays in the card field the learner wrote in (a page load inside
// the LMS frame would put it back at the top, and browsers do not let a framed page take focus again).
// Without this script, or when the answer is not the board, the form posts the ordinary way.

function regions(doc) {
  return doc.querySelectorAll("[data-region]");
}

function showNotice(doc) {
  const fresh = doc.querySelector("main .notice[role=status]");
  const current = document.querySelector("main .notice[role=status]");
  if (current) current.remove();
  if (!fresh) return;
  const anchor = document.querySelector("main .facilitator-notice:last-of-type") || document.querySelector("main > *");
  if (anchor) anchor.after(fresh); // a status region is announced when it is inserted
}

async function post(form) {
  const response = await fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" });
  if (!response.ok) throw new Error(String(response.status));
  const doc = new DOMParser().parseFromString(await response.text(), "text/html");
  if (doc.getElementById("error-summary") || !doc.querySelector(".add-card")) throw new Error("not added");
  for (const fresh of regions(doc)) {
    const region = document.querySelector(`[data-region="${CSS.escape(fresh.dataset.region)}"]`);
    if (region) region.innerHTML = fresh.innerHTML;
  }
  showNotice(doc);
}

document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!form.matches("form.add-card") || !window.fetch || form.dataset.sending) return;
  event.preventDefault();
  const field = form.querySelector("textarea");
  form.dataset.sending = "1";
  post(form)
    .then(() => {
      field.value = "";
      delete field.dataset.dirty;
      field.dispatchEvent(new Event("input", { bubbles: true })); // the counter starts again
      field.focus({ preventScroll: true });
      document.dispatchEvent(new CustomEvent("exp:regions-updated"));
      document.dispatchEvent(new CustomEvent("exp:changed"));
    })
    .catch(() => form.submit()) // nothing was added: the ordinary post shows the page with its message
    .finally(() => { delete form.dataset.sending; });
});
