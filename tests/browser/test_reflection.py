"""Hinders and drivers in a real browser inside the demo LMS: learners answer (one by keyboard alone), the
facilitator reveals and edits themes, a learner sees the board and where they stand, the gradebook fills; axe."""
from playwright.sync_api import expect

from tests.browser import chromium, lms
from tests.browser.reflection_steps import (  # noqa: F401  (tables is a fixture)
    add_reflection, answer_at_once, answer_with_the_keyboard, answer_with_the_mouse, audit, open_reflection, tables)
from tests.browser.screens import keep_wall
from tests.browser.test_accessibility import audit_page


def test_three_learners_answer_one_by_keyboard_and_a_learner_sees_the_board(page, stack, tables, browser):
    link_id = add_reflection(page, stack.lms_url, "Drie deelnemers reflecteren", min_group_size=3)
    blocking = []

    frame = open_reflection(page, stack.lms_url, link_id, "learner1")
    assert "0 van 5 delen beantwoord" in frame.locator(".refl-progress").inner_text()  # learner1: nl-BE
    blocking += audit(page, "overview")
    answer_with_the_mouse(frame, "learner1", brakes=["time", "hierarchy"], engines=["trust"], given=8, received=4)

    frame = open_reflection(page, stack.lms_url, link_id, "learner2")
    frame.locator(".refl-intro .actions a.button").click()
    frame.locator("form[action*='/parts/situations']").wait_for()
    blocking += audit(page, "part-situations")
    frame.locator(".refl-steps a[href*='/parts/trust']").click()
    frame.locator("form[action*='/parts/trust']").wait_for()
    frame.locator("label[for=given_team-6]").click()
    frame.locator("label[for=na_team]").click()  # a score and 'does not apply': the page says what to fix
    frame.locator("button[name=then]").first.click()
    frame.locator("#error-summary").wait_for()
    expect(frame.locator("#error-summary")).to_be_focused()  # the script moves focus there once it has loaded
    blocking += audit(page, "part-trust-error")
    frame = open_reflection(page, stack.lms_url, link_id, "learner2")
    answer_at_once(frame, "learner2", brakes=["time"], engines=["trust", "safe_to_fail"], given=6, received=6)

    open_reflection(page, stack.lms_url, link_id, "learner3")
    answer_with_the_keyboard(page)
    frame = lms.tool(page)
    assert "5 of 5 parts answered" in frame.locator(".refl-progress").inner_text()  # learner3: en-GB

    # learner1 keeps the overview open in their own browser while the facilitator reveals the board.
    watcher_context = chromium.new_context(browser)
    watcher_page = watcher_context.new_page()
    watcher = open_reflection(watcher_page, stack.lms_url, link_id, "learner1")
    expect(watcher.locator(".refl-board-teaser a.button")).to_have_count(0)
    lms.tool_frame(watcher_page).evaluate("window.__sameDocument = true")

    frame = open_reflection(page, stack.lms_url, link_id, "facilitator")
    assert frame.locator(".refl-stat--done strong").inner_text() == "3"
    blocking += audit(page, "facilitator-dashboard")
    frame.locator("form button[value=reveal]").click()
    frame.locator(".notice--success").wait_for()
    frame.locator("a[href*='/board']").first.click()
    frame.locator("#themes-edit").wait_for(timeout=30_000)  # the board page is the heaviest; allow for load
    blocking += audit(page, "facilitator-board")

    try:  # the overview followed by itself: the board's button is there, the page was never reloaded
        expect(watcher.locator(".refl-board-teaser a.button")).to_be_visible(timeout=5_000)
        assert lms.tool_frame(watcher_page).evaluate("window.__sameDocument === true")
    finally:
        watcher_context.close()
    frame = open_reflection(page, stack.lms_url, link_id, "learner1")
    frame.locator(".refl-board-teaser a.button").click()
    frame.locator("#themes").wait_for()
    themes = frame.locator("#themes").inner_text()
    assert "Tijd" in themes and "Vertrouwen" in themes  # learner1's LMS speaks Dutch: the tags do too
    time_row = frame.locator(".refl-theme", has=frame.locator("h3", has_text="Tijd"))
    assert time_row.locator(".refl-theme__side--brake .refl-theme__count").inner_text().split()[-1] == "3"
    leadership = frame.locator(".refl-trust__row", has=frame.locator("h3", has_text="Leidinggevenden"))
    assert "gaf 8, kreeg 4" in leadership.locator(".refl-figure--mine").inner_text()
    assert leadership.locator(".refl-figure--given strong").inner_text() == "7"  # 8, 6 and 7 by keyboard
    assert frame.locator("text=Lotte").count() == 0 and frame.locator("text=Wout").count() == 0
    time_row.locator("summary").click()
    assert time_row.locator(".refl-quote").count() >= 2
    blocking += audit(page, "learner-board")
    assert blocking == []


