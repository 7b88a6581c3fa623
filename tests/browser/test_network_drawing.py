"""The network drawing tells the truth: 9 contacts drawn by list, keyboard and mouse in the demo LMS's iframe
get distinct angles, no line runs through a third person, and everyone keeps their place at the end moment."""
import os

import pytest

from tests.browser import chromium, lms
from tests.browser.network_drawing_steps import (  # noqa: F401  (drawing_link is a fixture)
    SMALLEST_TEXT, add_by_list, check_geometry, drawing_link, lines, nodes, placed, shoot, ties)
from tests.browser.network_steps import drag_to, focus, go, open_network, tab_until


BY_LIST = (("Familie D.", "customer", "2", ["asked"]), ("MV", "my_team", "3", ["advice"]),
           ("Collega A.", "my_team", "1", ["gave", "worked_with"]))
BY_KEYS = ("Jan K.", "Ria", "Tom")
BY_MOUSE = ("Els B.", "Noor")

def test_nine_contacts_by_list_keyboard_and_mouse(page, stack, drawing_link):
    lms.switch_user(page, stack.lms_url, "learner2")
    frame = open_network(page, stack.lms_url, drawing_link, path="drawing")
    # The empty drawing offers to add someone right there (there is nobody to drag yet).
    assert frame.locator("#net-svg .node").count() == 0 and frame.locator("#drawing-intro").count() == 0
    frame.locator("#add-person #label").fill("Sofie")
    frame.locator("#add-person #location").select_option("my_team")
    frame.locator("#add-person input[name=ring][value='1']").check()
    frame.locator("#add-person button[type=submit]").click()
    frame.locator(".node[data-name='Sofie'][data-ring='1']").wait_for()
    # Focus goes to the person just added (the script runs once the page has loaded).
    lms.tool_frame(page).wait_for_function("() => document.activeElement && document.activeElement.dataset.name === 'Sofie'")

    go(frame, "contacts")
    for label, location, ring, relations in BY_LIST:
        add_by_list(frame, label, location, ring, relations)
    for label in BY_KEYS + BY_MOUSE:
        add_by_list(frame, label, "other_organisation")

    go(frame, "drawing")
    svg = frame.locator("#net-svg[role=application]")
    svg.wait_for()
    order = [n["key"] for n in nodes(svg)]
    names = {n["name"]: n["key"] for n in nodes(svg)}
    assert len(order) == 9 and list(names) == ["Sofie", *[b[0] for b in BY_LIST], *BY_KEYS, *BY_MOUSE]
    check_geometry(svg)

    # Keyboard: Tab reaches the first person (not the drawing layer); arrows follow one stable order.
    page.locator("body").focus()
    first = tab_until(page, lambda s: s["key"] != "" or s["tag"] in ("svg", "g"))
    assert first["key"] == order[0], first
    seen = [first["key"]]
    for _ in order[1:]:
        page.keyboard.press("ArrowRight")
        seen.append(focus(page)["key"])
    assert seen == order
    for ring, name in enumerate(BY_KEYS, start=1):
        key = names[name]
        while focus(page)["key"] != key:
            page.keyboard.press("ArrowRight")
        before = placed(svg)
        page.keyboard.press(str(ring))
        frame.locator(f".node[data-key='{key}'][data-ring='{ring}']").wait_for()
        assert focus(page)["key"] == key  # focus stays with the person just placed
        after = placed(svg)
        assert {k: after[k] for k in before} == before  # nobody else moved
        page.keyboard.press("ArrowRight")  # the next person is the next in the same order: nobody skipped
        assert focus(page)["key"] == order[order.index(key) + 1]
    assert [n["key"] for n in nodes(svg)] == order

    # Mouse: one person dropped right on top of Familie D., one into free space.
    on_top = placed(svg)[names["Familie D."]]
    for name, (x, y) in zip(BY_MOUSE, ((on_top["x"], on_top["y"]), (300, -200))):
        before = placed(svg)
        drag_to(page, frame.locator(f".node[data-name='{name}']"), x, y)
        frame.locator(f".node[data-name='{name}']:not([data-ring='0'])").wait_for()
        after = placed(svg)
        assert {k: after[k] for k in before} == before
    assert placed(svg)[names["Els B."]]["angle"] != on_top["angle"]

    # Two ties, drawn with the mouse, between people on different sides.
    for a, b in (("Sofie", "MV"), ("Collega A.", "Familie D.")):
        frame.locator("[data-connect]").click()
        frame.locator(f".node[data-name='{a}'] circle").first.click()
        frame.locator(f".node[data-name='{b}'] circle").first.click()
        frame.locator("#net-status", has_text=b).wait_for(state="attached")
        frame.locator("[data-connect]").click()
    assert len(ties(svg)) == 2

    people = check_geometry(svg)
    assert len(people) == 9
    # What the lines say: one line per person, arrows as the sentences read.
    drawn = lines(svg)
    asked, advised, helped = (drawn[names[n]] for n in ("Familie D.", "MV", "Collega A."))
    assert asked["end"] and not asked["start"]  # "I asked → them"
    assert advised["start"] and not advised["end"]  # "they advised → me"
    assert helped["end"] and not helped["start"] and helped["beads"] == 2  # "I gave help → them", worked together
    node = people[names["Familie D."]]
    assert (abs(asked["x2"] - node["x"]) + abs(asked["y2"] - node["y"])
            < abs(asked["x1"] - node["x"]) + abs(asked["y1"] - node["y"]))  # the line's end is at them
    assert names["Sofie"] not in drawn  # no relation given: no line invented


