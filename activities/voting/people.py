"""Who is expected to vote: the course roster (NRPS) when available, else who opened the activity."""
import logging
from dataclasses import dataclass

from sqlalchemy import select

from activities.voting.models import Vote
from lti_tool.extensions import db
from lti_tool.launch import ADMIN, INSTRUCTOR, LEARNER, role_from_claims
from lti_tool.models import LaunchSession, Membership, User

log = logging.getLogger(__name__)
ROSTER, OPENED = "roster", "opened"


@dataclass(frozen=True)
class Learner:
    """A learner as the facilitator's list shows them; user_id is None until their first launch."""

    user_id: int | None
    name: str


def _roster_members(launch):
    try:
        from lti_tool import roster
    except ImportError:  # the roster module is optional; fall back to launches
        return None
    try:
        # [] means the platform offers no roster (a real one lists at least the facilitator).
        return roster.members(launch) or None
    except Exception:  # a platform's NRPS failure must not take the dashboard down
        log.warning("roster unavailable for context %s", launch.context_id, exc_info=True)
        return None


def _attr(member, name):
    return member.get(name) if isinstance(member, dict) else getattr(member, name, None)


def _is_learner(member):
    if str(_attr(member, "status") or "active").lower() != "active":
        return False
    role = _attr(member, "role") or _attr(member, "roles")
    if not role:
        return True
    if role in (LEARNER, INSTRUCTOR, ADMIN):  # already mapped by lti_tool.roster
        return role == LEARNER
    return role_from_claims([role] if isinstance(role, str) else role) == LEARNER


def _member_sub(member):
    return _attr(member, "sub") or _attr(member, "user_id")


def _from_roster(members, platform_id):
    wanted = [m for m in members if _is_learner(m) and _member_sub(m)]
    subs = [str(_member_sub(m)) for m in wanted]
    users = {u.sub: u for u in db.session.execute(
        select(User).where(User.platform_id == platform_id, User.sub.in_(subs))).scalars()} if subs else {}
    learners = []
    for member, sub in zip(wanted, subs):
        user = users.get(sub)
        name = _attr(member, "name") or (user.name if user else "") or sub
        learners.append(Learner(user.id if user else None, name))
    return learners


def _who_opened(instance):
    opened = select(LaunchSession.user_id).where(LaunchSession.activity_instance_id == instance.id)
    voted = select(Vote.user_id).where(Vote.activity_instance_id == instance.id)
    rows = db.session.execute(
        select(User.id, User.name).join(Membership, Membership.user_id == User.id)
        .where(Membership.context_id == instance.context_id, Membership.role == LEARNER,
               User.id.in_(opened.union(voted)))).all()
    return [Learner(uid, name) for uid, name in rows]


def expected_learners(launch, instance):
    """(learners, source): the roster's learners plus anyone who voted, sorted by name."""
    members = _roster_members(launch)
    if members is None:
        learners, source = _who_opened(instance), OPENED
    else:
        learners, source = _from_roster(members, instance.platform_id), ROSTER
    known = {l.user_id for l in learners if l.user_id is not None}
    # Someone who voted and left the course still has data here (and may ask for it to be erased).
    extra = db.session.execute(
        select(User.id, User.name).where(User.id.in_(
            select(Vote.user_id).where(Vote.activity_instance_id == instance.id)))).all()
    learners += [Learner(uid, name) for uid, name in extra if uid not in known]
    return sorted(learners, key=lambda l: (l.name or "").casefold()), source
