// Network drawing forms, progressive enhancement only: the pages work the same without this script.

// Bring keyboard and screen-reader users straight to the list of problems after a failed save.
const summary = document.getElementById("error-summary");
if (summary) summary.focus();
