"""Storing what the organisation view reads from the CLI: its admins and the HR files, per registration."""
from __future__ import annotations

from sqlalchemy import delete, func, select

from activities.network.organisation.models import OrgAdmin, OrgLeaving, OrgOptOut, OrgSkill
from lti_tool.extensions import db
from lti_tool.models import User
from lti_tool.models.base import insert_missing
from lti_tool.registrations import platforms_named


class NotFound(Exception):
    """No registration fits the issuer (and client id) given."""


def registration(issuer: str, client_id: str | None = None):
    """The one registration meant (a read-only row): by issuer, and by client id when the issuer has several."""
    found = platforms_named(issuer, client_id)
    if not found:
        raise NotFound(f"no registration for issuer {issuer!r}" + (f" and client id {client_id!r}" if client_id else ""))
    if len(found) > 1:
        raise NotFound(f"issuer {issuer!r} has {len(found)} registrations: add --client-id")
    return found[0]


def people(platform_id: int, subs) -> dict[str, int]:
    """{LMS user id: user row id}, adding a row (no name yet) for anyone the tool has not seen launch:
    the HR files name everyone, and the privacy export and erase then find their rows like any other."""
    wanted = set(subs)

    def known():
        # The registration's people, filtered here: an IN list of 100,000 ids is beyond PostgreSQL's parameters.
        return {sub: user_id for sub, user_id in db.session.execute(
            select(User.sub, User.id).where(User.platform_id == platform_id)) if sub in wanted}

    found = known()
    for sub in wanted - found.keys():
        insert_missing(User, platform_id=platform_id, sub=sub, name="")
    return found if len(found) == len(wanted) else known()


def subs_by_email_key(platform_id: int) -> dict[str, str]:
    """{e-mail key: LMS user id} of the registration's people whose LMS shared an address at launch."""
    return dict(db.session.execute(select(User.email_key, User.sub).where(User.platform_id == platform_id,
                                                                          User.email_key.is_not(None))).all())


def replace_skills(platform_id: int, rows) -> int:
    """The HR skills of the registration become exactly these (user, skill, level) rows; returns the count."""
    ids = people(platform_id, {user for user, _skill, _level in rows})
    db.session.execute(delete(OrgSkill).where(OrgSkill.platform_id == platform_id))
    db.session.add_all(OrgSkill(platform_id=platform_id, user_id=ids[user], skill=skill, level=level)
                       for user, skill, level in rows)
    return len(rows)


def replace_leaving(platform_id: int, rows) -> int:
    """The leaving dates of the registration become exactly these (user, date) rows; returns the count."""
    ids = people(platform_id, {user for user, _day in rows})
    db.session.execute(delete(OrgLeaving).where(OrgLeaving.platform_id == platform_id))
    db.session.add_all(OrgLeaving(platform_id=platform_id, user_id=ids[user], leaving_on=day) for user, day in rows)
    return len(rows)


def add_admin(platform, sub: str) -> bool:
    """Name a person an organisation admin; False when they already were."""
    return bool(insert_missing(OrgAdmin, user_id=people(platform.id, [sub])[sub]))


def remove_admin(platform, sub: str) -> bool:
    """Take the role away; False when they did not have it."""
    user_id = db.session.execute(select(User.id).where(User.platform_id == platform.id, User.sub == sub)).scalar()
    return user_id is not None and db.session.execute(delete(OrgAdmin).where(OrgAdmin.user_id == user_id)).rowcount > 0


def admins(platform) -> list[tuple[str, str]]:
    """(LMS user id, name) of the registration's organisation admins."""
    return db.session.execute(select(User.sub, User.name).join(OrgAdmin, OrgAdmin.user_id == User.id)
                              .where(User.platform_id == platform.id).order_by(User.sub)).all()


def is_admin(user_id: int) -> bool:
    """Whether this user row is named an organisation admin."""
    return db.session.get(OrgAdmin, user_id) is not None


def opted_out(user_id: int) -> bool:
    """Whether this person asked to be left out of the organisation view."""
    return db.session.get(OrgOptOut, user_id) is not None


def choose(user_id: int, take_part: bool) -> None:
    """Record a person's choice (the caller commits); it counts at the view's next computation."""
    if take_part:
        db.session.execute(delete(OrgOptOut).where(OrgOptOut.user_id == user_id))
    else:
        insert_missing(OrgOptOut, user_id=user_id)


def hr_counts(platform_id: int) -> dict:
    """What the HR files hold now: skill rows, people with skills, and people with a leaving date."""
    skills = db.session.execute(select(func.count(), func.count(func.distinct(OrgSkill.user_id)))
                                .where(OrgSkill.platform_id == platform_id)).one()
    leaving = db.session.execute(select(func.count()).select_from(OrgLeaving)
                                 .where(OrgLeaving.platform_id == platform_id)).scalar()
    return {"skills": skills[0], "skill_people": skills[1], "leaving": leaving}
