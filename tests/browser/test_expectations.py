"""Expectations in a real browser inside the demo LMS: the start board, live updates, keyboard clustering,
dragging, dot voting, learning goals, a meeting evaluation, the closing evaluation, the report, axe.

The tests share one activity and run in file order, as a network runs from its start to its close.
"""
import re
import time
from datetime import date, timedelta

import pytest

from tests.browser import chromium, lms
from tests.browser.screens import keep_wall
from tests.browser.test_accessibility import audit, audit_page


TITLE = "Verwachtingen en evaluaties"
CARDS = {"learner1": "Feedback geven aan collega's", "learner2": "Feedback durven vragen",
         "learner3": "Intervisie leren begeleiden", "learner4": "Een intervisiegroep opstarten"}
DOTS = {"learner1": ("Feedback", 2, "Intervisie", 1), "learner2": ("Feedback", 3, "Intervisie", 0),
        "learner3": ("Feedback", 0, "Intervisie", 3), "learner4": ("Feedback", 2, "Intervisie", 1)}
LIVE_WAIT_MS = 6_000  # the board polls every 0.3 s here (tests/browser/live.py), 2.5 s in production


def board(frame):
    """Wait until the tool shows an expectations page in the iframe."""
    frame.locator("body.exp").wait_for()
    return frame


def open_page(page, lms_url, link_id, nav=""):
    """Open the activity in the LMS; optionally follow one of the activity's own navigation links (by its
    path: "meetings", "closing", "participants", "report"), whatever the person's language."""
    page.goto(f"{lms_url}/course/activity/{link_id}")
    frame = lms.wait_for_tool(page, "body.exp")
    if nav:
        frame.locator(f".exp-nav a[href*='/{nav}?']").click()
        # Not board(frame): the page it leaves is an expectations page too, and a check run on it meets the
        # navigation half-way ("execution context was destroyed").
        lms.tool_frame(page).wait_for_url(re.compile(rf"/{nav}\?"))
        board(frame)
    return frame


def add_activity(page, lms_url, title=TITLE):
    """As the facilitator: Add an activity → expectations → settings (minimum group 3) → add."""
    return lms.add_activity(page, lms_url, "expectations", title, {"min_group_size": 3})


def new_activity(browser, stack, artefacts, title=TITLE):
    """Add an expectations activity in a browser of its own; returns its LMS link id."""
    context = chromium.new_context(browser)
    page = context.new_page()
    try:
        return add_activity(page, stack.lms_url, title)
    except BaseException:
        chromium.save_artifacts(page, artefacts)
        raise
    finally:
        context.close()


@pytest.fixture(scope="module")
def link(browser, stack):
    """The expectations activity in the demo course (its tables come from the real migrations)."""
    return new_activity(browser, stack, "expectations-fixture")


def submit(page, control, key=None):
    """Submit a form (click, or a key on the focused control) and wait for the tool's next page: an old
    page's notice must not pass for the new one."""
    with lms.tool_frame(page).expect_navigation():
        if key:
            page.keyboard.press(key)
        else:
            control.click()
    frame = board(lms.tool(page))
    frame.locator(".notice").first.wait_for()
    return frame


def post_card(page, frame, text, column="learn"):
    """Write a card in a column and add it."""
    frame.locator(f"#text-{column}").fill(text)
    frame.locator(f"#column-{column} form.add-card button[type=submit]").press("Enter")
    # The card is added in place (no page load): it shows up in its column and the field is empty again.
    frame.locator(f'[data-region="col-{column}"] .note__text', has_text=text).wait_for()
    lms.tool(page).locator(".notice--success").wait_for()
    assert frame.locator(f"#text-{column}").input_value() == ""


def score_of(page, lms_url, user):
    """The learner's gradebook cell for this activity, once a score arrived: (score, progress)."""
    cells = lms.wait_for_scores(page, lms_url, TITLE, [user])
    return cells[user][0].strip(), cells[user][1]


def wait_for_score(page, lms_url, user, expected, timeout=20.0):
    """Poll the gradebook until the learner's score reads `expected` (the outbox drains in the background)."""
    deadline = time.monotonic() + timeout
    while True:
        score, progress = score_of(page, lms_url, user)
        if score == expected or time.monotonic() > deadline:
            return score, progress
        time.sleep(0.5)


