"""The facilitator's dashboard: controls, results, who has not voted, grades, export and erasure."""
import csv
import io

import pytest
from sqlalchemy import select

from activities.voting import VotingActivity
from activities.voting.models import Vote
from lti_tool.extensions import db as db_ext
from lti_tool.keys import jwks
from lti_tool.models import ScoreOutbox
from lti_tool.models.outbox import FAILED, SENT
from tests.activities.voting.conftest import KEYS, answers
from tests.support.html import forms_on
from tests.support.platform_services import INSTRUCTOR_ROLE, PlatformServices, member, services_session

NRPS_URL = "https://lms.test/nrps/course-1/memberships"


def test_dashboard_shows_state_results_and_counts(room):
    room.crowd(2, "agree", "Samen leren werkt.")
    page = room.page(room.facilitator)
    assert "Statement voting · facilitator" in page
    assert "Voting open" in page and "Round 1" in page and "Results not shared" in page
    assert "Close voting" in page and "Share results" in page and "Start round 2" in page
    # Facilitators see results below the group size, with a note that learners do not yet.
    assert "Learners do not see this round yet: fewer than 5 votes." in page
    assert "2 votes · 100%" in page and "Samen leren werkt." in page


@pytest.mark.parametrize("action, check", [
    ("close", lambda s: not s.is_open), ("reveal", lambda s: s.revealed),
    ("new_round", lambda s: s.current_round == 2 and s.is_open and not s.revealed),
])
def test_controls_change_the_state(room, action, check):
    from activities.voting.service import state_for

    response = room.control(action)
    assert response.status_code == 303 and f"done={action}" in response.headers["Location"]
    db_ext.session.expire_all()
    assert check(state_for(room.instance))


def test_a_double_click_starts_only_one_new_round(room):
    from activities.voting.service import state_for

    room.control("new_round", round_number=1)
    response = room.control("new_round", round_number=1)
    assert "done=stale" in response.headers["Location"]
    db_ext.session.expire_all()
    assert state_for(room.instance).current_round == 2


def test_unknown_action_is_a_bad_request(room):
    response = room.client.post(f"{room.url}/control", data=room.facilitator.form(action="explode", round="1"))
    assert response.status_code == 400


def test_facilitator_actions_are_refused_to_learners(room):
    learner = room.learner()
    room.vote(learner, **answers())
    assert room.client.post(f"{room.url}/control", data=learner.form(action="close", round="1")).status_code == 403
    assert room.client.get(f"{room.url}/export.csv", query_string=learner.params()).status_code == 403
    erase_url = f"{room.url}/participants/{learner.user.id}/erase"
    assert room.client.get(erase_url, query_string=learner.params()).status_code == 403
    assert room.client.post(erase_url, data=learner.form(confirm="yes")).status_code == 403
    assert db_ext.session.execute(select(Vote)).first() is not None


def test_control_needs_the_csrf_token(room):
    fields = room.facilitator.form(action="close", round="1")
    del fields["csrf_token"]
    assert room.client.post(f"{room.url}/control", data=fields).status_code == 400


def test_not_voted_list_without_a_roster_uses_who_opened_the_activity(room, launches):
    voter = room.learner(user=launches.user(name="Ans Voter"))
    room.vote(voter, **answers())
    room.learner(user=launches.user(name="Bert Lezer"))  # opened, did not vote
    launches.user(name="Carla Elders")  # never opened it
    page = room.page(room.facilitator)
    assert "learners who opened this activity" in page
    not_voted = page.split("Not voted yet in round 1", 1)[1].split("</ul>", 1)[0]
    assert "Bert Lezer" in not_voted and "Ans Voter" not in not_voted
    assert "Carla Elders" not in page
    assert "4 of 4 statements" in page


@pytest.fixture
def nrps(app):
    platform = PlatformServices(jwks())
    app.config["LTI_REQUESTS_SESSION"] = services_session(platform)
    yield platform
    app.config["LTI_REQUESTS_SESSION"] = None


