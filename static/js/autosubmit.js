// Submits forms marked data-autosubmit (deep-linking return) without an inline script.
for (const form of document.querySelectorAll("form[data-autosubmit]")) {
  form.submit();
}
