// Submits the LTI launch form (id_token + state) to the tool; the button stays for browsers without JS.
for (const form of document.querySelectorAll("form[data-autopost]")) {
  form.submit();
}
