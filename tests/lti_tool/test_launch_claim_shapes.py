"""Signed launches with hostile claims (wrong types, oversized ids, control characters) get the
friendly launch error page (400), never a 500, and write nothing."""
import pytest

from lti_tool.models import Context, LaunchSession, User
from tests.lti_tool.test_launch import assert_refused

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"


def _set(path, value):
    """A tamper that sets claims[path[0]][path[1]]… to value."""
    def tamper(claims):
        node = claims
        for name in path[:-1]:
            node = node.setdefault(name, {})
        node[path[-1]] = value
        return claims
    return tamper


HOSTILE = {
    "launch_presentation is a list": _set([LTI + "launch_presentation"], ["en"]),
    "launch_presentation is a string": _set([LTI + "launch_presentation"], "en"),
    "AGS scope is a string": _set([AGS, "scope"], "https://purl.imsglobal.org/spec/lti-ags/scope/score"),
    "AGS scope is a number": _set([AGS, "scope"], 7),
    "AGS endpoint is a list": _set([AGS], ["x"]),
    "sub over 255": _set(["sub"], "s" * 256),
    "context id over 255": _set([LTI + "context", "id"], "c" * 256),
    "resource link id over 255": _set([LTI + "resource_link", "id"], "r" * 256),
    "line item URL over 1000": _set([AGS, "lineitem"], "https://lms.test/" + "l" * 1000),
    "NUL in name": _set(["name"], "An\x00na"),
    "control character in name": _set(["name"], "An\x1bna"),
    "NUL in sub": _set(["sub"], "user\x00"),
    "NUL in course title": _set([LTI + "context", "title"], "Cursus\x00"),
    "lone surrogate in course title": _set([LTI + "context", "title"], "Cursus \ud800"),
    "name is a number": _set(["name"], 12),
    "name is an object": _set(["name"], {"first": "An"}),
    "sub is a number": _set(["sub"], 12345),
    "course title is a list": _set([LTI + "context", "title"], ["a", "b"]),
    "context id is a number": _set([LTI + "context", "id"], 42),
    "resource link id is a list": _set([LTI + "resource_link", "id"], ["rl"]),
    "context is a string": _set([LTI + "context"], "course-1"),
    "roles is an object": _set([LTI + "roles"], {"role": "Learner"}),
    "NRPS URL is a number": _set(["https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
                                  "context_memberships_url"], 5),
    "custom is a list": _set([LTI + "custom"], ["x"]),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_claim_shapes_get_the_launch_error_page(client, platform, case):
    response = platform.launch(client, "learner1", tamper=HOSTILE[case])
    assert_refused(response, 400)
    assert LaunchSession.query.count() == 0
    assert User.query.count() == 0 and Context.query.count() == 0


def test_long_names_and_titles_are_cut_not_refused(client, platform):
    def tamper(claims):
        claims["name"] = "N" * 3000
        claims[LTI + "context"]["title"] = "T" * 3000
        return claims

    assert platform.launch(client, "learner1", tamper=tamper).status_code == 303
    assert len(User.query.one().name) == 255
    assert len(Context.query.one().title) == 500
