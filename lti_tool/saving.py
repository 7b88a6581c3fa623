"""The one unit of work behind every learner save: the answer, its participation score, one commit."""
from flask import abort, g
from sqlalchemy.exc import IntegrityError

from lti_tool.extensions import db
from lti_tool.grades.outbox import queue_score
from lti_tool.live import bump
from lti_tool.registry import activity_of


def save_with_participation(instance, write, on_race=None):
    """Run `write()`, queue the learner's participation score, bump the live version, and commit, in one
    transaction; returns what `write` returned (see `save_and_score`)."""
    return save_and_score(instance, write, on_race)[0]


def save_and_score(instance, write, on_race=None):
    """Run `write()`, queue the learner's participation score, bump the live version, and commit, in one
    transaction; returns (what `write` returned, the participation queued).

    The score comes from the activity's own `participation` (its contract), computed after the write,
    so the gradebook row never disagrees with the answers saved beside it. A double submit that races
    past a unique constraint is retried once (the second try sees the first); after that, 409. An
    activity whose saves carry a version raises `on_race()` instead of retrying: the page was stale.
    Other exceptions roll everything back and propagate.
    """
    activity = activity_of(instance)
    for attempt in (1, 2):
        try:
            result = write()
            db.session.flush()
            participation = activity.participation(instance, g.launch.user_id)
            queue_score(instance, g.launch.user_id, participation)
            bump(instance)  # live pages of the placement show the answer within one poll
            db.session.commit()
            return result, participation
        except IntegrityError:
            db.session.rollback()
            if on_race is not None:
                raise on_race() from None
            if attempt == 2:
                abort(409)
        except Exception:
            db.session.rollback()
            raise
