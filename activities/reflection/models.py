"""A learner's answers per part, the facilitator's board state, and theme edits.

Every answer row carries the placement and the learner, so each query filters on both. `shared`
is the learner's choice to show the text to the group anonymously; `hidden` is the facilitator's
choice to keep a shared text off the board.
"""
from lti_tool.extensions import db
from lti_tool.models.base import utcnow


def _instance_fk():
    return db.Column(db.Integer, db.ForeignKey("activity_instance.id", ondelete="CASCADE"), nullable=False)


def _user_fk():
    return db.Column(db.Integer, db.ForeignKey("lti_user.id", ondelete="CASCADE"), nullable=False, index=True)


class _Answer:
    """Columns every answer row has."""

    id = db.Column(db.Integer, primary_key=True)
    shared = db.Column(db.Boolean, nullable=False, default=False)
    hidden = db.Column(db.Boolean, nullable=False, default=False)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    updated_at = db.Column(db.DateTime, nullable=False, default=utcnow, onupdate=utcnow)


class Situation(_Answer, db.Model):
    """A time sharing knowledge went easily (kind 'easy') or did not ('hard')."""

    __tablename__ = "reflection_situation"
    __table_args__ = (db.UniqueConstraint("activity_instance_id", "user_id", "kind", name="uq_refl_situation"),)

    activity_instance_id = _instance_fk()
    user_id = _user_fk()
    kind = db.Column(db.String(10), nullable=False)
    what = db.Column(db.Text, nullable=False, default="")
    with_whom = db.Column(db.String(40), nullable=False, default="")
    knowledge = db.Column(db.Text, nullable=False, default="")


class Factor(_Answer, db.Model):
    """What hindered (side 'brake') or helped (side 'engine'): free text and tags."""

    __tablename__ = "reflection_factor"
    __table_args__ = (db.UniqueConstraint("activity_instance_id", "user_id", "side", name="uq_refl_factor"),)

    activity_instance_id = _instance_fk()
    user_id = _user_fk()
    side = db.Column(db.String(10), nullable=False)
    text = db.Column(db.Text, nullable=False, default="")
    tags = db.relationship("FactorTag", cascade="all, delete-orphan", passive_deletes=True,
                           order_by="FactorTag.id", lazy="selectin")


class FactorTag(db.Model):
    """One tag on a factor: a taxonomy key, or 'own:<folded text>' with the learner's spelling."""

    __tablename__ = "reflection_factor_tag"
    __table_args__ = (db.UniqueConstraint("factor_id", "tag_key", name="uq_refl_factor_tag"),)

    id = db.Column(db.Integer, primary_key=True)
    factor_id = db.Column(db.Integer, db.ForeignKey("reflection_factor.id", ondelete="CASCADE"),
                          nullable=False, index=True)
    tag_key = db.Column(db.String(60), nullable=False)
    label = db.Column(db.String(60), nullable=False, default="")


class TrustScore(_Answer, db.Model):
    """Trust given and received towards one stakeholder group, out of 10, and why."""

    __tablename__ = "reflection_trust"
    __table_args__ = (
        db.UniqueConstraint("activity_instance_id", "user_id", "group_key", name="uq_refl_trust"),
        db.CheckConstraint("given IS NULL OR (given BETWEEN 1 AND 10)", name="ck_refl_trust_given"),
        db.CheckConstraint("received IS NULL OR (received BETWEEN 1 AND 10)", name="ck_refl_trust_received"),
    )

    activity_instance_id = _instance_fk()
    user_id = _user_fk()
    group_key = db.Column(db.String(40), nullable=False)
    given = db.Column(db.SmallInteger)
    received = db.Column(db.SmallInteger)
    not_applicable = db.Column(db.Boolean, nullable=False, default=False)
    why = db.Column(db.Text, nullable=False, default="")


class SharingAnswer(_Answer, db.Model):
    """What the learner would and would not share with one audience, and why."""

    __tablename__ = "reflection_sharing"
    __table_args__ = (db.UniqueConstraint("activity_instance_id", "user_id", "audience", name="uq_refl_sharing"),)

    activity_instance_id = _instance_fk()
    user_id = _user_fk()
    audience = db.Column(db.String(20), nullable=False)
    would = db.Column(db.Text, nullable=False, default="")
    would_not = db.Column(db.Text, nullable=False, default="")
    why = db.Column(db.Text, nullable=False, default="")


class Action(_Answer, db.Model):
    """The one thing the learner will do differently."""

    __tablename__ = "reflection_action"
    __table_args__ = (db.UniqueConstraint("activity_instance_id", "user_id", name="uq_refl_action"),)

    activity_instance_id = _instance_fk()
    user_id = _user_fk()
    text = db.Column(db.Text, nullable=False, default="")


class BoardState(db.Model):
    """Whether the facilitator has revealed the group board to learners."""

    __tablename__ = "reflection_state"

    activity_instance_id = db.Column(
        db.Integer, db.ForeignKey("activity_instance.id", ondelete="CASCADE"), primary_key=True)
    revealed = db.Column(db.Boolean, nullable=False, default=False)
    updated_at = db.Column(db.DateTime, nullable=False, default=utcnow, onupdate=utcnow)


class ThemeEdit(db.Model):
    """The facilitator's edit of one tag on the board: merged into another tag, and/or renamed."""

    __tablename__ = "reflection_theme"
    __table_args__ = (db.UniqueConstraint("activity_instance_id", "tag_key", name="uq_refl_theme"),)

    id = db.Column(db.Integer, primary_key=True)
    activity_instance_id = _instance_fk()
    tag_key = db.Column(db.String(60), nullable=False)
    merged_into = db.Column(db.String(60))
    label = db.Column(db.String(80))
    updated_at = db.Column(db.DateTime, nullable=False, default=utcnow, onupdate=utcnow)


ANSWER_MODELS = (Situation, Factor, TrustScore, SharingAnswer, Action)
