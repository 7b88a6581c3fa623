"""The wall in a real browser: the facilitator opens the present view in a new window from the activity in
the demo LMS; learners vote; the wall counts without reloading; shortcuts reveal, start round 2 and show
how opinions shifted; axe finds nothing serious."""
import os
from pathlib import Path

from tests.browser import lms
from tests.browser.test_accessibility import audit_page

SHOTS = os.environ.get("LEERNETWERK_SCREENSHOTS")  # a folder: also keep screenshots of the wall
WAIT_MS = 8_000  # the wall asks every 2 s


def count_on(wall):
    """The number of people who voted, as the wall shows it."""
    return wall.locator(".wall-status__count strong").inner_text()


def wait_for_count(wall, expected):
    """Wait until the wall shows `expected` voters (it polls; no reload)."""
    wall.wait_for_function(f"() => document.querySelector('.wall-status__count strong')?.textContent === '{expected}'",
                           timeout=WAIT_MS)


def shoot(wall, name):
    if not SHOTS:
        return
    for width, height in ((1280, 800), (375, 760)):
        wall.set_viewport_size({"width": width, "height": height})
        wall.screenshot(path=str(Path(SHOTS) / f"present-{name}-{width}.png"), full_page=True)
    wall.set_viewport_size({"width": 1280, "height": 800})


def test_a_session_on_the_wall(page, stack, context):
    link_id = lms.add_voting_activity(page, stack.lms_url, "Stellingen op het scherm", min_group_size=3)
    frame = lms.open_activity(page, stack.lms_url, link_id)
    with context.expect_page() as opened:
        frame.locator("#present button[type=submit]").first.click()
    wall = opened.value
    wall.wait_for_selector(".wall-status")
    assert "#control" not in wall.url  # the control key left the address bar
    wall.evaluate("window.__sameDocument = true")
    assert count_on(wall) == "0"

    voters = ("learner1", "learner2", "learner3")
    page.bring_to_front()  # the LMS window again: a page in the background gets no clicks
    for number, user in enumerate(voters, 1):
        lms.switch_user(page, stack.lms_url, user)
        lms.vote(lms.open_activity(page, stack.lms_url, link_id), ["agree"], reason=f"Eerst {user}")
        wait_for_count(wall, str(number))
    assert wall.locator(".wall-statement.is-current").count() == 1  # one statement at a time
    assert wall.locator(".dist").count() == 0  # nothing before the facilitator shares
    shoot(wall, "counting")

    wall.bring_to_front()
    wall.keyboard.press("ArrowRight")
    assert wall.locator(".wall-statement.is-current").get_attribute("data-statement") == "2"
    wall.keyboard.press("ArrowLeft")
    wall.keyboard.press("r")
    wall.locator(".wall-statement.is-current .dist").wait_for(timeout=WAIT_MS)
    rows = wall.locator(".wall-statement.is-current .dist__row").all_inner_texts()
    assert " ".join(rows[0].split()).startswith("Eens 3 stemmen · 100%")  # the demo facilitator speaks Dutch, rows

    wall.keyboard.press("?")
    assert wall.locator("#wall-help").is_visible()
    assert wall.locator("#wall-help [data-control-only]").first.is_visible()
    wall.keyboard.press("Escape")

    wall.once("dialog", lambda dialog: dialog.accept())
    wall.keyboard.press("n")
    wall.wait_for_function("() => document.querySelector('.wall-status__round')?.textContent.includes('2')",
                           timeout=WAIT_MS)
    page.bring_to_front()
    for number, (user, choice) in enumerate(zip(voters, ("disagree", "agree", "agree")), 1):
        lms.switch_user(page, stack.lms_url, user)
        lms.vote(lms.open_activity(page, stack.lms_url, link_id), [choice], reason=f"Nu {user}")
        wait_for_count(wall, str(number))
    wall.bring_to_front()
    wall.keyboard.press("r")
    current = wall.locator(".wall-statement.is-current")
    current.locator(".shift-chart").wait_for(timeout=WAIT_MS)
    moves = [" ".join(text.split()) for text in current.locator(".shift-summary__moves li").all_inner_texts()]
    assert moves == ["Eens → naar Oneens 1 persoon"], moves
    reasons = [" ".join(text.split()) for text in current.locator(".wall-reasons li").all_inner_texts()]
    assert reasons == ["Eens → Oneens Nu learner1 (1)."], reasons
    assert "learner" not in current.locator(".shift-chart").inner_text().lower()  # the chart names nobody
    assert wall.evaluate("window.__sameDocument === true")  # every change arrived without a reload
    shoot(wall, "shift")
    assert audit_page(wall, "present-wall") == []
