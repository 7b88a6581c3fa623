"""A learner never reaches another learner's answers, whatever placement, user or row ids they try."""
import pytest
from sqlalchemy import select

from activities.reflection.models import Action, Factor, SharingAnswer, Situation, TrustScore
from tests.activities.reflection.conftest import GROUP_KEYS, PARTS, action, factors, sharing, situations, trust

SECRET = "GEHEIM-van-anna"


def _secret_answers(room, handle):
    """Every part answered with private texts that carry SECRET (nothing shared)."""
    room.answer(handle, PARTS, situations=situations(what=SECRET + " s", hard_what=SECRET + " h"),
                factors=factors(brake_text=SECRET + " b", engine_text=SECRET + " e", brake_own="annatag"),
                trust=trust(why=SECRET + " t", given=1, received=10),
                sharing=sharing(would=SECRET + " w"), action=action(SECRET + " a"))


@pytest.fixture
def anna_and_ben(room, launches):
    anna = room.learner(user=launches.user(name="Anna Geheim"))
    _secret_answers(room, anna)
    room.crowd(4)
    room.control("reveal")
    return anna, room.learner(user=launches.user(name="Ben Nieuwsgierig"))


def _row_ids(db, user_id):
    ids = []
    for kind, model in (("situation", Situation), ("factor", Factor), ("trust", TrustScore),
                        ("sharing", SharingAnswer), ("action", Action)):
        ids += [(kind, r.id) for r in db.session.execute(select(model).filter_by(user_id=user_id)).scalars()]
    return ids


def test_no_learner_page_shows_another_learners_answers(room, anna_and_ben, db):
    anna, ben = anna_and_ben
    tries = [{}, {"uid": anna.user.id}, {"user_id": anna.user.id}, {"user": anna.user.sub}, {"id": 1},
             {"participant": anna.user.id}]
    for path in ["", "/board"] + [f"/parts/{p}" for p in PARTS]:
        for params in tries:
            response = room.get(ben, path, **params)
            assert response.status_code == 200, (path, params)
            text = response.get_data(as_text=True)
            assert SECRET not in text and "Anna" not in text and "annatag" not in text, (path, params)
            if path == "/parts/trust":  # Anna's 1 and 10 never fill Ben's form
                assert "checked" not in text


def test_row_ids_and_learner_ids_open_nothing(room, anna_and_ben, db):
    anna, ben = anna_and_ben
    for kind, row_id in _row_ids(db, anna.user.id):
        response = room.client.post(f"{room.url}/quotes", data=ben.form(kind=kind, id=str(row_id), action="show"))
        assert response.status_code == 403
        assert room.get(ben, f"/parts/{kind}", id=row_id).status_code in (200, 303, 404)
    for path in (f"/participants/{anna.user.id}/erase", "/export/aggregate.csv", "/export/personal-data.csv"):
        response = room.get(ben, path)
        assert response.status_code == 403 and SECRET not in response.get_data(as_text=True)
    assert room.client.post(f"{room.url}/participants/{anna.user.id}/erase",
                            data=ben.form(confirm="yes")).status_code == 403
    for action_name, fields in (("themes", {"action": "merge", "theme": ["time", "trust"]}),
                                ("control", {"action": "hide"})):
        assert room.client.post(f"{room.url}/{action_name}", data=ben.form(**fields)).status_code == 403
    assert len(_row_ids(db, anna.user.id)) == len(_row_ids(db, anna.user.id))  # nothing erased
    assert db.session.execute(select(Action).filter_by(user_id=anna.user.id)).scalar_one().text == SECRET + " a"


def test_posting_someone_elses_ids_only_ever_writes_ones_own_answers(room, anna_and_ben, db):
    anna, ben = anna_and_ben
    response = room.save(ben, "action", action_text="Mijn eigen actie", user_id=str(anna.user.id),
                         activity_instance_id="999", id="1")
    assert response.status_code == 303
    db.session.expire_all()
    assert db.session.execute(select(Action).filter_by(user_id=anna.user.id)).scalar_one().text == SECRET + " a"
    assert db.session.execute(select(Action).filter_by(user_id=ben.user.id)).scalar_one().text == "Mijn eigen actie"


def test_another_placement_or_course_cannot_be_reached(room, launches, anna_and_ben, db):
    anna, _ben = anna_and_ben
    other_course = launches.context(context_id="course-2", title="Andere cursus")
    stranger = launches.launch(launches.instance("reflection", context=other_course))
    neighbour = launches.launch(launches.instance("reflection"))
    stranger_facilitator = launches.instructor(launches.instance("reflection", context=other_course))
    for handle in (stranger, neighbour, stranger_facilitator):
        for path in ("", "/board", "/parts/action", "/export/personal-data.csv"):
            response = room.client.get(room.url + path, query_string=handle.params())
            assert response.status_code in (401, 403) and SECRET not in response.get_data(as_text=True)
        assert room.client.post(f"{room.url}/parts/action", data=handle.form(**action())).status_code in (401, 403)
    # A facilitator elsewhere cannot erase or hide this placement's rows through their own placement either.
    own_url = f"/reflection/{stranger_facilitator.instance.id}"
    assert room.client.get(f"{own_url}/participants/{anna.user.id}/erase",
                           query_string=stranger_facilitator.params()).status_code == 404
    for kind, row_id in _row_ids(db, anna.user.id):
        response = room.client.post(f"{own_url}/quotes", data=stranger_facilitator.form(kind=kind, id=str(row_id),
                                                                                       action="hide"))
        assert response.status_code == 404
    assert room.client.get(f"{own_url}/board", query_string=stranger_facilitator.params()).get_data(
        as_text=True).count(SECRET) == 0


def test_a_placement_of_another_type_is_not_found(launches, client, db):
    handle = launches.launch(launches.instance("voting"))
    assert client.get(f"/reflection/{handle.instance.id}", query_string=handle.params()).status_code == 404


def test_facilitator_board_shows_only_shared_texts(room, anna_and_ben):
    assert SECRET not in room.board(room.facilitator)


def test_trust_scores_of_others_never_reach_a_learner(make_room, launches):
    room = make_room(min_group_size=3)
    anna = room.learner()
    room.answer(anna, ["trust"], trust=trust(keys=GROUP_KEYS[:1], given=1, received=10))
    room.crowd(1, parts=["trust"], trust=trust(keys=GROUP_KEYS[:1], given=2, received=9))
    room.crowd(1, parts=["action"])
    room.control("reveal")
    page = room.board(room.learner())
    section = page.split('id="trust"', 1)[1].split("</section>", 1)[0]
    assert "Fewer than 3 people" in section
    assert "<td>1</td>" not in section and "median of" not in section
