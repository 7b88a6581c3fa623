"""A Moodle-like LMS (single-use login hints, no platform storage) with the tool's cookies blocked in its iframe."""
import pytest

from tests.browser import chromium, lms
from tests.browser.cookieless import CookieWall
from tests.browser.test_accessibility import audit


@pytest.fixture
def moodle_like(stack):
    """The session's demo LMS as strict as Moodle for one test, then back to platform storage."""
    state = stack.lms_app.extensions["demo_lms"]
    state.like_moodle()
    yield state
    state.single_use_hints, state.platform_storage = False, True


@pytest.fixture
def storage_page(browser, tmp_path, request):
    """A page whose frames may use sessionStorage (Safari-like: partitioned storage, no cookies)."""
    context = chromium.third_party_storage_context(browser, tmp_path / "profile")
    page = context.new_page()
    yield page
    chromium.keep_if_failed(request, page)
    context.close()


def _counter(state, name):
    return state.store.counters().get(name, 0)


def test_frame_storage_carries_the_launch_without_any_tool_cookie(storage_page, stack, moodle_like):
    page, context = storage_page, storage_page.context
    wall = CookieWall(stack.tool_url, stack.lms_url).install(context)

    link_id = lms.add_voting_activity(page, stack.lms_url, "Stellingen in een strikte LMS", min_group_size=3)
    lms.switch_user(page, stack.lms_url, "learner1")
    frame = lms.open_activity(page, stack.lms_url, link_id)
    lms.vote(frame, ["agree", "disagree"], reason="Zonder cookies, zoals in Moodle")

    # The deep link and the learner's launch each went through the frame's own storage.
    assert wall.paths.count("/lti/launch/verify") == 2
    assert _counter(moodle_like, "spent_hints_refused") == 0
    assert wall.cookies_refused > 0 and wall.cookies_offered == 0
    assert wall.unrouted() == [] and context.cookies(stack.tool_url) == []


def test_without_cookie_and_storage_in_the_frame_a_new_window_spends_the_hint_once(context, page, stack, moodle_like):
    link_id = lms.add_voting_activity(page, stack.lms_url, "Stellingen in een nieuw venster", min_group_size=3)
    wall = CookieWall(stack.tool_url, stack.lms_url, frame_only=True, block_frame_storage=True).install(context)
    lms.switch_user(page, stack.lms_url, "learner2")
    used, refused = _counter(moodle_like, "hints_used"), _counter(moodle_like, "spent_hints_refused")

    page.goto(f"{stack.lms_url}/course/activity/{link_id}")
    frame = lms.tool(page)
    frame.locator("#lti-new-window").wait_for()
    # The frame never went to the LMS's auth endpoint: the hint is still unspent.
    assert _counter(moodle_like, "hints_used") == used
    assert "/lti/launch" not in wall.paths and "/lti/login/probe" in wall.paths
    assert audit(page, "launch-new-window") == []
    with context.expect_page() as opened:
        frame.locator("#lti-new-window-link").click()
    window = lms.window_of(opened)
    frame.locator("#lti-new-window-opened").wait_for()  # the course page says where the activity went
    window.locator("body.voting").wait_for()
    lms.vote(window, ["disagree", "agree"], reason="In een nieuw venster")

    assert _counter(moodle_like, "hints_used") == used + 1
    assert _counter(moodle_like, "spent_hints_refused") == refused
    assert "/lti/launch" in wall.top_level_paths and wall.cookies_offered == 0


def test_the_lms_fits_its_iframe_to_the_height_the_tool_posts(page, stack):
    state = stack.lms_app.extensions["demo_lms"]
    state.fit_frame = True
    try:
        lms.switch_user(page, stack.lms_url, "facilitator")
        page.goto(f"{stack.lms_url}/course/add-activity")
        lms.wait_for_tool(page, "h1#picker-title")
        # The picker posts lti.frameResize as its page grows (its styles and fonts arrive after the first
        # message); the LMS sets its iframe to the last height, the tool's whole page.
        fitted = lms.tool_frame(page)
        sizes = {}
        for _ in range(50):
            sizes = {"posted": int(page.locator("#tool-frame").get_attribute("data-resized") or 0),
                     "frame": page.locator("#tool-frame").evaluate("frame => frame.getBoundingClientRect().height"),
                     "content": fitted.evaluate("document.body.getBoundingClientRect().height")}
            if abs(sizes["posted"] - sizes["content"]) <= 40 and abs(sizes["frame"] - sizes["posted"]) <= 2:
                break
            page.wait_for_timeout(100)
        assert sizes["posted"] > 200 and abs(sizes["posted"] - sizes["content"]) <= 40, sizes
        assert abs(sizes["frame"] - sizes["posted"]) <= 2, sizes
        assert fitted.evaluate("document.documentElement.scrollHeight <= innerHeight + 2")
    finally:
        state.fit_frame = False
