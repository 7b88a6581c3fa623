"""check_claims on its own: every rule pylti1p3 leaves to us refuses with its own reason.

The launch tests send hostile tokens through pylti1p3, which stops some of them first; these call the
tool's checks directly, so each rule is known to hold by itself.
"""
import time
from types import SimpleNamespace

import pytest

from lti_tool.claims import DEEP_LINKING_REQUEST, DL, LTI, RESOURCE_LINK_REQUEST, check_claims
from lti_tool.errors import LaunchError

PLATFORM = SimpleNamespace(issuer="https://lms.example", client_id="tool-123")
STATE = SimpleNamespace(target_link_uri="https://tool.example/lti/launch")


def claims(**changes):
    """A valid resource-link launch's claims, changed (None removes a claim)."""
    now = time.time()
    body = {
        "iss": PLATFORM.issuer, "aud": PLATFORM.client_id, "sub": "u-1", "exp": now + 300, "iat": now,
        LTI + "version": "1.3.0", LTI + "message_type": RESOURCE_LINK_REQUEST,
        LTI + "target_link_uri": STATE.target_link_uri, LTI + "roles": [],
        LTI + "context": {"id": "course-1"}, LTI + "resource_link": {"id": "link-1"},
    }
    for name, value in changes.items():
        key = name if name in ("iss", "aud", "azp", "sub", "exp", "iat") else LTI + name
        if value is None:
            body.pop(key, None)
        else:
            body[key] = value
    return body


def deep_linking(**settings):
    """A valid deep-linking launch's claims with its settings changed."""
    body = claims(message_type=DEEP_LINKING_REQUEST, resource_link=None)
    body[DL + "deep_linking_settings"] = {"deep_link_return_url": "https://lms.example/dl",
                                          "accept_types": ["ltiResourceLink"], **settings}
    return body


def refused(body):
    with pytest.raises(LaunchError) as caught:
        check_claims(body, PLATFORM, STATE)
    return caught.value.code, caught.value.admin_detail


def test_valid_claims_pass_and_name_their_message_type(app):
    assert check_claims(claims(), PLATFORM, STATE) == RESOURCE_LINK_REQUEST
    assert check_claims(deep_linking(), PLATFORM, STATE) == DEEP_LINKING_REQUEST
    assert check_claims(claims(aud=["other", PLATFORM.client_id], azp=PLATFORM.client_id), PLATFORM, STATE)


@pytest.mark.parametrize("body, code, words", [
    (["not", "an", "object"], "token", "not a JSON object"),
    (claims(aud="someone-else"), "token", "does not contain our client_id"),
    (claims(aud=None), "token", "does not contain our client_id"),
    (claims(aud=["other", PLATFORM.client_id]), "token", "several audiences but no azp"),
    (claims(azp="someone-else"), "token", "is not our client_id"),
    (claims(iss="https://evil.example"), "token", "is not the issuer that started this login"),
    (claims(exp=time.time() - 3600), "token", "expired"),
    (claims(iat=time.time() + 3600), "token", "issued in the future"),
    (claims(exp="tomorrow"), "token", "not numeric"),
    (claims(version="1.1"), "message", "unsupported LTI version"),
    (claims(message_type="LtiSubmissionReviewRequest"), "message", "unsupported message type"),
    (claims(target_link_uri="https://elsewhere.example/"), "target", "differs from the login"),
    (claims(sub=None), "bad_request", "anonymous launches"),
    (claims(sub=""), "bad_request", "anonymous launches"),
    (claims(roles="Learner"), "bad_request", "roles claim is not a list"),
    (claims(context=None), "context", "no context"),
    (claims(context={"id": ""}), "context", "no context"),
    (claims(resource_link=None), "bad_request", "without resource_link.id"),
    (claims(resource_link={"id": 7}), "bad_request", "without resource_link.id"),
    (deep_linking(deep_link_return_url=None), "bad_request", "deep_link_return_url"),
    (deep_linking(accept_types=["file"]), "message", "does not accept ltiResourceLink"),
])
def test_each_rule_refuses_with_its_own_reason(app, body, code, words):
    got_code, detail = refused(body)
    assert got_code == code and words in detail
