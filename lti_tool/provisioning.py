"""Turning a validated launch into rows: user, course, membership and activity placement.

A returning user's launch reads all four rows in one statement and writes none of them unless something
changed (a new name, a renamed course, another role, the hourly stamp, a new line item URL): launches are
the tool's busiest request when a room full of learners opens an activity at once.
"""
import copy
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import and_, bindparam, literal, select, update
from sqlalchemy.exc import IntegrityError

from lti_tool.claims import AGS_CLAIM, LTI
from lti_tool.email_keys import email_key
from lti_tool.extensions import db
from lti_tool.live import bump_course
from lti_tool.models import ActivityInstance, Context, Membership, User
from lti_tool.models.base import insert_missing, utcnow

REF_PARAM = "leernetwerk_ref"
LAUNCH_STAMP_EVERY = timedelta(hours=1)

_user, _context, _membership, _instance = (model.__table__ for model in (User, Context, Membership, ActivityInstance))
_anchor = select(literal(1).label("one")).subquery("anchor")
# Built once: on this path composing a statement costs more than running it.
_KNOWN = select(
    _user.c.id.label("user_id"), _user.c.name.label("user_name"), _user.c.email_key, _context.c.id.label("context_id"),
    _context.c.title, _context.c.label, _membership.c.id.label("membership_id"), _membership.c.role,
    _membership.c.last_launch_at, _instance.c.id.label("instance_id"), _instance.c.resource_link_id,
    _instance.c.activity_type, _instance.c.lineitem_url, _instance.c.lineitems_url,
).select_from(
    _anchor
    .outerjoin(_user, and_(_user.c.platform_id == bindparam("platform_id"), _user.c.sub == bindparam("sub")))
    .outerjoin(_context, and_(_context.c.platform_id == bindparam("platform_id"),
                              _context.c.context_id == bindparam("context_key")))
    .outerjoin(_membership, and_(_membership.c.user_id == _user.c.id, _membership.c.context_id == _context.c.id))
    .outerjoin(_instance, and_(_instance.c.platform_id == bindparam("platform_id"),
                               _instance.c.resource_link_id == bindparam("link_id"))))


@dataclass(frozen=True)
class Placement:
    """The activity placement a launch opens, as the launch needs it."""

    id: int
    resource_link_id: str
    activity_type: str | None


@dataclass(frozen=True)
class Provisioned:
    """The launch's user and course as stored now, and its placement (None for deep linking)."""

    user_id: int
    user_name: str
    context_id: int
    context_title: str
    placement: Placement | None


def display_name(claims):
    """A display name from the launch, without e-mail addresses (we keep data minimal)."""
    name = claims.get("name") or " ".join(filter(None, (claims.get("given_name"), claims.get("family_name"))))
    return (name if isinstance(name, str) else "")[:255]


def provision(platform, claims, role, with_placement):
    """Create or refresh the launch's user, course, membership and (with_placement) placement rows."""
    course, link = claims[LTI + "context"], claims[LTI + "resource_link"] if with_placement else None
    name = display_name(claims)
    title, label = str(course.get("title") or course.get("label") or "")[:500], str(course.get("label") or "")[:255]
    keys = dict(platform_id=platform.id, sub=claims["sub"], context_key=course["id"],
                link_id=link["id"] if link else None)
    connection = db.session.connection()
    row = connection.execute(_KNOWN, keys).one()
    if row.user_id is None or row.context_id is None:
        # A first launch: a concurrent one may insert the same rows, ON CONFLICT lets either win.
        if row.user_id is None:
            insert_missing(User, platform_id=platform.id, sub=claims["sub"], name=name)
        if row.context_id is None:
            insert_missing(Context, platform_id=platform.id, context_id=course["id"], title=title, label=label)
        row = connection.execute(_KNOWN, keys).one()
    # A platform that stops sending names or addresses (privacy settings) keeps what it sent before.
    changed = {"name": name} if name and row.user_name != name else {}
    key = email_key(claims.get("email"))
    if key and row.email_key != key:
        changed["email_key"] = key
    if changed:
        _set(connection, _user, row.user_id, **changed)
    if (row.title, row.label) != (title, label):
        _set(connection, _context, row.context_id, title=title, label=label)
    _membership_row(connection, row, role)
    placement = _placement(connection, platform, row, claims, link) if link else None
    return Provisioned(row.user_id, name or row.user_name, row.context_id, title, placement)


def _membership_row(connection, row, role):
    now = utcnow()
    if row.membership_id is None:
        if insert_missing(Membership, user_id=row.user_id, context_id=row.context_id, role=role,
                          last_launch_at=now):
            bump_course(row.context_id)  # open dashboards and walls count the newcomer within one poll
        return
    # A returning learner's launch writes nothing here unless an hour passed or the role changed.
    changes = {"role": role} if row.role != role else {}
    if row.last_launch_at is None or now - row.last_launch_at > LAUNCH_STAMP_EVERY:
        changes["last_launch_at"] = now
    if changes:
        _set(connection, _membership, row.membership_id, **changes)
    if "role" in changes:
        bump_course(row.context_id)  # dashboards list learners and facilitators apart


def _placement(connection, platform, row, claims, link):
    ags = claims.get(AGS_CLAIM) if isinstance(claims.get(AGS_CLAIM), dict) else {}
    urls = {name: ags[key] for name, key in (("lineitem_url", "lineitem"), ("lineitems_url", "lineitems"))
            if isinstance(ags.get(key), str)}
    if row.instance_id is None:
        instance = _from_ref(platform, row.context_id, link, claims.get(LTI + "custom") or {})
        for name, url in urls.items():
            setattr(instance, name, url)
        db.session.flush()
        return Placement(instance.id, instance.resource_link_id, instance.activity_type)
    changed = {name: url for name, url in urls.items() if getattr(row, name) != url}
    if changed:
        _set(connection, _instance, row.instance_id, **changed)
    return Placement(row.instance_id, row.resource_link_id, row.activity_type)


def _set(connection, table, row_id, **values):
    # Only when something changed, so composing the statement here costs nothing on the common path.
    connection.execute(update(table).where(table.c.id == row_id).values(**values))


def _from_ref(platform, context_id, link, custom):
    """A new placement for this resource link: bound from deep linking, copied from another course, or new."""
    ref = custom.get(REF_PARAM) if isinstance(custom, dict) else None
    source = None
    if isinstance(ref, str) and ref:
        # Only this platform's placements: a ref never reaches across platforms.
        source = db.session.execute(db.select(ActivityInstance).filter_by(
            platform_id=platform.id, ref=ref)).scalar_one_or_none()
    title = str(link.get("title") or "")[:500]
    if source is not None and source.resource_link_id is None and source.context_id == context_id:
        source.resource_link_id = link["id"]
        return source
    instance = ActivityInstance(platform_id=platform.id, context_id=context_id, resource_link_id=link["id"],
                                title=title, settings={})
    if source is not None:
        # A copied course: same activity and settings, none of the original course's answers.
        instance.activity_type = source.activity_type
        instance.settings = copy.deepcopy(source.settings)
        instance.title = source.title
        instance.score_maximum = source.score_maximum
    try:
        with db.session.begin_nested():
            db.session.add(instance)
    except IntegrityError:
        instance = db.session.execute(db.select(ActivityInstance).filter_by(
            platform_id=platform.id, resource_link_id=link["id"])).scalar_one()
    return instance
