"""Platform JWKS: fetched once, cached app-wide, parsed into key objects once per process.

pylti1p3 would fetch the JWKS on every launch and convert the JWK to PEM each time; we cache the
document (shared through Redis when configured) and refresh it once when a token names an
unknown kid, at most every REFRESH_FLOOR seconds per platform so random kids cannot make us
hammer the LMS.
"""
import json
import threading
import time

from flask import current_app
from jwt.algorithms import RSAAlgorithm

from lti_tool.extensions import cache
from lti_tool.http import http_session, timeout

REFRESH_FLOOR = 10.0
_parsed = {}
_last_fetch = {}
_lock = threading.Lock()


class KeySetError(Exception):
    """The platform's JWKS could not be fetched or read."""


def _cache_key(url):
    return f"jwks:{url}"


def _fetch(url):
    try:
        response = http_session().get(url, timeout=timeout())
        response.raise_for_status()
        document = response.json()
    except Exception as exc:  # network, HTTP or JSON errors all mean "no usable key set"
        raise KeySetError(f"could not fetch the platform JWKS from {url}: {exc}") from exc
    if not isinstance(document, dict) or not isinstance(document.get("keys"), list):
        raise KeySetError(f"the platform JWKS at {url} has no 'keys' list")
    _last_fetch[url] = time.monotonic()
    cache.set(_cache_key(url), document, timeout=current_app.config["JWKS_CACHE_SECONDS"])
    return document


def _find(document, kid):
    for jwk in document.get("keys", []):
        if isinstance(jwk, dict) and jwk.get("kid") == kid:
            return jwk
    return None


def _load(jwk):
    if jwk.get("kty") != "RSA":
        raise KeySetError(f"key {jwk.get('kid')} is not an RSA key")
    fingerprint = (jwk.get("kid"), jwk.get("n"), jwk.get("e"))
    key = _parsed.get(fingerprint)
    if key is None:
        with _lock:
            key = RSAAlgorithm.from_jwk(json.dumps(jwk))
            _parsed[fingerprint] = key
    return key


def public_key(jwks_url, kid):
    """The platform's public key object for `kid` and its declared alg; refreshes once if unknown."""
    document = cache.get(_cache_key(jwks_url))
    if document is None:
        document = _fetch(jwks_url)
    jwk = _find(document, kid)
    if jwk is None and time.monotonic() - _last_fetch.get(jwks_url, 0.0) > REFRESH_FLOOR:
        jwk = _find(_fetch(jwks_url), kid)
    if jwk is None:
        return None, None
    return _load(jwk), jwk.get("alg", "RS256")
