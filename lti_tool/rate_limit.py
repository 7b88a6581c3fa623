"""Per-session write limits: a runaway script or a stuck key cannot flood the database.

Counters live in the shared cache (Redis when configured, so every app process counts together),
one per launch session and minute.
"""
import time

from flask import current_app
from werkzeug.exceptions import TooManyRequests

from lti_tool.extensions import cache

WINDOW_SECONDS = 60


class WriteLimitReached(TooManyRequests):
    """Too many saves from one launch session within a minute."""

    def __init__(self, retry_after):
        super().__init__()
        self.retry_after = retry_after


def check_write_rate(launch):
    """Count one write for this launch session; raise WriteLimitReached past the configured limit."""
    limit = current_app.config.get("WRITES_PER_MINUTE")
    if not limit:
        return
    now = time.time()
    window = int(now // WINDOW_SECONDS)
    key = f"writes:{launch.session_id}:{window}"
    backend = cache.cache  # the cachelib backend: Redis increments atomically across processes
    backend.add(key, 0, timeout=WINDOW_SECONDS * 2)  # sets the expiry; a no-op while the window counts
    count = backend.inc(key) or 0
    if count > limit:
        raise WriteLimitReached(retry_after=int(WINDOW_SECONDS - now % WINDOW_SECONDS) + 1)
