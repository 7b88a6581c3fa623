"""The tiny fifth activity, registered with one line, gets the whole spine from the core.

Run in its own process by tests/activities/test_fifth_activity.py: the extra table must not reach the
main suite's metadata (its migration check compares the models with the migrations).
"""
import csv
import io
import json

import pytest
from flask.cli import ScriptInfo
from sqlalchemy import delete, select

import activities
from lti_tool.cli import main
from lti_tool.models import LaunchSession, ScoreOutbox
from tests.activities.tiny import Mark, TinyActivity

activities.ACTIVITY_CLASSES = (*activities.ACTIVITY_CLASSES, TinyActivity)  # the one registry line


@pytest.fixture
def tiny(launches):
    """A tiny placement, its facilitator and two learners (one done, one who only opened it)."""
    instance = launches.instance("tiny", title="Klaar?")
    done = launches.launch(instance, user=launches.user(sub="done-1", name="Dora Klaar"))
    opened = launches.launch(instance, user=launches.user(sub="open-2", name="Otto Open"))
    return instance, launches.instructor(instance, locale="en"), done, opened


def _url(instance, path=""):
    return f"/tiny/{instance.id}{path}"


def test_the_registry_line_mounts_the_activity_and_the_core_routes(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert {"tiny.index", "tiny.done", "tiny.participants", "tiny.export_learner", "tiny.erase_learner"} <= endpoints


def test_a_learner_saves_and_the_core_queues_the_score(client, tiny, db):
    instance, _facilitator, done, _opened = tiny
    assert client.get(_url(instance), query_string=done.params()).status_code == 200
    assert client.post(_url(instance, "/done"), data=done.form()).status_code == 303
    assert "done" in client.get(_url(instance), query_string=done.params()).get_data(as_text=True)
    (score,) = db.session.execute(select(ScoreOutbox).filter_by(user_id=done.user.id)).scalars()
    assert score.score_given == 1.0 and score.activity_progress == "Completed"
    assert client.post(_url(instance, "/done"), data=done.form()).status_code == 303  # twice: still one mark
    assert len(db.session.execute(select(Mark)).all()) == 1


def test_roles_placements_and_csrf_are_the_cores(client, tiny, launches):
    instance, facilitator, done, _opened = tiny
    assert client.post(_url(instance, "/done"), data=facilitator.form()).status_code == 403
    assert client.get(_url(instance, "/participants"), query_string=done.params()).status_code == 403
    assert client.post(_url(instance, "/done"), data={"lt": done.token}).status_code == 400  # no CSRF token
    voting = launches.instance("voting")
    stranger = launches.launch(voting)
    assert client.get(_url(voting), query_string=stranger.params()).status_code == 404  # not a tiny placement


def test_participants_page_export_and_erase(client, tiny, db):
    instance, facilitator, done, opened = tiny
    client.post(_url(instance, "/done"), data=done.form())
    # Housekeeping deletes the learners' old launch sessions: whoever opened the activity stays expected.
    db.session.execute(delete(LaunchSession).where(LaunchSession.user_id.in_([done.user.id, opened.user.id])))
    db.session.commit()
    page = client.get(_url(instance, "/participants"), query_string=facilitator.params()).get_data(as_text=True)
    assert "Dora Klaar" in page and "Otto Open" in page  # learners who only opened it are expected too
    dora = page.split("Dora Klaar", 1)[1].split("</tr>", 1)[0]
    otto = page.split("Otto Open", 1)[1].split("</tr>", 1)[0]
    assert ">yes<" in dora and ">no<" in otto and "Erase data" in dora and "Erase data" not in otto
    export = client.get(_url(instance, f"/participants/{done.user.id}/export.csv"), query_string=facilitator.params())
    (row,) = csv.DictReader(io.StringIO(export.get_data(as_text=True).lstrip("\ufeff")))
    assert row["participant"] == "Dora Klaar" and row["marked_at"]
    confirm = client.get(_url(instance, f"/participants/{done.user.id}/erase"), query_string=facilitator.params())
    assert "Erase the data of Dora Klaar?" in confirm.get_data(as_text=True)
    erased = client.post(_url(instance, f"/participants/{done.user.id}/erase"), data=facilitator.form(confirm="yes"))
    assert erased.status_code == 303
    assert db.session.execute(select(Mark)).first() is None
    assert db.session.execute(select(ScoreOutbox).filter_by(user_id=done.user.id)).first() is None


def test_the_privacy_cli_covers_the_new_table(app, client, tiny, db):
    instance, _facilitator, done, _opened = tiny
    client.post(_url(instance, "/done"), data=done.form())
    run = app.test_cli_runner()
    info = ScriptInfo(create_app=lambda: app)
    exported = json.loads(run.invoke(main, ["privacy", "export", "--issuer", "https://lms.test", "--user", "done-1"],
                                     obj=info, catch_exceptions=False).output)
    assert {a["activity"] for a in exported["activities"]} == {"tiny"}
    assert run.invoke(main, ["privacy", "erase", "--issuer", "https://lms.test", "--user", "done-1", "--yes"],
                      obj=info, catch_exceptions=False).exit_code == 0
    db.session.expire_all()
    assert db.session.execute(select(Mark)).first() is None
