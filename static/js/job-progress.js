// A background computation's progress (templates/activities/organisation/_job.html): ask every two seconds how
// far it is, move the bar, and show the page afresh when the new figures are stored. Without script the page
// offers a reload link.
const box = document.getElementById("org-job");
const RUNNING = ["queued", "running"];

async function poll() {
  let state;
  try {
    const answer = await fetch(box.dataset.progressUrl, {headers: {Accept: "application/json"}, credentials: "same-origin"});
    if (!answer.ok) return setTimeout(poll, 10000);
    state = await answer.json();
  } catch (error) {
    return setTimeout(poll, 10000);  // the network hiccuped: try again later
  }
  if (!RUNNING.includes(state.status)) {
    if (state.result_at !== box.dataset.resultAt || state.status !== box.dataset.status) {
      window.location.replace(box.dataset.pageUrl);
    }
    return;
  }
  const bar = box.querySelector("progress");
  if (bar) bar.value = state.progress;
  const stage = box.querySelector("[data-stage]");
  if (stage && stage.textContent !== state.stage) stage.textContent = state.stage;
  setTimeout(poll, 2000);
}

if (box && RUNNING.includes(box.dataset.status)) setTimeout(poll, 2000);
