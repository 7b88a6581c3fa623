"""Fixtures for the demo LMS's own tests: the LMS with a tiny fake tool, and the real tool via `platform`."""
import json
import time
import uuid

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from flask import Flask, jsonify
from jwt.algorithms import RSAAlgorithm

from demo_lms.registration import CLIENT_ID
from tests.support.platform import TestPlatform, cached_pem
from tests.support.platform_fixture import platform  # noqa: F401  (end-to-end tests against the real tool)

ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
AGS = "https://purl.imsglobal.org/spec/lti-ags/scope/"
NRPS_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"
ALL_SCOPES = (AGS + "lineitem", AGS + "result.readonly", AGS + "score", NRPS_SCOPE)


def public_jwk(private_key, kid):
    """The public JWK of a key, as a tool publishes it."""
    jwk = json.loads(RSAAlgorithm.to_jwk(private_key.public_key()))
    jwk.update(kid=kid, alg="RS256", use="sig")
    return jwk


class FakeTool:
    """A minimal 'tool' that only publishes a JWKS for a throwaway key, which the tests sign with."""

    kid = "fake-tool-key-1"

    def __init__(self):
        self.private_key = serialization.load_pem_private_key(cached_pem("fake-tool").encode(), password=None)
        self.published = [public_jwk(self.private_key, self.kid)]
        self.jwks_calls = 0
        self.app = Flask("fake_tool")
        self.app.add_url_rule("/.well-known/jwks.json", "jwks", self._jwks)

    def _jwks(self):
        self.jwks_calls += 1
        return jsonify(keys=self.published)

    def publish(self, private_key, kid):
        """Add a key to the JWKS (as a tool rotating its keys does)."""
        self.published.append(public_jwk(private_key, kid))

    def sign(self, claims, key=None, kid=None):
        """Sign claims with the fake tool's key (or another one) under a kid."""
        return jwt.encode(claims, key or self.private_key, algorithm="RS256", headers={"kid": kid or self.kid})

    def assertion(self, audience, key=None, kid=None, **overrides):
        """A client assertion for the token endpoint; claims can be overridden (None removes one)."""
        now = int(time.time())
        claims = {"iss": CLIENT_ID, "sub": CLIENT_ID, "aud": audience, "iat": now, "exp": now + 300,
                  "jti": uuid.uuid4().hex, **overrides}
        return self.sign({k: v for k, v in claims.items() if v is not None}, key=key, kid=kid)


def token_form(assertion, scopes=ALL_SCOPES):
    """The token request form fields."""
    return {"grant_type": "client_credentials", "client_assertion_type": ASSERTION_TYPE,
            "client_assertion": assertion, "scope": " ".join(scopes)}


@pytest.fixture
def fake_tool():
    """The fake tool (its JWKS only)."""
    return FakeTool()


@pytest.fixture
def lms(fake_tool, tmp_path):
    """A demo LMS (as a TestPlatform) whose tool is the fake tool; no lti_tool involved."""
    test_platform = TestPlatform(fake_tool.app, tmp_path / "lms")
    yield test_platform
    test_platform.close()


@pytest.fixture
def http(lms):
    """The routed requests.Session: http://lms.test and http://tool.test in-process."""
    return lms.session


@pytest.fixture
def get_token(lms, fake_tool, http):
    """get_token(*scopes) -> a bearer token from the LMS's real token endpoint."""

    def get(*scopes):
        """A token for these scopes (all the LMS offers when none are named)."""
        response = http.post(lms.registration["auth_token_url"],
                             data=token_form(fake_tool.assertion(lms.registration["auth_token_url"]),
                                             scopes or ALL_SCOPES))
        assert response.status_code == 200, response.text
        return response.json()["access_token"]

    return get


def auth_query(login_params, **overrides):
    """The authentication request a tool sends the platform after login initiation (None removes a field)."""
    query = {"scope": "openid", "response_type": "id_token", "response_mode": "form_post", "prompt": "none",
             "client_id": login_params["client_id"], "redirect_uri": login_params["target_link_uri"],
             "login_hint": login_params["login_hint"], "lti_message_hint": login_params["lti_message_hint"],
             "state": "state-123", "nonce": "nonce-456", **overrides}
    return {k: v for k, v in query.items() if v is not None}
