"""Access tokens: signed client assertion, app-wide cache, one request at a time, 401 renewal."""
import threading
import time

import jwt
import pytest

from lti_tool.grades import tokens
from lti_tool.grades.tokens import PlatformRef
from lti_tool.service_http import ServiceError
from lti_tool.keys import jwks
from tests.support.platform_services import NRPS, SCORE


@pytest.fixture
def platform(launches):
    return PlatformRef.of(launches.platform())


def test_client_assertion_is_signed_with_the_tool_key(app, platform):
    assertion = tokens.client_assertion(platform)
    header = jwt.get_unverified_header(assertion)
    key = {k["kid"]: jwt.PyJWK(k).key for k in jwks()["keys"]}[header["kid"]]
    claims = jwt.decode(assertion, key, algorithms=["RS256"], audience="https://lms.test/token")
    assert header["alg"] == "RS256"
    assert claims["iss"] == claims["sub"] == "client-1"
    assert claims["exp"] - claims["iat"] == tokens.ASSERTION_SECONDS
    assert claims["jti"] != jwt.decode(tokens.client_assertion(platform), options={"verify_signature": False})["jti"]


def test_audience_prefers_the_registered_auth_audience(app, launches):
    row = launches.platform()
    row.auth_audience = "https://lms.test/oauth2/audience"
    claims = jwt.decode(tokens.client_assertion(PlatformRef.of(row)), options={"verify_signature": False})
    assert claims["aud"] == "https://lms.test/oauth2/audience"


def test_token_is_cached_per_platform_and_scope_set(app, services, platform):
    first = tokens.access_token(platform, (SCORE,))
    assert all(tokens.access_token(platform, [SCORE]) == first for _ in range(20))
    assert services.calls["token"] == 1
    assert services.token_scopes == [SCORE]
    tokens.access_token(platform, (NRPS, SCORE))
    assert tokens.access_token(platform, (SCORE, NRPS, SCORE)) == tokens.access_token(platform, (NRPS, SCORE))
    assert services.calls["token"] == 2
    assert services.token_scopes[1] == " ".join(sorted([NRPS, SCORE]))


def test_concurrent_callers_share_one_token_request(app, services, platform):
    services.token_delay = 0.05  # long enough for every thread to arrive while it is in flight
    results, barrier = [], threading.Barrier(8)

    def call():
        with app.app_context():
            barrier.wait()
            results.append(tokens.access_token(platform, (SCORE,)))

    threads = [threading.Thread(target=call) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8 and len(set(results)) == 1
    assert services.calls["token"] == 1


def test_token_is_renewed_after_it_expires(app, services, platform):
    services.expires_in = 2  # short-lived tokens are reused for half their life
    first = tokens.access_token(platform, (SCORE,))
    assert tokens.access_token(platform, (SCORE,)) == first
    time.sleep(1.1)
    assert tokens.access_token(platform, (SCORE,)) != first
    assert services.calls["token"] == 2


def test_a_401_renews_the_token_and_retries_once(app, services, platform, placement):
    url = "https://lms.test/lineitems/1/lineitem/scores"
    assert tokens.service_request(platform, (SCORE,), "POST", url, json={"userId": "a"}).status_code == 204
    services.revoke_tokens()
    assert tokens.service_request(platform, (SCORE,), "POST", url, json={"userId": "b"}).status_code == 204
    assert services.calls["token"] == 2
    assert services.calls["score"] == 3
    services.script("score", 401, {"error": "invalid_token"}, times=2)
    assert tokens.service_request(platform, (SCORE,), "POST", url, json={"userId": "c"}).status_code == 401
    assert services.calls["token"] == 3  # retried once, not in a loop


def test_refused_token_request_is_permanent_with_the_platform_reason(app, services, platform):
    services.script("token", 400, {"error": "invalid_scope", "error_description": "Scope not allowed"})
    with pytest.raises(ServiceError) as caught:
        tokens.access_token(platform, (SCORE,))
    assert not caught.value.retryable
    assert caught.value.reason == "Access token: 400 Bad Request: Scope not allowed"


def test_unavailable_token_endpoint_is_retryable(app, services, platform):
    services.script("token", 503, "maintenance", headers={"Retry-After": "120"})
    with pytest.raises(ServiceError) as caught:
        tokens.access_token(platform, (SCORE,))
    assert caught.value.retryable and caught.value.retry_after == 120
    assert "503 Service Unavailable: maintenance" in caught.value.reason
    assert tokens.access_token(platform, (SCORE,))  # nothing bad was cached


def test_token_reasons_never_carry_tokens(app, services, platform):
    assertion = tokens.client_assertion(platform)
    services.script("token", 401, {"error": f"bad assertion {assertion} Bearer abc.def"})
    with pytest.raises(ServiceError) as caught:
        tokens.access_token(platform, (SCORE,))
    assert assertion not in caught.value.reason and "abc.def" not in caught.value.reason
    assert "[redacted]" in caught.value.reason
