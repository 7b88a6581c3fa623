"""Platform JWKS caching: one fetch, one refresh on an unknown kid, and no hammering."""
import json

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from flask import Flask, jsonify
from jwt.algorithms import RSAAlgorithm

from lti_tool import platform_keys
from tests.support.wsgi_transport import routed_session


def _jwk(kid):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return {**json.loads(RSAAlgorithm.to_jwk(key.public_key())), "kid": kid, "alg": "RS256"}


@pytest.fixture
def jwks_server(app):
    server = Flask("jwks")
    server.published = [_jwk("k1")]
    server.hits = 0

    @server.get("/jwks")
    def jwks():
        server.hits += 1
        return jsonify(keys=server.published)

    app.config["LTI_REQUESTS_SESSION"] = routed_session({"http://keys.test": server})
    platform_keys._last_fetch.clear()
    yield server
    app.config["LTI_REQUESTS_SESSION"] = None


def test_key_set_is_fetched_once_and_cached(jwks_server):
    for _ in range(5):
        key, alg = platform_keys.public_key("http://keys.test/jwks", "k1")
        assert key is not None and alg == "RS256"
    assert jwks_server.hits == 1


def test_unknown_kid_triggers_one_refresh_then_finds_a_rotated_key(jwks_server, monkeypatch):
    platform_keys.public_key("http://keys.test/jwks", "k1")
    jwks_server.published.append(_jwk("k2"))
    monkeypatch.setattr(platform_keys, "REFRESH_FLOOR", 0.0)
    key, _ = platform_keys.public_key("http://keys.test/jwks", "k2")
    assert key is not None
    assert jwks_server.hits == 2


def test_random_kids_do_not_hammer_the_platform(jwks_server):
    platform_keys.public_key("http://keys.test/jwks", "k1")
    for n in range(20):
        assert platform_keys.public_key("http://keys.test/jwks", f"random-{n}") == (None, None)
    assert jwks_server.hits == 1


def test_broken_key_set_is_a_clear_error(jwks_server):
    jwks_server.published = "nope"
    with pytest.raises(platform_keys.KeySetError):
        platform_keys.public_key("http://keys.test/jwks", "k1")
