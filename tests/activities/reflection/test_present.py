"""The group board on the wall: counts before the reveal, then the board as a learner sees it (aggregates
above the minimum group, shared quotes not hidden), never a name or anyone's own scores."""
from tests.support.html import soup, texts


def open_wall(room):
    """(path, control key) of a new present view of the reflection."""
    response = room.client.post(f"/present/open/{room.instance.id}", data=room.facilitator.form())
    assert response.status_code == 303
    path, _, key = response.headers["Location"].partition("#control=")
    return path, key


def test_nothing_of_the_board_before_the_reveal_then_what_learners_see(room):
    people = room.crowd(5)
    path, key = open_wall(room)
    html = room.client.get(path).get_data(as_text=True)
    assert texts(html, ".wall-status__count") == ["5 of 5 have answered"]
    assert "The board appears when the facilitator reveals it." in html and not soup(html).select(".wall-reflection")
    reply = room.client.post(f"{path}/control", data={"action": "toggle_reveal"}, headers={"X-Present-Control": key})
    assert reply.status_code == 200 and reply.get_json()["changed"]
    html = room.client.get(path).get_data(as_text=True)
    wall = soup(html).select_one(".wall-reflection")
    assert wall is not None and wall.select("h2")
    assert not any(handle.user.name in html for handle in people)
    assert "Your trust given" not in html and "You</dt>" not in html  # nobody's own scores on the wall
    learner_board = room.client.get(f"{room.url}/board", query_string=people[0].params()).get_data(as_text=True)
    assert "Your trust given" in learner_board  # the learner's own view still has them


def test_below_the_minimum_group_the_wall_shows_only_the_count(room):
    room.crowd(2)
    path, key = open_wall(room)
    room.client.post(f"{path}/control", data={"action": "toggle_reveal"}, headers={"X-Present-Control": key})
    html = room.client.get(path).get_data(as_text=True)
    assert "The board opens when at least 5 people have answered (now 2)." in html
    assert not soup(html).select(".wall-reflection")


def test_revealing_from_the_dashboard_reaches_the_wall(room):
    room.crowd(5)
    path, _key = open_wall(room)
    tag = room.client.get(f"{path}/live").headers["ETag"]
    room.client.post(f"{room.url}/control", data=room.facilitator.form(action="reveal"))
    changed = room.client.get(f"{path}/live", headers={"If-None-Match": tag})
    assert changed.status_code == 200 and "wall-reflection" in changed.get_json()["html"]


def test_a_learners_board_page_follows_the_reveal(room):
    learners = room.crowd(5)
    url = f"{room.url}/board/live"
    first = room.client.get(url, query_string=learners[0].params())
    assert first.status_code == 200 and "wall-reflection" not in first.get_json()["html"]
    tag = first.headers["ETag"]
    assert room.client.get(url, query_string=learners[0].params(), headers={"If-None-Match": tag}).status_code == 304
    room.client.post(f"{room.url}/control", data=room.facilitator.form(action="reveal"))
    revealed = room.client.get(url, query_string=learners[0].params(), headers={"If-None-Match": tag})
    assert revealed.status_code == 200
    page = soup(revealed.get_json()["html"])
    assert page.select_one('[data-region="status"]')["data-live-key"] == "True"
    assert page.select('[data-region="board"] .refl-trust__row')  # the board itself, as this learner sees it
