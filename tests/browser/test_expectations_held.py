"""Held expectation cards in a real browser: they wait for the facilitator, who approves or keeps them hidden.

An activity of its own (not the one tests/browser/test_expectations.py plays from start to close), so what is
held and approved here cannot change what the board's other tests see.
"""
import pytest

from tests.browser import lms
from tests.browser.screens import keep
from tests.browser.test_expectations import new_activity, open_page, post_card, submit


@pytest.fixture(scope="module")
def link(browser, stack):
    """A new expectations activity in the demo course."""
    return new_activity(browser, stack, "expectations-held-fixture", title="Verwachtingen (kaartjes goedkeuren)")


def test_held_cards_wait_for_the_facilitator_who_approves_one_and_keeps_one_hidden(page, stack, link):
    lms.switch_user(page, stack.lms_url, "facilitator")
    frame = submit(page, open_page(page, stack.lms_url, link).locator("#control-hold_cards"))
    assert frame.locator("#control-stop_holding").count() == 1

    shared, kept = "Ik kan mijn coachingervaring delen", "Iets wat beter niet op het bord staat"
    lms.switch_user(page, stack.lms_url, "learner1")
    frame = open_page(page, stack.lms_url, link)
    for text in (shared, kept):
        post_card(page, frame, text, column="bring")
        # The author sees the card, marked as waiting; nobody else does yet.
        mine = frame.locator('[data-region="col-bring"] .note', has_text=text)
        assert mine.locator(".mark--held").count() == 1
    lms.switch_user(page, stack.lms_url, "learner2")
    frame = open_page(page, stack.lms_url, link)
    assert frame.locator("#board .note__text", has_text=shared).count() == 0

    # The facilitator approves one and keeps the other hidden, with the keyboard only.
    lms.switch_user(page, stack.lms_url, "facilitator")
    frame = open_page(page, stack.lms_url, link)
    waiting = frame.locator("#held-bring")
    assert waiting.locator(".note--held").count() == 2
    waiting.locator(".note--held", has_text=shared).locator("button[value=show]").focus()
    frame = submit(page, None, key="Enter")
    frame.locator("#held-bring .note--held", has_text=kept).locator("button[value=hide]").focus()
    frame = submit(page, None, key="Enter")
    assert frame.locator("#held-bring").count() == 0
    frame = submit(page, frame.locator("#control-stop_holding"))

    lms.switch_user(page, stack.lms_url, "learner2")
    frame = open_page(page, stack.lms_url, link)
    assert frame.locator("#board .note__text", has_text=shared).count() == 1
    assert frame.locator("#board .note__text", has_text=kept).count() == 0
    keep(page, "expectations-held-approved")
