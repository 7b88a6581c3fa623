"""A session in a real browser: the facilitator opens the present view in a new window from the activity in
the demo LMS and takes the statements one at a time; five learners vote, one with the page open all along
that follows without reloading; a countdown closes the vote; shortcuts reveal, move on, start round 2 and
show how opinions shifted; axe finds nothing serious."""
import re

from playwright.sync_api import expect

from tests.browser import chromium, lms
from tests.browser.screens import keep, keep_wall
from tests.browser.test_accessibility import audit_page

WAIT_MS = 8_000  # the wall asks every 0.3 s here (tests/browser/live.py), 1.5 s in production


def count_on(wall):
    """The number of people who voted, as the wall shows it."""
    return wall.locator(".wall-status__count strong").inner_text()


def wait_for_count(wall, expected):
    """Wait until the wall shows `expected` voters (it polls; no reload)."""
    wall.wait_for_function(f"() => document.querySelector('.wall-status__count strong')?.textContent === '{expected}'",
                           timeout=WAIT_MS)


def paced_vote(frame, choice, reason):
    """As a learner in a one-at-a-time session: take a position on the statement shown, and save."""
    card = frame.locator("article.statement--current")
    card.locator(f"label.pill--{choice}").click()
    card.locator("textarea").fill(reason)
    frame.locator("form.voting-form button[type=submit]").click()
    frame.locator(".notice--success").wait_for()


def press(frame, selector):
    """Keyboard only: focus a control and press Enter, as a facilitator without a mouse would."""
    frame.locator(selector).focus()
    frame.locator(selector).press("Enter")


def test_a_paced_session_on_the_wall(page, stack, context, browser):
    link_id = lms.add_voting_activity(page, stack.lms_url, "Stellingen op het scherm", min_group_size=3)
    frame = lms.open_activity(page, stack.lms_url, link_id)
    press(frame, "#pace button[value=pace_one]")
    frame.locator(".notice--success").wait_for()
    with context.expect_page() as opened:
        press(frame, "#present form[target=_blank] button")
    wall = lms.window_of(opened)
    wall.wait_for_selector(".wall-status")
    # The wall's script takes the control key out of the address bar once it has run (a module: after parsing).
    expect(wall).not_to_have_url(re.compile("control="))
    wall.evaluate("window.__sameDocument = true")
    assert count_on(wall) == "0" and wall.locator(".wall-statement").count() == 1

    # One learner keeps the activity open in their own browser: their page must follow without a reload.
    watcher_context = chromium.new_context(browser)
    watcher = watcher_context.new_page()
    try:
        lms.switch_user(watcher, stack.lms_url, "learner5")
        mine = lms.open_activity(watcher, stack.lms_url, link_id)
        assert mine.locator("input[type=radio]").count() == 2  # one statement: agree or disagree
        paced_vote(mine, "disagree", "Eerst learner5")
        lms.tool_frame(watcher).evaluate("window.__sameDocument = true")

        page.bring_to_front()
        for number, user in enumerate(("learner1", "learner2", "learner3", "learner4"), 2):
            lms.switch_user(page, stack.lms_url, user)
            paced_vote(lms.open_activity(page, stack.lms_url, link_id), "agree", f"Eerst {user}")
            wait_for_count(wall, str(number))
        keep(page, "voting-learner-voted-nl")
        assert wall.locator(".dist").count() == 0  # nothing before the facilitator shares
        keep_wall(wall, "counting")

        # The facilitator starts a countdown from the activity, with the keyboard (5 s: the shortest allowed).
        lms.switch_user(page, stack.lms_url, "facilitator")
        frame = lms.open_activity(page, stack.lms_url, link_id)
        frame.locator("#timer-seconds").evaluate(
            "select => select.add(new Option('5 s', '5', true, true))")  # the page offers 30 s and up
        press(frame, "#timer button[value=timer_start]")
        wall.locator(".wall-status__timer .countdown__time").wait_for(timeout=WAIT_MS)
        mine.locator(".countdown__time").wait_for(timeout=WAIT_MS)  # on the learner's screen, no reload
        keep_wall(wall, "countdown")
        keep(watcher, "voting-learner-countdown-en")
        keep(page, "voting-facilitator-countdown-nl")
        wall.wait_for_function("() => document.querySelector('.wall-status__round')?.textContent.includes('gesloten')",
                               timeout=20_000)
        mine.locator(".badge--closed").wait_for(timeout=WAIT_MS)

        wall.bring_to_front()
        wall.keyboard.press("r")
        wall.locator(".wall-statement.is-current .dist").wait_for(timeout=WAIT_MS)
        rows = [" ".join(r.split()) for r in wall.locator(".wall-statement.is-current .dist__row").all_inner_texts()]
        assert rows == ["Eens 4 stemmen · 80%", "Oneens 1 stem · 20%"], rows  # the demo facilitator speaks Dutch

        wall.keyboard.press("?")
        assert wall.locator("#wall-help").is_visible()
        assert wall.locator("#wall-help [data-control-only]").first.is_visible()
        wall.keyboard.press("Escape")

        # → moves everyone to statement 2: the wall, and the learner's open page without a reload.
        wall.keyboard.press("ArrowRight")
        wall.wait_for_function("() => document.querySelector('.wall-statement.is-current')?.dataset.statement === '2'",
                               timeout=WAIT_MS)
        mine.locator("article.statement--current#statement-2").wait_for(timeout=WAIT_MS)
        assert mine.locator("#statement-1 .dist__row").count() == 2  # statement 1 was discussed: its results show
        assert lms.tool_frame(watcher).evaluate("window.__sameDocument === true")  # no reload on their side
        keep(watcher, "voting-learner-next-en")

        # Round 2 starts again at statement 1; three learners vote again, one of them changed their mind.
        wall.keyboard.press("ArrowLeft")
        wall.once("dialog", lambda dialog: dialog.accept())
        wall.keyboard.press("n")
        wall.wait_for_function("() => document.querySelector('.wall-status__round')?.textContent.includes('2')",
                               timeout=WAIT_MS)
        mine.locator(".eyebrow", has_text="Round 2").wait_for(timeout=WAIT_MS)
        paced_vote(mine, "agree", "Nu learner5: het gesprek overtuigde me")
        page.bring_to_front()
        for number, user in enumerate(("learner1", "learner2"), 2):
            lms.switch_user(page, stack.lms_url, user)
            paced_vote(lms.open_activity(page, stack.lms_url, link_id), "agree", f"Nu {user}")
            wait_for_count(wall, str(number))
    finally:
        watcher_context.close()
    wall.bring_to_front()
    wall.keyboard.press("r")
    current = wall.locator(".wall-statement.is-current")
    current.locator(".shift-chart").wait_for(timeout=WAIT_MS)
    legend = [" ".join(t.split()) for t in current.locator(".shift-chart__row").all_inner_texts()]
    assert legend == ["Ronde 1 Eens 2 Oneens 1", "Ronde 2 Eens 3"], legend  # the three who voted in both rounds
    moves = [" ".join(text.split()) for text in current.locator(".shift-summary__moves li").all_inner_texts()]
    assert moves == ["Oneens → naar Eens 1 persoon"], moves
    reasons = [" ".join(text.split()) for text in current.locator(".wall-reasons li").all_inner_texts()]
    assert reasons == ["Oneens → Eens Nu learner5: het gesprek overtuigde me"], reasons
    assert "learner" not in current.locator(".shift-chart").inner_text().lower()  # the chart names nobody
    assert wall.evaluate("window.__sameDocument === true")  # every change arrived without a reload
    keep_wall(wall, "shift")
    assert audit_page(wall, "present-wall") == []
