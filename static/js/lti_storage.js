// LTI client-side postMessage storage (1EdTech "Platform Storage"): keeps the login's browser
// binding in the platform's frame when our cookie does not survive inside the iframe.
const el = document.getElementById("lti-storage");
const { mode, target, origin, key } = el.dataset;

function storageWindow() {
  if (!target || target === "_parent") return window.parent;
  try {
    return window.parent.frames[target] || window.parent;
  } catch {
    return window.parent;
  }
}

function messageId() {
  return globalThis.crypto?.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2) + Date.now();
}

function call(subject, payload) {
  return new Promise((resolve, reject) => {
    const id = messageId();
    const timer = setTimeout(() => done(new Error("timeout")), 3000);
    function done(error, data) {
      clearTimeout(timer);
      window.removeEventListener("message", onMessage);
      error ? reject(error) : resolve(data);
    }
    function onMessage(event) {
      const data = event.data;
      if (event.origin !== origin || !data || data.message_id !== id || data.subject !== `${subject}.response`) return;
      data.error ? done(new Error(data.error.message || data.error.code)) : done(null, data);
    }
    window.addEventListener("message", onMessage);
    storageWindow().postMessage({ subject, message_id: id, ...payload }, origin);
  });
}

if (mode === "put") {
  call("lti.put_data", { key, value: el.dataset.value })
    .catch(() => undefined)
    .finally(() => window.location.replace(el.dataset.next));
} else if (mode === "get") {
  call("lti.get_data", { key })
    .then((data) => {
      el.elements.secret.value = data.value;
      el.submit();
    })
    .catch(() => {
      document.getElementById("lti-storage-failed").hidden = false;
    });
}
