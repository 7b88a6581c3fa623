"""A stuck browser test fails with its own traceback instead of ending the run.

Playwright's actions time out (chromium.ACTION_TIMEOUT_MS), but an `evaluate`, a `close` or a new page wait
on the browser for good. pytest-timeout can only end such a test by ending the worker process (its thread
method), and a crashed worker tells nothing of where it was. So each phase of a browser test (setup, call,
teardown) has a watchdog: past STUCK_AFTER_S it notes where the test's thread is, writes every thread's stack
to test-artifacts/, and kills this process's Chromium; the waiting call then raises, the phase fails as
`BrowserStuck` naming the line, and the next test gets a new browser (chromium.Relaunching).
"""
import faulthandler
import sys
import threading
import traceback

from tests.browser import chromium

try:
    from greenlet import getcurrent
except ImportError:  # Playwright (which brings greenlet) is missing, so no browser test runs
    getcurrent = None

# The longest phase of a healthy run: 46 s (a reflection flow, on a slow day of the VM); pytest-timeout (the
# whole test, pyproject.toml) stays above two phases of this, so the watchdog speaks first.
STUCK_AFTER_S = 110


class BrowserStuck(Exception):
    """A phase of a browser test waited on the browser longer than STUCK_AFTER_S."""


def _stack(test, thread_id):
    """The test's stack. Playwright's sync calls wait in another greenlet of the same thread (its event loop),
    so a waiting test is a suspended greenlet, whose frame the thread's own stack does not show."""
    frame = getattr(test, "gr_frame", None) or sys._current_frames().get(thread_id)
    return traceback.extract_stack(frame) if frame else []


def _where(stack):
    """The innermost line of the suite's own code in `stack`."""
    ours = [entry for entry in stack if "/tests/" in entry.filename]
    if not ours:
        return "an unknown line"
    entry = ours[-1]
    return f"{entry.filename.split('/tests/', 1)[1]}:{entry.lineno} ({entry.line})"


def watched(item, phase):
    """Run one phase of `item` under the watchdog (a hook wrapper delegates to this generator)."""
    seen, test, thread_id = [], getcurrent and getcurrent(), threading.get_ident()

    def bite():
        stack = _stack(test, thread_id)
        seen.append(_where(stack))
        with open(chromium.artifacts_folder(item.nodeid) / f"stuck-{phase}.txt", "w") as stacks:
            stacks.write("The test (its greenlet):\n" + "".join(traceback.format_list(stack)) + "\n")
            stacks.flush()
            faulthandler.dump_traceback(file=stacks, all_threads=True)
        chromium.end_browsers()

    timer = threading.Timer(STUCK_AFTER_S, bite)
    timer.daemon = True
    timer.start()
    try:
        return (yield)
    except Exception as exc:
        if seen:
            raise BrowserStuck(f"{phase} waited {STUCK_AFTER_S} s at tests/{seen[0]}; Chromium was ended to get "
                               "here (every thread's stack is in test-artifacts/)") from exc
        raise
    finally:
        timer.cancel()
