"""Grade delivery as the facilitator sees it: per learner sent, waiting or failed, with the reason."""
from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from lti_tool.extensions import db
from lti_tool.models import ScoreOutbox
from lti_tool.models.outbox import FAILED, PENDING, SENDING, SENT, SUPERSEDED

STATES = ("sent", "pending", "failed")
LABELS = {"sent": _l("Sent to the gradebook"), "pending": _l("Waiting to be sent"), "failed": _l("Not sent")}
# A superseded row is never a learner's newest; its newer row tells the state.
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

    @property
    def label(self):
        """The translated state, for a badge (.badge--sent / --pending / --failed)."""
        return LABELS[self.state]

    @property
    def retrying(self):
        """Waiting after a failed attempt (the reason says what went wrong)."""
        return self.state == "pending" and self.attempts > 0 and bool(self.reason)


def learner_statuses(instance_id):
    """{user_id: GradeStatus} for every learner with a score row in the placement (newest row each)."""
    newest = (select(func.max(ScoreOutbox.id)).where(ScoreOutbox.activity_instance_id == instance_id)
              .group_by(ScoreOutbox.user_id))
    rows = db.session.execute(
        select(ScoreOutbox.user_id, ScoreOutbox.status, ScoreOutbox.last_error, ScoreOutbox.attempts,
               ScoreOutbox.sent_at, ScoreOutbox.next_attempt_at)
        .where(ScoreOutbox.id.in_(newest))).all()
    return {
        user_id: GradeStatus(user_id, _STATE[status], error if status != SENT else None, attempts, sent_at,
                             next_at if status in (PENDING, SENDING) else None)
        for user_id, status, error, attempts, sent_at, next_at in rows
    }


def summary(instance_id):
    """How many learners' newest scores are sent, pending and failed in the placement."""
    counts = dict.fromkeys(STATES, 0)
    for status in learner_statuses(instance_id).values():
        counts[status.state] += 1
    return counts