def test_done_when_five_answer_the_facilitator_merges_and_reveals_and_the_gradebook_fills(page, stack, tables):
    title = "Remmers en motoren"
    link_id = add_reflection(page, stack.lms_url, title)  # the site's minimum group size: 5
    learners = ["learner1", "learner2", "learner3", "learner4", "learner5"]
    brakes = [["time", "hierarchy"], ["time"], ["distance"], ["hierarchy", "culture"], ["time"]]
    for number, user in enumerate(learners[:4]):
        frame = open_reflection(page, stack.lms_url, link_id, user)
        answer = answer_with_the_mouse if number == 0 else answer_at_once  # the other test clicks through too
        answer(frame, user, brakes=brakes[number], engines=["trust"])

    frame = open_reflection(page, stack.lms_url, link_id, "facilitator")
    frame.locator("form button[value=reveal]").click()
    frame.locator(".notice--success").wait_for()
    frame = open_reflection(page, stack.lms_url, link_id, "learner4")
    assert "(nu 4)" in frame.locator(".refl-board-teaser").inner_text()  # four: nothing to see yet (nl-BE)

    frame = open_reflection(page, stack.lms_url, link_id, "learner5")
    answer_at_once(frame, "learner5", brakes=brakes[4], engines=["trust"], given=9, received=3)

    frame = open_reflection(page, stack.lms_url, link_id, "facilitator")
    frame.locator("a[href*='/board']").first.click()
    editor = frame.locator("#themes-edit")
    editor.wait_for(timeout=30_000)
    editor.locator("label.choice:has(input[value=time])").click()
    editor.locator("label.choice:has(input[value=hierarchy])").click()
    editor.locator("#merge-label").fill("Tijd en hiërarchie")
    editor.locator("button[value=merge]").click()
    frame.locator(".notice--success").wait_for()
    merged = frame.locator(".refl-theme", has=frame.locator("h3", has_text="Tijd en hiërarchie"))
    # Time (learners 1, 2, 5) and Hierarchy (1, 4): four people, learner 1 counted once.
    assert merged.locator(".refl-theme__side--brake .refl-theme__count").inner_text().split()[-1] == "4"

    # The board on the wall, from the dashboard: the merged theme as learners see it, nobody's own scores.
    frame = open_reflection(page, stack.lms_url, link_id, "facilitator")
    with page.context.expect_page() as opened:
        frame.locator("#present form[target=_blank] button").click()
    wall = lms.window_of(opened)
    wall.locator(".wall-reflection").wait_for()
    on_wall = wall.locator(".refl-theme", has=wall.locator("h3", has_text="Tijd en hiërarchie"))
    assert on_wall.locator(".refl-theme__side--brake .refl-theme__count").inner_text().split()[-1] == "4"
    assert wall.locator(".refl-figure--mine").count() == 0
    # Printed for the session report, the folded quotes are on paper; the wall folds them again after.
    folded = wall.locator("details:not([open])").count()
    assert folded > 0
    wall.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert wall.locator("details:not([open])").count() == 0
    wall.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert wall.locator("details:not([open])").count() == folded
    keep_wall(wall, "reflection")
    assert audit_page(wall, "present-reflection") == []
    wall.close()
    page.bring_to_front()

    frame = open_reflection(page, stack.lms_url, link_id, "learner5")
    frame.locator(".refl-board-teaser a.button").click()
    frame.locator("#themes").wait_for()
    assert frame.locator(".refl-theme h3", has_text="Tijd en hiërarchie").count() == 1
    team = frame.locator(".refl-trust__row", has=frame.locator("h3", has_text="Colleagues in my team"))
    assert "gave 9, received 3" in team.locator(".refl-figure--mine").inner_text()

    cells = lms.wait_for_scores(page, stack.lms_url, title, learners)
    for user in learners:
        assert cells[user][0].strip() == "1 / 1", (user, cells[user])
        assert cells[user][1].startswith("Completed"), (user, cells[user])
