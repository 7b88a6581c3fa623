"""Several courses: each launch carries its own course, NRPS and AGS answer per course, and nobody reaches a
course they do not follow (as in Moodle, where a line item or a roster belongs to one course)."""
import html
import json
import sqlite3

import jwt

from demo_lms import people
from demo_lms.store import Store
from tests.demo_lms.conftest import auth_query
from tests.demo_lms.test_ags import score, scores_url

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
NRPS_CLAIM = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice"
AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
ONTHAAL = "onthaal-2025"


def claims_of(lms, user, link_id):
    id_token, _state = lms.authorize(auth_query(lms.login_params(user, link_id)), user)
    return jwt.decode(id_token, options={"verify_signature": False})


def test_a_launch_carries_the_course_of_its_activity(lms):
    link_id = lms.add_link("Netwerk onthaal", course_id=ONTHAAL)
    claims = claims_of(lms, "learner7", link_id)
    assert claims[LTI + "context"]["id"] == ONTHAAL and claims[LTI + "context"]["title"] == "Onthaal en eerste opvang"
    assert claims[NRPS_CLAIM]["context_memberships_url"] == lms.state.memberships_url(ONTHAAL)
    assert claims[AGS_CLAIM]["lineitems"] == lms.state.lineitems_url(ONTHAAL)
    assert claims[AGS_CLAIM]["lineitem"] == lms.lineitem_url(lms.lineitem_for(link_id)["id"], ONTHAAL)
    # Wout follows both courses; Lotte only the first one, so the LMS refuses to launch her into this one.
    assert claims_of(lms, "learner2", link_id)["sub"] == "learner2"
    refused = lms.authorize_response(auth_query(lms.login_params("learner1", link_id)), "learner1")
    assert refused.status_code == 403 and "not enrolled" in refused.get_data(as_text=True)


def test_the_roster_and_the_gradebook_are_per_course(lms, http, get_token):
    token = get_token()
    roster = http.get(lms.state.memberships_url(ONTHAAL), headers={"Authorization": f"Bearer {token}"}).json()
    assert roster["context"]["id"] == ONTHAAL
    assert [m["user_id"] for m in roster["members"]] == [
        "facilitator", "admin", "learner2", "learner7", "learner8", "learner9", "learner10"]
    first = lms.add_link("Stellingen")
    other = lms.add_link("Netwerk onthaal", course_id=ONTHAAL)
    listed = http.get(lms.state.lineitems_url(ONTHAAL), headers={"Authorization": f"Bearer {token}"}).json()
    assert [item["label"] for item in listed] == ["Netwerk onthaal"]
    # The first course's column is not reachable through the other course's address, nor the other way round.
    first_id = lms.lineitem_for(first)["id"]
    assert http.get(lms.lineitem_url(first_id, ONTHAAL), headers={"Authorization": f"Bearer {token}"}).status_code == 404
    # A score for someone who does not follow the course is refused; one for a member is kept.
    url = lms.lineitem_url(lms.lineitem_for(other)["id"], ONTHAAL)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/vnd.ims.lis.v1.score+json"}
    assert http.post(scores_url(url), data=json.dumps(score("learner1")), headers=headers).status_code == 400
    assert http.post(scores_url(url), data=json.dumps(score("learner7")), headers=headers).status_code in (200, 201, 204)
    assert http.get(lms.state.memberships_url("no-such-course"),
                    headers={"Authorization": f"Bearer {token}"}).status_code == 404


def test_pages_show_ones_own_courses_and_refuse_others(lms):
    client = lms.lms_client("learner7")
    courses = html.unescape(client.get("/courses").get_data(as_text=True))
    assert "Onthaal en eerste opvang" in courses and people.COURSE_TITLE not in courses.split("<main")[1]
    # Noor does not follow the first course: /course takes her to her own, ?id= of another course is refused.
    assert "Onthaal en eerste opvang" in client.get("/course").get_data(as_text=True)
    refused = client.get(f"/course?id={people.COURSE_ID}")
    assert refused.status_code == 403 and "not enrolled" in refused.get_data(as_text=True)
    assert client.get("/course?id=nope").status_code == 404
    link_id = lms.add_link("Stellingen")  # in the first course
    assert client.get(f"/course/activity/{link_id}").status_code == 403
    # The facilitator opens the second course; its page, members and gradebook are that course's.
    facilitator = lms.lms_client("facilitator")
    page = facilitator.get(f"/course?id={ONTHAAL}").get_data(as_text=True)
    assert "Stellingen" not in page and ONTHAAL in page
    members = facilitator.get("/members").get_data(as_text=True)
    assert "Noor Vermeulen" in members and "Lotte Janssens" not in members
    # Switching to someone outside the current course lands in one of their courses.
    moved = facilitator.post("/switch-user", data={"user_id": "learner1", "next": "/members"})
    assert moved.status_code == 303 and moved.headers["Location"].endswith("/course")
    assert people.COURSE_TITLE in html.unescape(facilitator.get("/course").get_data(as_text=True))


def test_adding_an_activity_puts_it_in_the_current_course(lms):
    client = lms.lms_client("facilitator")
    client.get(f"/course?id={ONTHAAL}")
    response = client.get("/lti/initiate-deep-link")
    assert response.status_code == 302
    assert lms.store._all("SELECT course_id FROM deep_link_request") == [{"course_id": ONTHAAL}]


def test_a_demo_database_from_before_courses_keeps_its_activities_in_the_first_course(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite3.connect(path)
    old.executescript("""
        CREATE TABLE link (id TEXT PRIMARY KEY, title TEXT NOT NULL, text TEXT NOT NULL DEFAULT '', url TEXT NOT NULL,
            custom TEXT NOT NULL DEFAULT '{}', created_at REAL NOT NULL);
        CREATE TABLE lineitem (id INTEGER PRIMARY KEY AUTOINCREMENT, label TEXT NOT NULL, score_maximum REAL NOT NULL,
            resource_id TEXT NOT NULL DEFAULT '', tag TEXT NOT NULL DEFAULT '', resource_link_id TEXT,
            start_date_time TEXT, end_date_time TEXT, created_at REAL NOT NULL);
        CREATE TABLE deep_link_request (data TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires_at REAL NOT NULL);
        INSERT INTO link (id, title, url, created_at) VALUES ('rl-1', 'Stellingen', 'http://tool.test/lti/launch', 1);
        INSERT INTO lineitem (label, score_maximum, resource_link_id, created_at) VALUES ('Stellingen', 1, 'rl-1', 1);
    """)
    old.close()
    store = Store(path)
    try:
        assert [link["id"] for link in store.links(people.COURSE_ID)] == ["rl-1"]
        assert [item["label"] for item in store.lineitems(course_id=people.COURSE_ID)] == ["Stellingen"]
        assert store.links(ONTHAAL) == []
    finally:
        store.close()
