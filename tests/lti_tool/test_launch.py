"""Launches from a real third-party platform (lti1p3platform in the demo LMS), good and hostile."""
import time

import pytest

from lti_tool.models import ActivityInstance, Context, LaunchSession, Membership, User
from tests.support.platform import auth_request_url, foreign_key

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
LEARNER_ROLE = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"


def assert_refused(response, status=400, text=None):
    """A clear 4xx page, never a 5xx or a stack trace."""
    body = response.get_data(as_text=True)
    assert response.status_code == status, (response.status_code, body[:800])
    assert "Traceback" not in body
    assert "Reference" in body or "Referentie" in body
    if text:
        assert text in body, body[:1500]


def test_valid_launch_opens_a_session_and_redirects(client, platform, db):
    response = platform.launch(client, "learner1")
    assert response.status_code == 303, response.get_data(as_text=True)[:800]
    assert "lt=" in response.headers["Location"]
    assert LaunchSession.query.count() == 1
    user = User.query.one()
    assert user.name and user.sub
    context = Context.query.one()
    assert context.title
    assert Membership.query.one().role == "learner"
    instance = ActivityInstance.query.one()
    assert instance.lineitem_url and "?type_id=" in instance.lineitem_url
    page = client.get(response.headers["Location"])
    assert page.status_code == 200
    assert "not ready yet" in page.get_data(as_text=True) or "nog niet klaar" in page.get_data(as_text=True)


def test_instructor_launch_of_unconfigured_link_offers_setup(client, platform):
    response = platform.launch(client, "facilitator")
    assert response.status_code == 303
    assert "/setup/" in response.headers["Location"]


def test_replayed_form_post_is_refused(client, platform):
    assert platform.launch(client, "learner1").status_code == 303
    response = client.post("/lti/launch", data={"id_token": platform.last_id_token,
                                                "state": platform.last_auth_query["state"]})
    assert_refused(response)


def test_replayed_id_token_with_a_fresh_state_is_refused(client, platform):
    assert platform.launch(client, "learner1").status_code == 303
    stolen = platform.last_id_token
    response = platform.launch(client, "learner1", tamper=lambda claims: stolen)
    assert_refused(response)


def test_token_from_another_browser_is_refused(app, client, platform):
    from urllib.parse import parse_qsl, urlsplit

    victim = app.test_client()

    def victims_token():
        login = victim.get("/lti/login", query_string=platform.login_params("learner1"))
        return platform.authorize(dict(parse_qsl(urlsplit(auth_request_url(login)).query)), "learner1")

    # The attacker's browser (no state cookie) posts the victim's token and state: it is asked for the
    # binding from the frame's storage, which only the victim's browser holds.
    id_token, state = victims_token()
    waiting = client.post("/lti/launch", data={"id_token": id_token, "state": state})
    assert waiting.status_code == 200 and id_token not in waiting.get_data(as_text=True)
    assert_refused(client.post("/lti/launch/verify", data={"state": state, "secret": ""}))
    # Even with a state cookie of its own from another login, the binding does not match.
    id_token, state = victims_token()
    client.get("/lti/login", query_string=platform.login_params("learner2"))
    client.set_cookie(f"ln_state_{state[:24]}", "guessed", domain="localhost")
    assert_refused(client.post("/lti/launch", data={"id_token": id_token, "state": state}))


def _claims_change(**changes):
    def tamper(claims):
        for name, value in changes.items():
            if value is ...:
                claims.pop(name, None)
            else:
                claims[name] = value
        return claims
    return tamper