def test_not_voted_list_comes_from_the_roster(client, launches, nrps):
    from tests.activities.voting.conftest import Room

    room = Room(client, launches)
    room.facilitator = launches.instructor(room.instance, locale="en", nrps_url=NRPS_URL)
    voter = room.learner(user=launches.user(sub="sub-1", name="Anna de Vries"))
    room.vote(voter, **answers())
    nrps.members = [member("sub-1", "Anna de Vries"), member("sub-2", "Bram Docent", role=INSTRUCTOR_ROLE),
                    member("sub-3", "Cor Bakker"), member("sub-4", "Dewi Weg", status="Inactive")]
    page = room.page(room.facilitator)
    assert "participant list." in page and "opened this activity" not in page
    not_voted = page.split("Not voted yet in round 1", 1)[1].split("</ul>", 1)[0]
    assert "Cor Bakker" in not_voted  # never launched: still listed from the roster
    assert "Anna de Vries" not in not_voted and "Bram Docent" not in page and "Dewi Weg" not in page
    assert "<strong>1</strong> of 2 learners" in page


def test_grade_status_per_learner(room, db):
    ok, failing, waiting = room.crowd(3)
    rows = {r.user_id: r for r in db.session.execute(select(ScoreOutbox)).scalars()}
    rows[ok.user.id].status = SENT
    rows[failing.user.id].status = FAILED
    rows[failing.user.id].last_error = "403 from the platform: line item closed"
    db.session.commit()
    page = room.page(room.facilitator)
    assert page.count('badge badge--sent') == 1 and page.count('badge badge--failed') == 1
    assert page.count('badge badge--pending') == 1
    assert "403 from the platform: line item closed" in page


def test_export_is_a_pseudonymous_csv(room, launches):
    anna = room.learner(user=launches.user(name="Anna de Vries"))
    room.vote(anna, **answers("agree", "=HYPERLINK(\"x\")", keys=KEYS[:1]))
    room.vote(room.learner(), **answers("disagree", "Geen tijd.", keys=KEYS[:2]))
    response = room.client.get(f"{room.url}/export.csv", query_string=room.facilitator.params())
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    text = response.get_data(as_text=True)
    assert "Anna" not in text
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert list(rows[0]) == ["participant", "round", "statement_number", "statement", "choice", "reason"]
    assert len(rows) == 3
    assert {r["choice"] for r in rows} == {"Agree", "Disagree"}
    assert {r["round"] for r in rows} == {"1"}
    assert rows[0]["statement"].startswith("The role of the facilitator")
    assert "'=HYPERLINK(\"x\")" in {r["reason"] for r in rows}  # no formula runs in a spreadsheet
    codes = {r["participant"] for r in rows}
    assert len(codes) == 2 and all(c.startswith("P-") for c in codes)


def test_export_rows_through_the_contract(room):
    learner = room.learner()
    room.vote(learner, **answers())
    rows = VotingActivity.export(room.instance)
    assert len(rows) == 4 and rows[0]["statement"].startswith("De rol van de facilitator")


def test_erase_asks_first_then_removes_the_learners_votes(room, db, launches):
    keep = room.crowd(1)[0]
    gone = room.learner(user=launches.user(name="Wis Mij"))
    room.vote(gone, **answers())
    url = f"{room.url}/participants/{gone.user.id}/erase"
    confirm = room.client.get(url, query_string=room.facilitator.params())
    assert confirm.status_code == 200
    html = confirm.get_data(as_text=True)
    assert "Erase the data of Wis Mij?" in html and "all 4 votes" in html
    assert db.session.execute(select(Vote).filter_by(user_id=gone.user.id)).first() is not None
    assert room.client.post(url, data=room.facilitator.form()).status_code == 400  # no confirmation
    ((action, hidden),) = forms_on(html)
    assert hidden == {"lt": hidden["lt"], "csrf_token": room.facilitator.csrf, "confirm": "yes"}
    response = room.client.post(action, data=hidden)  # the confirmation form as rendered
    assert response.status_code == 303 and "done=erased" in response.headers["Location"]
    assert db.session.execute(select(Vote).filter_by(user_id=gone.user.id)).first() is None
    assert db.session.execute(select(Vote).filter_by(user_id=keep.user.id)).first() is not None


def test_erase_is_limited_to_the_facilitators_own_course(room, launches):
    other_course = launches.context(context_id="course-2")
    outsider = launches.launch(launches.instance("voting", context=other_course))
    url = f"{room.url}/participants/{outsider.user.id}/erase"
    assert room.client.get(url, query_string=room.facilitator.params()).status_code == 404
    assert room.client.get(f"{room.url}/participants/999999/erase",
                           query_string=room.facilitator.params()).status_code == 404


def test_erase_through_the_contract(room, db):
    learner = room.learner()
    room.vote(learner, **answers())
    assert VotingActivity.erase(room.instance, learner.user) == 4
    db.session.commit()
    assert VotingActivity.participation(room.instance, learner.user).fraction == 0.0
