"""The reflection's entry pages follow the session: a learner's overview shows the board opening, the
facilitator's dashboard counts learners as they answer; 304 while nothing changed."""
from tests.support.html import soup


def live(room, handle, etag=None):
    """GET /live as this launch, optionally with the ETag of its last answer."""
    headers = {"If-None-Match": etag} if etag else {}
    return room.client.get(f"{room.url}/live", query_string=handle.params(), headers=headers)


def _said(node):
    return " ".join(node.get_text(" ").split())


def test_a_learners_overview_shows_the_board_opening(room):
    waiting = room.crowd(5)[0]
    note = soup(room.page(waiting)).select_one("#live-note")
    assert note["data-live-url"].startswith(f"{room.url}/live?")
    assert live(room, waiting, note["data-live-etag"]).status_code == 304  # the page's own tag: nothing new
    first = live(room, waiting)
    status = soup(first.get_json()["html"]).select_one('[data-region="status"]')
    assert status["data-live-key"] == "False" and not status.select("a.button")
    assert live(room, waiting, first.headers["ETag"]).status_code == 304
    assert room.control("reveal").status_code == 303
    opened = live(room, waiting, first.headers["ETag"])
    status = soup(opened.get_json()["html"]).select_one('[data-region="status"]')
    assert status["data-live-key"] == "True" and status["data-announce"] == "The group board is open"
    assert status.select_one("a.button")["href"].startswith(f"{room.url}/board?")


def test_the_dashboard_counts_answers_as_they_come_and_learners_cannot_read_it(room):
    busy, idle = room.learner(), room.learner()
    first = live(room, room.facilitator)
    stats = soup(first.get_json()["html"]).select_one('[data-region="stats"]')
    assert [_said(d) for d in stats.select(".refl-stat dd")][:3] == ["2", "0", "0"]
    room.answer(busy, parts=("situations",))
    fresh = live(room, room.facilitator, first.headers["ETag"])
    page = soup(fresh.get_json()["html"])
    assert [_said(d) for d in page.select('[data-region="stats"] .refl-stat dd')][:3] == ["1", "1", "0"]
    assert idle.user.name in _said(page.select_one('[data-region="learners"]'))
    mine = live(room, busy).get_json()["html"]
    assert not soup(mine).select('[data-region="learners"], [data-region="stats"]') and idle.user.name not in mine
