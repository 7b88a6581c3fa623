"""Browser tests: the tool and the demo LMS live in this process; Debian's Chromium drives them.

Chromium missing: the tests skip, or fail when LEERNETWERK_REQUIRE_BROWSER=1 (CI). A failed test
leaves a screenshot and the HTML of every frame in test-artifacts/.
"""
import pytest
from pytest_timeout import Settings

from tests.browser import chromium, lms
from tests.browser.live import start_stack
from tests.browser.watchdog import watched

_running = []  # the session's stack, once started
SHARED_TITLE = "Stellingen (gedeeld)"
SHARED_VOTES = {"learner1": ["agree", "disagree"], "learner2": ["disagree", "agree"], "learner3": ["agree"]}
TEARDOWN_AFTER_FAILURE_S = 120


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so fixtures can tell a failed test at teardown."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item):
    """Time a failed test's teardown too. pytest-timeout stops its timer at every failure, and saving the page
    or closing a context can wait on a stuck frame for good: past the deadline the run ends with every
    thread's stack, as a timed-out test does. The watchdog (tests/browser/watchdog.py) speaks first."""
    if any(getattr(getattr(item, f"report_{when}", None), "failed", False) for when in ("setup", "call")):
        # pytest-timeout's own teardown (after this) cancels this timer when all went well.
        item.config.pluginmanager.hook.pytest_timeout_set_timer(
            item=item, settings=Settings(TEARDOWN_AFTER_FAILURE_S, "thread", False, False))
    return (yield from watched(item, "teardown"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    """Setup under the watchdog (tests/browser/watchdog.py)."""
    return (yield from watched(item, "setup"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """The test under the watchdog."""
    return (yield from watched(item, "call"))


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium, one for the whole session."""
    reason = chromium.missing_reason()
    if reason:
        if chromium.browser_required():
            pytest.fail(f"{reason}, and {chromium.REQUIRE_ENV}=1 requires the browser tests to run.")
        pytest.skip(reason)
    from playwright.sync_api import expect, sync_playwright

    # As patient as the actions (chromium.ACTION_TIMEOUT_MS), not Playwright's 5 s: on a busy 2-core machine
    # a slow answer is not a failure.
    expect.set_options(timeout=chromium.ACTION_TIMEOUT_MS)
    with sync_playwright() as playwright:
        instance = chromium.Relaunching(playwright)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def stack(browser, tmp_path_factory):
    """The live tool (own database, migrated) and the demo LMS, registered with each other."""
    running = start_stack(tmp_path_factory.mktemp("browser-stack"))
    _running.append(running)
    yield running
    _running.remove(running)
    running.stop()


@pytest.fixture(scope="module", autouse=True)
def _leave_no_cache():
    """After each module: the live tool's Redis keys (tokens, platform origins) are named like those of
    the suite's other apps on the same Redis database; later tests must not find them."""
    yield
    for running in _running:
        running.forget_cache()


@pytest.fixture
def context(browser):
    """A fresh browser context: no cookies, 1280×900."""
    fresh = chromium.new_context(browser)
    yield fresh
    fresh.close()


@pytest.fixture
def page(context, request):
    """A page in the test's context, kept in test-artifacts/ if the test fails."""
    opened = context.new_page()
    yield opened
    chromium.keep_if_failed(request, opened)


@pytest.fixture(scope="session")
def voted_activity(browser, stack):
    """A voting activity (minimum group size 3) on which learners 1–3 voted: results are showing.

    Tests that need a learner who has not voted each use another one: learner4 (axe), learner5
    (small screens), learner6 (keyboard).
    """
    context = chromium.new_context(browser)
    page = context.new_page()
    try:
        link_id = lms.add_voting_activity(page, stack.lms_url, SHARED_TITLE, min_group_size=3)
        for user, choices in SHARED_VOTES.items():
            lms.switch_user(page, stack.lms_url, user)
            lms.vote(lms.open_activity(page, stack.lms_url, link_id), choices, reason=f"Reason of {user}")
    except BaseException:
        chromium.save_artifacts(page, "voted_activity-fixture")
        raise
    finally:
        context.close()
    return {"link_id": link_id, "title": SHARED_TITLE}
