"""The network's entry pages follow the session: a learner's overview moves to a newly opened moment, the
facilitator's dashboard counts learners as they draw; 304 while nothing changed; past moments do not ask."""
from tests.support.html import soup


def live(course, handle, etag=None):
    """GET /live as this launch, optionally with the ETag of its last answer."""
    headers = {"If-None-Match": etag} if etag else {}
    return course.client.get(f"{course.url}/live", query_string=handle.params(), headers=headers)


def test_a_learners_overview_moves_to_the_moment_the_facilitator_opens(course):
    me = course.learner()
    course.add(me, "A.")
    page = soup(course.page(me))
    assert page.select_one("#live-note")["data-live-url"].startswith(f"{course.url}/live?")
    # The tag of what the page shows (read from the HTML as sent: course.page unescapes it): first poll 304.
    shown = soup(course.get(me).get_data(as_text=True)).select_one("#live-note")["data-live-etag"]
    assert shown and live(course, me, shown).status_code == 304
    first = live(course, me)
    assert first.status_code == 200
    before = soup(first.get_json()["html"]).select_one('[data-region="status"]')
    assert before["data-live-key"] == "start" and "Start of the programme" in before.get_text()
    assert live(course, me, first.headers["ETag"]).status_code == 304

    assert course.open_moment().status_code == 303
    assert live(course, me, shown).status_code == 200
    moved = live(course, me, first.headers["ETag"])
    assert moved.status_code == 200 and moved.get_json()["live_url"].startswith(f"{course.url}/live?")
    status = soup(moved.get_json()["html"]).select_one('[data-region="status"]')
    assert status["data-live-key"] == "end"
    assert status["data-announce"] == "“End of the programme” is open"
    assert "Start from my earlier drawing" in status.get_text()
    # The start moment's page, looked back at, cannot change: it does not poll.
    assert soup(course.page(me, moment="start")).select_one("#live-note") is None


def test_the_dashboard_counts_drawings_as_they_come_and_learners_cannot_read_it(course):
    me, other = course.learner(), course.learner()
    first = live(course, course.facilitator)
    stats = soup(first.get_json()["html"]).select_one('[data-region="stats"]')
    assert "0 of 2 learners" in " ".join(stats.get_text(" ").split())
    course.add(me, "A.")
    fresh = live(course, course.facilitator, first.headers["ETag"])
    assert fresh.status_code == 200
    page = soup(fresh.get_json()["html"])
    assert "1 of 2 learners" in " ".join(page.select_one('[data-region="stats"]').get_text(" ").split())
    missing = [li.get_text(strip=True) for li in page.select('[data-region="learners"] .net-not-drawn li')]
    assert missing == [other.user.name]
    learner_view = soup(live(course, me).get_json()["html"])
    assert not learner_view.select('[data-region="learners"], [data-region="stats"]')
    assert other.user.name not in live(course, me).get_json()["html"]
