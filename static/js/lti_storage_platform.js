// 1EdTech "Platform Storage": keep and read values in the platform's frame with postMessage.
function storageWindow(target) {
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

function call(target, origin, subject, payload) {
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
    storageWindow(target).postMessage({ subject, message_id: id, ...payload }, origin);
  });
}

/** A store in the platform's frame named `target`, answering from `origin`. */
export function platformStore(target, origin) {
  return {
    put: (key, value) => call(target, origin, "lti.put_data", { key, value }),
    get: (key) => call(target, origin, "lti.get_data", { key }).then((data) => data.value),
  };
}
