"""Voting with the keyboard alone: Tab into the LMS's iframe, arrows and Space on the scale, Enter to save."""
from tests.browser import lms
from tests.browser.keys import focus, press_and_wait


USER = "learner6"  # has not voted on the shared activity
MAX_TABS = 30


def assert_ring(state):
    """The focused element shows a focus indicator."""
    assert state["outline"] != "none" and state["outlineWidth"] > 0 or state["shadow"] != "none", state


def press(page, key, until=lambda state: True, timeout=3.0):
    """Press a key and wait until the frame's focus changed as `until` expects (tests/browser/keys.py)."""
    return press_and_wait(page, key, focus, until, timeout)


def tab_until(page, predicate, key="Tab"):
    """Press Tab until the frame's focused element matches; returns it."""
    for _ in range(MAX_TABS):
        state = press(page, key, timeout=1.0)
        if state and predicate(state):
            return state
    raise AssertionError(f"{key} never reached the element; focus ended on {focus(page)}")


def test_a_learner_votes_with_the_keyboard_only(page, stack, voted_activity):
    lms.switch_user(page, stack.lms_url, USER)
    frame = lms.open_activity(page, stack.lms_url, voted_activity["link_id"])
    names = frame.locator("form.voting-form input[type=radio]").evaluate_all(
        "inputs => [...new Set(inputs.map(i => i.name))]")
    assert len(names) == lms.STATEMENTS
    page.locator("body").focus()  # start at the top of the LMS page; from here on only keys

    # Statement 1: Tab from the LMS page into the frame's first scale, Space picks, an arrow moves on.
    state = tab_until(page, lambda s: s["name"] == names[0])
    assert state["type"] == "radio" and not state["checked"]
    assert_ring(state)
    page.wait_for_timeout(250)  # focus just crossed into the iframe's process; let key routing follow
    state = press(page, "Space", until=lambda s: s and s["checked"])
    assert state["checked"] and state["value"] == "agree", state
    state = press(page, "ArrowRight", until=lambda s: s and s["value"] == "disagree")
    assert state["checked"] and state["value"] == "disagree", state
    assert_ring(state)
    state = tab_until(page, lambda s: s["tag"] == "textarea")
    assert_ring(state)
    page.keyboard.type("Met het toetsenbord gekozen.")
    state = tab_until(page, lambda s: s["name"] == names[0], key="Shift+Tab")  # back: the chosen position
    assert state["value"] == "disagree"
    tab_until(page, lambda s: s["tag"] == "textarea")

    # Statements 2–4: Tab to the scale, Space for the first position, Tab to the reason, type.
    for name in names[1:]:
        tab_until(page, lambda s, name=name: s["name"] == name)
        assert press(page, "Space", until=lambda s: s and s["checked"])["checked"]
        tab_until(page, lambda s: s["tag"] == "textarea")
        page.keyboard.type(f"Reden voor {name}.")

    state = tab_until(page, lambda s: s["tag"] == "button" and s["type"] == "submit")
    assert_ring(state)
    page.keyboard.press("Enter")

    frame.locator(".notice--success").wait_for()
    # The page now shows what was saved, read back from the tool's database.
    assert frame.locator(f"input[name={names[0]}][value=disagree]").is_checked()
    assert frame.locator("textarea").first.input_value() == "Met het toetsenbord gekozen."
    for name in names[1:]:
        assert frame.locator(f"input[name={name}][value=agree]").is_checked()
    assert frame.locator("textarea").nth(lms.STATEMENTS - 1).input_value() == f"Reden voor {names[-1]}."
