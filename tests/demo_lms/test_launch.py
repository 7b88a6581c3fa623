"""Launches: OIDC login initiation towards the tool and the platform's auth endpoint (id_token claims)."""
import jwt
import pytest

from demo_lms import people
from tests.demo_lms.conftest import auth_query

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
NRPS_CLAIM = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice"
DL_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"


def test_login_initiation_names_issuer_user_target_and_deployment(lms):
    link_id = lms.add_link("Stellingen")
    params = lms.login_params("learner2", link_id)
    assert params["iss"] == "http://lms.test" and params["login_hint"] == "learner2"
    assert params["target_link_uri"] == "http://tool.test/lti/launch"
    assert params["client_id"] == "leernetwerk-demo" and params["lti_deployment_id"] == "demo-deployment-1"
    assert params["lti_message_hint"]


def test_activity_page_frames_the_initiation_url(lms):
    link_id = lms.add_link("Stellingen")
    page = lms.lms_client("learner1").get(f"/course/activity/{link_id}").get_data(as_text=True)
    assert f'src="/lti/initiate/{link_id}"' in page and 'id="tool-frame"' in page


def test_resource_link_id_token_carries_the_lti_claims(lms, http):
    link_id = lms.add_link("Stellingen", custom={"leernetwerk_ref": "abc"})
    params = lms.login_params("learner3", link_id)
    id_token, state = lms.authorize(auth_query(params), "learner3")
    assert state == "state-123" and lms.last_form_action == "http://tool.test/lti/launch"
    header = jwt.get_unverified_header(id_token)
    jwks = http.get(lms.registration["jwks_url"]).json()
    assert header["alg"] == "RS256" and header["kid"] == jwks["keys"][0]["kid"]
    key = jwt.PyJWK(jwks["keys"][0]).key
    claims = jwt.decode(id_token, key, algorithms=["RS256"], audience="leernetwerk-demo")
    assert claims["iss"] == "http://lms.test" and claims["azp"] == "leernetwerk-demo"
    assert claims["nonce"] == "nonce-456" and claims["sub"] == "learner3"
    assert claims["name"] == "Fien Claes" and claims["given_name"] == "Fien" and claims["family_name"] == "Claes"
    assert claims[LTI + "message_type"] == "LtiResourceLinkRequest" and claims[LTI + "version"] == "1.3.0"
    assert claims[LTI + "deployment_id"] == "demo-deployment-1"
    assert claims[LTI + "target_link_uri"] == "http://tool.test/lti/launch"
    assert claims[LTI + "resource_link"] == {"id": link_id, "title": "Stellingen"}
    assert claims[LTI + "context"]["id"] == people.COURSE_ID
    assert claims[LTI + "context"]["title"] == "Lerend netwerk Zorg & Welzijn"
    assert "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner" in claims[LTI + "roles"]
    assert claims[LTI + "launch_presentation"] == {
        "document_target": "iframe", "locale": "en-GB", "return_url": f"http://lms.test/course?id={people.COURSE_ID}"}
    assert claims[LTI + "custom"] == {"leernetwerk_ref": "abc"}
    ags = claims[AGS_CLAIM]
    assert ags["lineitems"] == lms.state.lineitems_url()
    assert ags["lineitem"] == lms.lineitem_url(lms.lineitem_for(link_id)["id"])
    assert ags["lineitem"].endswith("?type_id=1")
    assert set(ags["scope"]) == {"https://purl.imsglobal.org/spec/lti-ags/scope/" + s
                                 for s in ("lineitem", "result.readonly", "score")}
    assert claims[NRPS_CLAIM] == {"context_memberships_url": lms.state.memberships_url(), "service_versions": ["2.0"]}
    assert lms.stats()["launches"] == 1


def test_facilitator_gets_instructor_role_and_link_without_lineitem_has_none(lms):
    link_id = lms.add_link("Ongegradeerd", with_lineitem=False)
    id_token, _ = lms.authorize(auth_query(lms.login_params("facilitator", link_id)), "facilitator")
    claims = lms.decode(id_token, verify=True)
    assert "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor" in claims[LTI + "roles"]
    assert claims[LTI + "launch_presentation"]["locale"] == "nl-BE"
    assert "lineitem" not in claims[AGS_CLAIM] and LTI + "custom" not in claims


