"""Background loops on daemon threads of this process (the grades drainer, the background jobs): one per app and
loop, started again if it died, stoppable through the thread's `stop_event`."""
import threading

_running = {}
_guard = threading.Lock()


def start_loop(app, name, loop, poll_seconds):
    """Run `loop(app, poll_seconds=…, stop_event=…)` on a daemon thread called `name`, unless it already runs."""
    with _guard:
        thread = _running.get((id(app), name))
        if thread is None or not thread.is_alive():
            stop = threading.Event()
            thread = threading.Thread(target=loop, args=(app,), name=name, daemon=True,
                                      kwargs={"poll_seconds": poll_seconds, "stop_event": stop})
            thread.stop_event = stop
            thread.start()
            _running[(id(app), name)] = thread
    return thread
