"""Steps of the hinders-and-drivers browser tests: add and open the activity in the demo LMS, answer its parts
with the mouse, at once or by keyboard alone, and audit a page with axe."""
import json

import pytest

from tests.browser import lms
from tests.browser.keys import focus, press_and_wait
from tests.browser.chromium import ARTIFACTS


GROUPS = ("team", "departments", "leadership", "customers", "suppliers", "organisations")
AUDIENCES = ("colleague", "other_org", "customer")
BLOCKING = {"serious", "critical"}
MAX_TABS = 60


@pytest.fixture(scope="module")
def tables(stack):
    """The reflection tables (the migration for them comes with the lead; create_all adds only missing tables)."""
    from lti_tool.extensions import db

    with stack.tool_app.app_context():
        db.create_all()


def add_reflection(page, lms_url, title, min_group_size=None):
    """As the facilitator: Add an activity → hinders and drivers → settings → add. Returns the LMS link id."""
    def all_parts_on(frame):
        assert frame.locator("#parts input[type=checkbox]:checked").count() == 5

    fields = {"min_group_size": min_group_size} if min_group_size is not None else {}
    return lms.add_activity(page, lms_url, "reflection", title, fields, configure=all_parts_on)


def open_reflection(page, lms_url, link_id, user):
    """Open the activity in the LMS as `user` and wait for the tool's page in the iframe."""
    lms.switch_user(page, lms_url, user)
    page.goto(f"{lms_url}/course/activity/{link_id}")
    return lms.wait_for_tool(page, "body.reflection")


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


def press(page, key, until=lambda state: True, timeout=3.0):
    """Press a key and wait until the frame's focus changed as `until` expects (tests/browser/keys.py)."""
    return press_and_wait(page, key, focus, until, timeout)


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
