"""Saving votes: one transaction with the score, reasons, changes until closed, rounds, refusals."""
import pytest
from sqlalchemy import select

from activities.voting.models import Vote
from lti_tool.models import ScoreOutbox
from tests.activities.voting.conftest import KEYS, answers
from tests.support.html import forms_on


def _votes(db, instance, user_id=None):
    query = select(Vote).filter_by(activity_instance_id=instance.id)
    if user_id is not None:
        query = query.filter_by(user_id=user_id)
    return db.session.execute(query).scalars().all()


def test_saving_votes_queues_the_participation_score_in_the_same_commit(room, db):
    learner = room.learner()
    fields = answers(keys=KEYS[:3])
    response = room.vote(learner, **fields)
    assert response.status_code == 303
    location = response.headers["Location"]
    assert location.startswith(f"/voting/{room.instance.id}?") and "lt=" in location and "done=saved" in location
    db.session.rollback()  # nothing uncommitted may linger: what we read now was committed
    votes = _votes(db, room.instance, learner.user.id)
    assert sorted(v.statement_key for v in votes) == sorted(KEYS[:3])
    assert {(v.choice, v.reason, v.round_number) for v in votes} == {("agree", "Omdat het zo is.", 1)}
    score = db.session.execute(select(ScoreOutbox).filter_by(user_id=learner.user.id)).scalar_one()
    assert score.score_given == 0.75 and score.activity_progress == "InProgress"
    assert score.comment == "3 of 4 statements answered"
    assert "Omdat" not in score.comment


def test_all_statements_answered_is_completed(room, db):
    learner = room.learner()
    room.vote(learner, **answers())
    score = db.session.execute(select(ScoreOutbox).filter_by(user_id=learner.user.id)).scalar_one()
    assert score.score_given == 1.0 and score.activity_progress == "Completed"


def test_votes_and_score_roll_back_together(room, db, monkeypatch):
    def broken(instance, user_id, participation):
        raise RuntimeError("outbox down")

    monkeypatch.setattr("lti_tool.saving.queue_score", broken)
    learner = room.learner()
    response = room.vote(learner, **answers())
    assert response.status_code == 500
    assert _votes(db, room.instance) == []
    assert db.session.execute(select(ScoreOutbox)).first() is None


def test_reason_is_required_by_default(room, db):
    learner = room.learner()
    response = room.vote(learner, **answers(reason="   ", keys=KEYS[:1]))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert 'id="error-summary"' in html
    assert f'href="#reason_{KEYS[0]}"' in html
    assert 'aria-invalid="true"' in html
    assert _votes(db, room.instance) == []


def test_optional_reason(make_room, db):
    room = make_room(reason_required=False)
    learner = room.learner()
    assert room.vote(learner, **answers(reason="", keys=KEYS[:2])).status_code == 303
    assert {v.reason for v in _votes(db, room.instance)} == {""}


@pytest.mark.parametrize("fields, anchor", [
    ({"round": "1"}, f"#choice_{KEYS[0]}-0"),  # nothing answered
    ({"round": "1", f"reason_{KEYS[1]}": "Een reden zonder keuze"}, f"#choice_{KEYS[1]}-0"),
    ({"round": "1", f"choice_{KEYS[0]}": "maybe", f"reason_{KEYS[0]}": "x"}, f"#choice_{KEYS[0]}-0"),
    ({"round": "1", f"choice_{KEYS[0]}": "agree", f"reason_{KEYS[0]}": "x" * 1001}, f"#reason_{KEYS[0]}"),
])
def test_bad_votes_are_shown_again_with_errors(room, db, fields, anchor):
    response = room.vote(room.learner(), **fields)
    assert response.status_code == 400
    assert f'href="{anchor}"' in response.get_data(as_text=True)
    assert _votes(db, room.instance) == []


def test_entered_values_survive_an_error(room):
    fields = answers(keys=KEYS[:1])
    fields[f"choice_{KEYS[1]}"] = "disagree"  # a choice without the required reason
    html = room.vote(room.learner(), **fields).get_data(as_text=True)
    assert f'<input checked id="choice_{KEYS[1]}-1" name="choice_{KEYS[1]}" type="radio" value="disagree">' in html
    assert "Omdat het zo is.</textarea>" in html


def test_change_vote_until_closed_then_refused(room, db):
    learner = room.learner()
    room.vote(learner, **answers("agree", keys=KEYS[:1]))
    assert room.vote(learner, **answers("disagree", "Toch niet.", keys=KEYS[:1])).status_code == 303
    db.session.expire_all()
    (vote,) = _votes(db, room.instance, learner.user.id)
    assert (vote.choice, vote.reason) == ("disagree", "Toch niet.")
    assert room.control("close").status_code == 303
    response = room.vote(learner, **answers("agree", keys=KEYS[:1]))
    assert response.status_code == 409
    assert "Voting is closed" in response.get_data(as_text=True)
    db.session.expire_all()
    assert _votes(db, room.instance, learner.user.id)[0].choice == "disagree"
    page = room.page(learner)
    assert "<form" not in page.split('<main', 1)[1]  # read-only once closed
    assert "Toch niet." in page
    room.control("open")
    assert room.vote(learner, **answers("agree", keys=KEYS[:1])).status_code == 303


