"""How refused scores end, per LMS family (lti_tool/platforms)."""
import logging

import pytest

from lti_tool.extensions import db
from lti_tool.grades.worker import drain
from lti_tool.models import Platform
from lti_tool.models.outbox import FAILED, PENDING
from lti_tool.platforms import GENERIC, FAMILIES, ScoreRefusal, family_code, family_of
from tests.lti_tool.grades.conftest import row


def _family(instance, code):
    platform = db.session.get(Platform, instance.platform_id)
    platform.product_family = code
    db.session.commit()


@pytest.mark.parametrize("code, status, body", [
    ("desire2learn", 403, {"detail": "User is not enrolled"}),
    ("desire2learn", 404, {"detail": "Not found"}),
    ("blackboardlearn", 400, {"message": "User not found in course"}),
])
def test_a_learner_who_left_ends_quietly_with_that_reason(app, services, placement, scores, caplog, code, status,
                                                          body):
    instance = placement()
    _family(instance, code)
    [rid] = scores(instance)
    services.script("score", status, body)
    with caplog.at_level(logging.INFO, logger="lti_tool.grades.worker"):
        assert drain()["failed"] == 1
    assert row(rid).status == FAILED and row(rid).last_error.startswith("The learner is no longer in the course")
    assert [r.levelno for r in caplog.records if "score not accepted" in r.getMessage()] == [logging.INFO]
    assert drain()["claimed"] == 0  # not retried for ever


def test_a_stale_refusal_retries_and_a_permanent_one_does_not(app, services, placement, scores, monkeypatch):
    monkeypatch.setitem(app.config, "GRADES_SEND_THREADS", 1)  # the scripted answers go in row order
    stale, permanent = scores(placement(), 2)
    services.script("score", 409, {"error": "Refusing score with an earlier timestamp for item 5 and user 7"})
    services.script("score", 400, {"error": "scoreMaximum is missing"})
    drain()
    assert row(stale).status == PENDING and "later timestamp" in row(stale).last_error
    assert row(permanent).status == FAILED


def test_families_are_known_by_code_or_issuer(app):
    assert family_code("Moodle") == "moodle" and family_code("D2L") == "desire2learn" and family_code("x") == ""
    canvas = Platform(issuer="https://canvas.instructure.com", product_family="")
    assert family_of(canvas) is FAMILIES["canvas"]
    assert family_of(Platform(issuer="https://moodle.example.org", product_family="")) is GENERIC
    assert GENERIC.score_refusal(422, "timestamp is before the last one") is ScoreRefusal.STALE
    assert FAMILIES["moodle"].score_refusal(500, "") is ScoreRefusal.OTHER
