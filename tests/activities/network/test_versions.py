"""Two tabs on one drawing: a stale save is refused with a clear message and the current state."""
from tests.activities.network.conftest import text


def test_stale_form_is_a_conflict_and_keeps_the_current_state(course):
    me = course.learner()
    course.add(me, "First")
    stale = course.version(me)
    course.add(me, "From the other tab")
    response = course.add(me, "Third", version=stale)
    assert response.status_code == 409
    body = text(response)
    assert "changed in another tab or window" in body
    assert "From the other tab" in body  # the current state is shown
    assert 'value="Third"' in body  # and the learner's input is kept in the form
    assert [c.label for c in course.drawing(me).contacts] == ["First", "From the other tab"]


def test_missing_or_bad_version_is_a_conflict(course):
    me = course.learner()
    course.add(me, "First")
    assert course.add(me, "X", version="abc").status_code == 409
    assert course.add(me, "X", version="0").status_code == 409  # "no drawing yet", but there is one


def test_first_save_creates_version_one_and_each_save_bumps(course):
    me = course.learner()
    assert course.version(me) == "0"
    course.add(me, "A.")
    assert course.drawing(me).version == 1
    course.add(me, "B.")
    assert course.drawing(me).version == 2


def test_stale_reflection_keeps_the_text(course):
    me = course.learner()
    stale = course.version(me)
    course.add(me, "A.")
    response = course.post(me, "/reflection", version=stale, reflection_hard="Tijd", reflection_plan="Plannen")
    assert response.status_code == 409
    body = text(response)
    assert "changed in another tab or window" in body and "Tijd" in body
    again = course.post(me, "/reflection", reflection_hard="Tijd", reflection_plan="Plannen")
    assert again.status_code == 303
    assert course.drawing(me).reflection_hard == "Tijd"


def test_json_conflict_returns_409_with_the_current_drawing(course):
    me = course.learner()
    course.add(me, "A.")
    key = course.drawing(me).contacts[0].key
    response = course.json(me, "/drawing/positions", {"version": 99, "moves": [{"key": key, "ring": 2,
                                                                                 "angle": 45}]})
    assert response.status_code == 409
    data = response.get_json()
    assert data["ok"] is False and "another tab" in data["error"]
    assert data["version"] == 1 and f'data-key="{key}"' in data["svg"] and "A." in data["list"]
    assert course.drawing(me).contacts[0].ring == 1


def test_if_match_header_is_accepted(course):
    me = course.learner()
    course.add(me, "A.")
    key = course.drawing(me).contacts[0].key
    response = course.json(me, "/drawing/positions", {"moves": [{"key": key, "ring": 3, "angle": 90}]},
                           **{"If-Match": "1"})
    assert response.status_code == 200
    assert response.get_json()["version"] == 2
