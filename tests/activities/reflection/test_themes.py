"""Themes: the facilitator merges, renames and splits them, hides quotes; own tags stay unnamed until adopted."""
import pytest

from activities.reflection import board as boards
from activities.reflection.settings import load
from tests.activities.reflection.conftest import action, factors


def _themes(room, facilitator=True):
    board = boards.build(room.instance, load(room.instance.settings), "en", facilitator=facilitator)
    return {t.label: (t.brake_count, t.engine_count) for t in board.sections["factors"].items}


def _section(page, anchor):
    return page.split(f'id="{anchor}"', 1)[1].split("</section>", 1)[0]


def test_merge_rename_and_split_themes_and_the_board_follows(room):
    learners = room.crowd(3, factors=factors(brake_tags=["time"], brake_own="werkdruk"))
    room.crowd(2, factors=factors(brake_tags=["hierarchy"], brake_own="Werkdruk"))
    assert _themes(room)["werkdruk"] == (5, 0)  # the most common spelling wins
    response = room.themes("merge", ["time", "own:werkdruk"], label="Tijd en werkdruk")
    assert response.status_code == 303 and "done=merged" in response.headers["Location"]
    themes = _themes(room)
    assert themes["Tijd en werkdruk"] == (5, 0) and "Time" not in themes and "werkdruk" not in themes
    room.control("reveal")
    page = room.board(learners[0])
    assert "Tijd en werkdruk" in page and "includes werkdruk" in page
    room.themes("merge", ["hierarchy", "time"])  # merging into a merged theme keeps one level
    board = boards.build(room.instance, load(room.instance.settings), "en", facilitator=True)
    merged = next(t for t in board.sections["factors"].items if t.key == "hierarchy")
    assert merged.members == ["Time", "werkdruk"] and merged.brake_count == 5
    room.themes("rename", ["hierarchy"], label="Druk van bovenaf")
    assert "Druk van bovenaf" in _themes(room)
    room.themes("split", ["hierarchy"])
    themes = _themes(room)
    assert themes["Druk van bovenaf"] == (2, 0) and themes["Time"] == (3, 0) and themes["werkdruk"] == (5, 0)
    room.themes("rename", ["hierarchy"], label="")
    assert "Hierarchy" in _themes(room)


@pytest.mark.parametrize("fields, status", [
    ({"action": "merge", "theme": ["time"]}, 303),  # one theme: nothing to merge, told so
    ({"action": "rename", "theme": ["time", "trust"]}, 400),
    ({"action": "explode", "theme": ["time"]}, 400),
    ({"action": "rename", "theme": ["time"], "label": "x" * 81}, 400),
    ({"action": "rename", "theme": ["_untagged"], "label": "Rest"}, 400),
])
def test_theme_edits_refuse_what_makes_no_sense(room, fields, status):
    response = room.client.post(f"{room.url}/themes", data=room.facilitator.form(**fields))
    assert response.status_code == status
    if status == 303:
        assert "done=pick_two" in response.headers["Location"]


def test_facilitator_hides_a_quote_and_learners_no_longer_see_it(room, db):
    from activities.reflection.models import Action as ActionRow

    learners = room.crowd(5, action=action("Meer vragen stellen.", shared=True))
    room.control("reveal")
    row = db.session.query(ActionRow).filter_by(user_id=learners[0].user.id).one()
    fac_board = room.board(room.facilitator)
    assert f'id="quote-action-{row.id}"' in fac_board
    response = room.client.post(f"{room.url}/quotes", data=room.facilitator.form(kind="action", id=str(row.id),
                                                                                 action="hide"))
    assert response.status_code == 303 and "done=hidden" in response.headers["Location"]
    assert _section(room.board(learners[1]), "actions").count("Meer vragen stellen.") == 4
    assert "Hidden from learners" in room.board(room.facilitator)
    room.client.post(f"{room.url}/quotes", data=room.facilitator.form(kind="action", id=str(row.id), action="show"))
    assert _section(room.board(learners[1]), "actions").count("Meer vragen stellen.") == 5


@pytest.mark.parametrize("fields, status", [
    ({"kind": "vote", "id": "1", "action": "hide"}, 400),
    ({"kind": "action", "id": "x", "action": "hide"}, 400),
    ({"kind": "action", "id": "1", "action": "burn"}, 400),
    ({"kind": "action", "id": "999999", "action": "hide"}, 404),
])
def test_bad_quote_requests_are_refused(room, fields, status):
    assert room.client.post(f"{room.url}/quotes", data=room.facilitator.form(**fields)).status_code == status


def test_a_lonely_own_tag_reaches_learners_by_name_only_once_adopted(room):
    learners = room.crowd(1, factors=factors(brake_tags=[], brake_own="Chef Jan", shared=True))
    learners += room.crowd(4, factors=factors(brake_own="werkdruk"))
    room.control("reveal")
    assert "Chef Jan" in _themes(room)
    page = room.board(learners[1])
    assert "Chef Jan" not in page and "Other tags of your own" in page and "werkdruk" in page
    room.themes("rename", ["own:chef jan"], label="Leidinggevende")
    page = room.board(learners[1])
    assert "Leidinggevende" in page and "Chef Jan" not in page
    room.themes("rename", ["own:chef jan"], label="")
    room.themes("merge", ["hierarchy", "own:chef jan", "own:werkdruk"])
    page = room.board(learners[1])
    assert "includes werkdruk" in page and "Chef Jan" not in page  # a lonely tag stays unnamed when merged
    assert "Chef Jan" in room.board(room.facilitator)
