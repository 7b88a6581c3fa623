// The tool's own storage in its frame: sessionStorage, which browsers partition by the top-level site,
// so it survives the frame's trip to the platform and back. Browsers that block third-party storage
// throw on access; then put/get reject.

/** A store in this frame's sessionStorage. */
export function frameStore() {
  return {
    put: async (key, value) => {
      sessionStorage.setItem(key, value);
      if (sessionStorage.getItem(key) !== value) throw new Error("not kept");
    },
    get: async (key) => {
      const value = sessionStorage.getItem(key);
      if (!value) throw new Error("nothing kept");
      sessionStorage.removeItem(key); // single use, like the state it binds
      return value;
    },
  };
}

/** Whether our state cookie comes back on a same-origin request (it does not when the frame drops it). */
export async function cookieCameBack(probeUrl) {
  if (!probeUrl) return false;
  try {
    const response = await fetch(probeUrl, { credentials: "same-origin", cache: "no-store" });
    return response.ok && (await response.json()).cookie === true;
  } catch {
    return false;
  }
}
