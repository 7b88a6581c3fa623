"""Queueing scores again: after a settings change, for "send again", and for `leernetwerk grades retry`."""
from sqlalchemy import func, select, update

from lti_tool.extensions import db
from lti_tool.grades.outbox import newest_scores, queue_score
from lti_tool.models import ActivityInstance, ScoreOutbox
from lti_tool.models.base import utcnow
from lti_tool.models.outbox import FAILED, PENDING
from lti_tool.participation import Participation
from lti_tool.registry import activity_of


def current_participation(instance, user_id, fallback=None):
    """The learner's participation as the activity computes it now (the row's values without an activity)."""
    activity = activity_of(instance)
    if activity is not None:
        return activity.participation(instance, user_id)
    if fallback is None:
        return None
    maximum = fallback.score_maximum or 1.0
    return Participation(min(1.0, max(0.0, fallback.score_given / maximum)), fallback.comment or "")


def send_again(instance, user_id):
    """Queue the learner's current score in the placement (the caller commits); False when they have none."""
    newest = newest_scores(instance.id, [user_id]).get(user_id)
    participation = current_participation(instance, user_id, newest)
    if newest is None or participation is None:
        return False
    queue_score(instance, user_id, participation)
    return True


def requeue_changed(instance):
    """After a settings change: queue a new score for every learner whose participation changed.

    Only learners who already have a score are considered: a learner who never took part has
    nothing in the gradebook to correct. Returns how many scores were queued (the caller commits).
    """
    queued = 0
    for user_id, newest in newest_scores(instance.id).items():
        participation = current_participation(instance, user_id, newest)
        maximum = instance.score_maximum or 1.0
        if participation is None:
            continue
        if (round(participation.fraction * maximum, 4) != newest.score_given
                or participation.progress != newest.activity_progress or newest.status == FAILED):
            queue_score(instance, user_id, participation)
            queued += 1
    return queued


def retry(failed_only=False, platform_id=None):
    """Queue again every learner's newest score that failed; without `failed_only`, also make waiting
    retries due now. Returns (requeued failed, hurried waiting); commits."""
    newest = (select(func.max(ScoreOutbox.id)).group_by(ScoreOutbox.activity_instance_id, ScoreOutbox.user_id))
    query = (select(ScoreOutbox, ActivityInstance).join(ActivityInstance)
             .where(ScoreOutbox.id.in_(newest), ScoreOutbox.status == FAILED))
    if platform_id is not None:
        query = query.where(ActivityInstance.platform_id == platform_id)
    requeued = 0
    for row, instance in db.session.execute(query).all():
        participation = current_participation(instance, row.user_id, row)
        if participation is not None:
            queue_score(instance, row.user_id, participation)
            requeued += 1
    hurried = 0
    if not failed_only:
        waiting = select(ScoreOutbox.id).join(ActivityInstance).where(ScoreOutbox.status == PENDING,
                                                                      ScoreOutbox.next_attempt_at > utcnow())
        if platform_id is not None:
            waiting = waiting.where(ActivityInstance.platform_id == platform_id)
        hurried = db.session.execute(
            update(ScoreOutbox).where(ScoreOutbox.id.in_(waiting.scalar_subquery()), ScoreOutbox.status == PENDING)
            .values(next_attempt_at=utcnow()).execution_options(synchronize_session=False)).rowcount
    db.session.commit()
    return requeued, hurried
