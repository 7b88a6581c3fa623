"""Grade delivery as the facilitator sees it: per learner sent, waiting or failed, with the reason."""
from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from lti_tool.extensions import db
from lti_tool.grades.ags import NO_GRADEBOOK
from lti_tool.models import ScoreOutbox
from lti_tool.models.outbox import FAILED, PENDING, SENDING, SENT, SUPERSEDED

STATES = ("sent", "pending", "failed")
LABELS = {"sent": _l("Sent to the gradebook"), "pending": _l("Waiting to be sent"), "failed": _l("Not sent")}
# A superseded row is never a learner's newest; its newer row tells the state.
EXPLANATIONS = {
    "gone": _l("The LMS says this learner is no longer in the course."),
    "stale": _l("The LMS holds a score with a later time; the tool sends the newest score again."),
    "access": _l("The LMS refused the tool's access: ask the LMS administrator to check the registration and "
                 "its grade services."),
    "column": _l("The LMS no longer has this activity's gradebook column."),
    "no_column": _l("The LMS offered no gradebook column for this activity."),
    "unreachable": _l("The LMS could not be reached; the tool tries again."),
    "refused": _l("The LMS refused the score."),
}
_STATE = {PENDING: "pending", SENDING: "pending", SENT: "sent", FAILED: "failed", SUPERSEDED: "pending"}


@dataclass(frozen=True)
class GradeStatus:
    """The newest score of one learner in one placement and how its delivery went."""

    user_id: int
    state: str
    reason: str | None
    attempts: int
    sent_at: datetime | None
    next_attempt_at: datetime | None
    http_status: int | None = None

    @property
    def label(self):
        """The translated state, for a badge (.badge--sent / --pending / --failed)."""
        return LABELS[self.state]

    @property
    def explanation(self):
        """What went wrong in plain words (translated); None when nothing did. `reason` keeps the details."""
        if not self.reason:
            return None
        return EXPLANATIONS[_problem(self.reason, self.http_status)]

    @property
    def retrying(self):
        """Waiting after a failed attempt (the reason says what went wrong)."""
        return self.state == "pending" and self.attempts > 0 and bool(self.reason)


def _problem(reason, http_status):
    """The kind of problem behind a stored reason (the worker writes these reasons; see worker._outcome)."""
    from lti_tool.grades.worker import LEARNER_GONE

    if reason.startswith(LEARNER_GONE):
        return "gone"
    if reason.startswith(NO_GRADEBOOK):
        return "no_column"
    if http_status == 409 or "timestamp" in reason.casefold():
        return "stale"
    if http_status in (401, 403) or reason.startswith("Access token"):
        return "access"
    if http_status == 404:
        return "column"
    if http_status is None or http_status >= 500 or http_status in (408, 429):
        return "unreachable"
    return "refused"


def learner_statuses(instance_id):
    """{user_id: GradeStatus} for every learner with a score row in the placement (newest row each)."""
    newest = (select(func.max(ScoreOutbox.id)).where(ScoreOutbox.activity_instance_id == instance_id)
              .group_by(ScoreOutbox.user_id))
    rows = db.session.execute(
        select(ScoreOutbox.user_id, ScoreOutbox.status, ScoreOutbox.last_error, ScoreOutbox.attempts,
               ScoreOutbox.sent_at, ScoreOutbox.next_attempt_at, ScoreOutbox.last_status)
        .where(ScoreOutbox.id.in_(newest))).all()
    return {
        user_id: GradeStatus(user_id, _STATE[status], error if status != SENT else None, attempts, sent_at,
                             next_at if status in (PENDING, SENDING) else None, http_status)
        for user_id, status, error, attempts, sent_at, next_at, http_status in rows
    }


def summary(instance_id):
    """How many learners' newest scores are sent, pending and failed in the placement."""
    counts = dict.fromkeys(STATES, 0)
    for status in learner_statuses(instance_id).values():
        counts[status.state] += 1
    return counts
