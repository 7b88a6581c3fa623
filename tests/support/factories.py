"""Rows and launch sessions for unit-level tests of activity views."""
import itertools

from lti_tool.extensions import db
from lti_tool.launch import DEEP_LINKING, INSTRUCTOR, LEARNER, RESOURCE_LINK
from lti_tool.models import ActivityInstance, Context, Deployment, Membership, Platform, User
from lti_tool.session import csrf_token_for, issue_token, open_session

_seq = itertools.count(1)


class LaunchFactory:
    """Creates platforms, courses, users, placements and launch sessions."""

    def __init__(self, app):
        self.app = app

    def platform(self, issuer="https://lms.test", client_id="client-1"):
        """A registered platform with one deployment."""
        platform = Platform.query.filter_by(issuer=issuer, client_id=client_id).first()
        if platform is None:
            platform = Platform(name="Test LMS", issuer=issuer, client_id=client_id,
                                auth_login_url=f"{issuer}/auth", auth_token_url=f"{issuer}/token",
                                jwks_url=f"{issuer}/jwks")
            platform.deployments.append(Deployment(deployment_id="dep-1"))
            db.session.add(platform)
            db.session.flush()
        return platform

    def context(self, platform=None, context_id="course-1", title="Lerend netwerk Zorg"):
        """A course on a platform."""
        platform = platform or self.platform()
        ctx = Context.query.filter_by(platform_id=platform.id, context_id=context_id).first()
        if ctx is None:
            ctx = Context(platform_id=platform.id, context_id=context_id, title=title, label="LN")
            db.session.add(ctx)
            db.session.flush()
        return ctx

    def user(self, platform=None, sub=None, name=None):
        """A user on a platform."""
        platform = platform or self.platform()
        n = next(_seq)
        user = User(platform_id=platform.id, sub=sub or f"user-{n}", name=name or f"Deelnemer {n}")
        db.session.add(user)
        db.session.flush()
        return user

    def instance(self, activity_type="voting", settings=None, context=None, title="Stellingen"):
        """A configured activity placement."""
        from activities import get_activity

        context = context or self.context()
        cls = get_activity(activity_type) if activity_type else None
        inst = ActivityInstance(
            platform_id=context.platform_id, context_id=context.id, resource_link_id=f"rl-{next(_seq)}",
            activity_type=activity_type, title=title,
            settings=settings if settings is not None else (cls.default_settings() if cls else {}),
            lineitem_url="https://lms.test/lineitems/1/lineitem", score_maximum=1.0)
        db.session.add(inst)
        db.session.flush()
        return inst

    def launch(self, instance=None, user=None, role=LEARNER, locale="nl", nrps_url=None, deep_linking=False):
        """Open a launch session; returns a SessionHandle with token, csrf and the Launch."""
        if deep_linking:
            context = self.context()
        else:
            instance = instance or self.instance()
            context = db.session.get(Context, instance.context_id)
        user = user or self.user(db.session.get(Platform, context.platform_id))
        if Membership.query.filter_by(user_id=user.id, context_id=context.id).first() is None:
            db.session.add(Membership(user_id=user.id, context_id=context.id, role=role))
        launch = open_session(dict(
            message=DEEP_LINKING if deep_linking else RESOURCE_LINK, platform_id=context.platform_id,
            deployment_id="dep-1", user_id=user.id, user_name=user.name, role=role, context_id=context.id,
            context_title=context.title, activity_instance_id=None if deep_linking else instance.id,
            resource_link_id=None if deep_linking else instance.resource_link_id, locale=locale,
            lineitem_url=None if deep_linking else instance.lineitem_url,
            ags_scopes=("https://purl.imsglobal.org/spec/lti-ags/scope/score",), nrps_url=nrps_url,
            deep_link_return_url="https://lms.test/deep-link-return" if deep_linking else None))
        db.session.commit()
        return SessionHandle(launch, user, instance)

    def instructor(self, instance=None, **kwargs):
        """A launch session for a facilitator."""
        return self.launch(instance=instance, role=INSTRUCTOR, **kwargs)


class SessionHandle:
    """A launch session as a test uses it: query params and form fields that authenticate."""

    def __init__(self, launch, user, instance):
        self.launch = launch
        self.user = user
        self.instance = instance
        self.token = issue_token(launch)
        self.csrf = csrf_token_for(launch)

    def params(self, **extra):
        """Query parameters carrying the launch token."""
        return {"lt": self.token, **extra}

    def form(self, **fields):
        """Form fields with launch token and CSRF token."""
        return {"lt": self.token, "csrf_token": self.csrf, **fields}
