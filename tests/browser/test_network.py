"""The network drawing in a real browser inside the demo LMS: mouse drawing, keyboard-only list, change, axe."""
from playwright.sync_api import expect

from tests.browser import chromium, lms
from tests.browser.network_steps import (  # noqa: F401  (network_link is a fixture)
    TITLE, open_network, go, network_link, focus, tab_until, drag_to)
from tests.browser.screens import keep as shot
from tests.browser.test_accessibility import audit_page


def test_learner_builds_a_network_with_the_mouse(page, stack, network_link):
    lms.switch_user(page, stack.lms_url, "learner1")
    frame = open_network(page, stack.lms_url, network_link)
    shot(page, "01-overview-nl")
    go(frame, "contacts")
    # Two classmates from the course list, and two people from outside by initials.
    frame.locator("label", has_text="Wout Maes").click()
    frame.locator("label", has_text="Fien Claes").click()
    frame.locator("form[action*='/contacts/members'] button[type=submit]").click()
    frame.locator(".notice--success").wait_for()
    for label, place in (("K.V.", "customer"), ("S.D.", "supplier")):
        frame.locator("#label").fill(label)
        frame.locator("#location").select_option(place)
        frame.locator("form[action*='/contacts?'] button[type=submit]").click()
        # The page before the post shows a success notice too: wait for the new contact itself.
        frame.locator(".net-item__name", has_text=label).first.wait_for()
    shot(page, "02-contacts-nl")

    go(frame, "drawing")
    svg = frame.locator("#net-svg[role=application]")
    svg.wait_for()
    assert frame.locator(".node").count() == 4
    # All four start off the rings; drag each onto a ring.
    targets = {"Wout Maes": (0, -120), "Fien Claes": (150, 150), "K.V.": (-330, 130), "S.D.": (0, 380)}
    for name, (x, y) in targets.items():
        node = frame.locator(f".node[data-name='{name}']")
        drag_to(page, node, x, y)
        frame.locator(f".node[data-name='{name}'][data-ring]:not([data-ring='0'])").wait_for()
    rings = {name: int(frame.locator(f".node[data-name='{name}']").get_attribute("data-ring")) for name in targets}
    assert rings == {"Wout Maes": 1, "Fien Claes": 2, "K.V.": 3, "S.D.": 3}, rings

    # Connect Wout and Fien: the Connect button, then click one and the other.
    frame.locator("[data-connect]").click()
    frame.locator(".node[data-name='Wout Maes'] circle").click()
    frame.locator(".node[data-name='Fien Claes'] circle").click()
    frame.locator("#net-layer .tie").first.wait_for()
    assert frame.locator("#net-layer .tie").count() == 1
    assert "Fien Claes" in frame.locator("#net-list").inner_text()
    shot(page, "03-drawing-nl")

    # Relations from the list view, then the insights page reads them.
    go(frame, "contacts")
    for name in ("Wout Maes", "K.V."):
        item = frame.locator(".net-item", has=frame.locator("legend", has_text=name))
        item.locator("input[value=asked]").check()
    frame.locator(".net-item", has=frame.locator("legend", has_text="Fien Claes")).locator("input[value=gave]").check()
    frame.locator("form[action*='/contacts/bulk'] button[type=submit]").click()
    frame.locator(".notice--success").wait_for()
    go(frame, "insights")
    assert frame.locator(".net-insight").count() >= 6
    shot(page, "04-insights-nl")

    # What I could share and need, the consent to be suggested, and the reflection.
    go(frame, "knowledge")
    frame.locator("#offer_tags").fill("Planning, wondzorg")
    frame.locator("#offer_note").fill("Nieuwe collega's in mijn team")
    frame.locator("#need_tags").fill("Excel")
    frame.locator("#need_note").fill("Iemand van de administratie")
    frame.locator("#suggest_consent").check()
    frame.locator("form.net-form button[type=submit]").click()
    frame.locator(".notice--success").wait_for()
    shot(page, "09-knowledge-nl")
    go(frame, "reflection")
    frame.locator("#reflection_hard").fill("Ik wil niemand lastigvallen.")
    frame.locator("#reflection_plan").fill("Elke week één vraag stellen aan Wout.")
    frame.locator("form.net-form button[type=submit]").click()
    frame.locator(".notice--success").wait_for()
    frame.locator(".net-nav a[href*='/network/']").first.click()
    frame.locator(".net-steps").wait_for()
    frame.locator(".badge--sent", has_text="3").wait_for()  # "3 of 3 done"


