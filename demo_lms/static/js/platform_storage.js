// LTI client-side postMessage storage (1EdTech Platform Storage) for the tool framed on this page:
// answers lti.capabilities, lti.put_data and lti.get_data from the tool's origin only, keeping
// values in memory per origin for as long as this page lives.
const frame = document.querySelector("[data-tool-origin]");
const toolOrigin = frame ? frame.dataset.toolOrigin : null;
const store = new Map();
const SUPPORTED = ["lti.capabilities", "lti.put_data", "lti.get_data"];

function answer(event, body) {
  event.source.postMessage({ message_id: event.data.message_id, subject: `${event.data.subject}.response`, ...body },
    event.origin);
}

window.addEventListener("message", (event) => {
  const data = event.data;
  if (!toolOrigin || event.origin !== toolOrigin || !data || !SUPPORTED.includes(data.subject) || !event.source) {
    return;
  }
  const slot = `${event.origin} ${data.key}`;
  if (data.subject === "lti.capabilities") {
    answer(event, { supported_messages: SUPPORTED.map((subject) => ({ subject })) });
  } else if (typeof data.key !== "string" || !data.key) {
    answer(event, { error: { code: "bad_request", message: "key is required" } });
  } else if (data.subject === "lti.put_data") {
    store.set(slot, String(data.value));
    answer(event, { key: data.key, value: data.value });
  } else if (store.has(slot)) {
    answer(event, { key: data.key, value: store.get(slot) });
  } else {
    answer(event, { key: data.key, error: { code: "bad_request", message: "no value for this key" } });
  }
});
