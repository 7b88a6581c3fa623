"""Answering part by part: saved with the participation score in one commit, over several visits."""
from sqlalchemy import event, select

from activities.reflection.models import Action, Factor, FactorTag, SharingAnswer, Situation
from lti_tool.models import ScoreOutbox
from tests.activities.reflection.conftest import (
    GROUP_KEYS, PARTS, action, factors, sharing, situations, trust)
from tests.support.html import forms_on


def _score(db, user_id):
    return db.session.execute(select(ScoreOutbox).filter_by(user_id=user_id)
                              .order_by(ScoreOutbox.id.desc())).scalars().first()


def test_each_part_saves_on_its_own_with_its_participation_score(room, db):
    learner = room.learner()
    response = room.save(learner, "situations", **situations(), then="next")
    assert response.status_code == 303
    location = response.headers["Location"]
    assert f"/reflection/{room.instance.id}/parts/factors?" in location and "lt=" in location and "done=saved" in location
    db.session.rollback()  # what we read now was committed
    rows = db.session.execute(select(Situation).filter_by(user_id=learner.user.id)).scalars().all()
    assert {(r.kind, r.with_whom, r.shared) for r in rows} == {("easy", "team", False), ("hard", "departments", False)}
    score = _score(db, learner.user.id)
    assert score.score_given == 0.2 and score.activity_progress == "InProgress"
    assert score.comment == "1 of 5 parts answered" and "werkwijze" not in score.comment


def test_every_part_answered_is_completed_over_several_visits(room, db):
    learner = room.learner()
    room.answer(learner, PARTS[:2])
    assert _score(db, learner.user.id).score_given == 0.4
    page = room.page(learner)  # a later visit: the overview says where they are
    assert "2 of 5 parts answered" in page and "Continue with part 3: Trust" in page
    response = room.save(learner, "trust", **trust())
    assert "done=saved" in response.headers["Location"]
    room.answer(learner, PARTS[3:])
    score = _score(db, learner.user.id)
    assert score.score_given == 1.0 and score.activity_progress == "Completed"
    assert score.comment == "5 of 5 parts answered"
    assert "You have answered every part" in room.page(learner)


def test_the_last_part_returns_to_the_overview(room):
    learner = room.learner()
    response = room.save(learner, "action", **action(), then="next")
    assert response.status_code == 303 and f"/reflection/{room.instance.id}?" in response.headers["Location"]


def test_participation_counts_only_the_parts_that_are_on(make_room, db):
    room = make_room(parts=["trust", "action"])
    learner = room.learner()
    room.answer(learner, ["action"])
    assert _score(db, learner.user.id).score_given == 0.5
    assert room.get(learner, "/parts/situations").status_code == 303  # switched off: back to the overview
    response = room.save(learner, "situations", **situations())
    assert response.status_code == 303 and "done=off" in response.headers["Location"]
    assert db.session.execute(select(Situation)).first() is None
    room.answer(learner, ["trust"])
    assert _score(db, learner.user.id).activity_progress == "Completed"


def test_answers_and_score_roll_back_together(room, db, monkeypatch):
    def broken(instance, user_id, participation):
        raise RuntimeError("outbox down")

    monkeypatch.setattr("lti_tool.saving.queue_score", broken)
    learner = room.learner()
    response = room.save(learner, "action", **action())
    assert response.status_code == 500
    assert db.session.execute(select(Action)).first() is None
    assert db.session.execute(select(ScoreOutbox)).first() is None


def test_a_part_is_answered_only_when_complete(room, db):
    learner = room.learner()
    room.save(learner, "situations", easy_what="Het liep vlot.", easy_with="team")
    room.save(learner, "factors", brake_text="Tijd", engine_text="")
    room.save(learner, "trust", **trust(keys=GROUP_KEYS[:3]))
    partial_sharing = {"would_colleague": "Alles"}
    room.save(learner, "sharing", **partial_sharing)
    assert _score(db, learner.user.id).score_given == 0.0
    page = room.page(learner)
    assert page.count("badge--pending") == 4  # four parts started, none answered
    na = {f"na_{key}": "y" for key in GROUP_KEYS[3:]}
    room.save(learner, "trust", **trust(keys=GROUP_KEYS[:3]), **na)  # the rest does not apply: answered
    assert _score(db, learner.user.id).score_given == 0.2


def test_saved_answers_fill_the_form_again(room):
    learner = room.learner()
    room.answer(learner, ["factors"], factors=factors(brake_tags=["time", "hierarchy"], brake_own="werkdruk, Koffie",
                                                     shared=True))
    page = room.page(learner, "/parts/factors")
    assert "Geen tijd.</textarea>" in page
    assert 'checked id="brake_tags-1" name="brake_tags" type="checkbox" value="time"' in page
    assert 'value="werkdruk, Koffie"' in page
    assert 'checked id="brake_shared"' in page
    room.answer(learner, ["trust"], trust=trust(given=9, received=2))
    page = room.page(learner, "/parts/trust")
    assert 'checked id="given_team-8" name="given_team" type="radio" value="9"' in page
    assert 'checked id="received_team-1" name="received_team" type="radio" value="2"' in page