HOSTILE_CLAIMS = {
    "wrong audience": _claims_change(aud="someone-else"),
    "extra audience without azp": lambda c: {**c, "aud": [c["aud"], "other-tool"], "azp": None} if False else
    {k: v for k, v in {**c, "aud": [c["aud"], "other-tool"]}.items() if k != "azp"},
    "bad azp": _claims_change(azp="other-tool"),
    "expired": lambda c: {**c, "exp": int(time.time()) - 3600, "iat": int(time.time()) - 4000},
    "issued in the future": lambda c: {**c, "iat": int(time.time()) + 3600, "exp": int(time.time()) + 7200},
    "missing nonce": _claims_change(nonce=...),
    "foreign nonce": _claims_change(nonce="a-nonce-we-never-issued"),
    "unknown deployment": _claims_change(**{LTI + "deployment_id": "not-registered"}),
    "unknown issuer": _claims_change(iss="http://evil.test"),
    "wrong message type": _claims_change(**{LTI + "message_type": "LtiSubmissionReviewRequest"}),
    "wrong version": _claims_change(**{LTI + "version": "1.1.0"}),
    "missing resource link": _claims_change(**{LTI + "resource_link": ...}),
    "foreign target_link_uri": _claims_change(**{LTI + "target_link_uri": "http://evil.test/lti/launch"}),
    "missing sub": _claims_change(sub=...),
    "missing context": _claims_change(**{LTI + "context": ...}),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_CLAIMS))
def test_hostile_claims_are_refused(client, platform, case):
    assert_refused(platform.launch(client, "learner1", tamper=HOSTILE_CLAIMS[case]))


def test_unknown_kid_is_refused_after_one_jwks_refresh(client, platform):
    before = platform.stats().get("jwks_requests")
    response = platform.launch(client, "learner1", tamper=lambda c: platform.sign(c, headers={"kid": "unknown"}))
    assert_refused(response)
    if before is not None:
        assert platform.stats()["jwks_requests"] - before <= 2


@pytest.mark.parametrize("attack", ["wrong key", "alg none", "HS256 with the public key", "garbage", "three dots",
                                    "no kid"])
def test_forged_tokens_are_refused(client, platform, attack):
    def tamper(claims):
        return {
            "wrong key": lambda: platform.sign(claims, key=foreign_key()),
            "alg none": lambda: platform.sign(claims, algorithm="none"),
            "HS256 with the public key": lambda: platform.sign(claims, algorithm="HS256"),
            "garbage": lambda: "not-a-jwt",
            "three dots": lambda: "a.b.c",
            "no kid": lambda: platform.sign(claims, headers={"kid": None}),
        }[attack]()
    assert_refused(platform.launch(client, "learner1", tamper=tamper))


def test_learner_deep_linking_is_refused(client, platform):
    def as_learner(claims):
        claims[LTI + "roles"] = [LEARNER_ROLE]
        return claims
    assert_refused(platform.launch(client, "facilitator", deep_linking=True, tamper=as_learner), status=403)


def test_missing_state_or_token_is_refused(client, platform):
    assert_refused(client.post("/lti/launch", data={"id_token": "x"}))
    assert_refused(client.post("/lti/launch", data={"state": "x", "id_token": "y"}))
    assert_refused(client.post("/lti/launch", data={}))


def test_login_refuses_unknown_issuer_and_foreign_target(client, platform):
    params = platform.login_params("learner1")
    assert_refused(client.get("/lti/login", query_string={**params, "iss": "http://evil.test"}))
    assert_refused(client.get("/lti/login", query_string={**params, "target_link_uri": "http://evil.test/x"}))
    assert_refused(client.get("/lti/login", query_string={**params, "lti_deployment_id": "nope"}))
    assert_refused(client.get("/lti/login", query_string={"iss": params["iss"]}))


def test_refusal_page_speaks_the_browser_language(client, platform):
    params = platform.login_params("learner1")
    response = client.get("/lti/login", query_string={**params, "iss": "http://evil.test"},
                          headers={"Accept-Language": "en"})
    assert_refused(response, text="Details for the LMS administrator")


def test_launch_never_crashes_on_json_junk(client, platform):
    for junk in ({"aud": ["a", 1, None]}, {LTI + "roles": "admin"}, {LTI + "context": "x"}, {LTI + "resource_link": []}):
        response = platform.launch(client, "learner1", tamper=lambda c, j=junk: {**c, **j})
        assert 400 <= response.status_code < 500


def test_a_launch_in_one_course_cannot_open_another_course_activity(app, client, platform, launches):
    assert platform.launch(client, "learner1").status_code == 303
    other = launches.instance(activity_type=None)
    session = LaunchSession.query.one()
    from lti_tool.launch import Launch
    from lti_tool.session import issue_token

    token = issue_token(Launch.from_json(session.data))
    assert client.get(f"/setup/{other.id}", query_string={"lt": token}).status_code == 401
