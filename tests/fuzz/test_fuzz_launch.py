"""Signed launches with hostile claims: a 303 into the tool or a friendly 4xx, never a 5xx, and a
refused launch opens no session."""
from hypothesis import given, settings
from hypothesis import strategies as st

from lti_tool.models import LaunchSession
from tests.fuzz.strategies import EXAMPLES, HOSTILE_TEXT, JSON_LEAVES

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
PATHS = [["sub"], ["name"], ["given_name"], ["family_name"], [LTI + "context"], [LTI + "context", "id"],
         [LTI + "context", "title"], [LTI + "context", "label"], [LTI + "resource_link"],
         [LTI + "resource_link", "id"], [LTI + "resource_link", "title"], [LTI + "roles"],
         [LTI + "launch_presentation"], [LTI + "launch_presentation", "locale"],
         [LTI + "launch_presentation", "return_url"], [LTI + "custom"], [LTI + "custom", "leernetwerk_ref"],
         ["https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"],
         ["https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", "scope"],
         ["https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", "lineitem"],
         ["https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice", "context_memberships_url"]]
VALUES = st.one_of(JSON_LEAVES, HOSTILE_TEXT, st.lists(JSON_LEAVES, max_size=3),
                   st.dictionaries(st.text(max_size=5), JSON_LEAVES, max_size=3),
                   st.integers(min_value=256, max_value=1200).map(lambda n: "i" * n))


def _tamper(changes):
    def tamper(claims):
        for path, value in changes:
            node = claims
            for name in path[:-1]:
                if not isinstance(node.get(name), dict):
                    node[name] = {}
                node = node[name]
            node[path[-1]] = value
        return claims
    return tamper


def test_hostile_signed_claims_never_crash(app, client, platform):
    @settings(max_examples=max(EXAMPLES * 3, 20), deadline=None, derandomize=True, database=None)
    @given(changes=st.lists(st.tuples(st.sampled_from(PATHS), VALUES), min_size=1, max_size=3))
    def run(changes):
        sessions = LaunchSession.query.count()
        response = platform.launch(app.test_client(), "learner1", tamper=_tamper(changes))
        assert response.status_code in (303, 400, 403), (response.status_code, changes)
        if response.status_code != 303:
            assert LaunchSession.query.count() == sessions

    run()
