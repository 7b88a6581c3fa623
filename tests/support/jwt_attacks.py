"""Keys and hand-made tokens for negative tests: unpublished keys, alg 'none', HS256 key confusion."""
import base64
import hashlib
import hmac
import json

from cryptography.hazmat.primitives import serialization

from demo_lms.keys import generate_pem

_pems = {}


def cached_pem(name):
    """An RSA private key PEM made once per test run (key generation costs ~100 ms)."""
    if name not in _pems:
        _pems[name] = generate_pem()
    return _pems[name]


def foreign_key():
    """A private key nobody publishes: tokens signed with it must be refused."""
    return serialization.load_pem_private_key(cached_pem("foreign").encode(), password=None)


def _b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _segments(claims, header):
    return _b64(json.dumps(header, separators=(",", ":")).encode()) + "." + _b64(
        json.dumps(claims, separators=(",", ":")).encode())


def unsigned_token(claims, header):
    """A token with alg 'none' and an empty signature."""
    return _segments(claims, {**header, "alg": "none"}) + "."


def hs256_token(claims, header, secret):
    """An HS256 token with any secret, e.g. the platform's public key PEM (key confusion)."""
    # PyJWT refuses PEM-looking HMAC secrets (rightly); attack tokens are made by hand.
    signing_input = _segments(claims, {**header, "alg": "HS256", "typ": "JWT"})
    return signing_input + "." + _b64(hmac.new(secret, signing_input.encode(), hashlib.sha256).digest())
