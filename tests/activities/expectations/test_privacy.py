"""Isolation between placements and people, exports with pseudonyms, a participant's own data, erasure."""
import csv
import io

import pytest
from sqlalchemy import select

from activities.expectations import ExpectationsActivity
from activities.expectations.models import Ballot, Card, ClosingEvaluation, Dot, GoalProgress, MeetingEvaluation
from lti_tool.extensions import db


@pytest.fixture
def other(make_network, launches):
    """A second placement in another course, with a card, a theme, a goal and a meeting of its own."""
    network = make_network(context=launches.context(context_id="course-2", title="Ander netwerk"))
    card = network.card(network.learner(), "Elders geschreven")
    theme = network.theme_of([card], "Elders")
    goals = network.goals([theme])
    meeting = network.meeting(topic="Elders")
    return dict(network=network, card=card, theme=theme, goal=goals[0], meeting=meeting)


def _csv(response):
    assert response.status_code == 200 and response.mimetype == "text/csv"
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def test_a_launch_reaches_only_its_own_placement(network, other):
    learner = network.learner()
    foreign = other["network"].instance.id
    assert network.client.get(f"/expectations/{foreign}", query_string=learner.params()).status_code == 401
    assert network.client.post(f"/expectations/{foreign}/cards",
                               data=learner.form(column="learn", text="x")).status_code == 401


def test_foreign_ids_never_act_on_another_placement(network, other):
    facilitator, learner = network.facilitator, network.learner()
    card, theme, goal, meeting = other["card"], other["theme"], other["goal"], other["meeting"]
    assert network.post(learner, f"/cards/{card.id}/withdraw").status_code == 404
    assert network.post(facilitator, f"/cards/{card.id}/moderate", op="hide").status_code == 404
    assert network.cluster("hide", [card]).status_code == 409
    assert network.post(facilitator, f"/themes/{theme.id}", op="remove").status_code == 404
    assert network.post(facilitator, "/goals", op="remove", goal=str(goal.id)).status_code == 404
    assert network.post(facilitator, f"/meetings/{meeting.id}/edit", op="remove").status_code == 404
    assert network.get(learner, f"/meetings/{meeting.id}").status_code == 404
    assert network.evaluate(learner, meeting, [goal]).status_code == 404
    own = network.meeting()
    response = network.evaluate(learner, own, [goal])  # an answer about another placement's goal is ignored
    assert response.status_code == 303
    assert db.session.execute(select(GoalProgress)).first() is None
    db.session.expire_all()
    assert db.session.get(Card, card.id).hidden is False and db.session.get(Card, card.id) is not None


def test_a_participant_never_sees_another_participants_evaluation(network):
    meeting = network.meeting()
    writer, reader = network.learner(), network.learner()
    network.evaluate(writer, meeting, went_well="Alleen voor de begeleider")
    network.control("open_closing")
    network.close_evaluation(writer, suggestions="Mijn privé-suggestie")
    for path in ("", "/meetings", f"/meetings/{meeting.id}", "/closing", "/live"):
        text = network.get(reader, path).get_data(as_text=True)
        assert "Alleen voor de begeleider" not in text and "Mijn privé-suggestie" not in text
    assert network.get(reader, "/participants").status_code == 403
    assert network.get(reader, "/export.csv").status_code == 403
    assert network.get(reader, f"/participants/{writer.user.id}/export.csv").status_code == 403


def test_the_export_uses_pseudonymous_codes(network):
    learner = network.learner()
    network.card(learner, "=SUM(A1)")
    meeting = network.meeting()
    network.evaluate(learner, meeting, went_well="Fijn")
    rows = _csv(network.get(network.facilitator, "/export.csv"))
    assert {r["kind"] for r in rows} >= {"card", "meeting_usefulness", "meeting_went_well"}
    codes = {r["participant"] for r in rows}
    assert len(codes) == 1 and codes.pop().startswith("P-")
    assert learner.user.name not in network.get(network.facilitator, "/export.csv").get_data(as_text=True)
    assert any(r["text"] == "'=SUM(A1)" for r in rows)  # no formula runs in a spreadsheet


