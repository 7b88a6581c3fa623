"""AGS: line items (Moodle-style URLs with a query string), scores (checked), results."""
import json
from datetime import datetime, timedelta, timezone

import pytest

from tests.demo_lms.conftest import AGS, NRPS_SCOPE

SCORE_TYPE = "application/vnd.ims.lis.v1.score+json"


def _stamp(seconds=0):
    return (datetime.now(timezone.utc) + timedelta(seconds=seconds)).isoformat(timespec="milliseconds")


def score(user="learner1", given=0.75, maximum=1, **overrides):
    """A valid score document, with overrides (None removes a field)."""
    doc = {"userId": user, "scoreGiven": given, "scoreMaximum": maximum, "activityProgress": "Completed",
           "gradingProgress": "FullyGraded", "timestamp": _stamp(), "comment": "Deelgenomen"}
    doc.update(overrides)
    return {k: v for k, v in doc.items() if v is not None}


def scores_url(lineitem_url):
    """`/scores` on the line item's path, before its query string."""
    path, _, query = lineitem_url.partition("?")
    return f"{path}/scores?{query}"


@pytest.fixture
def graded(lms):
    """A link with a line item: (link id, line item URL)."""
    link_id = lms.add_link("Stellingen")
    return link_id, lms.lineitem_url(lms.lineitem_for(link_id)["id"])


@pytest.fixture
def post_score(http, get_token):
    """post_score(lineitem_url, document, bearer=None) -> the LMS's response."""
    token = get_token(AGS + "score")

    def post(lineitem_url, document, bearer=None):
        return http.post(scores_url(lineitem_url), data=json.dumps(document),
                         headers={"Content-Type": SCORE_TYPE, "Authorization": f"Bearer {bearer or token}"})

    return post


def test_lineitem_urls_carry_a_query_string(lms, graded):
    _, url = graded
    assert url.endswith("/lineitem?type_id=1")


def test_valid_score_is_stored_and_newest_wins(lms, graded, post_score):
    link_id, url = graded
    first = post_score(url, score(given=0.5, timestamp=_stamp(-10)))
    assert first.status_code == 201, first.text
    assert post_score(url, score(given=0.75)).status_code == 200
    [stored] = lms.scores(link_id)
    assert (stored["user_id"], stored["score_given"], stored["activity_progress"]) == ("learner1", 0.75, "Completed")
    older = post_score(url, score(given=0.1, timestamp=_stamp(-60)))
    assert older.status_code == 409
    assert lms.scores(link_id)[0]["score_given"] == 0.75


def test_a_timestamp_not_later_in_whole_seconds_is_refused_like_moodle(lms, graded, post_score):
    link_id, url = graded
    assert post_score(url, score(timestamp="2026-03-01T10:00:00.100+00:00")).status_code == 201
    for stamp in ("2026-03-01T10:00:00.100+00:00", "2026-03-01T10:00:00.900+00:00", "2026-03-01T09:59:59+00:00"):
        refused = post_score(url, score(given=0.5, timestamp=stamp))
        assert refused.status_code == 409
        assert refused.json()["error"].startswith("Refusing score with an earlier timestamp for item")
    assert lms.scores(link_id)[0]["score_given"] == 0.75
    assert post_score(url, score(given=0.5, timestamp="2026-03-01T10:00:01+00:00")).status_code == 200
    assert lms.scores(link_id)[0]["score_given"] == 0.5


def test_progress_only_score_without_scoregiven(lms, graded, post_score):
    link_id, url = graded
    response = post_score(url, score(given=None, maximum=None, activityProgress="Started", gradingProgress="NotReady"))
    assert response.status_code == 201, response.text
    assert lms.scores(link_id)[0]["score_given"] is None


@pytest.mark.parametrize("overrides, reason", [
    ({"scoreGiven": 1.5}, "above scoreMaximum"),
    ({"scoreGiven": -0.1}, "at least 0"),
    ({"scoreGiven": "1"}, "at least 0"),
    ({"scoreGiven": True}, "at least 0"),
    ({"scoreMaximum": 0}, "scoreMaximum"),
    ({"scoreMaximum": None}, "scoreMaximum"),
    ({"activityProgress": "Done"}, "activityProgress"),
    ({"gradingProgress": None}, "gradingProgress"),
    ({"timestamp": "yesterday"}, "timestamp"),
    ({"timestamp": "2025-03-01T10:00:00"}, "UTC offset"),
    ({"timestamp": None}, "timestamp"),
    ({"userId": "stranger"}, "not a member"),
    ({"userId": None}, "userId"),
    ({"comment": 5}, "comment"),
])
def test_invalid_scores_are_400_with_a_reason(lms, graded, post_score, overrides, reason):
    link_id, url = graded
    response = post_score(url, score(**overrides))
    assert response.status_code == 400
    assert reason in response.json()["error"]
    assert lms.scores(link_id) == []
    assert lms.stats()["scores_rejected"] == 1


def test_body_that_is_not_a_json_object_is_400(graded, post_score):
    _, url = graded
    assert post_score(url, ["not", "an", "object"]).status_code == 400


