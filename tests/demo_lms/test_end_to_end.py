"""The demo LMS against the real tool, in-process: launches, deep linking, tokens and scores over LTI."""
import re
from datetime import datetime, timezone

from lti_tool.extensions import db
from lti_tool.models import ActivityInstance, Platform
from tests.support.platform import parse_form

LTI = "https://purl.imsglobal.org/spec/lti/claim/"


def test_learner_launch_reaches_the_tool(platform, client):
    link_id = platform.add_link("Stellingen")
    response = platform.launch(client, "learner1", link_id)
    assert response.status_code == 303, response.get_data(as_text=True)[:500]
    instance = db.session.execute(db.select(ActivityInstance).filter_by(resource_link_id=link_id)).scalar_one()
    assert instance.lineitem_url == platform.lineitem_url(platform.lineitem_for(link_id)["id"])
    assert instance.lineitems_url == platform.state.lineitems_url()
    assert platform.stats()["launches"] == 1


def test_deep_linking_launch_opens_the_picker(platform, client):
    response = platform.launch(client, "facilitator", deep_linking=True)
    assert response.status_code == 303
    assert response.headers["Location"].startswith("/lti/deep-linking/")


def test_tampered_launches_are_refused_by_the_tool(platform, client):
    def wrong_audience(claims):
        claims["aud"] = "someone-else"

    assert platform.launch(client, "learner1", tamper=wrong_audience).status_code in (400, 401, 403)
    unsigned = platform.launch(client, "learner1", tamper=lambda c: platform.sign(c, algorithm="none"))
    assert unsigned.status_code in (400, 401, 403)


def test_the_tools_deep_linking_response_is_accepted(platform, client):
    from lti_tool.pylti import deep_link_response_jwt

    assert platform.launch(client, "facilitator", deep_linking=True).status_code == 303
    settings = platform.decode(platform.last_id_token)["https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"]
    row = db.session.execute(db.select(Platform)).scalar_one()
    item = {"url": "http://tool.test/lti/launch", "title": "Stellingen", "text": "Stem en bespreek",
            "custom": {"leernetwerk_ref": "ref-1"},
            "line_item": {"label": "Stellingen", "score_maximum": 1.0, "resource_id": "ref-1", "tag": "leernetwerk-voting"}}
    token = deep_link_response_jwt(row, "demo-deployment-1", settings, [item])
    done = platform.deep_link_return(token)
    assert done.status_code == 200, done.get_data(as_text=True)
    [link] = platform.links()
    assert link["custom"] == {"leernetwerk_ref": "ref-1"} and link["text"] == "Stem en bespreek"
    assert platform.lineitem_for(link["id"])["tag"] == "leernetwerk-voting"


def test_full_deep_linking_flow_adds_a_graded_activity(platform, client):
    response = platform.launch(client, "facilitator", deep_linking=True)
    picker = client.get(response.headers["Location"]).get_data(as_text=True)
    choose = re.search(r'href="(/lti/deep-linking/[a-z]+\?[^"]*)"', picker).group(1).replace("&amp;", "&")
    action, fields = parse_form(client.get(choose).get_data(as_text=True))
    configured = client.post(action.replace("&amp;", "&"), data=fields)
    assert configured.status_code == 200, configured.get_data(as_text=True)[:1000]
    return_action, return_fields = parse_form(configured.get_data(as_text=True))
    assert return_action == "http://lms.test/lti/deep-link/return"
    done = platform.deep_link_return(return_fields["JWT"])
    assert done.status_code == 200, done.get_data(as_text=True)
    [link] = platform.links()
    assert platform.lineitem_for(link["id"]) is not None
    assert platform.launch(client, "learner2", link["id"]).status_code == 303


def test_tool_gets_a_token_and_its_score_lands_in_the_gradebook(platform, client, app):
    from lti_tool.grades.ags import post_score, score_payload

    link_id = platform.add_link("Stellingen")
    assert platform.launch(client, "learner1", link_id).status_code == 303
    lineitem_url = db.session.execute(
        db.select(ActivityInstance.lineitem_url).filter_by(resource_link_id=link_id)).scalar_one()
    row = db.session.execute(db.select(Platform)).scalar_one()
    stamp = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
    post_score(row, lineitem_url, score_payload("learner1", 0.5, 1.0, "Completed", "FullyGraded", stamp, "Klaar"))
    post_score(row, lineitem_url, score_payload("learner2", 1.0, 1.0, "Completed", "FullyGraded", stamp))
    assert platform.token_count() == 1  # cached by the tool for the second score
    assert {(s["user_id"], s["score_given"]) for s in platform.scores(link_id)} == {
        ("learner1", 0.5), ("learner2", 1.0)}
    html = platform.lms_client("facilitator").get("/gradebook").get_data(as_text=True)
    assert re.search(r'data-user="learner1" data-lineitem="\d+"[^>]*>\s*<span class="grade__score">0.5 / 1<', html)


def test_nested_calls_into_the_tool_keep_the_tests_uncommitted_work(platform, app):
    from lti_tool.models import Context

    row = db.session.execute(db.select(Platform)).scalar_one()
    db.session.add(Context(platform_id=row.id, context_id="pending", title="Pending", label="P"))
    db.session.flush()
    with platform.lms.test_request_context():  # the LMS, mid-request, fetching the tool's JWKS
        platform.state.platform_config().refresh_tool_key_set()
    assert db.session.execute(db.select(Context).filter_by(context_id="pending")).scalar_one_or_none()
