"""Switching parts off or removing stakeholder groups with answers asks the facilitator first."""
import html

from activities.reflection import ReflectionActivity
from lti_tool.models import ScoreOutbox


def _edit(room, app, confirm=False, **fields):
    with app.test_request_context(headers={"Accept-Language": "en"}):
        data = dict(ReflectionActivity.form_data(room.instance.settings), title="Remmers en motoren")
    data.update(fields)
    if confirm:
        data["confirm_changes"] = "1"
    return room.client.post(f"/setup/{room.instance.id}/reflection", data=room.facilitator.form(**data))


def _page(response):
    return html.unescape(response.get_data(as_text=True))


def test_switching_off_an_answered_part_asks_and_then_rescores(room, app, db):
    room.crowd(2, parts=("situations", "trust"))
    parts = ["situations", "factors", "sharing", "action"]
    response = _edit(room, app, parts=parts)
    assert response.status_code == 409
    assert ("“Trust” is switched off: the answers of 2 participants are kept but no longer shown, and the "
            "gradebook is updated.") in _page(response)
    assert {r.score_given for r in db.session.query(ScoreOutbox)} == {0.4}  # 2 of 5 parts
    assert _edit(room, app, confirm=True, parts=parts).status_code == 303
    db.session.expire_all()
    assert db.session.get(type(room.instance), room.instance.id).settings["parts"] == parts
    # The gradebook follows the new count of parts: 1 of the 4 parts still on.
    assert {r.score_given for r in db.session.query(ScoreOutbox)} == {0.25}


def test_removing_a_group_with_trust_scores_asks_first(room, app):
    room.crowd(1, parts=("trust",))
    with app.test_request_context(headers={"Accept-Language": "en"}):
        groups = ReflectionActivity.form_data(room.instance.settings)["stakeholder_groups"].splitlines()
    response = _edit(room, app, stakeholder_groups="\n".join(groups[:-1]))
    assert response.status_code == 409
    assert "“Other organisations” is removed or renamed: its 1 trust score is no longer shown." in _page(response)


def test_switching_off_an_unanswered_part_saves_at_once(room, app):
    room.crowd(1, parts=("situations",))
    assert _edit(room, app, parts=["situations", "factors", "trust", "sharing"]).status_code == 303
