"""One person across four activities and two courses: exported whole, erased everywhere, old placements purged."""
import json
from datetime import timedelta

import pytest
from flask.cli import ScriptInfo
from sqlalchemy import select

from lti_tool.cli import main
from lti_tool.extensions import db
from lti_tool.models import ActivityInstance, User
from lti_tool.models.base import utcnow
from tests.activities.expectations.conftest import Network as Board
from tests.activities.network.conftest import Course
from tests.activities.reflection.conftest import Room as Reflection
from tests.activities.voting.conftest import Room as Voting
from tests.activities.voting.conftest import answers

ISSUER = "https://lms.test"  # the factories' platform


@pytest.fixture
def run(app):
    runner = app.test_cli_runner()
    info = ScriptInfo(create_app=lambda: app)
    return lambda args: runner.invoke(main, args, obj=info, catch_exceptions=False)


@pytest.fixture
def world(client, launches):
    """Wis Mij takes part in all four activities (voting in a second course too); Blijf Ik does the same."""
    other_course = launches.context(context_id="course-2", title="Tweede cursus")
    places = {"voting": Voting(client, launches), "voting2": Voting(client, launches, context=other_course),
              "reflection": Reflection(client, launches), "expectations": Board(client, launches),
              "network": Course(client, launches)}
    people = {name: launches.user(sub=sub, name=name) for sub, name in (("wis-1", "Wis Mij"), ("blijf-2", "Blijf Ik"))}
    for name, user in people.items():
        for key in ("voting", "voting2"):
            places[key].vote(places[key].learner(user=user), **answers("agree", f"Reden van {name}"))
        places["reflection"].answer(places["reflection"].learner(user=user))
        places["expectations"].card(places["expectations"].learner(user=user), f"Kaartje van {name}")
        net = places["network"]
        me = net.learner(user=user)
        net.add(me, f"Collega van {name}")
        if name == "Blijf Ik":
            net.post(me, "/contacts/members", members=["wis-1"])  # Blijf Ik draws Wis Mij as a classmate
    return places, people


def _rows_of(user_id):
    return {t.name: n for t in db.metadata.sorted_tables if "user_id" in t.c
            for n in [len(db.session.execute(select(t).where(t.c.user_id == user_id)).all())] if n}


def test_export_holds_every_activity_of_the_person_and_nobody_else(run, world):
    result = run(["privacy", "export", "--issuer", ISSUER, "--user", "wis-1"])
    data = json.loads(result.output)
    assert [p["sub"] for p in data["person"]] == ["wis-1"]
    assert {a["activity"] for a in data["activities"]} == {"voting", "reflection", "expectations", "network"}
    assert sorted(a["course"] for a in data["activities"] if a["activity"] == "voting") == [
        "Lerend netwerk Zorg", "Tweede cursus"]
    text = result.output
    assert "Reden van Wis Mij" in text and "Kaartje van Wis Mij" in text and "Collega van Wis Mij" in text
    assert "Blijf Ik" not in text  # nothing of the classmate, not even that they drew this person


def test_erase_leaves_no_row_of_the_person_and_keeps_the_classmate(run, world, db):
    places, people = world
    wis, blijf = people["Wis Mij"].id, people["Blijf Ik"].id
    before = _rows_of(blijf)
    dry = run(["privacy", "erase", "--issuer", ISSUER, "--user", "wis-1", "--dry-run"])
    assert "would erase" in dry.output and "voting_vote" in dry.output and _rows_of(wis)
    refused = run(["privacy", "erase", "--issuer", ISSUER, "--user", "wis-1"])
    assert refused.exit_code != 0 and "--yes" in refused.output
    assert run(["privacy", "erase", "--issuer", ISSUER, "--user", "wis-1", "--yes"]).exit_code == 0
    db.session.expire_all()
    assert _rows_of(wis) == {} and db.session.get(User, wis) is None
    assert _rows_of(blijf) == before
    # The classmate's drawing keeps a person there, but no longer linked to or named as Wis Mij.
    contacts = [c for c in places["network"].drawing(places["network"].learner(user=db.session.get(User, blijf)))
                .contacts]
    assert all(c.member_sub != "wis-1" and "Wis" not in c.label for c in contacts) and len(contacts) == 2
    assert "nobody with sub" in run(["privacy", "export", "--issuer", ISSUER, "--user", "wis-1"]).output


def test_purge_erases_only_placements_idle_past_the_retention(run, world, app, db):
    places, _people = world
    old = places["voting2"].instance.id
    past = utcnow() - timedelta(days=400)
    for table in db.metadata.sorted_tables:
        if "activity_instance_id" in table.c:
            values = {name: past for name in ("created_at", "updated_at", "last_seen_at") if name in table.c}
            if values:
                db.session.execute(table.update().where(table.c.activity_instance_id == old).values(**values))
    db.session.execute(db.update(ActivityInstance).where(ActivityInstance.id == old).values(created_at=past))
    db.session.commit()
    assert "retention is off" in run(["privacy", "purge"]).output
    app.config["RETENTION_DAYS"] = 365
    assert f"would erase 1 placement(s) idle for more than 365 days: {old}" in run(
        ["privacy", "purge", "--dry-run"]).output
    run(["privacy", "purge", "--yes"])
    db.session.expire_all()
    remaining = set(db.session.execute(select(ActivityInstance.id)).scalars())
    assert old not in remaining and {p.instance.id for k, p in places.items() if k != "voting2"} <= remaining
