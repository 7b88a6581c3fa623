"""Who takes part: the course roster (NRPS) when available, else who opened the activity, plus anyone with data."""
import logging
from dataclasses import dataclass

from sqlalchemy import select, union

from activities.expectations.models import Ballot, Card, ClosingEvaluation, MeetingEvaluation
from lti_tool.extensions import db
from lti_tool.launch import LEARNER
from lti_tool.models import LaunchSession, Membership, User

log = logging.getLogger(__name__)
ROSTER, OPENED = "roster", "opened"


@dataclass(frozen=True)
class Person:
    """A participant as the facilitator's list shows them; user_id is None until their first launch."""

    user_id: int | None
    name: str


def data_owner_ids(instance):
    """Ids of everyone this placement holds data about."""
    queries = [select(model.user_id).where(model.activity_instance_id == instance.id)
               for model in (Card, Ballot, MeetingEvaluation, ClosingEvaluation)]
    return set(db.session.execute(union(*queries)).scalars())


def _roster(launch):
    from lti_tool import roster

    try:
        members = roster.members(launch)
    except Exception:  # a platform's NRPS failure must not take the page down
        log.warning("roster unavailable for context %s", launch.context_id, exc_info=True)
        return None
    # [] means the platform offers no roster (a real one lists at least the facilitator).
    return members or None


def _from_roster(members, platform_id):
    wanted = [m for m in members if m.role == LEARNER and m.is_active]
    subs = [m.sub for m in wanted]
    users = {u.sub: u for u in db.session.execute(
        select(User).where(User.platform_id == platform_id, User.sub.in_(subs))).scalars()} if subs else {}
    return [Person(users[m.sub].id if m.sub in users else None, m.name or (users[m.sub].name if m.sub in users
                                                                            else m.sub)) for m in wanted]


def _who_opened(instance):
    opened = select(LaunchSession.user_id).where(LaunchSession.activity_instance_id == instance.id)
    rows = db.session.execute(
        select(User.id, User.name).join(Membership, Membership.user_id == User.id)
        .where(Membership.context_id == instance.context_id, Membership.role == LEARNER,
               User.id.in_(opened))).all()
    return [Person(uid, name) for uid, name in rows]


def participants(launch, instance):
    """(people, source): the roster's learners (else who opened it) plus anyone with data, by name."""
    members = _roster(launch)
    if members is None:
        people, source = _who_opened(instance), OPENED
    else:
        people, source = _from_roster(members, instance.platform_id), ROSTER
    known = {p.user_id for p in people if p.user_id is not None}
    # Someone who took part and left the course still has data here (and may ask for it to be erased).
    extra = data_owner_ids(instance) - known
    if extra:
        rows = db.session.execute(select(User.id, User.name).where(
            User.id.in_(extra), User.platform_id == instance.platform_id)).all()
        people += [Person(uid, name) for uid, name in rows]
    return sorted(people, key=lambda p: (p.name or "").casefold()), source
