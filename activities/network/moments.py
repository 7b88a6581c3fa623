"""Moments of a placement (start, end …): which one is open, and opening the next."""
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError

from activities.network.content import text_of
from activities.network.models import NetworkState
from lti_tool.extensions import db
from lti_tool.live import bump
from lti_tool.models.base import utcnow


@dataclass(frozen=True)
class Moment:
    """A moment as pages show it: its key, label, position and whether it is open, past or to come."""

    key: str
    label: str
    index: int
    status: str  # "past", "current" or "future"

    @property
    def is_current(self):
        """Whether learners draw at this moment now."""
        return self.status == "current"


def current_key(instance, config):
    """The key of the open moment (the first when none was opened, or when the open one was removed)."""
    state = db.session.get(NetworkState, instance.id)
    keys = [m["key"] for m in config.moments]
    if state is None or state.current_moment not in keys:
        return keys[0]
    return state.current_moment


def listing(instance, config, language):
    """Every moment in order, with its status."""
    current = config.moment_index(current_key(instance, config))
    return [Moment(m["key"], text_of(m, language), i,
                   "past" if i < current else ("current" if i == current else "future"))
            for i, m in enumerate(config.moments)]


def open_moment(instance, config, key, expected_current):
    """Open a moment; returns False when the page was stale (another facilitator moved on already)."""
    if config.moment(key) is None or current_key(instance, config) != expected_current:
        return False
    state = db.session.get(NetworkState, instance.id)
    if state is None:
        try:
            with db.session.begin_nested():
                db.session.add(NetworkState(activity_instance_id=instance.id, current_moment=key))
        except IntegrityError:
            return False
    else:
        state.current_moment, state.opened_at = key, utcnow()
    bump(instance)  # learners' pages and the wall move to the new moment within one poll
    return True
