"""People in the course: classmates to pick as contacts, and the learners a facilitator expects to draw."""
import logging
from dataclasses import dataclass

from sqlalchemy import select

from lti_tool.extensions import db
from lti_tool.models import Membership, User

log = logging.getLogger(__name__)
ROSTER, OPENED = "roster", "opened"


@dataclass(frozen=True)
class Person:
    """A course member: their LMS user id (sub), name and role; user_id once they have launched the tool."""

    sub: str
    name: str
    role: str
    user_id: int | None = None


def _roster(launch):
    from lti_tool import roster

    try:
        # [] means the platform offers no roster (a real one lists at least the facilitator).
        return roster.members(launch) or None
    except Exception:  # a platform's NRPS failure must not take the page down
        log.warning("roster unavailable for context %s", launch.context_id, exc_info=True)
        return None


def _known_users(platform_id, subs):
    if not subs:
        return {}
    return {u.sub: u for u in db.session.execute(
        select(User).where(User.platform_id == platform_id, User.sub.in_(subs))).scalars()}


def course_people(launch):
    """(people, source): active members from the roster, else everyone who launched in this course."""
    members = _roster(launch)
    if members is not None:
        active = [m for m in members if m.is_active and m.user_id]
        users = _known_users(launch.platform_id, [m.user_id for m in active])
        people = [Person(m.user_id, m.name or (users[m.user_id].name if m.user_id in users else ""), m.role,
                         users[m.user_id].id if m.user_id in users else None) for m in active]
        return people, ROSTER
    rows = db.session.execute(
        select(User, Membership.role).join(Membership, Membership.user_id == User.id)
        .where(Membership.context_id == launch.context_id)).all()
    return [Person(u.sub, u.name or "", role, u.id) for u, role in rows], OPENED


def classmates(launch):
    """Course members a learner may add as contacts (everyone but themselves), sorted by name."""
    me = db.session.get(User, launch.user_id)
    people, _source = course_people(launch)
    found = [p for p in people if p.sub != (me.sub if me else None) and p.name]
    return sorted(found, key=lambda p: p.name.casefold())


def own_sub(launch):
    """The learner's own LMS user id."""
    user = db.session.get(User, launch.user_id)
    return user.sub if user else ""