def test_full_anonymity_keeps_cards_apart_from_everyone(make_network):
    network = make_network(anonymity="full")
    learner = network.learner()
    network.card(learner, "Anoniem")
    network.evaluate(learner, network.meeting(), went_well="Fijn")
    rows = _csv(network.get(network.facilitator, "/export.csv"))
    assert [r["participant"] for r in rows if r["kind"] == "card"] == [""]
    person = _csv(network.get(network.facilitator, f"/participants/{learner.user.id}/export.csv"))
    assert person and all(r["kind"] != "card" for r in person)
    mine = _csv(network.get(learner, "/my-data.csv"))
    assert any(r["text"] == "Anoniem" for r in mine)  # the participant's own copy has everything


def test_a_participant_downloads_only_their_own_data(network):
    me, someone = network.learner(), network.learner()
    network.card(me, "Van mij")
    network.card(someone, "Van iemand anders")
    rows = _csv(network.get(me, "/my-data.csv"))
    assert [r["text"] for r in rows] == ["Van mij"]
    assert {r["participant"] for r in rows} == {me.user.name}


def test_per_person_export_for_the_facilitator_names_the_person(network):
    learner = network.learner()
    network.card(learner, "Mijn kaartje")
    rows = _csv(network.get(network.facilitator, f"/participants/{learner.user.id}/export.csv"))
    assert rows[0]["participant"] == learner.user.name and rows[0]["text"] == "Mijn kaartje"


def test_erase_after_a_confirm_step(network):
    learner, other_person = network.learner(), network.learner()
    mine = network.card(learner, "Weg ermee")
    kept = network.card(other_person, "Blijft")
    theme = network.theme_of([mine], "Thema")
    network.cluster("merge", [mine, kept])
    network.control("open_voting")
    network.vote(learner, {theme: 2})
    network.evaluate(learner, network.meeting())
    network.control("open_closing")
    network.close_evaluation(learner)
    confirm = network.page(network.facilitator, f"/participants/{learner.user.id}/erase")
    assert "1 card" in confirm and "2 dots" in confirm and "1 meeting evaluation" in confirm
    assert network.post(network.facilitator, f"/participants/{learner.user.id}/erase").status_code == 400
    response = network.post(network.facilitator, f"/participants/{learner.user.id}/erase", confirm="yes")
    assert response.status_code == 303 and "done=erased" in response.headers["Location"]
    db.session.expire_all()
    for model in (Card, Dot, Ballot, MeetingEvaluation, ClosingEvaluation):
        assert db.session.execute(select(model).filter_by(user_id=learner.user.id)).first() is None
    survivor = db.session.get(Card, kept.id)
    assert survivor.merged_into_id is None and survivor.theme_id == theme.id


def test_erase_refuses_people_of_other_platforms(network, launches):
    stranger = launches.user(launches.platform(issuer="https://other.test"))
    assert network.get(network.facilitator, f"/participants/{stranger.id}/erase").status_code == 404
    assert network.get(network.facilitator, "/participants/999999/export.csv").status_code == 404


def test_the_contract_export_and_erase(network, app):
    learner = network.learner()
    network.card(learner, "Via het contract")
    rows = ExpectationsActivity.export(network.instance, language="en")
    assert rows[0]["kind"] == "card" and rows[0]["item"] == "What I want to learn"
    assert ExpectationsActivity.erase(network.instance, learner.user) == 1
    db.session.commit()
    assert ExpectationsActivity.export(network.instance) == []


def test_participants_page_lists_progress_and_grade_status(network):
    learner = network.learner()
    network.card(learner, "Iets")
    page = network.page(network.facilitator, "/participants")
    assert learner.user.name in page and "25%" in page and "Export" in page and "Erase" in page
