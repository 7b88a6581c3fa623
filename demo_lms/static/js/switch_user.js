// Switch user as soon as another person is chosen; the Switch button remains for keyboard and no-JS use.
for (const select of document.querySelectorAll("select[data-autosubmit]")) {
  select.addEventListener("change", () => select.form.requestSubmit());
}