def test_editing_replaces_tags_and_clearing_removes_the_answer(room, db):
    learner = room.learner()
    room.answer(learner, ["factors"], factors=factors(brake_tags=["time", "hierarchy"], brake_own="werkdruk"))
    room.answer(learner, ["factors"], factors=factors(brake_tags=["time", "culture"], brake_own=""))
    brake = db.session.execute(select(Factor).filter_by(user_id=learner.user.id, side="brake")).scalar_one()
    assert sorted(t.tag_key for t in brake.tags) == ["culture", "time"]
    room.answer(learner, ["factors"], factors=factors(brake_tags=[], brake_text="", engine_tags=[], engine_text=""))
    assert db.session.execute(select(Factor)).first() is None
    assert db.session.execute(select(FactorTag)).first() is None


def test_own_tags_named_like_a_tag_become_that_tag(room, db):
    learner = room.learner()
    room.answer(learner, ["factors"], factors=factors(brake_tags=[], brake_own="vertrouwen; Werk  druk;werk druk"))
    brake = db.session.execute(select(Factor).filter_by(side="brake")).scalar_one()
    assert [(t.tag_key, t.label) for t in brake.tags] == [("trust", ""), ("own:werk druk", "Werk druk")]


def test_sharing_and_action_are_saved_with_their_share_choice(room, db):
    learner = room.learner()
    room.answer(learner, ["sharing", "action"], sharing=sharing(shared=True), action=action(shared=False))
    rows = db.session.execute(select(SharingAnswer)).scalars().all()
    assert len(rows) == 3 and all(r.shared for r in rows)
    assert db.session.execute(select(Action)).scalar_one().shared is False


def test_the_part_form_posts_back_as_rendered(room, db):
    learner = room.learner()
    ((action_url, hidden),) = forms_on(room.page(learner, "/parts/action"))
    response = room.client.post(action_url, data=dict(hidden, action_text="Vaker vragen.", then="overview"))
    assert response.status_code == 303
    assert db.session.execute(select(Action)).scalar_one().text == "Vaker vragen."


def test_every_form_carries_the_launch_token_and_csrf_token(room):
    learner = room.learner()
    room.crowd(5)
    room.control("reveal")
    for handle, path in [(learner, "/parts/trust"), (room.facilitator, ""), (room.facilitator, "/board")]:
        forms = forms_on(room.page(handle, path))
        assert forms
        for _action, hidden in forms:
            assert hidden["csrf_token"] == handle.csrf and hidden["lt"]


def test_missing_or_forged_csrf_token_is_refused(room, db):
    fields = room.learner().form(**action())
    del fields["csrf_token"]
    assert room.client.post(f"{room.url}/parts/action", data=fields).status_code == 400
    fields["csrf_token"] = "forged"
    assert room.client.post(f"{room.url}/parts/action", data=fields).status_code == 400
    assert db.session.execute(select(Action)).first() is None


def test_facilitators_do_not_answer(room):
    assert room.save(room.facilitator, "action", **action()).status_code == 403


def test_unknown_part_is_not_found(room):
    learner = room.learner()
    assert room.get(learner, "/parts/gossip").status_code == 404
    assert room.save(learner, "gossip", text="x").status_code == 404


def test_without_a_launch_the_page_asks_to_relaunch(room):
    assert room.client.get(room.url).status_code == 401
    assert room.client.post(f"{room.url}/parts/action", data=action()).status_code == 401


def test_pages_carry_no_inline_script_or_style(room):
    import re

    learner = room.learner()
    room.crowd(5, shared=True)
    room.control("reveal")
    pages = [room.page(learner, path) for path in ("", "/board") + tuple(f"/parts/{p}" for p in PARTS)]
    pages += [room.page(room.facilitator), room.page(room.facilitator, "/board")]
    for page in pages:
        assert "style=" not in page
        assert re.search(r"<script(?![^>]*\bsrc=)", page) is None


def test_pages_follow_the_launch_language(room):
    dutch = room.page(room.learner(locale="nl"), "/parts/trust")
    english = room.page(room.learner(locale="en-GB"), "/parts/trust")
    assert "Geef een cijfer op 10. Waarom deze score?" in dutch and "Collega’s in mijn team" in dutch
    assert "Give a score out of 10. Why this score?" in english and "Colleagues in my team" in english
    assert '<html lang="nl">' in dutch and '<html lang="en">' in english


def test_a_saved_part_reads_the_learners_answers_twice_not_three_times(room, db):
    learner = room.learner()
    room.answer(learner, PARTS[:4])
    reads = []
    listen = lambda conn, cursor, statement, *args: reads.append(statement)  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listen)
    try:
        response = room.save(learner, "action", **action())
    finally:
        event.remove(db.engine, "before_cursor_execute", listen)
    # Once to update the rows, once for the participation score after the write; the page it sends the
    # learner to takes the verdict ("complete") from that score rather than reading the answers again.
    assert sum(1 for s in reads if s.lstrip().startswith("SELECT") and "FROM reflection_action" in s) == 2, reads
    assert "done=complete" in response.headers["Location"]
