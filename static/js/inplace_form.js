// Forms marked data-inplace save in the background: the learner stays where they were (inside the LMS
// frame a page load would put them back at the top, and a framed page cannot take focus back).
// Without this script, or when the answer is an error page, the ordinary page is shown.

function swapMain(doc) {
  const fresh = doc.querySelector("main");
  const main = document.querySelector("main");
  if (!fresh || !main) return false;
  main.innerHTML = fresh.innerHTML;
  const target = document.getElementById("error-summary") || main.querySelector(".notice") || main;
  target.focus();
  return true;
}

async function send(form) {
  const response = await fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" });
  const doc = new DOMParser().parseFromString(await response.text(), "text/html");
  if (!response.ok || doc.getElementById("error-summary")) {
    if (!swapMain(doc)) throw new Error(String(response.status));
    return;
  }
  // Saved: take the drawing's new version, so the next save is not refused as coming from an old page.
  const version = doc.querySelector("input[name=version]");
  if (version) for (const input of document.querySelectorAll("input[name=version]")) input.value = version.value;
  const notice = doc.querySelector("main .notice[role=status]");
  const status = form.querySelector("[data-inplace-status]");
  if (status) status.textContent = notice ? notice.textContent.trim() : "";
}

document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!form.matches("form[data-inplace]") || !window.fetch || form.dataset.sending) return;
  event.preventDefault();
  form.dataset.sending = "1";
  const status = form.querySelector("[data-inplace-status]");
  if (status) status.textContent = "";
  send(form)
    .catch(() => form.submit())
    .finally(() => { delete form.dataset.sending; });
});
