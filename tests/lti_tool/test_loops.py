"""Background loops: one thread per app and loop, started again only when it died, stopped by its event."""

from lti_tool.loops import start_loop


def test_one_thread_per_app_and_loop_until_it_stops():
    app, seen = object(), []

    def loop(app, poll_seconds, stop_event):
        seen.append(poll_seconds)
        stop_event.wait(5)

    first = start_loop(app, "test-loop", loop, 0.25)
    assert start_loop(app, "test-loop", loop, 0.25) is first and first.daemon and first.name == "test-loop"
    first.stop_event.set()
    first.join(5)
    again = start_loop(app, "test-loop", loop, 0.25)  # it died: a new one
    assert again is not first and again.is_alive()
    again.stop_event.set()
    again.join(5)
    assert seen == [0.25, 0.25]