def test_four_learners_post_and_a_second_board_updates_without_reload(page, stack, link, browser):
    lms.switch_user(page, stack.lms_url, "learner2")
    post_card(page, open_page(page, stack.lms_url, link), CARDS["learner2"])

    watcher_context = chromium.new_context(browser)
    try:
        watcher = watcher_context.new_page()
        lms.switch_user(watcher, stack.lms_url, "learner2")
        watched = open_page(watcher, stack.lms_url, link)
        lms.tool_frame(watcher).evaluate("window.__sameDocument = true")
        for user in ("learner1", "learner3", "learner4"):
            lms.switch_user(page, stack.lms_url, user)
            post_card(page, open_page(page, stack.lms_url, link), CARDS[user])
        lms.switch_user(page, stack.lms_url, "learner3")
        post_card(page, open_page(page, stack.lms_url, link), "Elke maand samenkomen", column="agreements")
        # After posting, the learner is back in the column they wrote in, not at the top of the page.
        lms.tool_frame(page).wait_for_function("() => document.activeElement.id === 'text-agreements'",
                                               timeout=15_000)  # a busy machine may take its time
        for text in list(CARDS.values()) + ["Elke maand samenkomen"]:
            watched.locator(".note__text", has_text=text).wait_for(timeout=LIVE_WAIT_MS)
        assert lms.tool_frame(watcher).evaluate("window.__sameDocument === true")  # no reload happened
        assert "Lotte" not in watched.locator("#board").inner_text()  # peers never see names
    finally:
        watcher_context.close()

    score, progress = score_of(page, stack.lms_url, "learner1")
    assert score == "0.25 / 1" and progress.startswith("InProgress"), (score, progress)


def test_facilitator_clusters_with_the_keyboard_and_drags_a_card(page, stack, link):
    lms.switch_user(page, stack.lms_url, "learner3")
    post_card(page, open_page(page, stack.lms_url, link), "Meer leren over intervisie")
    lms.switch_user(page, stack.lms_url, "facilitator")
    frame = open_page(page, stack.lms_url, link)
    assert "Lotte" in frame.locator("#column-learn").inner_text()  # the facilitator sees authors

    for name, users in (("Feedback", ("learner1", "learner2")), ("Intervisie", ("learner3", "learner4"))):
        for user in users:
            frame.locator(".note", has_text=CARDS[user]).locator("input[data-select]").focus()
            page.keyboard.press("Space")
        assert frame.locator("#selected-count").inner_text().startswith("2 ")  # "2 selected" / "2 geselecteerd"
        frame.locator("#toolbar-name").focus()
        page.keyboard.type(name)
        frame = submit(page, None, key="Enter")  # "Group into new theme", the toolbar's first action
        theme = frame.locator(".theme", has=frame.locator(".theme__name", has_text=name))
        for user in users:
            assert theme.locator(".note__text", has_text=CARDS[user]).count() == 1

    card = frame.locator(".loose .note", has_text="Meer leren over intervisie")
    target = frame.locator(".theme", has=frame.locator(".theme__name", has_text="Intervisie"))
    card.evaluate("el => el.scrollIntoView({block: 'center'})")
    # Dropped on a card of the theme (just above it), the card joins that card's theme.
    start, end = card.bounding_box(), target.locator(".note", has_text=CARDS["learner4"]).bounding_box()
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + 10)
    page.mouse.down()
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + end["height"] / 2, steps=15)
    page.mouse.up()
    target.locator(".note__text", has_text="Meer leren over intervisie").wait_for(timeout=LIVE_WAIT_MS)
    page.wait_for_timeout(300)
    frame = open_page(page, stack.lms_url, link)  # it stays there after a reload: the server has it
    target = frame.locator(".theme", has=frame.locator(".theme__name", has_text="Intervisie"))
    assert target.locator(".note__text", has_text="Meer leren over intervisie").count() == 1


def test_dot_voting_and_confirmed_learning_goals(page, stack, link):
    lms.switch_user(page, stack.lms_url, "facilitator")
    frame = open_page(page, stack.lms_url, link)
    submit(page, frame.locator("#control-open_voting"))

    for user, (first, first_dots, second, second_dots) in DOTS.items():
        lms.switch_user(page, stack.lms_url, user)
        frame = open_page(page, stack.lms_url, link)
        for name, count in ((first, first_dots), (second, second_dots)):
            row = frame.locator(".dot-row", has_text=name)
            for _ in range(count):
                row.locator("button[data-step='1']").click()
        frame = submit(page, frame.locator(".dots__form button[type=submit]"))
        assert re.match(r"3 \D+ 3", frame.locator("#dots-left").inner_text())

    lms.switch_user(page, stack.lms_url, "facilitator")
    frame = open_page(page, stack.lms_url, link)
    # The board on the wall, in a second window: voters counted, no dots shown while voting is open.
    with page.context.expect_page() as opened:
        frame.locator("#present form[target=_blank] button").click()
    wall = lms.window_of(opened)
    wall.wait_for_selector(".wall-status")
    wall.evaluate("window.__sameDocument = true")
    assert wall.locator(".wall-status__count strong").inner_text() == str(len(DOTS))
    assert wall.locator(".ranking").count() == 0
    page.bring_to_front()
    frame = submit(page, frame.locator("#control-close_voting"))
    ranking = frame.locator("#ranking .ranking__item")
    assert "Feedback" in ranking.nth(0).inner_text()
    assert ranking.nth(0).locator(".ranking__dots").inner_text().startswith("7 ")
    for name in ("Feedback", "Intervisie"):
        frame.locator("#ranking label", has_text=name).click()
    submit(page, frame.locator("#ranking button[type=submit]"))
    # The wall follows without a reload: the ranking once voting closed, then the confirmed goals.
    wall.locator(".wall-board__goals li").first.wait_for(timeout=8_000)
    first = " ".join(wall.locator(".ranking__item").first.inner_text().split())
    assert first.startswith("1 Feedback") and "7 " in first, first
    assert wall.locator(".wall-board__goals li").all_inner_texts() == ["Feedback", "Intervisie"]
    assert wall.evaluate("window.__sameDocument === true")
    keep_wall(wall, "expectations")
    assert audit_page(wall, "present-expectations") == []
    wall.close()

    lms.switch_user(page, stack.lms_url, "learner2")
    frame = open_page(page, stack.lms_url, link)
    assert frame.locator(".charter__goals li").all_inner_texts() == ["Feedback", "Intervisie"]
    assert frame.locator("#dots .ranking__item").count() == 2  # four voters ≥ the group size of 3
    score, _progress = wait_for_score(page, stack.lms_url, "learner1", "0.5 / 1")
    assert score == "0.5 / 1"


