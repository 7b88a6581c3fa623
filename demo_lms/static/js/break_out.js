// After deep linking the course page replaces the whole window, not just the iframe.
const link = document.querySelector("a[data-break-out]");
if (link) {
  window.top.location.href = link.href;
}
