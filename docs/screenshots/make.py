"""Make the screenshots in this folder: the tool inside the demo LMS, at desktop and phone width.

Starts the same live servers as the browser tests (tests/browser/live.py), plays a short session
(a facilitator adds statement voting, five learners vote with reasons) and photographs the pages.

    .venv/bin/python docs/screenshots/make.py            # writes docs/screenshots/*.png
"""
import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.browser import chromium, lms  # noqa: E402
from tests.browser.live import start_stack  # noqa: E402

TITLE = "Stellingen: kennis delen"
SIZES = {"": ({"width": 1280, "height": 900}, 1), "-phone": ({"width": 390, "height": 844}, 2)}
MAX_BYTES = 300 * 1024
TOO_BIG = []
# Five learners vote (four in Dutch, one in English), so results show; learner5 has not voted yet.
VOTES = {
    "learner1": (["agree", "disagree", "disagree", "disagree"], [
        "Zonder iemand die het netwerk trekt, valt het na twee bijeenkomsten stil.",
        "Net door vragen van anderen ontdek ik wat ik zelf nog niet wist.",
        "Iedereen die met mensen werkt heeft er iets aan, niet alleen opleiders.",
        "Wie deelt, krijgt meestal vanzelf iets terug."]),
    "learner2": (["agree", "agree", "disagree", "disagree"], [
        "De facilitator bewaakt het doel en zorgt dat iedereen aan bod komt.",
        "Met een concrete vraag haal je er veel meer uit.",
        "Ook als teamverantwoordelijke leer ik er veel.",
        "Vertrouwen groeit pas als je zelf de eerste stap zet."]),
    "learner4": (["disagree", "disagree", "disagree", "agree"], [
        "De deelnemers maken het netwerk, niet de organisator.",
        "De beste inzichten komen vaak uit onverwachte hoek.",
        "Het gaat om het onderwerp, niet om je functie.",
        "Eerst zien hoe de anderen zich engageren."]),
    "learner6": (["agree", "disagree", "agree", "disagree"], [
        "Een goede facilitator stelt de juiste vragen op het juiste moment.",
        "Ook zonder probleem leer je van andermans praktijk.",
        "Als trainer kan ik het geleerde meteen doorgeven.",
        "Kennis delen kost niets en levert veel op."]),
    "learner3": (["agree", "disagree", "disagree", "disagree"], [
        "Someone has to keep the network going between meetings.",
        "Curiosity is reason enough to join.",
        "Anyone whose work involves people benefits.",
        "Sharing first is how trust starts."]),
}


def learner_form(user, reason):
    """A learner's page with the first statement answered but not saved yet."""
    def prepare(page, stack, link_id):
        lms.switch_user(page, stack.lms_url, user)
        frame = lms.open_activity(page, stack.lms_url, link_id)
        lms.answer(frame, 1, "agree", reason)
        scroll_frame_to(page, "body")
    return prepare


def results(page, stack, link_id):
    """A learner after the discussion: their own position, the group's results and the reasons, opened."""
    lms.switch_user(page, stack.lms_url, "learner1")
    frame = lms.open_activity(page, stack.lms_url, link_id)
    frame.locator("#statement-1 .reasons summary").click()
    scroll_frame_to(page, "#statement-1")


def dashboard(page, stack, link_id):
    """The facilitator's dashboard (the facilitator's LMS language is Dutch)."""
    lms.switch_user(page, stack.lms_url, "facilitator")
    page.goto(f"{stack.lms_url}/course/activity/{link_id}")
    lms.tool(page).locator("body.voting--facilitator").wait_for()


def picker(page, stack, link_id):
    """'Add an activity': the deep-linking picker."""
    lms.switch_user(page, stack.lms_url, "facilitator")
    page.click("#add-activity")
    lms.tool(page).locator("h1#picker-title").wait_for()


def close_and_share(page, stack, link_id):
    """The facilitator closes voting and shares the results, as after a discussion."""
    dashboard(page, stack, link_id)
    for action in ("close", "reveal"):
        lms.tool(page).locator(f"button[name=action][value={action}]").click()
        lms.tool(page).locator(".notice").wait_for()


# Round 2 after the discussion: learner1 and learner4 change their minds on statement 1; learner5, who did not
# vote in round 1, votes now.
ROUND_TWO = {"learner1": ["disagree", "disagree", "disagree", "disagree"],
             "learner3": ["agree", "disagree", "disagree", "disagree"],
             "learner5": ["disagree", "agree", "disagree", "agree"],
             "learner2": ["agree", "agree", "disagree", "disagree"],
             "learner4": ["agree", "disagree", "disagree", "agree"],
             "learner6": ["agree", "disagree", "agree", "disagree"]}


def second_round(page, stack, link_id):
    """The facilitator starts round 2; everyone votes, two changed their minds, one votes for the first time."""
    dashboard(page, stack, link_id)
    lms.tool(page).locator("button[name=action][value=new_round]").click()
    lms.tool(page).locator(".notice").wait_for()
    for user, choices in ROUND_TWO.items():
        lms.switch_user(page, stack.lms_url, user)
        lms.vote(lms.open_activity(page, stack.lms_url, link_id), choices, reason="Na de discussie")


def new_round_form(page, stack, link_id):
    """The facilitator's 'new round' control: which statements to vote on again."""
    dashboard(page, stack, link_id)
    lms.tool(page).locator("#new-round summary").click()
    scroll_frame_to(page, "#new-round")


