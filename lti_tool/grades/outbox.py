"""Writing scores to the outbox in the learner's own transaction, and queueing them again."""
from datetime import datetime, timezone

from sqlalchemy import func, select, update

from lti_tool.extensions import db
from lti_tool.models import ScoreOutbox
from lti_tool.models.base import utcnow
from lti_tool.models.outbox import PENDING


def queue_score(instance, user_id, participation):
    """Queue one learner's score in a placement (the caller commits).

    At most one row per learner and placement waits at a time: a newer score takes over the
    waiting row. The update only touches a row that is still waiting, so a row a worker has
    just claimed is never changed under it; the newer score then gets a row of its own, which
    the worker sends after the one in flight (see worker.py).
    """
    score_max = instance.score_maximum or 1.0
    values = dict(
        score_given=round(participation.fraction * score_max, 4),
        score_maximum=score_max,
        activity_progress=participation.progress,
        grading_progress="FullyGraded",
        comment=participation.comment[:500],
        # The moment of the change; the worker sends a timestamp of its own (later in whole seconds
        # than any it sent for this learner before), since platforms compare them.
        timestamp=datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
        next_attempt_at=utcnow(),
        attempts=0,
        last_error=None,
        last_status=None,
    )
    waiting = db.session.execute(
        select(ScoreOutbox.id).filter_by(activity_instance_id=instance.id, user_id=user_id, status=PENDING)
        .order_by(ScoreOutbox.id.desc())).scalars().first()
    if waiting is not None:
        changed = db.session.execute(
            update(ScoreOutbox).where(ScoreOutbox.id == waiting, ScoreOutbox.status == PENDING).values(**values)
            .execution_options(synchronize_session=False)).rowcount
        if changed:
            return waiting
    row = ScoreOutbox(activity_instance_id=instance.id, user_id=user_id, status=PENDING, **values)
    db.session.add(row)
    db.session.flush()
    return row.id


def newest_scores(instance_id, user_ids=None):
    """{user_id: the learner's newest outbox row} in a placement, optionally for some learners only."""
    newest = select(func.max(ScoreOutbox.id)).where(ScoreOutbox.activity_instance_id == instance_id)
    if user_ids is not None:
        newest = newest.where(ScoreOutbox.user_id.in_(list(user_ids)))
    rows = db.session.execute(select(ScoreOutbox).where(
        ScoreOutbox.id.in_(newest.group_by(ScoreOutbox.user_id)))).scalars()
    return {row.user_id: row for row in rows}
