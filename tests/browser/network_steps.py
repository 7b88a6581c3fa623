"""Steps of the network drawing's browser tests: add and open the activity in the demo LMS, move through its
pages, press keys until focus arrives, drag a person in the drawing."""
import pytest

from tests.browser import chromium, lms


TITLE = "Netwerktekening"
MAX_TABS = 80
FOCUS = """() => {
  const el = document.activeElement;
  if (!document.hasFocus() || !el || el === document.body) return null;
  return {tag: el.tagName.toLowerCase(), type: el.type || "", name: el.getAttribute("name") || "",
          id: el.id || "", value: el.value || "", key: el.dataset ? (el.dataset.key || "") : "",
          text: (el.textContent || "").trim().slice(0, 60), checked: !!el.checked};
}"""


def add_network_activity(page, lms_url, title=TITLE, min_group_size=None):
    """As the facilitator: Add an activity → network drawing → settings → add. Returns the LMS link id."""
    fields = {"min_contacts": 3, **({"min_group_size": min_group_size} if min_group_size is not None else {})}
    return lms.add_activity(page, lms_url, "network", title, fields)


def open_network(page, lms_url, link_id, path=""):
    """Open the activity in the LMS; optionally follow a link in the tool's page navigation."""
    page.goto(f"{lms_url}/course/activity/{link_id}")
    frame = lms.wait_for_tool(page, "body.network")
    if path:
        go(frame, path.strip("/"))
    return frame


def go(frame, path):
    """Follow a link in the tool's page navigation and wait until that page is shown."""
    frame.locator(f".net-nav a[href*='/{path}']").first.click()
    frame.locator(f".net-nav a[aria-current=page][href*='/{path}']").wait_for()
    return frame


@pytest.fixture(scope="module")
def network_link(browser, stack):
    """A network drawing activity in the demo course (tables created: migrations come with the lead)."""
    from lti_tool.extensions import db

    with stack.tool_app.app_context():
        db.create_all()  # only adds the tables the migrations do not have yet
    context = chromium.new_context(browser)
    page = context.new_page()
    try:
        return add_network_activity(page, stack.lms_url)
    except BaseException:
        chromium.save_artifacts(page, "network_link-fixture")
        raise
    finally:
        context.close()


def focus(page):
    """The focused element in the tool's frame (None while the frame is loading a page)."""
    try:
        return lms.tool_frame(page).evaluate(FOCUS)
    except Exception as exc:  # the frame navigated between two key presses
        if "context was destroyed" not in str(exc):
            raise
        return None


def tab_until(page, predicate, key="Tab"):
    """Press Tab until the frame's focused element matches; returns it."""
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        state = focus(page)
        if state and predicate(state):
            return state
    raise AssertionError(f"{key} never reached the element; focus ended on {focus(page)}")


def drag_to(page, node, x, y):
    """Drag an SVG node with the mouse to a point given in SVG units (the drawing brought on screen first).

    The iframe may scroll inside (a fixed height) or be as tall as its content (lti.frameResize), when
    the LMS page scrolls instead: the drawing is centred in the browser's viewport either way.
    """
    page.locator(lms.FRAME).evaluate("el => el.scrollIntoView({block: 'start'})")
    node.evaluate("node => node.ownerSVGElement.scrollIntoView({block: 'center'})")
    svg_top, svg_height = node.evaluate(
        "node => { const r = node.ownerSVGElement.getBoundingClientRect(); return [r.top, r.height]; }")
    centre = page.locator(lms.FRAME).bounding_box()["y"] + svg_top + svg_height / 2
    page.evaluate("dy => window.scrollBy(0, dy)", centre - page.viewport_size["height"] / 2)
    box = node.bounding_box()
    target = node.evaluate("""(node, [x, y]) => {
      const svg = node.ownerSVGElement, m = svg.getScreenCTM();
      const p = new DOMPoint(x, y).matrixTransform(m);
      return [p.x, p.y];
    }""", [x, y])
    frame_box = page.locator(lms.FRAME).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(frame_box["x"] + target[0], frame_box["y"] + target[1], steps=12)
    page.mouse.up()
