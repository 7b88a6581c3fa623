"""At 320 CSS pixels the tool's pages never scroll sideways: top-level and inside the LMS's iframe."""
import pytest

from tests.browser import chromium, lms


NARROW = {"width": 320, "height": 720}
OVERFLOW = """() => {
  const root = document.documentElement;
  const wide = [...document.querySelectorAll("body *")]
    .filter(el => el.getBoundingClientRect().right > root.clientWidth + 1)
    .slice(0, 5).map(el => el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ")[0] : ""));
  return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide};
}"""


def assert_no_sideways_scroll(frame, what):
    """The document is no wider than its viewport."""
    found = frame.evaluate(OVERFLOW)
    assert found["scrollWidth"] <= found["clientWidth"], (what, found)


@pytest.fixture
def narrow(browser, request):
    """A page 320 px wide, kept in test-artifacts/ if the test fails."""
    context = chromium.new_context(browser, viewport=NARROW)
    page = context.new_page()
    yield page
    chromium.keep_if_failed(request, page)
    context.close()


@pytest.mark.parametrize("user, what", [("learner5", "learner page with the form"),
                                        ("learner1", "learner page with results"),
                                        ("facilitator", "facilitator dashboard")])
def test_no_horizontal_scroll_at_320_px(narrow, stack, voted_activity, user, what):
    lms.switch_user(narrow, stack.lms_url, user)
    frame = lms.open_activity(narrow, stack.lms_url, voted_activity["link_id"])
    if user == "learner1":
        frame.locator("#statement-1 .reasons summary").click()
    tool = lms.tool_frame(narrow)
    assert_no_sideways_scroll(tool, f"{what}, in the LMS iframe")

    # The same page opened on its own (as with "open in a new window"), the launch token in its URL.
    narrow.goto(tool.url)
    narrow.locator("body.voting").wait_for()
    if user == "learner1":
        narrow.locator("#statement-1 .reasons summary").click()
    assert narrow.evaluate("innerWidth") == NARROW["width"]
    assert_no_sideways_scroll(narrow.main_frame, f"{what}, top-level")
