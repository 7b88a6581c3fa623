"""Learners' statements in a real browser: the designer allows them, a learner proposes one, the facilitator
rewords and approves it with the keyboard, and another learner votes on it; none of the pages names the
proposer."""
from tests.browser import lms
from tests.browser.screens import keep


def test_a_proposed_statement_is_moderated_and_voted_on(page, stack):
    link_id = lms.add_voting_activity(page, stack.lms_url, "Stellingen van de groep", proposals=True)
    lms.switch_user(page, stack.lms_url, "learner3")  # speaks English
    frame = lms.open_activity(page, stack.lms_url, link_id)
    frame.locator("#propose textarea").fill("Sharing knowledge mostly costs time")
    frame.locator("#propose button[type=submit]").click()
    frame.locator(".notice--success").wait_for()
    assert " ".join(frame.locator("#propose .proposal").inner_text().split()) == (
        "Waiting for the facilitator Sharing knowledge mostly costs time")
    keep(page, "voting-proposal-learner-en")

    lms.switch_user(page, stack.lms_url, "facilitator")  # speaks Dutch
    frame = lms.open_activity(page, stack.lms_url, link_id)
    waiting = frame.locator("#proposals")
    assert "Fien" not in waiting.inner_text() and "Claes" not in waiting.inner_text()  # nobody sees who proposed
    keep(page, "voting-proposal-facilitator-nl")
    text = waiting.locator("textarea")
    text.focus()
    text.press("End")
    text.type(", but it pays back.")
    waiting.locator("button[value=approve]").focus()
    waiting.locator("button[value=approve]").press("Enter")
    frame.locator(".notice--success").wait_for()
    assert "Er wachten geen voorstellen." in frame.locator("#proposals").inner_text()

    lms.switch_user(page, stack.lms_url, "learner5")
    frame = lms.open_activity(page, stack.lms_url, link_id)
    last = frame.locator(f"#statement-{lms.STATEMENTS + 1}")
    assert last.locator(".statement__text").inner_text().strip() == (
        "Sharing knowledge mostly costs time, but it pays back.")
    lms.answer(frame, lms.STATEMENTS + 1, "agree", "It does, in my team.")
    frame.locator("form.voting-form button[type=submit]").click()
    frame.locator(".notice--success").wait_for()
    assert frame.locator(f"#statement-{lms.STATEMENTS + 1} input[value=agree]").is_checked()  # saved, shown again
