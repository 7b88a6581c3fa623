"""The watchdog turns a browser call that would wait for good into a failure that names its line, and the
tests after it get a browser again."""
import pytest

from tests.browser import chromium, watchdog


def test_a_stuck_call_fails_naming_its_line_and_the_next_test_gets_a_browser(browser, request, monkeypatch,
                                                                            tmp_path):
    monkeypatch.setattr(watchdog, "STUCK_AFTER_S", 1)
    monkeypatch.setattr(chromium, "ARTIFACTS", tmp_path)
    context = chromium.new_context(browser)
    page = context.new_page()
    phase = watchdog.watched(request.node, "call")
    next(phase)
    with pytest.raises(Exception) as stuck:
        page.evaluate("new Promise(() => {})")  # never settles, and evaluate has no timeout
    with pytest.raises(watchdog.BrowserStuck, match=r"call waited 1 s at tests/browser/test_watchdog\.py:\d+ "
                                                     r"\(page\.evaluate\("):
        phase.throw(stuck.value)
    assert not browser._current.is_connected()
    kept = next(tmp_path.glob("*test_watchdog*/stuck-call.txt")).read_text()
    assert kept.startswith("The test (its greenlet):") and 'page.evaluate("new Promise(() => {})")' in kept

    fresh = chromium.new_context(browser)  # launched again on first use
    try:
        assert fresh.new_page().evaluate("1 + 1") == 2
    finally:
        fresh.close()


def test_a_phase_that_ends_in_time_is_left_alone(browser, request):
    phase = watchdog.watched(request.node, "call")
    next(phase)
    with pytest.raises(StopIteration) as done:
        phase.send("the phase's result")
    assert done.value.value == "the phase's result"
    assert browser.is_connected()
