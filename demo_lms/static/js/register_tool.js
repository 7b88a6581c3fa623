// LTI Dynamic Registration 1.0 §3.6: the tool posts {subject: "org.imsglobal.lti.close"} when it is done;
// only the framed tool's own origin is listened to.
const frame = document.querySelector("[data-registration-origin]");

if (frame) {
  window.addEventListener("message", (event) => {
    if (event.origin !== frame.dataset.registrationOrigin || !event.data) {
      return;
    }
    if (event.data.subject === "org.imsglobal.lti.close") {
      window.location.assign(frame.dataset.doneUrl);
    }
  });
}