def test_a_meeting_evaluation_and_the_closing_evaluation(page, stack, link):
    lms.switch_user(page, stack.lms_url, "facilitator")
    frame = open_page(page, stack.lms_url, link, nav="meetings")
    for days, topic in ((7, "Feedback oefenen"), (0, "Intervisie in de praktijk")):
        frame.locator("#held_on").fill((date.today() - timedelta(days=days)).isoformat())
        frame.locator("#topic").fill(topic)
        frame = submit(page, frame.locator("form.add-meeting button[type=submit]"))

    lms.switch_user(page, stack.lms_url, "learner1")
    for topic in ("Feedback oefenen", "Intervisie in de praktijk"):
        frame = open_page(page, stack.lms_url, link, nav="meetings")
        frame.locator(".meeting", has_text=topic).locator("a.button").click()
        board(frame).locator("form.eval-form").wait_for()
        assert frame.locator(".goal-questions .question").count() == 2  # one per confirmed goal
        frame.locator("#usefulness label.pill--4").click()
        for question in frame.locator(".goal-questions .question").all():
            question.locator("label.pill--yes").click()
        frame.locator("#went_well").fill("Concrete voorbeelden uit de praktijk")
        submit(page, frame.locator("form.eval-form button[type=submit]"))
    score, _progress = wait_for_score(page, stack.lms_url, "learner1", "0.75 / 1")
    assert score == "0.75 / 1"

    lms.switch_user(page, stack.lms_url, "facilitator")
    frame = open_page(page, stack.lms_url, link, nav="closing")
    submit(page, frame.locator("#control-open_closing"))

    lms.switch_user(page, stack.lms_url, "learner1")
    frame = open_page(page, stack.lms_url, link, nav="closing")
    for question in frame.locator(".goal-questions").first.locator(".question").all():
        question.locator("label.pill--met").click()
    frame.locator("#form_cases label.pill--worked").click()
    frame.locator("#worked").fill("De casusbesprekingen")
    frame.locator("#suggestions").fill("Start met een kennismakingsronde")
    frame.locator("#aftercare label.pill--sessions").click()
    submit(page, frame.locator("form.eval-form button[type=submit]"))
    score, progress = wait_for_score(page, stack.lms_url, "learner1", "1 / 1")
    assert score == "1 / 1" and progress.startswith("Completed"), (score, progress)

    lms.switch_user(page, stack.lms_url, "facilitator")
    frame = open_page(page, stack.lms_url, link, nav="report")
    report = frame.locator("article.report").inner_text()
    assert "Feedback" in report and "Start met een kennismakingsronde" in report and "Lotte" not in report
    assert frame.locator("a[href*='report.csv']").count() == 1


def test_no_serious_accessibility_violations(page, stack, link):
    blocking = []
    lms.switch_user(page, stack.lms_url, "learner4")
    open_page(page, stack.lms_url, link)
    blocking += audit(page, "expectations-learner-board")
    frame = open_page(page, stack.lms_url, link, nav="meetings")
    blocking += audit(page, "expectations-learner-meetings")
    frame.locator(".meeting a.button").first.click()
    board(frame).locator("form.eval-form button[type=submit]").click()  # empty: the error summary
    frame.locator("#error-summary").wait_for()
    blocking += audit(page, "expectations-evaluation-errors")
    open_page(page, stack.lms_url, link, nav="closing")
    blocking += audit(page, "expectations-closing-form")

    lms.switch_user(page, stack.lms_url, "facilitator")
    frame = open_page(page, stack.lms_url, link)
    frame.locator(".note input[data-select]").first.check()
    blocking += audit(page, "expectations-facilitator-board")
    for name in ("meetings", "participants", "report"):
        open_page(page, stack.lms_url, link, nav=name)
        blocking += audit(page, f"expectations-facilitator-{name}")
    assert blocking == []

