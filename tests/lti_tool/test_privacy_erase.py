"""Erasing a learner from a placement leaves no row of that placement naming or derived from them."""
from sqlalchemy import select, text

from lti_tool.extensions import db
from lti_tool.models import LaunchSession, ScoreOutbox
from lti_tool.privacy import erase_learner
from tests.activities.reflection.conftest import Room, factors
from tests.support.html import forms_on

OWN_TAG = "Zwijgcultuur op de afdeling"


def _rows_naming(needles, instance_id, user_id):
    """(table, why) for rows of the placement that belong to the learner, and rows anywhere (but the
    LMS's own user record) whose text contains a needle."""
    found = []
    for table in db.metadata.sorted_tables:
        if table.name == "lti_user":  # the LMS's record of a course member, not the placement's data
            continue
        placement = "activity_instance_id" in table.columns
        for row in db.session.execute(select(table)).mappings():
            ours = placement and row["activity_instance_id"] == instance_id
            if ours and row.get("user_id") == user_id:
                found.append((table.name, "user_id"))
            blob = " ".join(str(value) for value in row.values()).casefold()
            found += [(table.name, needle) for needle in needles if needle.casefold() in blob]
    return found


def test_erase_removes_answers_scores_sessions_and_own_tag_themes(app, client, launches):
    room = Room(client, launches)
    keep = room.crowd(1)[0]
    gone = room.learner(user=launches.user(name="Wis Mij"))
    room.answer(gone, factors=factors(brake_own=OWN_TAG))
    own_key = db.session.execute(text("SELECT tag_key FROM reflection_factor_tag WHERE tag_key LIKE 'own:%'")).scalar()
    assert own_key is not None
    assert room.themes("rename", [own_key], label="Stilte").status_code == 303
    assert room.themes("merge", ["time", own_key], label="Tijd en stilte").status_code == 303
    assert _rows_naming([OWN_TAG.casefold()[:12]], room.instance.id, gone.user.id)  # the data is really there
    url = f"{room.url}/participants/{gone.user.id}/erase"
    ((action_url, hidden),) = forms_on(room.get(room.facilitator, f"/participants/{gone.user.id}/erase")
                                       .get_data(as_text=True))
    assert client.post(action_url, data=hidden).status_code == 303, url
    db.session.expire_all()
    assert _rows_naming(["Wis Mij", own_key, "zwijgcultuur"], room.instance.id, gone.user.id) == []
    assert db.session.execute(select(ScoreOutbox).filter_by(user_id=keep.user.id)).first() is not None
    assert db.session.execute(select(LaunchSession).filter_by(user_id=keep.user.id)).first() is not None


def test_core_erase_works_for_every_registered_activity(app, launches, db):
    from activities import all_activities

    for activity in all_activities():
        instance = launches.instance(activity.id)
        learner = launches.launch(instance)
        erase_learner(instance, learner.user)
        db.session.commit()
        assert _rows_naming([], instance.id, learner.user.id) == []
