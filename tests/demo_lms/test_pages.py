"""The LMS pages: course, user switcher, add an activity, gradebook and members."""
import json
import re

from tests.demo_lms.conftest import AGS
from tests.demo_lms.test_ags import SCORE_TYPE, score, scores_url


def test_course_lists_activities_and_add_button_only_for_the_facilitator(lms):
    link_id = lms.add_link("Stellingen")
    facilitator = lms.lms_client("facilitator").get("/course").get_data(as_text=True)
    assert "Lerend netwerk Zorg &amp; Welzijn" in facilitator
    assert 'id="add-activity"' in facilitator and f'href="/course/activity/{link_id}"' in facilitator
    learner = lms.lms_client("learner1").get("/course").get_data(as_text=True)
    assert 'id="add-activity"' not in learner and f'id="activity-{link_id}"' in learner


def test_home_redirects_and_the_default_user_is_the_facilitator(lms):
    client = lms.lms_client()
    assert client.get("/").headers["Location"] == "/course"
    assert 'value="facilitator" selected' in client.get("/course").get_data(as_text=True)


def test_user_switcher_keeps_the_user_in_the_lms_session(lms):
    client = lms.lms_client()
    response = client.post("/switch-user", data={"user_id": "learner5", "next": "/gradebook"})
    assert response.status_code == 303 and response.headers["Location"] == "/gradebook"
    page = client.get("/course").get_data(as_text=True)
    assert 'value="learner5" selected' in page and 'id="user-select"' in page
    assert client.post("/switch-user", data={"user_id": "nobody"}).status_code == 400
    assert client.post("/switch-user", data={"user_id": "learner1", "next": "https://evil.test/"}) \
        .headers["Location"] == "/course"
    assert client.post("/switch-user", data={"user_id": "learner1", "next": "//evil.test/"}) \
        .headers["Location"] == "/course"


def test_add_activity_frames_a_deep_linking_launch_for_the_facilitator_only(lms):
    page = lms.lms_client("facilitator").get("/course/add-activity").get_data(as_text=True)
    assert 'src="/lti/initiate-deep-link"' in page
    assert lms.lms_client("learner2").get("/course/add-activity").status_code == 403


def test_gradebook_renders_received_scores(lms, http, get_token):
    link_id = lms.add_link("Stellingen")
    lineitem = lms.lineitem_for(link_id)
    url = lms.lineitem_url(lineitem["id"])
    headers = {"Content-Type": SCORE_TYPE, "Authorization": f"Bearer {get_token(AGS + 'score')}"}
    sent = score(user="learner2", given=3, maximum=4, activityProgress="Submitted")
    assert http.post(scores_url(url), data=json.dumps(sent), headers=headers).status_code == 201
    html = lms.lms_client("facilitator").get("/gradebook").get_data(as_text=True)
    cell = re.search(rf'<td[^>]*data-user="learner2" data-lineitem="{lineitem["id"]}"[^>]*>(.*?)</td>', html, re.S)
    assert cell, html
    assert "0.75 / 1" in cell.group(1) and "Submitted" in cell.group(1) and sent["timestamp"] in cell.group(1)
    assert f'<th scope="col" data-lineitem="{lineitem["id"]}">Stellingen' in html
    assert html.count("<tr data-user=") == 6
    empty = re.search(rf'data-user="learner1" data-lineitem="{lineitem["id"]}"[^>]*>(.*?)</td>', html, re.S)
    assert "0.75" not in empty.group(1)


def test_learner_sees_only_their_own_gradebook_row(lms):
    lms.add_link("Stellingen")
    html = lms.lms_client("learner4").get("/gradebook").get_data(as_text=True)
    assert re.findall(r'<tr data-user="([^"]+)"', html) == ["learner4"]


def test_members_view_is_for_the_facilitator(lms):
    html = lms.lms_client("facilitator").get("/members").get_data(as_text=True)
    assert html.count("<tr data-user=") == 8 and "Yasmina El Amrani" in html and "en-GB" in html
    assert lms.lms_client("learner1").get("/members").status_code == 403


def test_pages_have_a_strict_csp_and_no_inline_scripts_or_styles(lms):
    link_id = lms.add_link("Stellingen")
    client = lms.lms_client("facilitator")
    for path in ("/course", f"/course/activity/{link_id}", "/course/add-activity", "/gradebook", "/members"):
        response = client.get(path)
        html = response.get_data(as_text=True)
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]
        assert "frame-src 'self' http://tool.test" in response.headers["Content-Security-Policy"]
        assert not re.search(r"<script(?![^>]*\bsrc=)", html) and "style=" not in html, path


def test_stats_and_registration_values(lms):
    from demo_lms import registration_values

    assert set(lms.stats()) >= {"tokens_issued", "launches", "scores_received", "scores_rejected"}
    assert registration_values("http://127.0.0.1:5000/") == {
        "issuer": "http://127.0.0.1:5000", "client_id": "leernetwerk-demo", "deployment_id": "demo-deployment-1",
        "auth_login_url": "http://127.0.0.1:5000/lti/auth", "auth_token_url": "http://127.0.0.1:5000/lti/token",
        "jwks_url": "http://127.0.0.1:5000/lti/jwks"}
