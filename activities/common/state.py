"""A placement's one state row (open or closed, revealed, rounds), made on first use."""
from sqlalchemy.exc import IntegrityError

from lti_tool.extensions import db


def state_row(model, instance):
    """The placement's row of `model` (keyed by activity_instance_id), created on first use.

    Two requests may both find none: the loser of the race reads the winner's row instead of failing.
    """
    state = db.session.get(model, instance.id)
    if state is not None:
        return kept(state)
    clean = not (db.session.new or db.session.dirty or db.session.deleted)
    try:
        with db.session.begin_nested():
            state = model(activity_instance_id=instance.id)
            db.session.add(state)
    except IntegrityError:
        return db.session.get(model, instance.id)
    if clean:
        # Kept at once when nothing else is pending: otherwise every page view (a poll every few seconds)
        # would make the row again and roll it back, with a new time stamp each time.
        db.session.commit()
    return kept(state)


def kept(row):
    """Hold a loaded row until the request ends: the session's identity map holds rows weakly, so a page that
    asks for its state again (its live tag, then its content) would otherwise read it twice."""
    db.session.info.setdefault("kept_rows", {})[id(row)] = row
    return row
