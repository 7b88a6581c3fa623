"""Deleting what has expired: login states, used nonces and launch sessions."""
import random

from lti_tool.extensions import db
from lti_tool.models import LaunchSession, LoginState, UsedNonce
from lti_tool.models.base import utcnow

# Logins call this now and then instead of every time: the delete is cheap but not free.
SAMPLE_RATE = 0.01


def purge_expired():
    """Delete expired rows; returns how many of each went."""
    now = utcnow()
    counts = {}
    for model in (LoginState, UsedNonce, LaunchSession):
        counts[model.__tablename__] = db.session.execute(
            db.delete(model).where(model.expires_at < now)).rowcount
    db.session.commit()
    return counts


def maybe_purge_expired():
    """Purge with a small probability, so busy tools clean up without a scheduler."""
    if random.random() < SAMPLE_RATE:
        purge_expired()
