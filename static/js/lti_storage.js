// Keeps the login's browser binding where it survives inside the LMS's iframe when our cookie does
// not: the platform's postMessage storage when it offers one, else the frame's own sessionStorage.
import { cookieCameBack, frameStore } from "./lti_storage_frame.js";
import { platformStore } from "./lti_storage_platform.js";

const el = document.getElementById("lti-storage");
const { mode, store: kind, target, origin, key } = el.dataset;
const store = kind === "frame" ? frameStore() : platformStore(target, origin);

function show(id) {
  const section = document.getElementById(id);
  if (!section) return;
  for (const other of document.querySelectorAll("main > section")) other.hidden = other !== section;
  section.hidden = false;
  section.querySelector("h1")?.focus?.();
}

async function put() {
  const kept = await store.put(key, el.dataset.value).then(() => true, () => false);
  // Leave the frame only when the binding will come back: going to the platform spends its login
  // hint, and Moodle's is single-use, so a failed launch here could not be repeated in a new window.
  if (kept || (await cookieCameBack(el.dataset.probe))) {
    window.location.replace(el.dataset.next);
  } else {
    show("lti-new-window");
    document.getElementById("lti-new-window-link").addEventListener("click", () => {
      document.getElementById("lti-new-window-opened").hidden = false;
    });
  }
}

async function get() {
  try {
    el.elements.secret.value = await store.get(key);
    el.submit();
  } catch {
    document.getElementById("lti-storage-failed").hidden = false;
  }
}

mode === "put" ? put() : get();
