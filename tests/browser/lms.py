"""Driving the demo LMS and the tool inside its iframe, the way a person would."""
import re
import time
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeout

FRAME = "#tool-frame"
FRAME_NAME = "tool-frame"
STATEMENTS = 4  # the voting activity's default statements


def switch_user(page, lms_url, user_id):
    """Sign in to the demo LMS as another course member and show the course page (where no activity launches
    in an iframe for the wrong person meanwhile). The switcher's own form is what a person uses
    (tests/demo_lms); here its request goes out from the page's context, with the same cookies, without
    rendering the page it comes from."""
    response = page.context.request.post(f"{lms_url}/switch-user", form={"user_id": user_id, "next": "/course"},
                                         max_redirects=0)
    assert response.status == 303, (response.status, response.text()[:200])
    page.goto(f"{lms_url}/course")
    assert page.locator("#user-select").input_value() == user_id


def switch_user_with_the_menu(page, lms_url, user_id):
    """The same as a person does it: the course page's "Signed in as" menu, which sends itself on a change."""
    if not page.url.startswith(lms_url) or urlsplit(page.url).path != "/course":
        page.goto(f"{lms_url}/course")
    with page.expect_navigation():
        page.select_option("#user-select", user_id)
    assert page.locator("#user-select").input_value() == user_id


def open_course(page, lms_url, course_id):
    """Open one of the LMS's courses: the pages after it (add an activity, members, gradebook) are that course's."""
    page.goto(f"{lms_url}/course?id={course_id}")
    page.locator("#activities-title").wait_for()


def tool(page):
    """The tool's iframe on an LMS page, for locating and acting."""
    return page.frame_locator(FRAME)


def tool_frame(page):
    """The tool's iframe as a Frame, for evaluating scripts in its document (axe, layout checks)."""
    return page.frame(name=FRAME_NAME)


def wait_for_tool(page, selector):
    """After a launch: wait until the tool's iframe shows `selector`; returns the iframe for locating.

    Playwright lost the iframe now and then when it moved from the LMS's /lti/auth page to the tool's page while
    Chromium ran the tool's page in another process: the tool served its page, yet Playwright had no document
    for the frame and waited on (about one launch in seventy on a busy 2-core machine). The suite now keeps the
    frame in its page's process (chromium.LAUNCH_ARGS); should it happen still, then, and only then, the LMS
    page is loaded again, as a person would: a new launch, single-use hints and nonces and all. A frame that
    shows any document without `selector` is a real failure.

    It returns once the page's scripts have run, as a person's first keypress comes after them: a form sent
    before its module script is ready goes the ordinary way (a page load), and the flow would test that.
    """
    try:
        tool(page).locator(selector).first.wait_for()
    except PlaywrightTimeout:
        try:
            tool(page).locator("html").wait_for(state="attached", timeout=2_000)
        except PlaywrightTimeout:
            page.reload()
            tool(page).locator(selector).first.wait_for()
        else:
            raise
    # Module scripts run after parsing, before DOMContentLoaded; "complete" comes after that (a bounded wait).
    tool_frame(page).wait_for_function("() => document.readyState === 'complete'")
    return tool(page)


def window_of(opened):
    """The window a click opened (`with context.expect_page() as opened`), once its scripts have run: a wall's
    shortcuts and print handling come from its module script, after its content is already there."""
    window = opened.value
    window.wait_for_load_state("load")
    return window


def add_activity(page, lms_url, type_id, title, fields=None, configure=None, user="facilitator"):
    """As the facilitator (or `user`): Add an activity → `type_id` → settings (the title, `fields` by element
    id, then `configure(frame)` for anything else) → add. Returns the LMS link id."""
    switch_user(page, lms_url, user)
    page.click("#add-activity")
    open_settings(page, type_id)
    frame = tool(page)
    frame.locator("#title").fill(title)
    for field_id, value in (fields or {}).items():
        frame.locator(f"#{field_id}").fill(str(value))
    if configure:
        configure(frame)
    frame.locator("form button[type=submit]").click()
    # The LMS's deep-linking return breaks out of the iframe to the course page.
    page.wait_for_url(re.compile(r"/course\?(.*&)?added="))
    assert page.locator("#activity-added").is_visible()
    return parse_qs(urlsplit(page.url).query)["added"][0]


def add_voting_activity(page, lms_url, title, min_group_size=None, proposals=False):
    """Add a statement voting activity; with `proposals`, learners may propose statements for approval."""
    fields = {"min_group_size": min_group_size} if min_group_size is not None else {}
    return add_activity(page, lms_url, "voting", title, fields,
                        configure=lambda frame: frame.locator("label[for=proposals-1]").click() if proposals else None)


def open_settings(page, type_id="voting"):
    """On 'Add an activity': wait for the picker, choose the activity, wait for its settings."""
    frame = wait_for_tool(page, "h1#picker-title")
    frame.locator(f"a[href*='/lti/deep-linking/{type_id}']").click()
    frame.locator("h1#configure-title").wait_for()


def open_activity(page, lms_url, link_id):
    """Open an activity in the LMS and wait until the tool shows it in the iframe."""
    page.goto(f"{lms_url}/course/activity/{link_id}")
    try:
        frame = wait_for_tool(page, "body.voting")
    except Exception as exc:
        raise AssertionError(f"the activity did not open in the iframe: {describe_frame(page)}") from exc
    return frame


def describe_frame(page):
    """Where the tool's iframe is and what it says, for failure messages."""
    frame = tool_frame(page)
    if frame is None:
        return "no tool iframe on the page"
    try:
        text = " ".join(frame.evaluate("document.body ? document.body.innerText : ''").split())
    except Exception as exc:
        text = f"(unreadable: {exc})"
    return f"{frame.url} — {text[:400]}"


def vote(frame, choices, reason="Because"):
    """Take a position on every statement with a reason, and save.

    `choices`: one choice key per statement, cycled; `reason`: a text (numbered per statement) or a list.
    """
    for number in range(1, STATEMENTS + 1):
        text = reason[number - 1] if isinstance(reason, (list, tuple)) else f"{reason} ({number})."
        answer(frame, number, choices[(number - 1) % len(choices)], text)
    frame.locator("form.voting-form button[type=submit]").click()
    frame.locator(".notice--success").wait_for()


def answer(frame, number, choice, reason):
    """Pick a position on one statement and write the reason (not saved yet)."""
    statement = frame.locator(f"#statement-{number}")
    statement.locator(f"label.pill--{choice}").click()
    statement.locator("textarea").fill(reason)


def statement_text(frame, number=1):
    """The text of a statement as the learner sees it."""
    return frame.locator(f"#statement-{number} .statement__text").inner_text().strip()


def lineitem_id(page, lms_url, title):
    """The gradebook column of an activity, by its title."""
    page.goto(f"{lms_url}/gradebook")
    header = page.locator("#gradebook thead th[data-lineitem]", has_text=title)
    return header.get_attribute("data-lineitem")


def wait_for_scores(page, lms_url, title, user_ids, timeout=20.0):
    """Poll the gradebook (as the facilitator) until every user has a score in the column; returns the cells."""
    switch_user(page, lms_url, "facilitator")
    column = lineitem_id(page, lms_url, title)
    deadline, cells = time.monotonic() + timeout, {}
    while True:
        page.goto(f"{lms_url}/gradebook")
        cells = {user: page.locator(f"#grade-{user}-{column}").inner_text().split("\n") for user in user_ids}
        if all(lines[0].strip() not in ("", "–") for lines in cells.values()) or time.monotonic() > deadline:
            return cells
        time.sleep(0.5)