def test_everyone_keeps_their_place_at_the_end_moment(page, stack, drawing_link):
    lms.switch_user(page, stack.lms_url, "facilitator")
    frame = open_network(page, stack.lms_url, drawing_link)
    frame.locator("form[action*='/moments'] input[name=confirm]").check()
    frame.locator("form[action*='/moments'] button[type=submit]").click()
    frame.locator(".notice--success").wait_for()

    for user in ("learner5", "learner2"):
        lms.switch_user(page, stack.lms_url, user)
        frame = open_network(page, stack.lms_url, drawing_link)
        frame.locator(".net-start form button[type=submit]").first.click()
        frame.locator(".notice--success").wait_for()
        go(frame, "drawing")
        svg = frame.locator("#net-svg[role=application]")
        svg.wait_for()
        start = placed(svg)
        # Someone moves closer by keyboard, and someone new comes in: nobody else moves.
        moved = [n["key"] for n in nodes(svg) if n["ring"] != 1][-1]
        page.locator("body").focus()
        tab_until(page, lambda s: s["key"] != "")
        while focus(page)["key"] != moved:
            page.keyboard.press("ArrowRight")
        page.keyboard.press("1")
        frame.locator(f".node[data-key='{moved}'][data-ring='1']").wait_for()
        go(frame, "contacts")
        add_by_list(frame, "Nieuw" if user == "learner2" else "Newcomer", "supplier", "2", ["asked"])
        go(frame, "drawing")
        end = placed(frame.locator("#net-svg"))
        assert {k: end[k] for k in start if k != moved} == {k: v for k, v in start.items() if k != moved}
        assert end[moved]["ring"] == 1
        check_geometry(frame.locator("#net-svg"))

        # The change view: both drawings, the same people at the same places, the changes marked.
        go(frame, "change")
        left, right = (frame.locator(".net-svg--change").nth(i) for i in (0, 1))
        before, after = placed(left), placed(right)
        assert {k: before[k] for k in start if k != moved} == {k: v for k, v in start.items() if k != moved}
        assert {k: after[k] for k in end} == end
        assert right.locator(".node.is-new").count() == 1 and right.locator(f".node.is-changed[data-key='{moved}']").count() == 1
        assert frame.locator("table.net-table").count() == 1  # the table stays


def test_empty_drawing_and_change_view_pass_axe(page, stack, drawing_link):
    from axe_playwright_python.sync_playwright import Axe

    problems = []
    for user, path in (("learner6", "drawing"), ("learner2", "change"), ("learner2", "drawing")):
        lms.switch_user(page, stack.lms_url, user)
        open_network(page, stack.lms_url, drawing_link, path=path)
        for violation in Axe().run(lms.tool_frame(page)).response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                problems.append((user, path, violation["id"], [n["target"] for n in violation["nodes"]][:3]))
    assert not problems, problems


@pytest.mark.parametrize("width", [375, 1280])
def test_text_in_the_drawings_is_at_least_12_px(browser, stack, drawing_link, width):
    context = chromium.new_context(browser, viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        lms.switch_user(page, stack.lms_url, "learner5")
        for path in ("drawing", "change"):
            frame = open_network(page, stack.lms_url, drawing_link, path=path)
            frame.locator(".net-svg").first.wait_for()
            lms.tool_frame(page).wait_for_load_state("load")  # the style sheet applied, not the default size
            smallest = lms.tool_frame(page).evaluate(SMALLEST_TEXT)
            assert smallest >= 12, (path, smallest)
    finally:
        context.close()


@pytest.mark.skipif(not os.environ.get("LEERNETWERK_DOCS_SHOTS"), reason="screenshots only when asked for")
def test_screenshots_for_the_docs(browser, stack, drawing_link):
    for size, viewport in (("desktop", {"width": 1280, "height": 2300}), ("phone", {"width": 375, "height": 2600})):
        context = chromium.new_context(browser, viewport=viewport)
        page = context.new_page()
        try:
            for user, language in (("learner2", "nl"), ("learner5", "en")):
                lms.switch_user(page, stack.lms_url, user)
                frame = open_network(page, stack.lms_url, drawing_link, path="drawing")
                frame.locator("#net-svg").wait_for()
                shoot(page, f"network-drawing-{language}-{size}", ".net-drawing")
                go(frame, "change")
                shoot(page, f"network-drawing-change-{language}-{size}", "section[aria-labelledby=side-title]")
            lms.switch_user(page, stack.lms_url, "learner6")  # has not drawn yet
            open_network(page, stack.lms_url, drawing_link, path="drawing").locator("#add-person").wait_for()
            shoot(page, f"network-drawing-empty-nl-{size}", ".net-drawing")
        finally:
            context.close()
