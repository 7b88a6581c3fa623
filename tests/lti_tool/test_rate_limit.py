"""Saves per launch session are limited per minute, in the shared cache, with a friendly 429."""
from tests.activities.reflection.conftest import Room, trust


def test_a_flood_of_saves_gets_a_friendly_429_and_others_are_unaffected(app, client, launches, monkeypatch):
    monkeypatch.setitem(app.config, "WRITES_PER_MINUTE", 5)
    room = Room(client, launches)
    flooding, other = room.learner(locale="nl"), room.learner()
    statuses = [room.save(flooding, "trust", **trust(given=index % 10 + 1)).status_code for index in range(7)]
    assert statuses == [303] * 5 + [429] * 2
    refused = room.save(flooding, "trust", **trust())
    assert 1 <= int(refused.headers["Retry-After"]) <= 61
    assert "Te veel verzoeken" in refused.get_data(as_text=True) or "Too many" in refused.get_data(as_text=True)
    assert room.save(other, "trust", **trust()).status_code == 303  # per session, not per placement
    assert room.page(flooding)  # reading is never limited
