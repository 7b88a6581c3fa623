"""Writing scores to the outbox in the learner's own transaction, and reading their status."""
from datetime import datetime, timezone

from sqlalchemy import select

from lti_tool.extensions import db
from lti_tool.models import ActivityInstance, ScoreOutbox
from lti_tool.models.base import utcnow
from lti_tool.models.outbox import PENDING


def record_participation(launch, participation):
    """Queue the learner's participation as a score; commits with the caller's transaction.

    At most one row per learner and placement waits at a time: a newer answer updates the
    waiting row instead of queueing a second score.
    """
    instance = db.session.get(ActivityInstance, launch.activity_instance_id)
    score_max = instance.score_maximum or 1.0
    values = dict(
        score_given=round(participation.fraction * score_max, 4),
        score_maximum=score_max,
        activity_progress=participation.progress,
        grading_progress="FullyGraded",
        comment=participation.comment[:500],
        timestamp=datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
        next_attempt_at=utcnow(),
    )
    waiting = db.session.execute(
        select(ScoreOutbox).filter_by(activity_instance_id=instance.id, user_id=launch.user_id, status=PENDING)
        .order_by(ScoreOutbox.id.desc())).scalars().first()
    if waiting is not None and waiting.attempts == 0:
        for name, value in values.items():
            setattr(waiting, name, value)
        return waiting
    row = ScoreOutbox(activity_instance_id=instance.id, user_id=launch.user_id, status=PENDING, **values)
    db.session.add(row)
    return row