def test_deep_linking_request_claims(lms):
    params = lms.login_params("facilitator", deep_linking=True)
    id_token, _ = lms.authorize(auth_query(params), "facilitator")
    claims = lms.decode(id_token, verify=True)
    assert claims[LTI + "message_type"] == "LtiDeepLinkingRequest"
    assert LTI + "resource_link" not in claims
    settings = claims[DL_SETTINGS]
    assert settings["deep_link_return_url"] == "http://lms.test/lti/deep-link/return"
    assert settings["accept_types"] == ["ltiResourceLink"] and settings["accept_multiple"] is False
    assert settings["accept_presentation_document_targets"] == ["iframe", "window"]
    assert isinstance(settings["data"], str) and settings["data"]


@pytest.mark.parametrize("overrides, status", [
    ({"client_id": "someone-else"}, 400),
    ({"redirect_uri": "http://evil.test/lti/launch"}, 400),
    ({"response_mode": "query"}, 400),
    ({"response_type": "code"}, 400),
    ({"scope": "profile"}, 400),
    ({"prompt": None}, 400),
    ({"nonce": None}, 400),
    ({"state": None}, 400),
    ({"lti_message_hint": "forged"}, 400),
    ({"login_hint": "learner2"}, 403),
])
def test_auth_endpoint_refuses_bad_requests(lms, overrides, status):
    params = lms.login_params("learner1", lms.add_link())
    response = lms.authorize_response(auth_query(params, **overrides), "learner1")
    assert response.status_code == status
    assert 'name="id_token"' not in response.get_data(as_text=True)


def test_auth_endpoint_checks_the_session_user(lms):
    params = lms.login_params("learner1", lms.add_link())
    assert lms.authorize_response(auth_query(params), "learner4").status_code == 403


def test_learners_cannot_deep_link(lms):
    assert lms.lms_client("learner1").get("/lti/initiate-deep-link").status_code == 403
    params = lms.login_params("facilitator", deep_linking=True)
    forged = auth_query(params, login_hint="learner1")
    assert lms.authorize_response(forged, "learner1").status_code == 403


def test_unknown_activity_is_404(lms):
    client = lms.lms_client("learner1")
    assert client.get("/lti/initiate/rl-nope").status_code == 404
    assert client.get("/course/activity/rl-nope").status_code == 404


def test_auto_post_page_has_no_inline_script_and_a_button(lms):
    params = lms.login_params("learner1", lms.add_link())
    response = lms.authorize_response(auth_query(params), "learner1")
    html = response.get_data(as_text=True)
    assert '<script type="module" src="/static/js/auto_post.js"></script>' in html
    assert html.count("<script") == 1 and "onload" not in html and "style=" not in html
    assert 'id="lti-launch-continue"' in html
    assert "form-action 'self' http://tool.test" in response.headers["Content-Security-Policy"]


def test_platform_storage_is_offered_when_enabled(lms):
    link_id = lms.add_link()
    assert "lti_storage_target" not in lms.login_params("learner1", link_id)
    lms.state.platform_storage = True
    assert lms.login_params("learner1", link_id)["lti_storage_target"] == "_parent"
    assert lms.login_params("facilitator", deep_linking=True)["lti_storage_target"] == "_parent"
    page = lms.lms_client("learner1").get(f"/course/activity/{link_id}").get_data(as_text=True)
    assert 'data-tool-origin="http://tool.test"' in page and "/static/js/platform_storage.js" in page


def test_login_hints_are_single_use_like_moodle(lms):
    link_id = lms.add_link()
    lms.state.like_moodle()
    params = lms.login_params("learner1", link_id)
    assert "lti_storage_target" not in params
    assert lms.authorize_response(auth_query(params), "learner1").status_code == 200
    spent = lms.authorize_response(auth_query(params, state="state-again"), "learner1")
    assert spent.status_code == 400 and "Invalid request" in spent.get_data(as_text=True)
    # A new launch from the course page gets a fresh hint.
    assert lms.authorize_response(auth_query(lms.login_params("learner1", link_id)), "learner1").status_code == 200


def test_login_hints_are_reusable_by_default(lms):
    params = lms.login_params("learner1", lms.add_link())
    assert lms.authorize_response(auth_query(params), "learner1").status_code == 200
    assert lms.authorize_response(auth_query(params, state="state-again"), "learner1").status_code == 200


def test_the_activity_frame_is_fitted_to_the_tool_unless_switched_off(lms):
    link_id = lms.add_link()
    page = lms.lms_client("learner1").get(f"/course/activity/{link_id}").get_data(as_text=True)
    assert "data-fit-frame" in page and "/static/js/frame_resize.js" in page
    lms.state.fit_frame = False
    assert "data-fit-frame" not in lms.lms_client("learner1").get(f"/course/activity/{link_id}").get_data(as_text=True)
