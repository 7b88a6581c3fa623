// Fits the tool's iframe to its content when the tool posts lti.frameResize (as Canvas and Brightspace do).
const holder = document.querySelector("[data-tool-origin]");
const frame = holder && "fitFrame" in holder.dataset ? holder.querySelector("iframe") : null;

window.addEventListener("message", (event) => {
  const data = event.data;
  if (!frame || event.origin !== holder.dataset.toolOrigin || event.source !== frame.contentWindow) return;
  if (!data || data.subject !== "lti.frameResize") return;
  const height = Number(data.height);
  if (!Number.isFinite(height) || height <= 0) return;
  frame.classList.add("is-sized");
  frame.style.height = `${Math.min(Math.ceil(height), 20000)}px`;
  frame.dataset.resized = String(Math.ceil(height));
});
