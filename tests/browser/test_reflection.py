"""Hinders and drivers in a real browser inside the demo LMS: learners answer (one by keyboard alone), the
facilitator reveals and edits themes, a learner sees the board and where they stand, the gradebook fills; axe."""
import json
import re
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser import lms
from tests.browser.chromium import ARTIFACTS
from tests.browser.screens import keep_wall
from tests.browser.test_accessibility import audit_page


GROUPS = ("team", "departments", "leadership", "customers", "suppliers", "organisations")
AUDIENCES = ("colleague", "other_org", "customer")
BLOCKING = {"serious", "critical"}
MAX_TABS = 60
FOCUS = """() => {
  const el = document.activeElement;
  if (!document.hasFocus() || !el || el === document.body) return null;
  const ring = el.matches(".pill input") ? el.nextElementSibling : el;
  const style = getComputedStyle(ring);
  return {tag: el.tagName.toLowerCase(), type: el.type || "", name: el.name || "", value: el.value || "",
          id: el.id || "", checked: !!el.checked, outline: style.outlineStyle,
          // Tells two links apart, so a wait for focus to move does not sit out its timeout.
          html: el.outerHTML.slice(0, 200),
          outlineWidth: parseFloat(style.outlineWidth) || 0};
}"""
TOP = "() => { const el = document.activeElement; return el ? el.outerHTML.slice(0, 120) : ''; }"


@pytest.fixture(scope="module")
def tables(stack):
    """The reflection tables (the migration for them comes with the lead; create_all adds only missing tables)."""
    from lti_tool.extensions import db

    with stack.tool_app.app_context():
        db.create_all()


def add_reflection(page, lms_url, title, min_group_size=None):
    """As the facilitator: Add an activity → hinders and drivers → settings → add. Returns the LMS link id."""
    lms.switch_user(page, lms_url, "facilitator")
    page.goto(f"{lms_url}/course")
    page.click("#add-activity")
    frame = lms.tool(page)
    frame.locator("h1#picker-title").wait_for()
    frame.locator("a[href*='/lti/deep-linking/reflection']").click()
    frame.locator("h1#configure-title").wait_for()
    assert frame.locator("#parts input[type=checkbox]:checked").count() == 5
    frame.locator("#title").fill(title)
    if min_group_size is not None:
        frame.locator("#min_group_size").fill(str(min_group_size))
    frame.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/course\?added="))
    return parse_qs(urlsplit(page.url).query)["added"][0]


def open_reflection(page, lms_url, link_id, user):
    """Open the activity in the LMS as `user` and wait for the tool's page in the iframe."""
    lms.switch_user(page, lms_url, user)
    page.goto(f"{lms_url}/course/activity/{link_id}")
    frame = lms.tool(page)
    frame.locator("body.reflection").wait_for()
    return frame


def _save(frame, next_part):
    frame.locator("button[name=then]").first.click()
    if next_part:
        frame.locator(f"form[action*='/parts/{next_part}']").wait_for()
    else:
        frame.locator(".refl-done").wait_for()


def answer_with_the_mouse(frame, who, brakes, engines, given=7, received=5, share=True):
    """Fill every part by clicking and typing, part after part, as most learners will."""
    frame.locator(".refl-intro .actions a.button").click()
    frame.locator("form[action*='/parts/situations']").wait_for()
    for kind, group in (("easy", 0), ("hard", 2)):
        frame.locator(f"#{kind}_what").fill(f"{who}: wat er gebeurde ({kind}).")
        frame.locator(f"label[for={kind}_with-{group}]").click()
        frame.locator(f"#{kind}_knowledge").fill("Een werkwijze")
    _save(frame, "factors")
    for side, tags in (("brake", brakes), ("engine", engines)):
        frame.locator(f"#{side}_text").fill(f"{who} over wat {'remde' if side == 'brake' else 'hielp'}.")
        for tag in tags:
            frame.locator(f"#factor-{side} label.pill:has(input[value={tag}])").click()
        if share:
            frame.locator(f"label[for={side}_shared]").click()
    _save(frame, "trust")
    for key in GROUPS:
        frame.locator(f"label[for=given_{key}-{given - 1}]").click()
        frame.locator(f"label[for=received_{key}-{received - 1}]").click()
    frame.locator("#why_leadership").fill(f"{who} legt uit.")
    _save(frame, "sharing")
    for key in AUDIENCES:
        frame.locator(f"#would_{key}").fill("Werkwijzen")
        frame.locator(f"#wouldnot_{key}").fill("Klantgegevens")
    _save(frame, "action")
    frame.locator("#action_text").fill(f"{who}: elke week iets vragen.")
    if share:
        frame.locator("label[for=action_shared]").click()
    _save(frame, None)


FILL = """(body, form) => {
  for (const [selector, value] of Object.entries(form.text)) document.querySelector(selector).value = value;
  for (const selector of form.check) document.querySelector(selector).checked = true;
}"""


def answer_at_once(frame, who, brakes, engines, given=7, received=5):
    """Fill each part in one step and save it: for the learners of a story whose clicking another test covers."""
    frame.locator(".refl-intro .actions a.button").click()
    frame.locator("form[action*='/parts/situations']").wait_for()
    parts = [
        ("factors", {"text": {f"#{kind}_{field}": f"{who}: {kind}" for kind in ("easy", "hard")
                              for field in ("what", "knowledge")}, "check": ["#easy_with-0", "#hard_with-2"]}),
        ("trust", {"text": {f"#{side}_text": f"{who}: {side}" for side in ("brake", "engine")},
                   "check": [f"#factor-brake input[value={tag}]" for tag in brakes]
                   + [f"#factor-engine input[value={tag}]" for tag in engines] + ["#brake_shared", "#engine_shared"]}),
        ("sharing", {"text": {"#why_leadership": f"{who} legt uit."},
                     "check": [f"#given_{key}-{given - 1}" for key in GROUPS]
                     + [f"#received_{key}-{received - 1}" for key in GROUPS]}),
        ("action", {"text": {f"#{kind}_{key}": "Werkwijzen" for kind in ("would", "wouldnot") for key in AUDIENCES},
                    "check": []}),
        (None, {"text": {"#action_text": f"{who}: elke week iets vragen."}, "check": ["#action_shared"]}),
    ]
    for next_part, form in parts:
        frame.locator("body").evaluate(FILL, form)
        _save(frame, next_part)


