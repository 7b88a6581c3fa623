"""Who a placement expects: the course's learners, from the platform's roster or the course memberships."""
import logging
from dataclasses import dataclass

from flask import abort
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from lti_tool import roster
from lti_tool.extensions import db
from lti_tool.launch import LEARNER
from lti_tool.models import Membership, User
from lti_tool.registry import activity_of

log = logging.getLogger(__name__)
# Where the list came from: the platform's roster (NRPS), or the learners the tool has seen in the course.
ROSTER, OPENED = "roster", "opened"


@dataclass(frozen=True)
class Learner:
    """A learner as the facilitator's lists show them; user_id is None until their first launch."""

    user_id: int | None
    name: str
    sub: str


@dataclass(frozen=True)
class ErasePreview:
    """What erasing one learner would remove, as the confirm page says it (activities fill it in)."""

    lines: tuple = ()
    note: str = ""
    heading: str = _l("Erase the data of %(name)s?")
    button: str = _l("Erase data")

    def title(self, name):
        """The page's question, naming the learner."""
        return self.heading % {"name": name}


def _roster_members(launch):
    try:
        # [] means the platform offers no roster (a real one lists at least the facilitator).
        return roster.members(launch) or None
    except Exception:  # a platform's NRPS failure must not take the facilitator's page down
        log.warning("roster unavailable for context %s", launch.context_id, exc_info=True)
        return None


def _from_roster(members, platform_id):
    wanted = [m for m in members if m.is_active and m.role == LEARNER and m.sub]
    subs = [str(m.sub) for m in wanted]
    users = {u.sub: u for u in db.session.execute(
        select(User).where(User.platform_id == platform_id, User.sub.in_(subs))).scalars()} if subs else {}
    learners = []
    for member, sub in zip(wanted, subs):
        user = users.get(sub)
        learners.append(Learner(user.id if user else None, member.name or (user.name if user else "") or sub, sub))
    return learners


def _from_memberships(instance):
    # Memberships last as long as the course's data; launch sessions expire, so they cannot say who is expected.
    rows = db.session.execute(
        select(User).join(Membership, Membership.user_id == User.id)
        .where(Membership.context_id == instance.context_id, Membership.role == LEARNER)).scalars()
    return [Learner(user.id, user.name or user.sub, user.sub) for user in rows]


def course_learner_subs(instance):
    """The LMS user ids (subs) of the course's learners, without names (for pages that show none)."""
    return [learner.sub for learner in _from_memberships(instance)]


def known_learner_count(instance):
    """How many learners a page without a launch (the wall) may expect: the course's learners plus
    anyone with data in the placement (the roster needs a launch to ask the platform)."""
    return len({l.user_id for l in _from_memberships(instance)} | data_owners(instance))


def data_owners(instance):
    """Ids of everyone the placement holds data about, through the activity's contract."""
    return set(activity_of(instance).data_owners(instance))


def expected_learners(launch, instance, owners=None):
    """(learners, source): the roster's active learners (else the course's learners) plus anyone with data, by name.

    `owners`, the ids of those with data, when the caller has them already.
    """
    members = _roster_members(launch)
    if members is None:
        learners, source = _from_memberships(instance), OPENED
    else:
        learners, source = _from_roster(members, instance.platform_id), ROSTER
    known = {l.user_id for l in learners if l.user_id is not None}
    # Someone who took part and left the course still has data here (and may ask for it to be erased).
    extra = (data_owners(instance) if owners is None else owners) - known
    if extra:
        users = db.session.execute(select(User).where(
            User.id.in_(extra), User.platform_id == instance.platform_id)).scalars()
        learners += [Learner(user.id, user.name or user.sub, user.sub) for user in users]
    return sorted(learners, key=lambda l: (l.name or "").casefold()), source


@dataclass(frozen=True)
class ParticipantRow:
    """One line of the participants table: the learner, the activity's own figures, gradebook and data."""

    learner: Learner
    detail: object
    grade: object
    has_data: bool


def participant_rows(launch, instance):
    """(rows, source): every expected learner with the activity's details and their gradebook status."""
    from lti_tool.grades import grade_status

    activity = activity_of(instance)
    owners = data_owners(instance)
    learners, source = expected_learners(launch, instance, owners)
    # None stands for roster members who have not opened the tool yet: the activity's figures for nobody.
    details = activity.participant_details(instance, list({l.user_id for l in learners}))
    grades = grade_status(instance.id)
    rows = [ParticipantRow(l, details.get(l.user_id), grades.get(l.user_id), l.user_id in owners) for l in learners]
    return rows, source


def learner_or_404(instance, uid):
    """A learner of the placement's course, or someone it holds data about; else 404."""
    user = db.session.get(User, uid)
    if user is None or user.platform_id != instance.platform_id:
        abort(404)
    in_course = db.session.execute(select(Membership.id).filter_by(
        user_id=user.id, context_id=instance.context_id)).first()
    if in_course is None and user.id not in data_owners(instance):
        abort(404)
    return user
