// Buttons marked data-print print the page; they need script, so they stay hidden without it (the browser's
// own print works the same, and the print styles apply either way).
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
