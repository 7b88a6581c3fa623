"""AGS client: scores URL, score documents, line items, and how platform errors are classified."""
import pytest
import requests

from lti_tool.extensions import db
from lti_tool.grades import ags
from lti_tool.grades.tokens import PlatformRef
from lti_tool.service_http import ServiceError
from lti_tool.models import ActivityInstance, Platform
from tests.lti_tool.grades.conftest import MOODLE_LINEITEM


@pytest.mark.parametrize("lineitem, expected", [
    (MOODLE_LINEITEM, "https://lms.test/mod/lti/services.php/2/lineitems/5/lineitem/scores?type_id=1"),
    ("https://canvas.test/api/lti/courses/1/line_items/7",
     "https://canvas.test/api/lti/courses/1/line_items/7/scores"),
    ("https://lms.test/items/7/", "https://lms.test/items/7/scores"),
    ("https://lms.test/items/7?a=1&b=2#frag", "https://lms.test/items/7/scores?a=1&b=2#frag"),
])
def test_scores_url_appends_to_the_path_before_the_query(lineitem, expected):
    assert ags.scores_url(lineitem) == expected


def test_post_score_sends_the_score_document(app, services, launches):
    platform = PlatformRef.of(launches.platform())
    payload = ags.score_payload("sub-1", 7.5, 10.0, "Completed", "FullyGraded", "2025-01-01T10:00:00.000+00:00",
                                "3 of 4 statements")
    ags.post_score(platform, MOODLE_LINEITEM, payload)
    assert services.scores == [("/mod/lti/services.php/2/lineitems/5/lineitem/scores", "type_id=1", {
        "userId": "sub-1", "scoreGiven": 7.5, "scoreMaximum": 10.0, "activityProgress": "Completed",
        "gradingProgress": "FullyGraded", "timestamp": "2025-01-01T10:00:00.000+00:00",
        "comment": "3 of 4 statements"}, ags.SCORE_TYPE)]


@pytest.mark.parametrize("status, body, retryable, reason", [
    (400, {"status": 400, "reason": "Incorrect score received"}, False,
     "Score: 400 Bad Request: Incorrect score received"),
    (404, {"errors": [{"message": "The specified resource does not exist."}]}, False,
     "Score: 404 Not Found: The specified resource does not exist."),
    (403, "<html><body>Forbidden</body></html>", False, "Score: 403 Forbidden"),
    (429, {"error": "slow down"}, True, "Score: 429 Too Many Requests: slow down"),
    (500, None, True, "Score: 500 Internal Server Error"),
    (502, None, True, "Score: 502 Bad Gateway"),
])
def test_platform_errors_are_classified(app, services, launches, status, body, retryable, reason):
    services.script("score", status, body, headers={"Content-Type": "text/html"} if isinstance(body, str) else None)
    with pytest.raises(ServiceError) as caught:
        ags.post_score(PlatformRef.of(launches.platform()), MOODLE_LINEITEM, {"userId": "x"})
    assert (caught.value.retryable, caught.value.reason, caught.value.status) == (retryable, reason, status)


def test_timeouts_and_refused_connections_are_retryable(app, services, launches):
    platform = PlatformRef.of(launches.platform())
    for error in (requests.exceptions.ConnectTimeout("slow"), requests.exceptions.ReadTimeout("slow"),
                  requests.exceptions.ConnectionError("refused")):
        services.fail = lambda request, error=error: error if request.url.endswith("type_id=1") else None
        with pytest.raises(ServiceError) as caught:
            ags.post_score(platform, MOODLE_LINEITEM, {"userId": "x"})
        assert caught.value.retryable and caught.value.status is None
        assert "lms.test" in caught.value.reason


def test_ensure_lineitem_creates_and_stores_one(app, services, placement):
    instance = placement(lineitem_url=None,
                         lineitems_url="https://lms.test/mod/lti/services.php/2/lineitems?type_id=1")
    url = ags.ensure_lineitem(_platform(instance), instance.id)
    assert url.startswith("https://lms.test/mod/lti/services.php/2/lineitems/1/lineitem")
    document, content_type = services.created[0]
    assert content_type == ags.LINEITEM_TYPE
    assert document == {"label": "Stellingen", "scoreMaximum": 10.0, "resourceId": str(instance.id),
                        "resourceLinkId": instance.resource_link_id, "tag": "leernetwerk-voting"}
    assert ags.ensure_lineitem(_platform(instance), instance.id) == url
    db.session.expire_all()
    assert db.session.get(ActivityInstance, instance.id).lineitem_url == url
    assert len(services.created) == 1 and services.calls["lineitems"] == 2  # one lookup, one creation


def test_ensure_lineitem_reuses_the_platforms_line_item_for_the_link(app, services, placement):
    instance = placement(lineitem_url=None, lineitems_url="https://lms.test/ctx/lineitems")
    services.lineitems = {
        "https://lms.test/ctx/lineitems/8": {"id": "https://lms.test/ctx/lineitems/8", "resourceLinkId": "other"},
        "https://lms.test/ctx/lineitems/9": {"id": "https://lms.test/ctx/lineitems/9",
                                             "resourceLinkId": instance.resource_link_id, "tag": "grade"},
        "https://lms.test/ctx/lineitems/10": {"id": "https://lms.test/ctx/lineitems/10", "tag": "leernetwerk-voting",
                                              "resourceLinkId": instance.resource_link_id},
    }
    assert ags.ensure_lineitem(_platform(instance), instance.id) == "https://lms.test/ctx/lineitems/10"
    assert services.created == []


def test_ensure_lineitem_without_any_ags_endpoint_is_permanent(app, services, placement):
    instance = placement(lineitem_url=None, lineitems_url=None)
    with pytest.raises(ServiceError) as caught:
        ags.ensure_lineitem(_platform(instance), instance.id)
    assert not caught.value.retryable and caught.value.reason == ags.NO_GRADEBOOK


def test_refused_line_item_creation_is_permanent(app, services, placement):
    instance = placement(lineitem_url=None, lineitems_url="https://lms.test/ctx/lineitems")
    services.script("lineitems", 200, [])  # the lookup finds nothing
    services.script("lineitems", 403, {"error": "The tool may not create line items"})
    with pytest.raises(ServiceError) as caught:
        ags.ensure_lineitem(_platform(instance), instance.id)
    assert caught.value.reason == "Line item: 403 Forbidden: The tool may not create line items"


def _platform(instance):
    return PlatformRef.of(db.session.get(Platform, instance.platform_id))
