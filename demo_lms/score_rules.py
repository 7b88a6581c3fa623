"""Checking AGS scores (lti1p3platform does not): a malformed score is a 400 with the reason."""
import math
from datetime import datetime

from lti1p3platform.exceptions import LtiServiceException
from lti1p3platform.score import ActivityProgress, GradeProgress

ACTIVITY_PROGRESS = {item.value for item in ActivityProgress}
GRADING_PROGRESS = {item.value for item in GradeProgress}


class ScoreRejected(LtiServiceException):
    """A score the platform will not record; the message says why."""

    def __init__(self, reason):
        super().__init__(f"Score rejected: {reason}", 400)


def finite_number(value):
    """A JSON number that is not a boolean, NaN or infinite."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def parse_timestamp(value):
    """Seconds since the epoch for an ISO 8601 timestamp with a UTC offset."""
    if not isinstance(value, str) or "T" not in value:
        raise ScoreRejected("timestamp must be an ISO 8601 date-time, e.g. 2025-03-01T10:00:00.000+00:00.")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ScoreRejected(f"timestamp {value[:40]!r} is not ISO 8601.") from None
    if moment.tzinfo is None:
        raise ScoreRejected("timestamp needs a UTC offset (Z or +hh:mm).")
    return moment.timestamp()


def check_score(body, is_member):
    """The normalised score from an AGS score document, or ScoreRejected."""
    if not isinstance(body, dict):
        raise ScoreRejected("the body must be a JSON object (application/vnd.ims.lis.v1.score+json).")
    user_id = body.get("userId")
    if not isinstance(user_id, str) or not user_id:
        raise ScoreRejected("userId is missing.")
    if not is_member(user_id):
        raise ScoreRejected(f"userId {user_id[:60]!r} is not a member of this course.")
    if body.get("activityProgress") not in ACTIVITY_PROGRESS:
        raise ScoreRejected(f"activityProgress must be one of {', '.join(sorted(ACTIVITY_PROGRESS))}.")
    if body.get("gradingProgress") not in GRADING_PROGRESS:
        raise ScoreRejected(f"gradingProgress must be one of {', '.join(sorted(GRADING_PROGRESS))}.")
    given, maximum = body.get("scoreGiven"), body.get("scoreMaximum")
    if given is not None:
        if not finite_number(given) or given < 0:
            raise ScoreRejected("scoreGiven must be a number of at least 0.")
        if not finite_number(maximum) or maximum <= 0:
            raise ScoreRejected("scoreMaximum must be a number above 0 when scoreGiven is sent.")
        if given > maximum:
            raise ScoreRejected(f"scoreGiven {given} is above scoreMaximum {maximum}.")
    elif maximum is not None and (not finite_number(maximum) or maximum <= 0):
        raise ScoreRejected("scoreMaximum must be a number above 0.")
    comment = body.get("comment")
    if comment is not None and not isinstance(comment, str):
        raise ScoreRejected("comment must be a string.")
    return {
        "user_id": user_id, "score_given": given, "score_maximum": maximum if finite_number(maximum) else None,
        "activity_progress": body["activityProgress"], "grading_progress": body["gradingProgress"],
        "comment": (comment or "")[:1000] or None, "timestamp": body.get("timestamp"),
        "timestamp_epoch": parse_timestamp(body.get("timestamp")),
    }
