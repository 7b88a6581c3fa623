"""The course network on the wall, in a real browser: the facilitator opens it before anyone drew; three
learners draw (classmates and someone outside the course); the wall draws the network by itself, without a
reload, with the counts it should say and no name; axe finds nothing serious."""
from playwright.sync_api import expect

from demo_lms.people import PEOPLE
from tests.browser import lms
from tests.browser.screens import keep_wall
from tests.browser.test_accessibility import audit_page
from tests.browser.network_steps import add_network_activity, open_network


def add_classmates(page, lms_url, link_id, user, names):
    """As `user`: pick classmates from the course list on the contacts page."""
    lms.switch_user(page, lms_url, user)
    frame = open_network(page, lms_url, link_id, "contacts")
    for name in names:
        frame.locator("label.choice", has_text=name).click()
    frame.locator("form[action*='/contacts/members'] button[type=submit]").click()
    frame.locator(".notice--success").wait_for()


def test_the_wall_draws_the_network_once_three_drew(page, stack, context, browser):
    link_id = add_network_activity(page, stack.lms_url, "Netwerk op het scherm", min_group_size=3)
    for user in ("learner2", "learner3"):  # classmates can be picked once they opened the course's activity
        lms.switch_user(page, stack.lms_url, user)
        open_network(page, stack.lms_url, link_id)

    # The dashboard follows the session, but a poll that brings nothing new leaves it alone: fresh launch
    # tokens in its links (after another parameter, as in the exports with names) are no change.
    lms.switch_user(page, stack.lms_url, "facilitator")
    with page.expect_response(lambda response: "/network/" in response.url and "/live?" in response.url):
        frame = open_network(page, stack.lms_url, link_id)
        lms.tool_frame(page).evaluate("""() => {
          window.__swapped = false;
          new MutationObserver(() => { window.__swapped = true; })
            .observe(document.querySelector('[data-region="moments"]'), {childList: true, subtree: true});
        }""")
    page.wait_for_timeout(300)  # the answer is applied right after it arrives
    assert lms.tool_frame(page).evaluate("window.__swapped") is False
    with context.expect_page() as opened:
        frame.locator("#present form[target=_blank] button").click()
    wall = lms.window_of(opened)
    wall.locator(".wall-status").wait_for()
    assert wall.locator(".wall-status__count strong").inner_text() == "0"
    expect(wall.locator(".wall-network")).to_have_count(0)
    wall.evaluate("window.__sameDocument = true")
    page.bring_to_front()  # one browser, one screen: the learners' tab in front, the wall behind until they drew

    add_classmates(page, stack.lms_url, link_id, "learner1", ["Wout Maes", "Fien Claes"])
    add_classmates(page, stack.lms_url, link_id, "learner3", ["Lotte Janssens"])
    lms.switch_user(page, stack.lms_url, "learner2")
    frame = open_network(page, stack.lms_url, link_id, "contacts")
    frame.locator("#label").fill("K.V.")
    frame.locator("#location").select_option("sector_network")
    frame.locator("#ring-0").check()
    frame.locator("form[action*='/contacts?'] button[type=submit]").click()
    frame.locator(".notice--success").wait_for()

    # The wall, never reloaded, draws the network: the three who drew, the two ties among them (1–2, and 1–3
    # named by both), one tie to a category outside the course (a square). Course members who opened the
    # activity without drawing (earlier tests' learners, when the whole suite runs) are pale circles alone.
    wall.bring_to_front()
    picture = wall.locator(".wall-network__svg")
    expect(picture).to_be_visible(timeout=6_000)
    assert wall.evaluate("window.__sameDocument === true")
    assert wall.locator(".wall-status__count strong").inner_text() == "3"
    drew, pale = picture.locator(".cnode--member:not(.nodrew) circle").count(), picture.locator(".nodrew").count()
    assert drew == 3 and picture.locator(".cnode rect").count() == 1
    figures = dict(zip(wall.locator(".wall-network__figures dt").all_inner_texts(),
                       (text.split()[0] for text in wall.locator(".wall-network__figures dd").all_inner_texts())))
    # The facilitator's LMS speaks Dutch, so does the wall.
    figures.pop("Groepen")  # one, plus one per learner alone when the whole suite runs
    assert figures == {"Mensen": str(drew + pale), "Banden onder ons": "2", "Banden buiten de cursus": "1",
                       "Mensen zonder banden in de cursus": str(pale)}, figures
    assert f"{drew + pale} mensen van de cursus en 2 banden onder hen" in picture.locator("desc").text_content()
    seen = wall.locator("body").inner_text() + picture.inner_html()
    assert not [p for p in PEOPLE if p.given_name in seen or p.family_name in seen] and "K.V." not in seen
    expect(wall.locator(".wall-network__legend")).to_contain_text("een zwakke band")
    assert audit_page(wall, "present-network-picture") == []
    keep_wall(wall, "network-picture")
    wall.close()