def test_existing_votes_fill_the_form(room):
    learner = room.learner()
    room.vote(learner, **answers("disagree", "Mijn reden", keys=KEYS[:1]))
    page = room.page(learner)
    assert "Mijn reden</textarea>" in page
    assert "Update my votes" in page


def test_a_vote_for_a_past_round_is_refused(room, db):
    learner = room.learner()
    room.control("new_round")
    response = room.vote(learner, **answers(round_number=1))
    assert response.status_code == 409
    assert _votes(db, room.instance) == []


def test_revote_in_a_new_round_keeps_the_first(room, db):
    learner = room.learner()
    room.vote(learner, **answers("agree"))
    room.control("new_round")
    page = room.page(learner)
    assert "Earlier you chose: Agree." in page
    assert room.vote(learner, **answers("disagree", round_number=2)).status_code == 303
    votes = _votes(db, room.instance, learner.user.id)
    assert sorted((v.round_number, v.choice) for v in votes) == [(1, "agree")] * 4 + [(2, "disagree")] * 4
    score = db.session.execute(select(ScoreOutbox).filter_by(user_id=learner.user.id)
                               .order_by(ScoreOutbox.id.desc())).scalars().first()
    assert score.score_given == 1.0 and "2 rounds" in score.comment


def test_facilitators_do_not_vote(room):
    response = room.client.post(f"{room.url}/votes", data=room.facilitator.form(**answers()))
    assert response.status_code == 403


def test_missing_csrf_token_is_refused(room, db):
    learner = room.learner()
    fields = learner.form(**answers())
    del fields["csrf_token"]
    assert room.client.post(f"{room.url}/votes", data=fields).status_code == 400
    fields["csrf_token"] = "forged"
    assert room.client.post(f"{room.url}/votes", data=fields).status_code == 400
    assert _votes(db, room.instance) == []


def test_without_a_launch_the_page_asks_to_relaunch(room):
    assert room.client.get(room.url).status_code == 401
    assert room.client.post(f"{room.url}/votes", data=answers()).status_code == 401


def test_another_placement_or_course_cannot_be_reached(room, launches, db):
    other_course = launches.context(context_id="course-2", title="Andere cursus")
    stranger = launches.launch(launches.instance("voting", context=other_course))
    neighbour = launches.launch(launches.instance("voting"))
    for handle in (stranger, neighbour):
        assert room.client.get(room.url, query_string=handle.params()).status_code in (401, 403)
        assert room.client.post(f"{room.url}/votes", data=handle.form(**answers())).status_code in (401, 403)
    assert _votes(db, room.instance) == []


def test_unknown_placement_is_not_found(room):
    learner = room.learner()
    assert room.client.get("/voting/999999", query_string=learner.params()).status_code in (401, 404)


def test_a_placement_of_another_type_is_not_found(launches, client, db):
    handle = launches.launch(launches.instance("voting"))
    handle.instance.activity_type = "reflection"
    db.session.commit()
    assert client.get(f"/voting/{handle.instance.id}", query_string=handle.params()).status_code == 404


def test_broken_settings_fall_back_to_defaults(launches, client):
    instance = launches.instance("voting", settings={"statements": "nonsense", "scale": 7, "min_group_size": "x"})
    learner = launches.launch(instance, locale="nl")
    response = client.get(f"/voting/{instance.id}", query_string=learner.params())
    assert response.status_code == 200
    assert "De rol van de facilitator" in response.get_data(as_text=True)


def test_every_form_carries_the_launch_token_and_csrf_token(room):
    learner = room.learner()
    for handle in (learner, room.facilitator):
        forms = forms_on(room.page(handle))
        assert forms
        for _action, hidden in forms:
            assert hidden["csrf_token"] == handle.csrf and hidden["lt"]


def test_the_vote_form_posts_back_as_rendered(room, db):
    learner = room.learner()
    ((action, hidden),) = forms_on(room.page(learner))
    fields = dict(hidden, **{f"choice_{KEYS[0]}": "agree", f"reason_{KEYS[0]}": "Zo."})
    response = room.client.post(action, data=fields)
    assert response.status_code == 303
    assert len(_votes(db, room.instance, learner.user.id)) == 1


@pytest.mark.parametrize("round_value", [None, "", "twee", "-1"])
def test_a_missing_or_malformed_round_is_a_bad_request(room, round_value):
    fields = answers()
    if round_value is None:
        del fields["round"]
    else:
        fields["round"] = round_value
    assert room.vote(room.learner(), **fields).status_code == 400