def test_non_finite_numbers_are_400(graded, http, get_token):
    _, url = graded
    headers = {"Content-Type": SCORE_TYPE, "Authorization": f"Bearer {get_token(AGS + 'score')}"}
    for given, maximum in (("NaN", "1"), ("1", "Infinity"), ("Infinity", "Infinity")):
        body = json.dumps(score()).replace('"scoreGiven": 0.75', f'"scoreGiven": {given}').replace(
            '"scoreMaximum": 1', f'"scoreMaximum": {maximum}')
        assert http.post(scores_url(url), data=body, headers=headers).status_code == 400, body


def test_scores_need_a_token_with_the_score_scope(lms, graded, post_score, get_token):
    link_id, url = graded
    assert post_score(url, score(), bearer="garbage").status_code == 401
    assert post_score(url, score(), bearer=get_token(NRPS_SCOPE)).status_code == 403
    forged = lms.sign({"iss": "http://lms.test", "sub": "leernetwerk-demo", "scopes": AGS + "score"},
                      algorithm="HS256")
    assert post_score(url, score(), bearer=forged).status_code == 401
    assert lms.scores(link_id) == []


def test_scores_appended_after_the_query_string_do_not_land(graded, http, get_token):
    _, url = graded
    response = http.post(url + "/scores", data=json.dumps(score()),
                         headers={"Content-Type": SCORE_TYPE, "Authorization": f"Bearer {get_token()}"})
    assert response.status_code == 405


def test_unknown_lineitem_or_course_is_404(lms, graded, post_score):
    _, url = graded
    assert post_score(url.replace("/lineitems/1/", "/lineitems/999/"), score()).status_code == 404
    assert post_score(url.replace("zw-lerend-netwerk-2025", "other-course"), score()).status_code == 404


def test_lineitem_container_create_filter_and_page(lms, graded, http, get_token):
    link_id, _ = graded
    headers = {"Authorization": f"Bearer {get_token(AGS + 'lineitem')}"}
    container = lms.state.lineitems_url()
    created = http.post(container, json={"label": "Netwerk", "scoreMaximum": 10, "resourceId": "r-2",
                                         "tag": "leernetwerk-network", "resourceLinkId": link_id}, headers=headers)
    assert created.status_code == 201, created.text
    item = created.json()
    assert item["id"].endswith("/lineitem?type_id=1") and item["scoreMaximum"] == 10
    listed = http.get(container, params={"resource_link_id": link_id}, headers=headers)
    assert listed.headers["Content-Type"] == "application/vnd.ims.lis.v2.lineitemcontainer+json"
    assert [i["label"] for i in listed.json()] == ["Stellingen", "Netwerk"]
    assert [i["label"] for i in http.get(container, params={"tag": "leernetwerk-network"}, headers=headers).json()] \
        == ["Netwerk"]
    page = http.get(container, params={"limit": 1}, headers=headers)
    assert len(page.json()) == 1 and page.links["next"]["url"].endswith("limit=1&page=2")
    bad = http.post(container, json={"label": "", "scoreMaximum": 0}, headers=headers)
    assert bad.status_code == 400
    assert http.post(container, json={"label": "x", "scoreMaximum": 1, "resourceLinkId": "nope"},
                     headers=headers).status_code == 400


def test_lineitem_read_update_delete(lms, graded, http, get_token):
    link_id, url = graded
    headers = {"Authorization": f"Bearer {get_token(AGS + 'lineitem')}"}
    assert http.get(url, headers=headers).json()["resourceLinkId"] == link_id
    updated = http.put(url, json={"label": "Stellingen (v2)", "scoreMaximum": 5}, headers=headers)
    assert updated.status_code == 200 and updated.json()["label"] == "Stellingen (v2)"
    assert http.put(url, data="nonsense", headers=headers).status_code == 400
    assert http.put(url, data="nonsense").status_code == 401
    assert http.delete(url, headers=headers).status_code == 204
    assert http.get(url, headers=headers).status_code == 404


def test_results_list_scores_scaled_to_the_lineitem(lms, graded, post_score, http, get_token):
    _, url = graded
    post_score(url, score(user="learner1", given=3, maximum=4))
    post_score(url, score(user="learner2", given=1, maximum=4))
    path, _, _ = url.partition("?")
    headers = {"Authorization": f"Bearer {get_token(AGS + 'result.readonly')}"}
    results = http.get(f"{path}/results", headers=headers)
    assert results.status_code == 200
    assert {r["userId"]: r["resultScore"] for r in results.json()} == {"learner1": 0.75, "learner2": 0.25}
    one = http.get(f"{path}/results", params={"user_id": "learner2"}, headers=headers).json()
    assert [r["userId"] for r in one] == ["learner2"] and one[0]["scoreOf"] == url
    assert http.get(f"{path}/results", params={"limit": "0"}, headers=headers).status_code == 400
    assert http.get(f"{path}/results", params={"limit": "²"}, headers=headers).status_code == 400


def test_service_calls_without_a_user_agent_are_refused_like_canvas(lms):
    response = lms.lms.test_client().get("/lti/jwks", headers={"User-Agent": ""})
    assert response.status_code == 403
    assert "valid user agent" in response.get_json()["message"]
    assert lms.lms.test_client().get("/lti/jwks", headers={"User-Agent": "Leernetwerk-LTI-tool/0.1"}).status_code == 200
