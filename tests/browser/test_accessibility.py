"""axe-core on the tool's pages as they run inside the LMS iframe: nothing serious or critical.

Every violation, whatever its impact, is printed and written to test-artifacts/axe/<page>.json.
"""
import json

from tests.browser import lms
from tests.browser.chromium import ARTIFACTS


BLOCKING = {"serious", "critical"}


def audit(page, name):
    """Run axe in the tool's frame; record all violations; return the blocking ones."""
    return audit_page(lms.tool_frame(page), name)


def audit_page(frame, name):
    """Run axe in a page or frame (the wall is a page of its own); record all violations; return the blocking ones."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(frame)
    violations = [{"id": v["id"], "impact": v["impact"], "help": v["help"],
                   "nodes": [" ".join(n["target"]) if isinstance(n["target"], list) else str(n["target"])
                             for n in v["nodes"]]}
                  for v in results.response["violations"]]
    folder = ARTIFACTS / "axe"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.json").write_text(json.dumps({"url": frame.url, "violations": violations}, indent=2))
    for v in violations:
        print(f"axe {name}: {v['id']} ({v['impact']}) {v['help']} — {', '.join(v['nodes'][:5])}")
    return [v for v in violations if v["impact"] in BLOCKING]


def test_learner_pages_before_and_after_voting(page, stack, voted_activity):
    lms.switch_user(page, stack.lms_url, "learner4")  # has not voted: the form, results withheld
    frame = lms.open_activity(page, stack.lms_url, voted_activity["link_id"])
    assert frame.locator("form.voting-form").count() == 1
    blocking = audit(page, "learner-before-voting")

    lms.switch_user(page, stack.lms_url, "learner1")  # voted, three votes: results with reasons
    frame = lms.open_activity(page, stack.lms_url, voted_activity["link_id"])
    frame.locator("#statement-1 .reasons summary").click()
    assert frame.locator("#statement-1 .reasons .reason").first.is_visible()
    blocking += audit(page, "learner-with-results")
    assert blocking == []


def test_learner_page_with_a_validation_error(page, stack, voted_activity):
    lms.switch_user(page, stack.lms_url, "learner4")
    frame = lms.open_activity(page, stack.lms_url, voted_activity["link_id"])
    frame.locator("#statement-1 label.pill--agree").click()  # a position without the required reason
    frame.locator("form.voting-form button[type=submit]").click()
    frame.locator("#error-summary").wait_for()
    assert audit(page, "learner-validation-error") == []


def test_facilitator_dashboard(page, stack, voted_activity):
    lms.switch_user(page, stack.lms_url, "facilitator")
    page.goto(f"{stack.lms_url}/course/activity/{voted_activity['link_id']}")
    frame = lms.wait_for_tool(page, "body.voting--facilitator")
    assert frame.locator(".dist").count() == lms.STATEMENTS
    assert audit(page, "facilitator-dashboard") == []


def test_deep_linking_picker_and_settings(page, stack):
    lms.switch_user(page, stack.lms_url, "facilitator")
    page.click("#add-activity")
    frame = lms.wait_for_tool(page, "h1#picker-title")
    blocking = audit(page, "deep-linking-picker")
    lms.open_settings(page, "voting")
    blocking += audit(page, "deep-linking-settings")
    frame.locator("#min_group_size").fill("1")  # below the floor: the page comes back with errors
    frame.locator("#statements").fill("")
    frame.locator("form button[type=submit]").click()
    frame.locator("#error-summary").wait_for()
    blocking += audit(page, "deep-linking-settings-errors")
    assert blocking == []
