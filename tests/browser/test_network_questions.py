"""Everyone at once in a real browser: several people added, the three questions saved without a page load."""
from tests.browser import lms
from tests.browser.network_steps import add_network_activity, open_network


def test_add_several_and_answer_for_everyone_without_leaving_the_page(page, stack):
    link = add_network_activity(page, stack.lms_url, title="Iedereen tegelijk")
    lms.switch_user(page, stack.lms_url, "learner3")
    frame = open_network(page, stack.lms_url, link, "contacts")
    frame.locator("a[href*='/questions']").first.click()
    frame.locator("#names").fill("Sofie\nMohamed\nIlse")
    frame.locator("#place").select_option("my_team")
    frame.locator(".net-several button[type=submit]").click()
    rows = frame.locator(".net-grid__row")
    rows.nth(2).wait_for()
    # The name is the legend's own text, before its details (inner_text would depend on the styles' arrival).
    names = [rows.nth(i).locator("legend").evaluate("el => el.firstChild.textContent.trim()") for i in range(3)]
    assert names == ["Sofie", "Mohamed", "Ilse"]

    tool = lms.tool_frame(tool_page := page)
    tool.evaluate("() => { window.__samePage = true; }")
    first = rows.nth(0)
    first.locator("input[name$='-knows']").fill("wondzorg, dementie")
    first.locator("select[name$='-cost_effort']").select_option("2")
    rows.nth(2).locator("textarea[name$='-access']").fill("Via het teamoverleg")
    save = frame.locator("form[data-inplace] button[type=submit]")
    save.focus()
    tool_page.keyboard.press("Enter")
    frame.locator("[data-inplace-status]", has_text="Saved.").wait_for()
    assert tool.evaluate("() => window.__samePage === true")  # no page load
    assert tool.evaluate("() => document.activeElement.textContent.trim()") == "Save all answers"

    # A second save from the same page is not refused as stale: the page took the new version.
    rows.nth(1).locator("input[name$='-cost_note']").fill("Een koffie")
    save.click()
    frame.locator("[data-inplace-status]", has_text="Saved.").wait_for()
    frame = open_network(page, stack.lms_url, link, "contacts")
    frame.locator("a[href*='/questions']").first.click()
    rows = frame.locator(".net-grid__row")
    rows.nth(2).wait_for()
    assert rows.nth(0).locator("input[name$='-knows']").input_value() == "wondzorg, dementie"
    assert rows.nth(0).locator("select[name$='-cost_effort']").input_value() == "2"
    assert rows.nth(1).locator("input[name$='-cost_note']").input_value() == "Een koffie"
    assert rows.nth(2).locator("textarea[name$='-access']").input_value() == "Via het teamoverleg"
