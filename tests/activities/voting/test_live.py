"""The voting pages follow the session: /live answers 304 while nothing a viewer sees has changed, and the
whole page (from which the script takes its regions) once it has, with the same privacy as the page."""
from sqlalchemy import event

from tests.activities.voting.conftest import KEYS
from tests.support.html import soup


def live(room, handle, etag=None):
    """GET /live as this launch, optionally with the ETag of its last answer."""
    headers = {"If-None-Match": etag} if etag else {}
    return room.client.get(f"{room.url}/live", query_string=handle.params(), headers=headers)


def test_a_waiting_learner_is_not_re_rendered_for_every_vote(make_room):
    room = make_room(results_mode="after_reveal", min_group_size=3)
    waiting = room.learner()
    first = live(room, waiting)
    assert first.status_code == 200 and first.headers["ETag"]
    room.crowd(3, "agree", "Geheime reden")
    assert live(room, waiting, first.headers["ETag"]).status_code == 304
    room.control("close")
    changed = live(room, waiting, first.headers["ETag"])
    assert changed.status_code == 200
    page = soup(changed.get_json()["html"])
    assert page.select_one('[data-region="status"]')["data-announce"] == "Round 1. Voting closed."
    assert "Geheime reden" not in changed.get_json()["html"]  # results stay hidden until shared
    assert changed.get_json()["live_url"].startswith(f"{room.url}/live?")


def test_a_learner_who_sees_results_follows_every_vote(make_room):
    room = make_room(min_group_size=3)
    voter = room.crowd(1, "agree")[0]
    tag = live(room, voter).headers["ETag"]
    room.crowd(2, "disagree", "Tweede reden")
    fresh = live(room, voter, tag)
    assert fresh.status_code == 200
    # Only others voted: the answer holds the results regions alone, never the form the learner may be typing in.
    answer = soup(fresh.get_json()["html"])
    assert [r["data-region"] for r in answer.select("[data-region]")] == [f"results-{n}" for n in range(1, 5)]
    assert not answer.select("form, textarea, input")
    rows = answer.select('[data-region="results-1"] .dist__row')
    assert [" ".join(r.get_text(" ").split()) for r in rows] == ["Agree 1 vote · 33%", "Disagree 2 votes · 67%"]
    # Their own vote or the facilitator's action changes more than counts: the whole page comes.
    room.control("close")
    whole = soup(live(room, voter, fresh.headers["ETag"]).get_json()["html"])
    assert [r["data-region"] for r in whole.select("[data-region]")][:2] == ["status", "statements"]


def test_a_loaded_page_starts_from_the_tag_of_what_it_shows(make_room):
    room = make_room(min_group_size=3)
    voter = room.crowd(1, "agree")[0]
    tag = soup(room.page(voter)).select_one("#live-note")["data-live-etag"]
    # The first poll after a page load is a 304, not the page it has just shown rendered again.
    assert tag and live(room, voter, tag).status_code == 304
    room.crowd(2, "disagree")
    fresh = live(room, voter, tag)
    assert fresh.status_code == 200
    regions = [r["data-region"] for r in soup(fresh.get_json()["html"]).select("[data-region]")]
    assert regions == [f"results-{n}" for n in range(1, 5)]  # others voted: counts alone
    tag = soup(room.page(room.facilitator)).select_one("#live-note")["data-live-etag"]
    assert live(room, room.facilitator, tag).status_code == 304
    room.crowd(1)
    assert live(room, room.facilitator, tag).status_code == 200


def test_the_facilitator_follows_every_vote_and_the_learners_cannot_read_their_page(room):
    tag = live(room, room.facilitator).headers["ETag"]
    assert live(room, room.facilitator, tag).status_code == 304
    room.crowd(1)
    fresh = live(room, room.facilitator, tag)
    assert fresh.status_code == 200
    regions = [r["data-region"] for r in soup(fresh.get_json()["html"]).select("[data-region]")]
    assert regions == ["status", "controls", "results", "learners"]
    learner_view = soup(live(room, room.learner()).get_json()["html"])
    assert not learner_view.select('[data-region="controls"]') and not learner_view.select(".participants")


def test_a_paced_session_moving_on_is_a_change_for_everyone(room):
    from tests.activities.voting.test_pacing import control

    control(room, "pace_one")
    handle = room.learner()
    tag = live(room, handle).headers["ETag"]
    control(room, "next", statement=KEYS[0])
    fresh = live(room, handle, tag)
    assert fresh.status_code == 200
    status = soup(fresh.get_json()["html"]).select_one('[data-region="status"]')
    assert status["data-announce"] == f"Round 1. Statement 2 of {len(KEYS)}. Voting open."


def test_live_answers_need_a_launch(room):
    assert room.client.get(f"{room.url}/live").status_code in (401, 403)


def test_results_shared_between_pages_keep_each_viewers_language(make_room):
    room = make_room(min_group_size=3)
    room.crowd(3, "agree")
    room.control("reveal")
    dutch, english = room.learner(locale="nl-BE"), room.learner(locale="en")
    # Same live version, so the same remembered tally and results part: the words must still be each one's own.
    first = soup(live(room, dutch).get_json()["html"]).select_one('[data-region="results-1"] .dist__label')
    second = soup(live(room, english).get_json()["html"]).select_one('[data-region="results-1"] .dist__label')
    assert (first.get_text(strip=True), second.get_text(strip=True)) == ("Eens", "Agree")


def test_without_script_the_page_says_to_reload_and_links_to_itself(room):
    page = soup(room.page(room.learner()))
    note = page.select_one("noscript")
    assert note is not None and "does not update by itself" in str(note)
    assert f"{room.url}?" in str(note)  # the page itself, with the launch token that keeps it working


def test_the_page_and_the_wall_ask_as_often_as_configured(room, app, monkeypatch):
    monkeypatch.setitem(app.config, "LIVE_POLL_SECONDS", 0.4)
    page = soup(room.page(room.learner()))
    assert page.select_one("#live-note")["data-poll-seconds"] == "0.4"
    opened = room.client.post(f"/present/open/{room.instance.id}", data=room.facilitator.form())
    wall = soup(room.client.get(opened.headers["Location"].partition("#")[0]).get_data(as_text=True))
    assert wall.select_one("#wall")["data-poll-seconds"] == "0.4"


def test_an_unchanged_poll_is_two_reads(room, db):
    learner = room.crowd(1)[0]
    tag = live(room, learner).headers["ETag"]
    url, params = f"{room.url}/live", learner.params()  # the test's own reads, before listening
    statements = []
    listen = lambda conn, cursor, statement, *args: statements.append(" ".join(statement.split()))  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listen)
    try:
        assert room.client.get(url, query_string=params, headers={"If-None-Match": tag}).status_code == 304
    finally:
        event.remove(db.engine, "before_cursor_execute", listen)
    # The session with its placement (and its version) in one read, then the state with the learner's votes.
    assert len(statements) == 2 and all(s.startswith("SELECT") for s in statements), statements
    assert "FROM launch_session LEFT OUTER JOIN activity_instance" in statements[0], statements
    assert "FROM voting_state" in statements[1] and "count(voting_vote.id)" in statements[1], statements
    room.crowd(1)  # and a change still shows: the next poll's tag is new
    assert live(room, learner, tag).status_code == 200
