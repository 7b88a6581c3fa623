"""The OAuth2 token endpoint: client credentials with a JWT assertion checked against the tool's JWKS."""
import time

from tests.demo_lms.conftest import ALL_SCOPES, token_form
from tests.support.platform import foreign_key


def _post(lms, http, form):
    return http.post(lms.registration["auth_token_url"], data=form)


def test_good_assertion_gets_a_bearer_token_and_is_counted(lms, fake_tool, http):
    url = lms.registration["auth_token_url"]
    response = _post(lms, http, token_form(fake_tool.assertion(url)))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["token_type"] == "bearer" and body["expires_in"] == 3600
    assert set(body["scope"].split()) == set(ALL_SCOPES)
    assert response.headers["Cache-Control"] == "no-store"
    claims = lms.decode(body["access_token"], verify=True)
    assert claims["iss"] == lms.registration["issuer"] and claims["sub"] == lms.registration["client_id"]
    assert lms.token_count() == 1
    assert http.get(lms.lms_url + "/lti/stats").json()["tokens_issued"] == 1


def test_unknown_scopes_are_dropped_and_none_left_is_invalid_scope(lms, fake_tool, http):
    url = lms.registration["auth_token_url"]
    response = _post(lms, http, token_form(fake_tool.assertion(url), ["https://example.org/other"]))
    assert response.status_code == 400 and response.json()["error"] == "invalid_scope"
    assert lms.token_count() == 0


def test_assertion_signed_with_an_unpublished_key_is_refused(lms, fake_tool, http):
    url = lms.registration["auth_token_url"]
    response = _post(lms, http, token_form(fake_tool.assertion(url, key=foreign_key())))
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"
    assert lms.token_count() == 0


def test_unknown_kid_refetches_the_jwks_once_then_refuses(lms, fake_tool, http):
    url = lms.registration["auth_token_url"]
    assert _post(lms, http, token_form(fake_tool.assertion(url))).status_code == 200
    calls = fake_tool.jwks_calls
    response = _post(lms, http, token_form(fake_tool.assertion(url, key=foreign_key(), kid="nobody")))
    assert response.status_code == 401
    assert fake_tool.jwks_calls == calls + 1


def test_rotated_tool_key_is_found_after_one_refetch(lms, fake_tool, http):
    url = lms.registration["auth_token_url"]
    assert _post(lms, http, token_form(fake_tool.assertion(url))).status_code == 200
    fake_tool.publish(foreign_key(), "rotated-key")
    response = _post(lms, http, token_form(fake_tool.assertion(url, key=foreign_key(), kid="rotated-key")))
    assert response.status_code == 200, response.text


def test_wrong_audience_issuer_subject_or_expiry_is_refused(lms, fake_tool, http):
    url = lms.registration["auth_token_url"]
    now = int(time.time())
    for overrides in ({"aud": "http://lms.test/other"}, {"iss": "someone-else"}, {"sub": "someone-else"},
                      {"iat": now - 900, "exp": now - 600}, {"aud": None}, {"jti": None},
                      {"exp": now + 86400}):
        response = _post(lms, http, token_form(fake_tool.assertion(url, **overrides)))
        assert response.status_code == 401, (overrides, response.text)
    assert lms.token_count() == 0


def test_replayed_assertion_is_refused(lms, fake_tool, http):
    form = token_form(fake_tool.assertion(lms.registration["auth_token_url"]))
    assert _post(lms, http, form).status_code == 200
    response = _post(lms, http, form)
    assert response.status_code == 401 and "replay" in response.json()["error_description"]


def test_alg_none_and_hs256_with_the_public_key_are_refused(lms, fake_tool, http):
    url = lms.registration["auth_token_url"]
    claims = lms.decode(fake_tool.assertion(url))
    none_token = lms.sign(claims, headers={"kid": fake_tool.kid}, algorithm="none")
    hs_token = lms.sign(claims, headers={"kid": fake_tool.kid}, algorithm="HS256",
                        key=fake_tool.private_key.public_key().public_bytes(
                            *_pem_args()))
    for token in (none_token, hs_token, "not-a-jwt", ""):
        response = _post(lms, http, token_form(token))
        assert response.status_code in (400, 401), response.text
    assert lms.token_count() == 0


def _pem_args():
    from cryptography.hazmat.primitives import serialization

    return serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo


def test_wrong_grant_type_or_assertion_type_is_a_400(lms, fake_tool, http):
    form = token_form(fake_tool.assertion(lms.registration["auth_token_url"]))
    response = _post(lms, http, {**form, "grant_type": "password"})
    assert response.status_code == 400 and response.json()["error"] == "unsupported_grant_type"
    response = _post(lms, http, {**form, "client_assertion_type": "something"})
    assert response.status_code == 400 and response.json()["error"] == "invalid_request"
    response = _post(lms, http, {k: v for k, v in form.items() if k != "scope"})
    assert response.status_code == 400 and response.json()["error"] == "invalid_request"
