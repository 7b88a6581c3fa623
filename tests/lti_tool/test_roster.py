"""NRPS roster: pagination through Link headers, roles and status, brief caching, graceful failure."""
import logging

import pytest
import requests

from lti_tool.extensions import cache
from lti_tool.keys import jwks
from lti_tool.roster import Member, members, next_link
from tests.support.platform_services import INSTRUCTOR_ROLE, NRPS, PlatformServices, member, services_session

NRPS_URL = "https://lms.test/nrps/course-1/memberships"


@pytest.fixture
def services(app):
    platform = PlatformServices(jwks())
    platform.members = [
        member("sub-1", "Anna de Vries"), member("sub-2", "Bram Jansen", role=INSTRUCTOR_ROLE),
        member("sub-3", "Cor Bakker", status="Inactive"), member("sub-4", "Dewi Smit"),
        member("sub-5", "Eva Mulder", role="Learner"), {"user_id": "sub-6", "given_name": "Fleur",
                                                         "family_name": "Visser", "roles": []},
        member("sub-7", "Gone", status="Deleted"),
    ]
    app.config["LTI_REQUESTS_SESSION"] = services_session(platform)
    yield platform
    app.config["LTI_REQUESTS_SESSION"] = None


@pytest.fixture
def launch(launches):
    return launches.instructor(nrps_url=NRPS_URL).launch


@pytest.mark.parametrize("style", ["quoted", "unquoted", "several"])
def test_follows_next_links_across_pages(app, services, launch, style):
    services.link_style = style
    found = members(launch)
    assert services.calls["nrps"] == 4  # 7 members, 2 per page
    assert [m.user_id for m in found] == ["sub-1", "sub-2", "sub-3", "sub-4", "sub-5", "sub-6"]
    assert found[0] == Member("sub-1", "Anna de Vries", "learner", "active")
    assert found[1].role == "instructor" and found[1].sub == "sub-2"
    assert found[2].status == "inactive" and not found[2].is_active
    assert found[5].name == "Fleur Visser" and found[5].role == "learner"
    assert services.token_scopes == [NRPS]


def test_roster_is_cached_briefly_per_context(app, services, launch, launches):
    assert members(launch) == members(launch)
    assert services.calls["nrps"] == 4 and services.calls["token"] == 1
    other = launches.launch(instance=launches.instance(
        activity_type=None, context=launches.context(context_id="course-2")), nrps_url=NRPS_URL).launch
    members(other)
    assert services.calls["nrps"] == 8
    cache.delete(f"roster:{launch.platform_id}:{launch.context_id}")
    members(launch)
    assert services.calls["nrps"] == 12


def test_no_nrps_offered_gives_an_empty_list_and_a_warning(app, launches, caplog):
    with caplog.at_level(logging.WARNING, logger="lti_tool.roster"):
        assert members(launches.instructor().launch) == []
    assert "no NRPS roster" in caplog.text


@pytest.mark.parametrize("failure", ["500", "403", "timeout", "not json"])
def test_platform_errors_mean_unavailable(app, services, launch, failure, caplog):
    if failure == "timeout":
        services.fail = lambda request: requests.exceptions.ConnectTimeout("slow") if "/nrps" in request.url else None
    elif failure == "not json":
        services.script("nrps", 200, "<html>login</html>")
    else:
        services.script("nrps", int(failure), {"error": "nope"})
    assert members(launch) is None
    assert "NRPS roster unavailable" in caplog.text
    calls = services.calls["nrps"]
    assert members(launch) is None and services.calls["nrps"] == calls  # remembered briefly


@pytest.mark.parametrize("header, expected", [
    ('<https://a.test/m?p=2>; rel="next"', "https://a.test/m?p=2"),
    ("<https://a.test/m?p=2>; rel=next", "https://a.test/m?p=2"),
    ('<https://a.test/m?p=1>; rel="first", <https://a.test/m?p=9>; rel="last", <https://a.test/m?p=2>; rel="next"',
     "https://a.test/m?p=2"),
    ('<https://a.test/m?p=1>; rel=prev, <https://a.test/m?p=2>; rel=next', "https://a.test/m?p=2"),
    ('<https://a.test/m?a=1,2>; title="x"; rel="next last"', "https://a.test/m?a=1,2"),
    ('<https://a.test/m?p=1>; REL="Next"', "https://a.test/m?p=1"),
    ('<https://a.test/m?p=1>; rel="prev"', None),
    ("", None),
    (None, None),
])
def test_next_link_parsing(header, expected):
    assert next_link(header) == expected


def test_relative_next_links_are_resolved(app, services, launch):
    services.link_style = "relative"
    assert len(members(launch)) == 6 and services.calls["nrps"] == 4


def test_a_next_link_loop_stops(app, services, launch):
    services.link_style = "loop"
    assert [m.user_id for m in members(launch)] == ["sub-1", "sub-2"]
    assert services.calls["nrps"] == 2
