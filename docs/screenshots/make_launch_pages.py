"""Screenshots of the launch pages LMS administrators and learners may meet, in Dutch and English.

"Continue in a new window" (inside a Moodle-like demo LMS whose iframe keeps neither cookies nor
storage) and the launch address opened directly, at desktop and phone width:

    .venv/bin/python docs/screenshots/make_launch_pages.py      # writes docs/screenshots/launch-*.png
"""
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.browser import chromium, lms  # noqa: E402
from tests.browser.cookieless import CookieWall  # noqa: E402
from tests.browser.live import start_stack  # noqa: E402

OUT = Path(__file__).resolve().parent
SIZES = {"": ({"width": 1280, "height": 800}, 1), "-phone": ({"width": 375, "height": 740}, 2)}
LANGUAGES = {"nl": "nl-NL", "en": "en-GB"}


def shoot(browser, stack, link_id, lang, suffix):
    """Both pages in one language and size."""
    viewport, scale = SIZES[suffix]
    context = chromium.new_context(browser, viewport=viewport, device_scale_factor=scale, locale=LANGUAGES[lang])
    CookieWall(stack.tool_url, stack.lms_url, frame_only=True, block_frame_storage=True).install(context)
    page = context.new_page()
    lms.switch_user(page, stack.lms_url, "learner1")
    page.goto(f"{stack.lms_url}/course/activity/{link_id}")
    lms.tool(page).locator("#lti-new-window").wait_for()
    page.wait_for_timeout(300)
    top = max(0, page.locator(".tool-frame").bounding_box()["y"] - 12) if suffix else 0
    page.screenshot(path=str(OUT / f"launch-new-window-{lang}{suffix}.png"),
                    clip={"x": 0, "y": top, "width": viewport["width"], "height": viewport["height"]}, full_page=True)
    page.goto(f"{stack.tool_url}/lti/launch")
    page.screenshot(path=str(OUT / f"launch-address-{lang}{suffix}.png"))
    context.close()


def main():
    """Start the servers (the LMS as strict as Moodle), add an activity, take the pictures."""
    if chromium.missing_reason():
        sys.exit(chromium.missing_reason())
    from playwright.sync_api import sync_playwright

    stack = start_stack(tempfile.mkdtemp(prefix="leernetwerk-launch-screens-"))
    stack.lms_app.extensions["demo_lms"].like_moodle()
    stack.lms_app.extensions["demo_lms"].fit_frame = True
    try:
        with sync_playwright() as playwright:
            browser = chromium.launch(playwright)
            setup = chromium.new_context(browser)
            link_id = lms.add_voting_activity(setup.new_page(), stack.lms_url, "Stellingen: kennis delen")
            setup.close()
            for lang in LANGUAGES:
                for suffix in SIZES:
                    shoot(browser, stack, link_id, lang, suffix)
            browser.close()
    finally:
        stack.stop()


if __name__ == "__main__":
    main()
