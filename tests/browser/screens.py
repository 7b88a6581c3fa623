"""Screenshots to look at (LEERNETWERK_SCREENSHOTS=folder): the tool in the demo LMS frame, and its page
alone at a laptop's and a phone's width, since the frame of a Moodle-like course scrolls inside itself."""
import os
from pathlib import Path

from tests.browser import lms

SHOTS = os.environ.get("LEERNETWERK_SCREENSHOTS")


def keep(page, name, posted=False):
    """Keep the tool as `page` (an LMS page) shows it, and its page alone at 1280 and 375 px. A page that
    answered a form (`posted`) cannot be fetched again: it is kept inside the LMS at both widths instead."""
    if not SHOTS:
        return
    folder = Path(SHOTS)
    folder.mkdir(parents=True, exist_ok=True)
    page.locator(lms.FRAME).screenshot(path=str(folder / f"{name}.png"))
    if posted:
        size = page.viewport_size
        for width in (1280, 375):
            page.set_viewport_size({"width": width, "height": 900})
            page.wait_for_timeout(300)  # the frame takes the tool's new height (lti.frameResize)
            page.screenshot(path=str(folder / f"{name}-{width}.png"), full_page=True)
        page.set_viewport_size(size)
        return
    url = lms.tool_frame(page).url
    for width in (1280, 375):
        # A context of its own: the tool's page alone, as wide as a laptop or a phone.
        alone = page.context.browser.new_context(viewport={"width": width, "height": 900})
        try:
            other = alone.new_page()
            other.goto(url)
            other.screenshot(path=str(folder / f"{name}-{width}.png"), full_page=True)
        finally:
            alone.close()


def keep_wall(wall, name):
    """Keep a present view (a window of its own) at a laptop's and a phone's width."""
    if not SHOTS:
        return
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    for width, height in ((1280, 800), (375, 760)):
        wall.set_viewport_size({"width": width, "height": height})
        wall.screenshot(path=str(Path(SHOTS) / f"present-{name}-{width}.png"), full_page=True)
    # The printed session report: print styles on an A4-wide page (210 mm at 96 dpi).
    wall.emulate_media(media="print")
    wall.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    wall.set_viewport_size({"width": 794, "height": 1123})
    wall.screenshot(path=str(Path(SHOTS) / f"present-{name}-print.png"), full_page=True)
    wall.evaluate("window.dispatchEvent(new Event('afterprint'))")
    wall.emulate_media(media="screen")
    wall.set_viewport_size({"width": 1280, "height": 800})
