"""Debian's Chromium through Playwright: whether it is there, how to start it, what to keep on failure."""
import json
import os
import re
import signal
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
REQUIRE_ENV = "LEERNETWERK_REQUIRE_BROWSER"
# --disable-site-isolation-trials: the tool's cross-site iframe runs in its LMS page's renderer, not in a
# process of its own. Under load, Playwright waited on Chromium for good while scrolling to a link in the
# out-of-process frame ("scrolling into view if needed" until the timeout, the link in view), and now and then
# lost the frame as it moved from the LMS to the tool (lms.wait_for_tool). What the flows test does not
# depend on it: the frame is as cross-site as before for cookies, storage and scripts (tests/browser/
# cookieless.py blocks the tool's cookies itself), and the pages are the same.
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", "--disable-site-isolation-trials"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# Generous for a 2-core machine, short enough that a broken flow fails in seconds, not minutes.
ACTION_TIMEOUT_MS = 10_000
NAVIGATION_TIMEOUT_MS = 15_000


def missing_reason():
    """Why browser tests cannot run here, or None when they can."""
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing (install Debian's chromium package)"
    try:
        import playwright.sync_api  # noqa: F401
        import axe_playwright_python  # noqa: F401
    except ImportError as exc:
        return f"Playwright or axe-playwright-python is not installed ({exc.name}); pip install -e '.[test]'"
    return None


def browser_required():
    """CI sets LEERNETWERK_REQUIRE_BROWSER=1: a missing browser fails instead of skipping."""
    return os.environ.get(REQUIRE_ENV, "").strip() not in ("", "0")


def launch(playwright):
    """A headless Chromium from Debian's package."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)


class Relaunching:
    """The session's Chromium, launched again when it is gone (a stuck test's watchdog ends it, see
    `end_browsers`): the tests after a stuck one still run and say what they say."""

    def __init__(self, playwright):
        self._playwright = playwright
        self._current = launch(playwright)

    def __getattr__(self, name):
        if not self._current.is_connected():
            self._current = launch(self._playwright)
        return getattr(self._current, name)


def end_browsers():
    """Kill every Chromium process this process started (through Playwright's driver); return how many.

    A Playwright call that waits on a stuck frame (an evaluate, a close) has no timeout of its own; once the
    browser is gone it raises, so the test fails with its own traceback instead of hanging the run."""
    children = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:  # the parent is the second field after the command name, which may hold spaces or ")"
                children.setdefault(int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]), []).append(
                    int(entry.name))
            except (OSError, IndexError, ValueError):
                continue  # gone meanwhile
    ended, todo = 0, list(children.get(os.getpid(), []))
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            if os.path.basename(os.readlink(f"/proc/{pid}/exe")) == "chromium":
                os.kill(pid, signal.SIGKILL)
                ended += 1
        except OSError:
            continue
    return ended


def new_context(browser, **options):
    """A fresh browser context (own cookies) with the suite's timeouts."""
    options.setdefault("viewport", {"width": 1280, "height": 900})
    context = browser.new_context(**options)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    context.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    return context


def third_party_storage_context(browser, user_data_dir):
    """A context whose profile allows third-party storage, like Safari's partitioned storage in an iframe.

    Playwright's contexts (and this Chromium's default profile) deny a cross-site frame its
    sessionStorage; a persistent profile with cookie controls off gives it back. Close it when done.
    """
    profile = Path(user_data_dir) / "Default"
    profile.mkdir(parents=True, exist_ok=True)
    # cookie_controls_mode 0: third-party cookies and storage allowed (1: blocked in incognito, 2: always).
    (profile / "Preferences").write_text(json.dumps({"profile": {"cookie_controls_mode": 0,
                                                                 "block_third_party_cookies": False}}))
    context = browser.browser_type.launch_persistent_context(
        str(user_data_dir), executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS,
        viewport={"width": 1280, "height": 900})
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    context.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    return context


def artifacts_folder(name):
    """test-artifacts/<name>/ (a test's node id made safe as a folder name), created."""
    folder = ARTIFACTS / re.sub(r"[^A-Za-z0-9_.-]+", "_", name)[:120]
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_artifacts(page, name):
    """A screenshot and the HTML of the page and each of its frames, under test-artifacts/<name>/."""
    folder = artifacts_folder(name)
    # Every call below has its own timeout: a page stuck mid-navigation must not hang the suite while we look
    # at it, and a test that keeps pictures along the way keeps its page's own timeouts.
    try:
        page.screenshot(path=str(folder / "page.png"), full_page=True, timeout=5_000)
    except Exception as exc:  # a crashed page still leaves its HTML and this note
        (folder / "screenshot-failed.txt").write_text(repr(exc))
    for number, frame in enumerate(page.frames):
        try:  # not frame.content(): it has no timeout, and a frame stuck between documents has none to give
            html = f"<html>{frame.locator('html').inner_html(timeout=5_000)}</html>"
        except Exception as exc:
            html = f"<!-- could not read {frame.url}: {exc!r} -->"
        (folder / f"frame-{number}.html").write_text(f"<!-- {frame.url} -->\n{html}")
    return folder


def keep_if_failed(request, page):
    """At a fixture's teardown: save the page's artifacts if the test failed (needs conftest's report hook)."""
    report = getattr(request.node, "report_call", None)
    if report is None or report.failed:
        save_artifacts(page, request.node.nodeid)
