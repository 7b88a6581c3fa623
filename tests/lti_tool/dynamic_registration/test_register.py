"""Dynamic Registration against the real demo LMS: invite → register → platform + deployment → launch."""
from urllib.parse import urlencode

from lti_tool.extensions import db
from lti_tool.models import Platform
from tests.lti_tool.dynamic_registration.conftest import invite_row, lms_opens

CONFIG_URL = "http://lms.test/lti/openid-configuration"


def test_invite_registers_the_demo_lms_and_a_launch_works(app, client, lms, invite):
    path = lms_opens(lms, invite(name="Demo academy"))
    response = client.get(path, headers={"Accept-Language": "en"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200, page[:2000]
    platform = db.session.execute(db.select(Platform)).scalar_one()
    client_id, deployment_id, _ = lms.state.tools.latest()
    assert (platform.issuer, platform.client_id, platform.name) == ("http://lms.test", client_id, "Demo academy")
    assert [d.deployment_id for d in platform.deployments] == [deployment_id]
    assert platform.auth_login_url == "http://lms.test/lti/auth" and platform.jwks_url == "http://lms.test/lti/jwks"
    assert client_id in page and deployment_id in page and "Sending participation scores" in page
    assert "registration_token" not in page and lms.state.tools.new_token()[:8] not in page
    assert "frame-ancestors 'self' http://lms.test" in response.headers["Content-Security-Policy"]
    assert invite_row().used_at is not None and invite_row().platform_id == platform.id
    lms.warm_tool_keys()
    link_id = lms.add_link("Stellingen")
    assert lms.launch(client, "learner1", link_id).status_code == 303
    assert lms.launch(client, "facilitator", deep_linking=True).status_code == 303


def test_the_request_asks_for_what_leernetwerk_needs(app, client, lms, invite):
    seen = _record_requests(lms)
    client.get(lms_opens(lms, invite()))
    [body] = [b for path, _, b in seen if path == "/lti/register"]
    tool = body["https://purl.imsglobal.org/spec/lti-tool-configuration"]
    assert set(body["scope"].split()) == {
        "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
        "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
        "https://purl.imsglobal.org/spec/lti-ags/scope/score",
        "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"}
    assert "email" not in tool["claims"] and {"sub", "name", "given_name", "family_name"} <= set(tool["claims"])
    assert {m["type"] for m in tool["messages"]} == {"LtiResourceLinkRequest", "LtiDeepLinkingRequest"}
    assert all(m["label#nl"] and m["icon_uri"].endswith(".png") for m in tool["messages"])
    assert body["initiate_login_uri"] == "http://tool.test/lti/login" and tool["domain"] == "tool.test"
    assert client.get("/static/img/leernetwerk-icon.png").status_code == 200


def test_same_url_a_second_time_is_refused(app, client, lms, invite):
    url = invite()
    assert client.get(lms_opens(lms, url)).status_code == 200
    again = client.get(lms_opens(lms, url), headers={"Accept-Language": "nl"})
    assert again.status_code == 410 and "al gebruikt" in again.get_data(as_text=True)
    assert db.session.execute(db.select(db.func.count(Platform.id))).scalar() == 1


def test_expired_invite_is_refused(app, client, lms, invite):
    response = client.get(lms_opens(lms, invite(expired=True)), headers={"Accept-Language": "en"})
    assert response.status_code == 410 and "expired" in response.get_data(as_text=True)
    assert not db.session.execute(db.select(Platform)).first()


def test_unknown_invite_is_refused(app, client, lms):
    response = client.get(lms_opens(lms, "http://tool.test/lti/register/not-a-real-invite"),
                          headers={"Accept-Language": "nl"})
    assert response.status_code == 404 and "registratielink" in response.get_data(as_text=True)
    assert not db.session.execute(db.select(Platform)).first()


def test_foreign_issuer_is_refused_and_the_invite_stays_unused(app, client, lms, invite):
    _patch_configuration(lms, issuer="https://moodle.example.org")
    response = client.get(lms_opens(lms, invite()), headers={"Accept-Language": "en"})
    assert response.status_code == 400 and "moodle.example.org" in response.get_data(as_text=True)
    assert invite_row().used_at is None and not db.session.execute(db.select(Platform)).first()


def test_plain_http_configuration_is_refused_outside_development(app, client, lms, invite):
    url = invite()
    query = urlencode({"openid_configuration": "http://lms.example.org/lti/openid-configuration"})
    response = client.get(f"{url[len('http://tool.test'):]}?{query}")
    assert response.status_code == 400 and invite_row().used_at is None


def test_without_registration_token_no_authorization_header_is_sent(app, client, lms, invite):
    lms.state.registration_token_required = False  # as Brightspace registers
    seen = _record_requests(lms)
    url = invite()
    response = client.get(f"{url[len('http://tool.test'):]}?{urlencode({'openid_configuration': CONFIG_URL})}")
    assert response.status_code == 200, response.get_data(as_text=True)[:1000]
    [(_, headers, _)] = [r for r in seen if r[0] == "/lti/register"]
    assert "HTTP_AUTHORIZATION" not in headers and headers["HTTP_USER_AGENT"].startswith("Leernetwerk")


def test_lms_error_answer_leaves_the_invite_unused(app, client, lms, invite):
    url = invite()
    path = lms_opens(lms, url)
    lms.state.tools.token_is_valid = lambda token: False  # the LMS refuses the token: 401 with a reason
    response = client.get(path, headers={"Accept-Language": "en"})
    page = response.get_data(as_text=True)
    assert response.status_code == 502 and "A valid registration token is required" in page
    assert "registration_token=" not in page and path.split("registration_token=")[1] not in page
    assert invite_row().used_at is None and not db.session.execute(db.select(Platform)).first()


def test_opened_without_the_lms_parameters_explains_itself(app, client, invite):
    url = invite()
    response = client.get(url[len("http://tool.test"):], headers={"Accept-Language": "en"})
    assert response.status_code == 400 and "LTI Advantage" in response.get_data(as_text=True)
    assert invite_row().used_at is None


def _record_requests(lms):
    """Record (path, WSGI environ headers, JSON body) of every call into the demo LMS."""
    import json

    seen, inner = [], lms.lms.wsgi_app

    def recording(environ, start_response):
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        environ["wsgi.input"] = __import__("io").BytesIO(body)
        headers = {k: v for k, v in environ.items() if k.startswith("HTTP_")}
        seen.append((environ["PATH_INFO"], headers, json.loads(body) if body.startswith(b"{") else None))
        return inner(environ, start_response)

    lms.lms.wsgi_app = recording
    return seen


def _patch_configuration(lms, **changes):
    """Make the demo LMS's openid configuration say something else."""
    from demo_lms import registration_views

    original = registration_views.dr.openid_configuration
    view = lms.lms.view_functions["registration.openid_configuration"]

    def patched():
        from flask import jsonify

        return jsonify({**original(lms.state.lms_url), **changes})

    lms.lms.view_functions["registration.openid_configuration"] = patched
    return view