def test_learner_builds_a_network_with_the_keyboard_in_the_list(page, stack, network_link):
    lms.switch_user(page, stack.lms_url, "learner3")
    frame = open_network(page, stack.lms_url, network_link)
    go(frame, "contacts")
    page.locator("body").focus()
    for number, (label, place) in enumerate((("J.P.", "my_team"), ("M.", "other_organisation"),
                                             ("R.", "sector_network"))):
        tab_until(page, lambda s: s["id"] == "label")
        page.keyboard.type(label)
        tab_until(page, lambda s: s["id"] == "location")
        value = ""
        for _ in range(10):  # a closed select changes with the arrow keys
            page.keyboard.press("ArrowDown")
            value = focus(page)["value"]
            if value == place:
                break
        assert value == place
        tab_until(page, lambda s: s["name"] == "ring")  # lands on the checked radio ("not placed yet")
        for _ in range(6):  # arrows move and choose within a radio group
            if focus(page)["value"] == "2":
                break
            page.keyboard.press("ArrowDown")
        assert focus(page)["value"] == "2" and focus(page)["checked"]
        tab_until(page, lambda s: s["name"] == "relations" and s["value"] == "asked")
        page.keyboard.press("Space")
        tab_until(page, lambda s: s["tag"] == "button")
        page.keyboard.press("Enter")
        frame.locator(".net-item").nth(number).wait_for()  # the saved page, with one more person
        page.locator("body").focus()
    assert frame.locator(".net-item").count() == 3
    # Connect J.P. and M. from J.P.'s page, by keyboard.
    tab_until(page, lambda s: s["tag"] == "a" and "J.P." in s["text"] and "three questions" in s["text"])
    page.keyboard.press("Enter")
    frame.locator("#knows_contacts").wait_for()
    shot(page, "11-contact-en")
    page.locator("body").focus()
    tab_until(page, lambda s: s["name"] == "knows_contacts")
    page.keyboard.press("Space")
    tab_until(page, lambda s: s["tag"] == "button" and s["text"] == "Save")
    page.keyboard.press("Enter")
    frame.locator(".notice--success").wait_for()
    items = frame.locator(".net-item")
    assert "knows 1 of your contacts" in items.first.inner_text()
    shot(page, "05-contacts-keyboard-en")
    # The drawing shows the same: three people on rings and one tie.
    go(frame, "drawing")
    assert frame.locator(".node:not([data-ring='0'])").count() == 3
    assert frame.locator("#net-layer .tie").count() == 1


def test_drawing_is_keyboard_operable(page, stack, network_link):
    lms.switch_user(page, stack.lms_url, "learner3")
    frame = open_network(page, stack.lms_url, network_link)
    go(frame, "drawing")
    frame.locator("#net-svg[role=application]").wait_for()
    page.locator("body").focus()
    state = tab_until(page, lambda s: s["key"] != "")
    first = state["key"]
    ring = int(frame.locator(f".node[data-key='{first}']").get_attribute("data-ring"))
    target = 3 if ring != 3 else 1
    page.keyboard.press(str(target))
    frame.locator(f".node[data-key='{first}'][data-ring='{target}']").wait_for()
    assert focus(page)["key"] == first  # focus stays on the person after the redraw
    page.keyboard.press("i" if target == 3 else "o")
    frame.locator(f".node[data-key='{first}'][data-ring='2']").wait_for()
    page.keyboard.press("c")
    page.keyboard.press("ArrowRight")
    second = focus(page)["key"]
    assert second and second != first
    ties = frame.locator("#net-layer .tie").count()
    page.keyboard.press("c")
    frame.locator("#net-status", has_text="connected").wait_for(state="attached")
    assert frame.locator("#net-layer .tie").count() != ties
    assert focus(page)["key"] == second


