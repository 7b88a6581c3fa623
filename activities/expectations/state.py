"""The placement's live state: finding the launch's own placement, phases, and the board version."""
from flask import abort
from sqlalchemy import select, update

from activities.expectations.models import BoardState
from lti_tool import live
from lti_tool.extensions import db
from lti_tool.models.base import insert_missing, utcnow

NOT_STARTED, OPEN, CLOSED = "not_started", "open", "closed"

# action: (state attribute, values it applies from, value it sets)
ACTIONS = {
    "close_posting": ("posting_open", (True,), False),
    "open_posting": ("posting_open", (False,), True),
    "open_voting": ("voting", (NOT_STARTED, CLOSED), OPEN),
    "close_voting": ("voting", (OPEN,), CLOSED),
    "open_closing": ("closing", (NOT_STARTED, CLOSED), OPEN),
    "close_closing": ("closing", (OPEN,), CLOSED),
    "hold_cards": ("hold_cards", (False,), True),
    "stop_holding": ("hold_cards", (True,), False),
}


def state_for(instance):
    """The placement's state row, created on first use."""
    state = db.session.get(BoardState, instance.id)
    if state is None:
        insert_missing(BoardState, activity_instance_id=instance.id, version=1, posting_open=True,
                       voting=NOT_STARTED, closing=NOT_STARTED, updated_at=utcnow())
        state = db.session.get(BoardState, instance.id)
    return state


def current_version(instance_id):
    """The board's version number without loading anything else (the polling fast path)."""
    return db.session.execute(select(BoardState.version).where(
        BoardState.activity_instance_id == instance_id)).scalar_one_or_none() or 0


def bump(instance):
    """Tell every open board that something changed (an atomic increment, safe under concurrency)."""
    state = state_for(instance)
    db.session.flush()
    db.session.execute(update(BoardState).where(BoardState.activity_instance_id == instance.id)
                       .values(version=BoardState.version + 1).execution_options(synchronize_session=False))
    db.session.expire(state, ["version"])
    live.bump(instance)  # the wall in the room follows the placement's live version


def control(instance, action):
    """Apply a facilitator action; returns False when it no longer applies (a double click, a stale page)."""
    if action not in ACTIONS:
        abort(400)
    attribute, applies_from, value = ACTIONS[action]
    state = state_for(instance)
    if getattr(state, attribute) not in applies_from:
        return False
    setattr(state, attribute, value)
    db.session.flush()
    bump(instance)
    return True
