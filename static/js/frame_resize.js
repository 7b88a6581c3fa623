// Tells the LMS page around our iframe how tall our content is (lti.frameResize; Canvas, Brightspace and
// the demo LMS listen), so learners scroll the course page instead of a box inside it.
if (window.parent !== window) {
  let sent = 0;
  const send = () => {
    // The body's own height: the document's scrollHeight never drops below the frame's, so it could not shrink.
    const style = getComputedStyle(document.body);
    const height = Math.ceil(document.body.getBoundingClientRect().height
      + parseFloat(style.marginTop) + parseFloat(style.marginBottom));
    if (height === sent) return;
    sent = height;
    // The height is no secret, and the LMS's origin is not known to us here: any parent may read it.
    window.parent.postMessage({ subject: "lti.frameResize", height }, "*");
  };
  // Once the LMS fits the frame to us, viewport units would chase our own height (a drawing of 82vh
  // in a frame as tall as its content grows the frame again): mark the document so CSS drops them.
  window.addEventListener("resize", () => {
    if (sent && Math.abs(window.innerHeight - sent) <= 2) document.documentElement.classList.add("lti-fitted");
  });
  new ResizeObserver(send).observe(document.body);
  window.addEventListener("load", send);
  send();
}
