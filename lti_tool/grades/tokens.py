"""OAuth2 client-credentials access tokens for LTI services (AGS, NRPS), and calls that use them.

pylti1p3 keeps a token only inside one launch's ServiceConnector; a fresh one costs an HTTP round
trip plus a signature, so we cache tokens in `cache` (Redis when configured, shared by every
process) per platform, client and scope set until shortly before they expire.
"""
import hashlib
import math
import threading
import time
import uuid
from dataclasses import dataclass

import jwt

from lti_tool import keys
from lti_tool.extensions import cache
from lti_tool.service_http import ServiceError, error_for, send

ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
ASSERTION_SECONDS = 300
EXPIRY_MARGIN_SECONDS = 60
DEFAULT_EXPIRES_IN = 3600


_locks = {}
_locks_guard = threading.Lock()


@dataclass(frozen=True)
class PlatformRef:
    """The registration fields token and service calls need; plain data, safe to share between threads."""

    id: int
    client_id: str
    auth_token_url: str
    auth_audience: str | None = None

    @classmethod
    def of(cls, platform):
        """Copy the fields of a Platform row."""
        return cls(platform.id, platform.client_id, platform.auth_token_url, platform.auth_audience)


def client_assertion(platform):
    """The signed JWT that authenticates the tool at the platform's token endpoint."""
    kid, private_key = keys.signing_key()  # a loaded key object: ~0.4 ms per signature, not ~40 ms
    now = int(time.time())
    claims = {
        "iss": platform.client_id, "sub": platform.client_id,
        "aud": platform.auth_audience or platform.auth_token_url,
        "iat": now, "exp": now + ASSERTION_SECONDS, "jti": uuid.uuid4().hex,
    }
    return jwt.encode(claims, private_key, algorithm="RS256", headers={"kid": kid})


def access_token(platform, scopes):
    """A bearer token for `scopes` at `platform`, from the cache or a new token request."""
    key = _cache_key(platform, scopes)
    token = _cached(key)
    if token is not None:
        return token
    # One request per key at a time in this process; waiting threads then find it cached.
    with _lock_for(key):
        token = _cached(key)
        if token is None:
            token = _request_token(platform, scopes, key)
    return token


def invalidate(platform, scopes, token):
    """Forget a token a service refused, unless another thread has already replaced it."""
    key = _cache_key(platform, scopes)
    with _lock_for(key):
        entry = cache.get(key)
        if entry is not None and entry.get("access_token") == token:
            cache.delete(key)


def service_request(platform, scopes, method, url, headers=None, **kwargs):
    """Call an LTI service with a bearer token; a 401 renews the token and retries once."""
    token = access_token(platform, scopes)
    response = send(method, url, headers={**(headers or {}), "Authorization": f"Bearer {token}"}, **kwargs)
    if response.status_code == 401:
        invalidate(platform, scopes, token)
        token = access_token(platform, scopes)
        response = send(method, url, headers={**(headers or {}), "Authorization": f"Bearer {token}"}, **kwargs)
    return response


def _cache_key(platform, scopes):
    # Hashed: client ids and scope URIs are long; the platform id keeps keys readable enough.
    raw = "\n".join([platform.client_id, *sorted(set(scopes))])
    return f"lti-token:{platform.id}:{hashlib.sha256(raw.encode()).hexdigest()[:32]}"


def _lock_for(key):
    with _locks_guard:
        return _locks.setdefault(key, threading.Lock())


def _cached(key):
    entry = cache.get(key)
    if entry is not None and entry.get("usable_until", 0) > time.time():
        return entry["access_token"]
    return None


def _request_token(platform, scopes, key):
    form = {
        "grant_type": "client_credentials", "client_assertion_type": ASSERTION_TYPE,
        "client_assertion": client_assertion(platform), "scope": " ".join(sorted(set(scopes))),
    }
    response = send("POST", platform.auth_token_url, data=form, headers={"Accept": "application/json"})
    if not 200 <= response.status_code < 300:
        raise error_for(response, "Access token")
    try:
        body = response.json()
        token = body["access_token"]
    except (ValueError, KeyError, TypeError):
        body, token = None, None
    if not isinstance(token, str) or not token:
        raise ServiceError("Access token: the platform's answer held no access_token.", retryable=True)
    lifetime = _usable_seconds(body.get("expires_in"))
    if lifetime > 0:
        cache.set(key, {"access_token": token, "usable_until": time.time() + lifetime},
                  timeout=max(1, math.ceil(lifetime)))  # a 0 timeout would mean "never expires"
    return token


def _usable_seconds(expires_in):
    """Seconds to reuse a token: until 60 s before expiry; very short-lived tokens half their life."""
    try:
        expires_in = float(expires_in)
    except (TypeError, ValueError):
        expires_in = DEFAULT_EXPIRES_IN
    if expires_in > 2 * EXPIRY_MARGIN_SECONDS:
        return expires_in - EXPIRY_MARGIN_SECONDS
    return expires_in / 2
