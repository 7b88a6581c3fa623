"""Turning a validated launch into rows: user, course, membership and activity placement."""
import copy
from datetime import timedelta

from sqlalchemy.exc import IntegrityError

from lti_tool.claims import AGS_CLAIM, LTI
from lti_tool.extensions import db
from lti_tool.models import ActivityInstance, Context, Membership, User
from lti_tool.models.base import utcnow

REF_PARAM = "leernetwerk_ref"
LAUNCH_STAMP_EVERY = timedelta(hours=1)


def _get_or_create(model, lookup, defaults):
    row = db.session.execute(db.select(model).filter_by(**lookup)).scalar_one_or_none()
    if row is not None:
        return row
    try:
        with db.session.begin_nested():
            row = model(**lookup, **defaults)
            db.session.add(row)
    except IntegrityError:  # a concurrent first launch created it
        row = db.session.execute(db.select(model).filter_by(**lookup)).scalar_one()
    return row


def display_name(claims):
    """A display name from the launch, without e-mail addresses (we keep data minimal)."""
    name = claims.get("name") or " ".join(filter(None, (claims.get("given_name"), claims.get("family_name"))))
    return (name if isinstance(name, str) else "")[:255]


def upsert_user(platform, claims):
    """The launching user, with their current display name."""
    user = _get_or_create(User, {"platform_id": platform.id, "sub": claims["sub"]}, {"name": ""})
    name = display_name(claims)
    if name and user.name != name:
        user.name = name
    return user


def upsert_context(platform, claims):
    """The course the launch came from."""
    claim = claims[LTI + "context"]
    ctx = _get_or_create(Context, {"platform_id": platform.id, "context_id": claim["id"]}, {})
    ctx.title = str(claim.get("title") or claim.get("label") or "")[:500]
    ctx.label = str(claim.get("label") or "")[:255]
    return ctx


def upsert_membership(user, context, role):
    """The user's role in the course as of this launch."""
    membership = _get_or_create(Membership, {"user_id": user.id, "context_id": context.id}, {"role": role})
    membership.role = role
    # A returning learner's launch writes nothing here unless an hour passed: one UPDATE less per launch.
    if membership.last_launch_at is None or utcnow() - membership.last_launch_at > LAUNCH_STAMP_EVERY:
        membership.last_launch_at = utcnow()
    return membership


def resolve_instance(platform, context, claims):
    """The placement for this resource link: known, bound from deep linking, copied, or new."""
    link = claims[LTI + "resource_link"]
    instance = db.session.execute(db.select(ActivityInstance).filter_by(
        platform_id=platform.id, resource_link_id=link["id"])).scalar_one_or_none()
    if instance is None:
        instance = _from_ref(platform, context, link, claims.get(LTI + "custom") or {})
    ags = claims.get(AGS_CLAIM)
    if isinstance(ags, dict):
        if isinstance(ags.get("lineitem"), str):
            instance.lineitem_url = ags["lineitem"]
        if isinstance(ags.get("lineitems"), str):
            instance.lineitems_url = ags["lineitems"]
    return instance


def _from_ref(platform, context, link, custom):
    ref = custom.get(REF_PARAM) if isinstance(custom, dict) else None
    source = None
    if isinstance(ref, str) and ref:
        # Only this platform's placements: a ref never reaches across platforms.
        source = db.session.execute(db.select(ActivityInstance).filter_by(
            platform_id=platform.id, ref=ref)).scalar_one_or_none()
    title = str(link.get("title") or "")[:500]
    if source is not None and source.resource_link_id is None and source.context_id == context.id:
        source.resource_link_id = link["id"]
        return source
    instance = ActivityInstance(platform_id=platform.id, context_id=context.id, resource_link_id=link["id"],
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
