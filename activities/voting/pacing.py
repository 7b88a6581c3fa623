"""The pace of a session: every statement at once or one at a time as the facilitator moves on, and a
countdown that closes the vote when it runs out."""
import math
from datetime import timedelta

from sqlalchemy import update

from activities.voting.models import VotingState
from lti_tool.extensions import db
from lti_tool.live import bump
from lti_tool.models.base import utcnow

ALL, ONE = "all", "one"
TIMER_CHOICES = (30, 60, 120, 180, 300)  # seconds offered on the facilitator page
MIN_TIMER, MAX_TIMER, DEFAULT_TIMER = 5, 1800, 60
ACTIONS = ("pace_all", "pace_one", "next", "previous", "timer_start", "timer_stop")


def settle(instance, state):
    """Close the vote once its countdown has run out; True when this request did it.

    Whichever request first sees the deadline passed closes it; the condition on the old deadline keeps a
    late request from undoing a timer the facilitator has just started again.
    """
    if state.closes_at is None or utcnow() < state.closes_at:
        return False
    closed = db.session.execute(
        update(VotingState).where(VotingState.activity_instance_id == instance.id,
                                  VotingState.closes_at == state.closes_at)
        .values(is_open=False, closes_at=None).execution_options(synchronize_session=False)).rowcount
    if closed:
        bump(instance)
    # Committed here, early in the request: every later read of the request sees the closed vote.
    db.session.commit()
    db.session.refresh(state)
    return bool(closed)


def seconds_left(state):
    """Whole seconds until the countdown closes the vote (rounded up), or None without a countdown."""
    if state.closes_at is None or not state.is_open:
        return None
    return max(0, math.ceil((state.closes_at - utcnow()).total_seconds()))


def current_key(keys, state):
    """In a one-at-a-time session, the key of the statement on learners' screens (of the round's `keys`)."""
    if state.pace != ONE or not keys:
        return None
    return state.current_statement if state.current_statement in keys else keys[0]


def votable(keys, state):
    """Of the round's statement keys, those learners can vote on now."""
    if state.pace != ONE:
        return list(keys)
    current = current_key(keys, state)
    return [current] if current else []


def apply(state, round_keys, action, seconds=None):
    """Change the pace, move to another statement or start/stop the countdown; False when nothing applies."""
    if action == "pace_one":
        if state.pace == ONE or not round_keys:
            return False
        state.pace, state.current_statement = ONE, round_keys[0]
    elif action == "pace_all":
        if state.pace == ALL:
            return False
        state.pace, state.current_statement = ALL, None
    elif action in ("next", "previous"):
        return _move(state, round_keys, 1 if action == "next" else -1)
    elif action == "timer_start":
        if seconds is None or not MIN_TIMER <= seconds <= MAX_TIMER:
            return False
        state.closes_at, state.timer_seconds, state.is_open = utcnow() + timedelta(seconds=seconds), seconds, True
    elif action == "timer_stop":
        if state.closes_at is None:
            return False
        state.closes_at = None
    return True


def _move(state, round_keys, step):
    current = current_key(round_keys, state)
    if current is None:
        return False
    index = round_keys.index(current) + step
    if not 0 <= index < len(round_keys):
        return False
    # The next statement starts fresh: open, its results not shared, no countdown running yet.
    state.current_statement = round_keys[index]
    state.is_open, state.revealed, state.closes_at = True, False, None
    return True