def third_round(page, stack, link_id):
    """The facilitator re-opens only the first statement for a third round."""
    dashboard(page, stack, link_id)
    tool = lms.tool(page)
    tool.locator("#new-round summary").click()
    for box in tool.locator("#new-round input[name=statement]").all()[1:]:
        box.uncheck()
    tool.locator("#new-round button[value=new_round]").click()
    tool.locator(".notice").wait_for()


def reopened(user):
    """A learner in a round that re-opened one statement: their reason from before is filled in."""
    def prepare(page, stack, link_id):
        lms.switch_user(page, stack.lms_url, user)
        lms.open_activity(page, stack.lms_url, link_id)
        scroll_frame_to(page, "body")
    return prepare


def shift(page, stack, link_id):
    """The facilitator's view of how opinions shifted on the first statement."""
    dashboard(page, stack, link_id)
    scroll_frame_to(page, "#f-results-1-shift")


def scroll_frame_to(page, selector):
    """Scroll the tool's own document so `selector` starts at the top of the iframe."""
    lms.tool_frame(page).evaluate(
        "selector => { const el = document.querySelector(selector); window.scrollTo(0, el.getBoundingClientRect().top"
        " + window.scrollY - (el === document.body ? 0 : 16)); }", selector)


def shoot(pages, stack, link_id, name, prepare, out, frame_on_top=False):
    """Prepare each size's page the same way and save `name[-phone].png`.

    On a phone, and where `frame_on_top`, the picture starts just above the tool's iframe rather
    than at the top of the LMS page (whose header would fill a phone's screen).
    """
    for suffix, page in pages.items():
        prepare(page, stack, link_id)
        # No pointer hover, focus ring or caret left over from preparing, and transitions settled.
        page.mouse.move(0, 0)
        for frame in page.frames:
            frame.evaluate("document.activeElement && document.activeElement.blur && document.activeElement.blur()")
        page.evaluate("window.scrollTo(0, 0)")
        page.wait_for_timeout(400)
        path, viewport = out / f"{name}{suffix}.png", page.viewport_size
        clip = None
        if frame_on_top or suffix == "-phone":
            top = max(0, page.locator(".tool-frame").bounding_box()["y"] - 12)
            height = min(viewport["height"], page.evaluate("document.documentElement.scrollHeight") - top)
            clip = {"x": 0, "y": top, "width": viewport["width"], "height": height}
        page.screenshot(path=str(path), animations="disabled", caret="hide", full_page=clip is not None, clip=clip)
        size = path.stat().st_size
        print(f"{path}  {size // 1024} KB" + ("  TOO BIG" if size > MAX_BYTES else ""))
        if size > MAX_BYTES:
            TOO_BIG.append(path.name)


def play(pages, stack, out):
    """The session, photographed along the way; `pages` has one page per size."""
    actor = pages[""]
    link_id = lms.add_voting_activity(actor, stack.lms_url, TITLE)
    shoot(pages, stack, link_id, "voting-learner-nl", learner_form(
        "learner1", "Zonder iemand die het netwerk trekt, valt het na twee bijeenkomsten stil."), out)
    for user, (choices, reasons) in VOTES.items():
        lms.switch_user(actor, stack.lms_url, user)
        lms.vote(lms.open_activity(actor, stack.lms_url, link_id), choices, reason=reasons)
    shoot(pages, stack, link_id, "voting-learner-en", learner_form(
        "learner5", "The facilitator keeps the group focused and makes sure everyone is heard."), out)
    shoot(pages, stack, link_id, "facilitator-dashboard", dashboard, out)
    shoot(pages, stack, link_id, "deep-linking-picker", picker, out)
    close_and_share(actor, stack, link_id)
    shoot(pages, stack, link_id, "voting-results", results, out, frame_on_top=True)
    shoot(pages, stack, link_id, "voting-new-round", new_round_form, out, frame_on_top=True)
    second_round(actor, stack, link_id)
    shoot(pages, stack, link_id, "voting-shift", shift, out, frame_on_top=True)
    third_round(actor, stack, link_id)
    shoot(pages, stack, link_id, "voting-reopened-nl", reopened("learner1"), out, frame_on_top=True)
    shoot(pages, stack, link_id, "voting-reopened-en", reopened("learner3"), out, frame_on_top=True)


def main(argv=None):
    """Start the servers, play the session, take the pictures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    out = parser.parse_args(argv).out
    if chromium.missing_reason():
        sys.exit(chromium.missing_reason())
    from playwright.sync_api import sync_playwright

    stack = start_stack(tempfile.mkdtemp(prefix="leernetwerk-screens-"))
    try:
        with sync_playwright() as playwright:
            browser = chromium.launch(playwright)
            pages = {suffix: chromium.new_context(browser, viewport=viewport, device_scale_factor=scale).new_page()
                     for suffix, (viewport, scale) in SIZES.items()}
            try:
                play(pages, stack, out)
            except BaseException:
                for suffix, page in pages.items():
                    print("kept:", chromium.save_artifacts(page, f"screenshots{suffix or '-desktop'}"))
                raise
            browser.close()
    finally:
        stack.stop()
    if TOO_BIG:
        sys.exit(f"Over {MAX_BYTES // 1024} KB: {', '.join(TOO_BIG)}")


if __name__ == "__main__":
    main()
