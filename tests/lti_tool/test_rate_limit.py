"""Saves per launch session are limited per minute, in the shared cache, with a friendly 429."""
import time
from types import SimpleNamespace

from tests.activities.reflection.conftest import Room, trust

# 45.5 s into a minute: the window ends in 14.5 s, so a refusal asks to wait 15 s (rounded up).
FROZEN = (time.time() // 60) * 60 + 45.5


def test_a_flood_of_saves_gets_a_friendly_429_and_others_are_unaffected(app, client, launches, monkeypatch):
    monkeypatch.setitem(app.config, "WRITES_PER_MINUTE", 5)
    monkeypatch.setattr("lti_tool.rate_limit.time", SimpleNamespace(time=lambda: FROZEN))  # one window throughout
    room = Room(client, launches)
    flooding, other = room.learner(locale="nl"), room.learner()
    statuses = [room.save(flooding, "trust", **trust(given=index % 10 + 1)).status_code for index in range(7)]
    assert statuses == [303] * 5 + [429] * 2
    refused = room.save(flooding, "trust", **trust())
    assert refused.headers["Retry-After"] == "15"
    assert "Te veel verzoeken" in refused.get_data(as_text=True) or "Too many" in refused.get_data(as_text=True)
    assert room.save(other, "trust", **trust()).status_code == 303  # per session, not per placement
    assert room.page(flooding)  # reading is never limited
