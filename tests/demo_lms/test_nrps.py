"""NRPS: the course's membership container, paged with `limit` and a `Link: <…>; rel=next` header."""
from demo_lms import people
from tests.demo_lms.conftest import AGS, NRPS_SCOPE

MEMBERSHIP_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json"


def test_all_members_with_lis_roles_and_names(lms, http, get_token):
    response = http.get(lms.state.memberships_url(), headers={"Authorization": f"Bearer {get_token(NRPS_SCOPE)}"})
    assert response.status_code == 200
    assert response.headers["Content-Type"] == MEMBERSHIP_TYPE
    body = response.json()
    assert body["id"] == lms.state.memberships_url()
    assert body["context"] == {"id": people.COURSE_ID, "label": people.COURSE_LABEL, "title": people.COURSE_TITLE}
    members = {m["user_id"]: m for m in body["members"]}
    assert len(members) == 8 and "Link" not in response.headers
    assert members["facilitator"]["roles"][0] == "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
    assert members["learner3"]["roles"][0] == "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
    # The LMS's administrator teaches in the course too, as Moodle sends a site admin's roles.
    assert members["admin"]["roles"] == ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
                                         "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"]
    assert members["learner1"]["name"] == "Lotte Janssens" and members["learner1"]["status"] == "Active"


def test_pages_follow_the_unquoted_link_header_to_the_end(lms, http, get_token):
    headers = {"Authorization": f"Bearer {get_token(NRPS_SCOPE)}"}
    url, seen, pages = lms.state.memberships_url() + "?limit=3", [], 0
    while url:
        response = http.get(url, headers=headers)
        assert response.status_code == 200
        seen += [m["user_id"] for m in response.json()["members"]]
        pages += 1
        link = response.headers.get("Link")
        if link:
            # lti1p3platform writes rel=next without quotes; keep it that way (tools must cope).
            assert link.endswith("; rel=next") and link.startswith("<")
        url = response.links.get("next", {}).get("url")
        assert "next" not in response.json()
    assert pages == 3
    assert seen == list(people.DEFAULT_COURSE.member_ids)


def test_role_filter(lms, http, get_token):
    headers = {"Authorization": f"Bearer {get_token(NRPS_SCOPE)}"}
    url = lms.state.memberships_url()
    learners = http.get(url, params={"role": "Learner"}, headers=headers).json()["members"]
    assert len(learners) == 6
    full = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
    assert [m["user_id"] for m in http.get(url, params={"role": full}, headers=headers).json()["members"]] \
        == ["facilitator", "admin"]


def test_resource_link_must_exist(lms, http, get_token):
    headers = {"Authorization": f"Bearer {get_token(NRPS_SCOPE)}"}
    url = lms.state.memberships_url()
    assert http.get(url, params={"rlid": "unknown"}, headers=headers).status_code == 403
    assert http.get(url, params={"rlid": lms.add_link()}, headers=headers).status_code == 200


def test_token_scope_limit_and_course_are_checked(lms, http, get_token):
    url = lms.state.memberships_url()
    assert http.get(url).status_code == 401
    assert http.get(url, headers={"Authorization": f"Bearer {get_token(AGS + 'score')}"}).status_code == 403
    headers = {"Authorization": f"Bearer {get_token(NRPS_SCOPE)}"}
    assert http.get(url, params={"limit": "-1"}, headers=headers).status_code == 400
    assert http.get(url, params={"limit": "abc"}, headers=headers).status_code == 400
    assert http.get(url.replace(people.COURSE_ID, "other"), headers=headers).status_code == 404