def focus(page):
    """The focused element in the tool's frame, or None when focus is elsewhere."""
    return lms.tool_frame(page).evaluate(FOCUS)


def press(page, key, until=lambda state: True, timeout=3.0):
    """Press a key and wait until the frame's focus or state changed as `until` expects (keys reach the
    iframe's renderer asynchronously)."""
    before = (page.evaluate(TOP), focus(page))
    page.keyboard.press(key)
    deadline = time.monotonic() + timeout
    while True:
        state = focus(page)
        if ((page.evaluate(TOP), state) != before and until(state)) or time.monotonic() > deadline:
            return state
        time.sleep(0.02)


def keyboard_part(page, plan, next_part):
    """Tab through one part; `plan(state)` returns the keys or text for the focused element; Enter on Save."""
    radios_done = set()
    for _ in range(MAX_TABS):
        state = press(page, "Tab", timeout=1.0)
        if not state:
            continue
        assert state["outline"] != "none" and state["outlineWidth"] > 0, state  # a visible focus ring
        if state["tag"] == "button" and state["name"] == "then":
            page.keyboard.press("Enter")
            frame = lms.tool(page)
            if next_part:
                frame.locator(f"form[action*='/parts/{next_part}']").wait_for()
            else:
                frame.locator(".refl-done").wait_for()
            return
        if state["type"] == "radio" and state["name"] in radios_done:
            continue
        for action in plan(state) or ():
            if action.startswith("type:"):
                page.keyboard.type(action[5:])
            else:
                press(page, action, until=lambda s: s is not None)
        if state["type"] == "radio":
            radios_done.add(state["name"])
    raise AssertionError(f"never reached the save button; focus ended on {focus(page)}")


def answer_with_the_keyboard(page):
    """Learner 3 answers every part with Tab, Space, arrows, typing and Enter only."""
    def situations(state):
        if state["tag"] == "textarea":
            return ["type:Het ging vlot met een collega." if "what" in state["name"] else "type:Een procedure"]
        if state["type"] == "radio":
            return ["Space"]  # the first group: colleagues in my team
        return []

    def factors(state):
        if state["tag"] == "textarea":
            return ["type:Te weinig tijd." if state["name"].startswith("brake") else "type:Een collega hielp."]
        wanted = {"brake_tags": "time", "engine_tags": "trust"}
        if state["type"] == "checkbox" and wanted.get(state["name"]) == state["value"]:
            return ["Space"]
        if state["type"] == "checkbox" and state["name"].endswith("_shared"):
            return ["Space"]
        return []

    def trust(state):
        if state["type"] == "radio":  # Space picks 1, six steps right make 7
            return ["Space"] + ["ArrowRight"] * (6 if state["name"].startswith("given") else 3)
        return []

    def sharing(state):
        return ["type:Iets"] if state["tag"] == "textarea" and not state["name"].startswith("why") else []

    def action(state):
        return ["type:Vaker vragen."] if state["tag"] == "textarea" else []

    page.locator("body").focus()
    for _ in range(MAX_TABS):  # from the LMS page into the frame, to the link that starts part 1
        state = press(page, "Tab", timeout=1.0)
        if state and state["tag"] == "a" and "/parts/situations" in lms.tool_frame(page).evaluate(
                "document.activeElement.href"):
            break
    page.keyboard.press("Enter")
    lms.tool(page).locator("form[action*='/parts/situations']").wait_for()
    page.wait_for_timeout(250)  # let key routing follow focus into the frame's new document
    for plan, following in ((situations, "factors"), (factors, "trust"), (trust, "sharing"), (sharing, "action"),
                            (action, None)):
        keyboard_part(page, plan, following)


def audit(page, name):
    """axe-core in the tool's frame: every violation recorded, the serious and critical ones returned."""
    from axe_playwright_python.sync_playwright import Axe

    frame = lms.tool_frame(page)
    results = Axe().run(frame)
    violations = [{"id": v["id"], "impact": v["impact"], "help": v["help"],
                   "nodes": [str(n["target"]) for n in v["nodes"]][:5]} for v in results.response["violations"]]
    folder = ARTIFACTS / "axe"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"reflection-{name}.json").write_text(json.dumps({"url": frame.url, "violations": violations}, indent=2))
    return [(name, v) for v in violations if v["impact"] in BLOCKING]


def test_three_learners_answer_one_by_keyboard_and_a_learner_sees_the_board(page, stack, tables):
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

    frame = open_reflection(page, stack.lms_url, link_id, "facilitator")
    assert frame.locator(".refl-stat--done strong").inner_text() == "3"
    blocking += audit(page, "facilitator-dashboard")
    frame.locator("form button[value=reveal]").click()
    frame.locator(".notice--success").wait_for()
    frame.locator("a[href*='/board']").first.click()
    frame.locator("#themes-edit").wait_for(timeout=30_000)  # the board page is the heaviest; allow for load
    blocking += audit(page, "facilitator-board")

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
    wall = opened.value
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
