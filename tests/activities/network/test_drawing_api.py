"""The drawing's JSON endpoints: place a contact on a ring, connect two contacts, refuse bad input."""
import pytest


def _two(course, me):
    course.add(me, "A.")
    course.add(me, "B.", ring="0")
    return [c.key for c in course.drawing(me).contacts]


def test_place_on_a_ring_with_an_angle(course):
    me = course.learner()
    a, b = _two(course, me)
    response = course.json(me, "/drawing/positions", {"version": 2, "moves": [{"key": b, "ring": 2, "angle": 370}]})
    assert response.status_code == 200, response.get_data(as_text=True)
    data = response.get_json()
    assert data["ok"] and data["version"] == 3 and data["viewBox"].startswith("-470 -470 940")
    contact = next(c for c in course.drawing(me).contacts if c.key == b)
    assert (contact.ring, contact.angle) == (2, 10.0)


def test_connect_and_disconnect(course):
    me = course.learner()
    a, b = _two(course, me)
    on = course.json(me, "/drawing/ties", {"version": 2, "a": a, "b": b, "connected": True})
    assert on.status_code == 200 and f'data-a="{a}"' in on.get_json()["svg"]
    assert len(course.drawing(me).ties) == 1
    off = course.json(me, "/drawing/ties", {"version": 3, "a": b, "b": a, "connected": False})
    assert off.status_code == 200 and not course.drawing(me).ties
    itself = course.json(me, "/drawing/ties", {"version": 4, "a": a, "b": a, "connected": True})
    assert itself.status_code == 422 and "themselves" in itself.get_json()["error"]


@pytest.mark.parametrize("body", [
    {"version": 2},
    {"version": 2, "moves": []},
    {"version": 2, "moves": [{"key": "x", "ring": 9}]},
    {"version": 2, "moves": [{"key": "x", "ring": "1"}]},
    {"version": 2, "moves": [{"key": "x", "ring": 1, "angle": "north"}]},
    {"version": 2, "moves": ["nonsense"]},
])
def test_bad_moves_are_400(course, body):
    me = course.learner()
    _two(course, me)
    assert course.json(me, "/drawing/positions", body).status_code == 400


def test_not_json_is_400(course):
    me = course.learner()
    response = course.client.post(course.url + "/drawing/ties", data="nope", headers={
        "X-CSRF-Token": me.csrf, "X-Launch-Token": me.token, "Content-Type": "application/json"})
    assert response.status_code == 400


def test_drawing_page_has_the_svg_and_text_list(course):
    me = course.learner()
    _two(course, me)
    page = course.page(me, "/drawing")
    assert 'id="net-svg"' in page and "data-editable" in page and "Everyone in the drawing" in page
    assert page.count('class="node ') == 2
    assert "network_drawing.js" in page
