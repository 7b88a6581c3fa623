"""Scores queued again: the facilitator's "send again", a settings change, `leernetwerk grades …`."""
import pytest
from flask.cli import ScriptInfo

from lti_tool.cli import main
from lti_tool.grades.worker import drain
from lti_tool.models import ScoreOutbox
from lti_tool.models.outbox import FAILED, PENDING, SENT
from tests.activities.reflection.conftest import Room
from tests.lti_tool.grades.conftest import row
from tests.support.html import soup


def _newest(db, instance_id, user_id):
    db.session.expire_all()
    return db.session.execute(db.select(ScoreOutbox).filter_by(activity_instance_id=instance_id, user_id=user_id)
                              .order_by(ScoreOutbox.id.desc())).scalars().first()


@pytest.fixture
def room(client, launches):
    return Room(client, launches)


def test_facilitator_sends_a_failed_score_again_from_the_table(app, db, client, services, room):
    learner = room.learner()
    room.answer(learner, parts=("situations", "trust"))
    services.script("score", 400, {"error": "Bad request"})
    assert drain()["failed"] == 1
    page = room.page(room.facilitator)
    assert "Not sent" in page and "Send again" in page
    response = client.post(f"/grades/{room.instance.id}/send-again/{learner.user.id}",
                           data=room.facilitator.form(back="reflection.index"))
    assert response.status_code == 303 and f"/reflection/{room.instance.id}" in response.headers["Location"]
    newest = _newest(db, room.instance.id, learner.user.id)
    assert newest.status == PENDING and newest.score_given == pytest.approx(0.4)
    assert drain()["sent"] == 1


def test_send_again_from_a_dashboard_that_updated_itself_returns_to_the_dashboard(app, db, client, services, room):
    learner = room.learner()
    room.answer(learner, parts=("situations",))
    services.script("score", 400, {"error": "Bad request"})
    assert drain()["failed"] == 1
    # The dashboard's script swapped in the learners' table from /live: its form must still lead back to the page.
    polled = client.get(f"{room.url}/live", query_string=room.facilitator.params()).get_json()["html"]
    form = soup(polled).select_one("form.grade-again")
    assert form.select_one('input[name="back"]')["value"] == "reflection.index"
    response = client.post(form["action"], data=room.facilitator.form(back="reflection.index"))
    assert response.status_code == 303
    assert response.headers["Location"].split("?")[0].endswith(f"/reflection/{room.instance.id}")


def test_send_again_is_for_facilitators_of_that_placement_only(app, db, client, launches, services, room):
    learner = room.learner()
    room.answer(learner, parts=("trust",))
    url = f"/grades/{room.instance.id}/send-again/{learner.user.id}"
    assert client.post(url, data=learner.form()).status_code == 403
    assert client.post(url, data=room.facilitator.params()).status_code == 400  # no CSRF token
    other = Room(client, launches)
    stranger = other.learner()
    assert client.post(f"/grades/{room.instance.id}/send-again/{stranger.user.id}",
                       data=room.facilitator.form()).status_code == 404
    assert client.post(f"/grades/{other.instance.id}/send-again/{learner.user.id}",
                       data=room.facilitator.form()).status_code in (401, 403)


def test_a_settings_change_that_changes_participation_queues_new_scores(app, db, client, services, room):
    everything, two_parts, nothing = room.learner(), room.learner(), room.learner()
    room.answer(everything)
    room.answer(two_parts, parts=("situations", "trust"))
    drain()
    assert _newest(db, room.instance.id, two_parts.user.id).score_given == pytest.approx(0.4)
    fields = room.facilitator.form(title="Remmers", parts=["situations", "trust"], stakeholder_groups="Klanten",
                                   tags="Tijd", min_group_size="5")
    # Parts with answers are switched off: the page asks first, so the facilitator confirms.
    assert client.post(f"/setup/{room.instance.id}/reflection", data=fields).status_code == 409
    fields["confirm_changes"] = "1"
    assert client.post(f"/setup/{room.instance.id}/reflection", data=fields).status_code == 303
    assert _newest(db, room.instance.id, two_parts.user.id).status == PENDING
    assert _newest(db, room.instance.id, two_parts.user.id).score_given == pytest.approx(1.0)
    assert _newest(db, room.instance.id, everything.user.id).status == SENT  # still 1.0: nothing to correct
    assert _newest(db, room.instance.id, nothing.user.id) is None
    assert drain()["sent"] == 1


@pytest.fixture
def run(app):
    runner = app.test_cli_runner()
    info = ScriptInfo(create_app=lambda: app)
    return lambda args: runner.invoke(main, args, obj=info, catch_exceptions=False)


def test_grades_status_and_retry(app, db, run, services, placement, scores, monkeypatch):
    monkeypatch.setitem(app.config, "GRADES_SEND_THREADS", 1)  # the scripted answers go in row order
    instance = placement()
    ok, bad = scores(instance, 2)
    services.script("score", 200)
    services.script("score", 422, {"error": "scoreGiven is out of range"})
    drain()
    assert (row(ok).status, row(bad).status) == (SENT, FAILED)
    status = run(["grades", "status"])
    assert status.exit_code == 0
    header, *lines = status.output.splitlines()
    assert header.split()[1:] == ["sent", "pending", "sending", "failed", "superseded"]
    assert lines[0].split()[-5:] == ["1", "0", "0", "1", "0"]
    assert "scoreGiven is out of range" in status.output and row(bad).user.sub in status.output
    retried = run(["grades", "retry", "--failed"])
    assert "Queued again: 1 failed score(s)." in retried.output
    assert drain()["sent"] == 1
    after = run(["grades", "status"]).output
    assert "Newest score failed" not in after
