"""Settings that would re-map or hide votes already given ask the facilitator first."""
import html

from activities.voting.content import DEFAULT_STATEMENTS
from activities.voting.models import Vote
from tests.activities.voting.conftest import KEYS, answers

EN = [s["texts"]["en"] for s in DEFAULT_STATEMENTS]


def _edit(room, confirm=False, **fields):
    data = dict(title="Stellingen", statements="\n".join(EN), scale="agree_disagree", reason="required",
                results_mode="after_vote", min_group_size="5")
    data.update(fields)
    if confirm:
        data["confirm_changes"] = "1"
    return room.client.post(f"/setup/{room.instance.id}/voting", data=room.facilitator.form(**data))


def _settings(room, db):
    db.session.expire_all()
    return db.session.get(type(room.instance), room.instance.id).settings


def test_switching_scales_with_votes_asks_first_and_says_what_happens(make_room, db):
    room = make_room(scale="five_point", min_group_size=3)
    room.crowd(2, "strongly_agree", keys=KEYS[:1])
    room.crowd(1, "neutral", keys=KEYS[:1])
    response = _edit(room, scale="agree_disagree")
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 409
    assert "These changes affect answers already given" in page
    assert "2 “Strongly” votes will count as a plain “Agree” or “Disagree”." in page
    assert "1 “Neutral” vote will no longer be shown or counted." in page
    assert "Step 2 of 2" not in page
    assert _settings(room, db)["scale"] == "five_point"  # nothing changed yet
    assert _edit(room, confirm=True, scale="agree_disagree").status_code == 303
    assert _settings(room, db)["scale"] == "agree_disagree"
    assert db.session.query(Vote).count() == 3  # nothing deleted


def test_removing_a_statement_with_votes_asks_first(room, db):
    room.crowd(1, "agree")
    response = _edit(room, statements="\n".join(EN[1:]))
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 409 and f"“{EN[0]}” is removed or reworded: its 1 vote is no longer shown." in page


def test_changes_that_touch_no_vote_save_at_once(room, db):
    assert _edit(room, scale="five_point").status_code == 303  # nobody voted yet
    room.crowd(1, "agree")
    assert _edit(room, scale="five_point", results_mode="after_reveal").status_code == 303
