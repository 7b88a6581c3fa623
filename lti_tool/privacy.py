"""Erasing one learner from a placement: the activity's data and everything the core keeps about it."""
from sqlalchemy import delete

from lti_tool.extensions import db
from lti_tool.live import bump
from lti_tool.models import LaunchSession, ScoreOutbox
from lti_tool.registry import activity_of


def erase_learner(instance, user):
    """Delete what the placement holds about a learner (the caller commits); returns the activity's count.

    Besides the activity's answers: their queued and sent scores (which carry their progress) and their
    launch sessions in this placement (which carry their name), so no row of the placement names them.
    """
    user_id = getattr(user, "id", user)
    activity = activity_of(instance)
    removed = activity.erase(instance, user_id) if activity is not None else 0
    for model in (ScoreOutbox, LaunchSession):
        db.session.execute(delete(model).where(model.activity_instance_id == instance.id, model.user_id == user_id)
                           .execution_options(synchronize_session=False))
    bump(instance)  # live pages, and anything rendered from them, drop what the learner gave
    return removed
