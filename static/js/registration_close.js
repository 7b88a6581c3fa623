// LTI Dynamic Registration 1.0 §3.6: tell the LMS that opened us (popup or iframe) that we are done.
const button = document.querySelector("[data-close-registration]");
const target = window.opener || (window.parent !== window ? window.parent : null);

if (button) {
  button.addEventListener("click", () => {
    if (target) {
      // "*": the LMS's origin is not ours to know for sure (Canvas serves its UI from other hosts);
      // the message carries nothing secret.
      target.postMessage({ subject: "org.imsglobal.lti.close" }, "*");
    } else {
      window.close();
    }
  });
}
