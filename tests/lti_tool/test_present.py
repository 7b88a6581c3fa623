"""Present-view links: made by a facilitator only, read-only, bound to one placement, expiring and revocable."""
import pytest
from itsdangerous import URLSafeTimedSerializer

from lti_tool import present
from lti_tool.extensions import db
from tests.activities.voting.conftest import Room
from tests.support.html import soup, texts


@pytest.fixture
def room(client, launches):
    """A voting placement (the first activity with a present view)."""
    return Room(client, launches)


def open_wall(room, handle=None):
    """POST 'open the present view' as `handle` (the facilitator by default); returns the response."""
    handle = handle or room.facilitator
    return room.client.post(f"/present/open/{room.instance.id}", data=handle.form())


def wall_address(room):
    """(path, control key) of a new present view."""
    response = open_wall(room)
    assert response.status_code == 303
    path, _, fragment = response.headers["Location"].partition("#control=")
    return path, fragment


def test_the_facilitator_gets_a_link_and_a_control_key_kept_out_of_the_request(room):
    path, key = wall_address(room)
    assert path.startswith("/present/") and key
    page = room.client.get(path)
    assert page.status_code == 200 and page.headers["X-Robots-Tag"] == "noindex"
    assert key not in page.get_data(as_text=True)  # the key only ever lives in the facilitator's window


def test_a_learner_cannot_open_a_present_view(room):
    learner = room.learner()
    assert open_wall(room, learner).status_code == 403
    assert room.client.post(f"/present/end/{room.instance.id}", data=learner.form()).status_code == 403


def test_altered_and_foreign_links_are_refused(room, launches):
    path, _key = wall_address(room)
    assert room.client.get(path[:-2] + "xx").status_code == 404
    forged = URLSafeTimedSerializer("not-our-secret", salt=present.VIEW_SALT).dumps(
        {"i": room.instance.id, "g": 0, "l": "en"})
    assert room.client.get(f"/present/{forged}").status_code == 404
    other = Room(room.client, launches)
    other.crowd(5, "disagree", "Alleen in de andere cursus")
    other.control("reveal")
    # A link shows the placement it was made for: nothing of another placement reaches it.
    page = room.client.get(path)
    assert "Alleen in de andere cursus" not in page.get_data(as_text=True)
    # The same course: its five learners are expected here too, but none of them voted here.
    assert texts(page, ".wall-status__count") == ["0 of 5 have voted"]
    assert set(texts(page, ".wall-statement__votes")) == {"0 votes"}


def test_an_expired_link_says_so(room, app):
    path, _key = wall_address(room)
    app.config["PRESENT_LINK_SECONDS"] = -1
    try:
        response = room.client.get(path)
    finally:
        app.config["PRESENT_LINK_SECONDS"] = 4 * 3600
    assert response.status_code == 410 and "This present view has ended" in response.get_data(as_text=True)


def test_ending_the_present_view_stops_every_link_made_before(room):
    path, key = wall_address(room)
    response = room.client.post(f"/present/end/{room.instance.id}", data=room.facilitator.form())
    assert response.status_code == 303 and "done=present_ended" in response.headers["Location"]
    assert room.client.get(path).status_code == 410
    assert room.client.get(f"{path}/live").status_code == 410
    assert room.client.post(f"{path}/control", data={"action": "toggle_reveal"},
                            headers={"X-Present-Control": key}).status_code == 410
    new_path, _ = wall_address(room)
    assert new_path != path and room.client.get(new_path).status_code == 200


def test_the_live_part_answers_304_until_something_changes(room):
    path, _key = wall_address(room)
    first = room.client.get(f"{path}/live")
    assert first.status_code == 200 and first.headers["ETag"]
    again = room.client.get(f"{path}/live", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    room.crowd(1)
    changed = room.client.get(f"{path}/live", headers={"If-None-Match": first.headers["ETag"]})
    assert changed.status_code == 200 and changed.headers["ETag"] != first.headers["ETag"]
    shown = soup(room.client.get(path).get_data(as_text=True)).select_one("#wall")["data-live-etag"]
    assert shown == changed.headers["ETag"]  # the wall's page carries the tag of what it shows
    assert room.client.get(f"{path}/live", headers={"If-None-Match": shown}).status_code == 304


def test_control_needs_the_key_of_a_live_facilitator_session(room):
    from activities.voting.service import state_for

    path, key = wall_address(room)
    assert room.client.post(f"{path}/control", data={"action": "toggle_reveal"}).status_code == 403
    assert room.client.post(f"{path}/control", data={"action": "toggle_reveal"},
                            headers={"X-Present-Control": "forged"}).status_code == 403
    learner_key = present.control_token(room.instance, room.learner().launch)
    assert room.client.post(f"{path}/control", data={"action": "toggle_reveal"},
                            headers={"X-Present-Control": learner_key}).status_code == 403
    assert room.client.post(f"{path}/control", data={"action": "erase"},
                            headers={"X-Present-Control": key}).status_code == 400
    response = room.client.post(f"{path}/control", data={"action": "toggle_reveal"},
                                headers={"X-Present-Control": key})
    assert response.status_code == 200 and response.get_json() == {"changed": True}
    db.session.expire_all()
    assert state_for(room.instance).revealed


def test_an_activity_without_a_present_view_has_no_link(client, launches):
    instance = launches.instance(None, settings={})  # a link not set up yet: no activity, no wall
    facilitator = launches.instructor(instance, locale="en")
    assert client.post(f"/present/open/{instance.id}", data=facilitator.form()).status_code == 404
