"""Who is expected to take part: the course roster (NRPS) when available, else who opened the activity."""
import logging
from dataclasses import dataclass

from sqlalchemy import select, union

from activities.reflection.models import ANSWER_MODELS
from lti_tool.extensions import db
from lti_tool.launch import LEARNER
from lti_tool.models import LaunchSession, Membership, User

log = logging.getLogger(__name__)
ROSTER, OPENED = "roster", "opened"


@dataclass(frozen=True)
class Learner:
    """A learner as the facilitator's list shows them; user_id is None until their first launch."""

    user_id: int | None
    name: str


def _roster_members(launch):
    from lti_tool import roster

    try:
        # [] means the platform offers no roster (a real one lists at least the facilitator).
        return roster.members(launch) or None
    except Exception:  # a platform's NRPS failure must not take the dashboard down
        log.warning("roster unavailable for context %s", launch.context_id, exc_info=True)
        return None


def answered_by(instance):
    """A query of the ids of learners with at least one answer in the placement."""
    return union(*(select(m.user_id).where(m.activity_instance_id == instance.id) for m in ANSWER_MODELS))


def _from_roster(members, platform_id):
    wanted = [m for m in members if m.is_active and m.role == LEARNER and m.sub]
    subs = [str(m.sub) for m in wanted]
    users = {u.sub: u for u in db.session.execute(
        select(User).where(User.platform_id == platform_id, User.sub.in_(subs))).scalars()} if subs else {}
    learners = []
    for member in wanted:
        user = users.get(str(member.sub))
        learners.append(Learner(user.id if user else None, member.name or (user.name if user else "") or member.sub))
    return learners


def _who_opened(instance):
    opened = select(LaunchSession.user_id).where(LaunchSession.activity_instance_id == instance.id)
    rows = db.session.execute(
        select(User.id, User.name).join(Membership, Membership.user_id == User.id)
        .where(Membership.context_id == instance.context_id, Membership.role == LEARNER,
               User.id.in_(opened) | User.id.in_(answered_by(instance)))).all()
    return [Learner(uid, name) for uid, name in rows]


def expected_learners(launch, instance):
    """(learners, source): the roster's learners (or who opened it) plus anyone with answers, by name."""
    members = _roster_members(launch)
    if members is None:
        learners, source = _who_opened(instance), OPENED
    else:
        learners, source = _from_roster(members, instance.platform_id), ROSTER
    known = {l.user_id for l in learners if l.user_id is not None}
    # Someone who answered and left the course still has data here (and may ask for it to be erased).
    extra = db.session.execute(select(User.id, User.name).where(User.id.in_(answered_by(instance)))).all()
    learners += [Learner(uid, name) for uid, name in extra if uid not in known]
    return sorted(learners, key=lambda l: (l.name or "").casefold()), source