def test_change_view_after_a_second_moment(page, stack, network_link, browser):
    # Learner1 keeps her overview open in her own browser while the facilitator opens the end moment.
    watching = chromium.new_context(browser)
    mine = watching.new_page()
    lms.switch_user(mine, stack.lms_url, "learner1")
    own = open_network(mine, stack.lms_url, network_link)
    moment = own.locator(".eyebrow").first.text_content()  # "Netwerktekening · <the open moment>" (as written)
    lms.tool_frame(mine).evaluate("window.keptSinceLoad = true")
    lms.switch_user(page, stack.lms_url, "facilitator")
    frame = open_network(page, stack.lms_url, network_link)
    shot(page, "06-facilitator")
    frame.locator("form[action*='/moments'] input[name=confirm]").check()
    frame.locator("form[action*='/moments'] button[type=submit]").click()
    frame.locator(".notice--success").wait_for()
    # Her page moves to the new moment by itself, without a reload.
    expect(own.locator(".eyebrow").first).not_to_have_text(moment, timeout=8_000)
    assert lms.tool_frame(mine).evaluate("window.keptSinceLoad === true")  # the same document, not reloaded
    watching.close()

    lms.switch_user(page, stack.lms_url, "learner1")
    frame = open_network(page, stack.lms_url, network_link)
    frame.locator(".net-start form button[type=submit]").first.click()
    frame.locator(".notice--success").wait_for()
    go(frame, "contacts")
    frame.locator("#label").fill("N.N.")
    frame.locator("#location").select_option("sector_network")
    frame.locator("#ring-0").check()
    frame.locator("form[action*='/contacts?'] button[type=submit]").click()
    frame.locator(".notice--success").wait_for()
    go(frame, "change")
    assert "N.N." in frame.locator(".net-delta").first.inner_text()
    assert frame.locator("table.net-table tbody tr").count() >= 6
    shot(page, "07-change-nl")

    lms.switch_user(page, stack.lms_url, "facilitator")
    frame = open_network(page, stack.lms_url, network_link)
    # The wall from the dashboard: two drew at this moment, below the minimum group, so no picture yet.
    with page.context.expect_page() as opened:
        frame.locator("#present form[target=_blank] button").click()
    wall = lms.window_of(opened)
    wall.locator(".wall-status").wait_for()
    assert wall.locator(".wall-status__count strong").inner_text() == "1"  # learner1 drew again so far
    assert wall.locator(".wall-network").count() == 0
    assert audit_page(wall, "present-network") == []
    wall.close()
    page.bring_to_front()
    go(frame, "course")
    assert frame.locator(".net-svg--course .cnode").count() >= 3
    assert "K.V." not in frame.locator("main").inner_text()
    shot(page, "08-course-network")
    go(frame, "matches")
    shot(page, "10-matches")

    # The gradebook holds the participation scores of both learners.
    cells = lms.wait_for_scores(page, stack.lms_url, TITLE, ["learner1", "learner3"])
    assert all(lines[0].strip() not in ("", "–") for lines in cells.values()), cells


def test_no_serious_accessibility_violations(page, stack, network_link):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    problems = []
    for user, paths in (("learner1", ("", "contacts", "drawing", "knowledge", "reflection", "insights", "change")),
                        ("facilitator", ("", "course", "matches"))):
        lms.switch_user(page, stack.lms_url, user)
        for path in paths:
            open_network(page, stack.lms_url, network_link, path)
            results = axe.run(lms.tool_frame(page))
            for violation in results.response["violations"]:
                if violation["impact"] in ("serious", "critical"):
                    problems.append((user, path, violation["id"], [n["target"] for n in violation["nodes"]][:3]))
    assert not problems, problems


WEIGHT = """() => {
  const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
  return entries.map(e => [e.name, e.transferSize || e.encodedBodySize || 0]);
}"""


def test_drawing_page_weight(page, stack, network_link):
    lms.switch_user(page, stack.lms_url, "learner1")
    frame = open_network(page, stack.lms_url, network_link, path="/drawing")
    frame.locator("#net-svg[role=application]").wait_for()
    sizes = dict(lms.tool_frame(page).evaluate(WEIGHT))
    assert any(name.endswith("network_drawing.js") for name in sizes), sizes
    assert sum(sizes.values()) < 150 * 1024, sizes
