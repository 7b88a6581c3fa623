"""The demo LMS's Dynamic Registration: configuration, token-guarded endpoint, request checks, switching tools."""
from urllib.parse import parse_qsl, urlsplit

import pytest

TC = "https://purl.imsglobal.org/spec/lti-tool-configuration"
SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"


def tool_request(**changes):
    """A valid registration request of a tool at http://tool.test."""
    body = {"application_type": "web", "response_types": ["id_token"], "grant_types": ["implicit", "client_credentials"],
            "initiate_login_uri": "http://tool.test/lti/login", "redirect_uris": ["http://tool.test/lti/launch"],
            "client_name": "Tool", "jwks_uri": "http://tool.test/.well-known/jwks.json",
            "token_endpoint_auth_method": "private_key_jwt", "scope": SCORE,
            TC: {"domain": "tool.test", "target_link_uri": "http://tool.test/lti/launch", "claims": ["sub"],
                 "messages": [{"type": "LtiDeepLinkingRequest", "target_link_uri": "http://tool.test/lti/dl"}]}}
    body.update(changes)
    return body


@pytest.fixture
def token(lms):
    return lms.state.tools.new_token()


def _register(http, body, token=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return http.post("http://lms.test/lti/register", json=body, headers=headers)


def test_openid_configuration_names_the_lms(http):
    config = http.get("http://lms.test/lti/openid-configuration").json()
    assert config["issuer"] == "http://lms.test"
    assert config["registration_endpoint"] == "http://lms.test/lti/register"
    assert SCORE in config["scopes_supported"]
    assert config["https://purl.imsglobal.org/spec/lti-platform-configuration"]["product_family_code"]


def test_registration_needs_a_valid_token(http, token):
    assert _register(http, tool_request()).status_code == 401
    assert _register(http, tool_request(), "made-up").status_code == 401


def test_a_token_registers_once_and_launches_use_the_new_tool(lms, http, token):
    answer = _register(http, tool_request(), token)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["client_id"].startswith("dr-") and body[TC]["deployment_id"] and body["scope"] == SCORE
    assert _register(http, tool_request(), token).status_code == 401
    assert lms.state.registration.get_client_id() == body["client_id"]
    params = lms.login_params("facilitator", deep_linking=True)
    assert params["client_id"] == body["client_id"] and params["target_link_uri"] == "http://tool.test/lti/dl"


@pytest.mark.parametrize("changes, error", [
    ({"scope": "https://example.org/scope/everything"}, "invalid_client_metadata"),
    ({"redirect_uris": ["https://evil.example/lti/launch"]}, "invalid_redirect_uri"),
    ({"initiate_login_uri": "https://evil.example/login"}, "invalid_client_metadata"),
    ({"jwks_uri": None}, "invalid_client_metadata"),
    ({"grant_types": ["implicit"]}, "invalid_client_metadata"),
    ({TC: {"domain": "tool.test", "target_link_uri": "http://tool.test/lti/launch",
           "messages": [{"type": "LtiSubmissionReviewRequest"}]}}, "invalid_client_metadata"),
])
def test_bad_requests_are_refused_and_keep_the_token(lms, http, token, changes, error):
    answer = _register(http, tool_request(**changes), token)
    assert answer.status_code == 400 and answer.json()["error"] == error
    assert lms.state.tools.token_is_valid(token)


def test_admin_page_frames_the_tool_with_configuration_and_token(lms):
    client = lms.lms_client("facilitator")
    assert b"Tool registration URL" in client.get("/course/register-tool").data
    page = client.post("/course/register-tool", data={"tool_url": "https://tool.example/lti/register/abc"})
    assert page.status_code == 200 and "frame-src 'self' https://tool.example" in page.headers["Content-Security-Policy"]
    src = page.get_data(as_text=True).split('id="registration-frame" title="Tool registration" src="')[1].split('"')[0]
    query = dict(parse_qsl(urlsplit(src.replace("&amp;", "&")).query))
    assert query["openid_configuration"] == "http://lms.test/lti/openid-configuration"
    assert lms.state.tools.token_is_valid(query["registration_token"])
    assert client.post("/course/register-tool", data={"tool_url": "javascript:alert(1)"}).status_code == 400
    assert lms.lms_client("learner1").get("/course/register-tool").status_code == 403
