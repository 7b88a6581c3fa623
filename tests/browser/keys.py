"""Pressing keys in the tool's frame and waiting for their effect (key events reach the iframe's own
renderer process asynchronously, so reading focus at once would be too early)."""
import time

from tests.browser import lms

# The focused element of the LMS page itself: a key that moved focus out of the frame changes it.
TOP = "() => { const el = document.activeElement; return el ? el.outerHTML.slice(0, 120) : ''; }"

# What has focus in the tool's frame, and the ring drawn for it: for the pill radios that is the visible
# pill next to the (transparent) input.
FOCUS = """() => {
  const el = document.activeElement;
  if (!document.hasFocus() || !el || el === document.body) return null;
  const ring = el.matches(".pill input") ? el.nextElementSibling : el;
  const style = getComputedStyle(ring);
  return {tag: el.tagName.toLowerCase(), type: el.type || "", name: el.name || "", value: el.value || "",
          id: el.id || "", checked: !!el.checked, outline: style.outlineStyle,
          outlineWidth: parseFloat(style.outlineWidth) || 0, shadow: style.boxShadow,
          // Tells two links apart, so a wait for focus to move does not sit out its timeout.
          html: el.outerHTML.slice(0, 200)};
}"""


def focus(page):
    """The focused element in the tool's frame (with its focus ring), or None when focus is elsewhere."""
    return lms.tool_frame(page).evaluate(FOCUS)


def press_and_wait(page, key, focus, until=lambda state: True, timeout=3.0):
    """Press `key`, then wait until `focus(page)` or the page's own focus changed as `until` expects; returns
    the frame's focus (as `focus` reads it) once it did, or when `timeout` seconds passed."""
    before = (page.evaluate(TOP), focus(page))
    page.keyboard.press(key)
    deadline = time.monotonic() + timeout
    while True:
        state = focus(page)
        if ((page.evaluate(TOP), state) != before and until(state)) or time.monotonic() > deadline:
            return state
        time.sleep(0.02)
