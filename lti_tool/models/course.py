"""Courses, people and activity placements, always scoped by platform."""
from lti_tool.extensions import db
from lti_tool.models.base import utcnow


class Context(db.Model):
    """A course (LTI context) on one platform."""

    __tablename__ = "context"
    __table_args__ = (db.UniqueConstraint("platform_id", "context_id"),)

    id = db.Column(db.Integer, primary_key=True)
    platform_id = db.Column(db.Integer, db.ForeignKey("platform.id", ondelete="CASCADE"), nullable=False)
    context_id = db.Column(db.String(255), nullable=False)
    title = db.Column(db.String(500), nullable=False, default="")
    label = db.Column(db.String(255), nullable=False, default="")


class User(db.Model):
    """A person as one platform identifies them (`sub`); we keep a display name and, when the LMS shares an
    e-mail address, only its keyed digest (lti_tool/email_keys.py), to match HR files that name people by it."""

    __tablename__ = "lti_user"
    __table_args__ = (db.UniqueConstraint("platform_id", "sub"),
                      db.Index("ix_lti_user_email_key", "platform_id", "email_key"))

    id = db.Column(db.Integer, primary_key=True)
    platform_id = db.Column(db.Integer, db.ForeignKey("platform.id", ondelete="CASCADE"), nullable=False)
    sub = db.Column(db.String(255), nullable=False)
    name = db.Column(db.String(255), nullable=False, default="")
    email_key = db.Column(db.String(64))


class Membership(db.Model):
    """A user's roles in a course, as of their latest launch."""

    __tablename__ = "membership"
    __table_args__ = (db.UniqueConstraint("user_id", "context_id"),)

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("lti_user.id", ondelete="CASCADE"), nullable=False)
    context_id = db.Column(db.Integer, db.ForeignKey("context.id", ondelete="CASCADE"), nullable=False)
    role = db.Column(db.String(20), nullable=False, default="learner")
    last_launch_at = db.Column(db.DateTime, nullable=False, default=utcnow)


class ActivityInstance(db.Model):
    """One placement of an activity in a course: a resource link, or settings waiting for one.

    Deep linking stores the settings first (with a `ref` the link's custom parameters carry);
    the first launch binds the resource link id. A copied course brings a new resource link id
    with the same ref: it gets its own instance with a copy of the settings, and no answers.
    """

    __tablename__ = "activity_instance"
    __table_args__ = (db.UniqueConstraint("platform_id", "resource_link_id"),)

    id = db.Column(db.Integer, primary_key=True)
    platform_id = db.Column(db.Integer, db.ForeignKey("platform.id", ondelete="CASCADE"), nullable=False)
    context_id = db.Column(db.Integer, db.ForeignKey("context.id", ondelete="CASCADE"), nullable=False)
    ref = db.Column(db.String(64), unique=True)
    resource_link_id = db.Column(db.String(255))
    activity_type = db.Column(db.String(50))
    title = db.Column(db.String(500), nullable=False, default="")
    settings = db.Column(db.JSON, nullable=False, default=dict)
    lineitem_url = db.Column(db.String(1000))
    # Where to create a line item when the launch brought none (AGS lineitems endpoint).
    lineitems_url = db.Column(db.String(1000))
    score_maximum = db.Column(db.Float, nullable=False, default=1.0)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    # Bumped by every change learners or the facilitator make; live pages compare it (as an ETag).
    live_version = db.Column(db.Integer, nullable=False, default=0, server_default="0")
    # Present-view links carry the generation they were made in; ending the present view bumps it.
    present_generation = db.Column(db.Integer, nullable=False, default=0, server_default="0")

    context = db.relationship("Context")

    @property
    def is_configured(self):
        """Whether a course designer has chosen an activity type for this placement."""
        return bool(self.activity_type)
