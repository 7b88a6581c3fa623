"""Network drawings: one per learner and moment, with contacts, alter–alter ties and the moment state."""
from lti_tool.extensions import db
from lti_tool.models.base import utcnow


class NetworkState(db.Model):
    """Which moment of a placement is open (the facilitator opens the next one)."""

    __tablename__ = "network_state"

    activity_instance_id = db.Column(
        db.Integer, db.ForeignKey("activity_instance.id", ondelete="CASCADE"), primary_key=True)
    current_moment = db.Column(db.String(40), nullable=False)
    opened_at = db.Column(db.DateTime, nullable=False, default=utcnow)


class Drawing(db.Model):
    """One learner's network at one moment: own knowledge, reflection and a version for safe edits."""

    __tablename__ = "network_drawing"
    __table_args__ = (
        db.UniqueConstraint("activity_instance_id", "user_id", "moment_key", name="uq_network_drawing_moment"),
        db.Index("ix_network_drawing_moment", "activity_instance_id", "moment_key"),
    )

    id = db.Column(db.Integer, primary_key=True)
    activity_instance_id = db.Column(
        db.Integer, db.ForeignKey("activity_instance.id", ondelete="CASCADE"), nullable=False)
    user_id = db.Column(db.Integer, db.ForeignKey("lti_user.id", ondelete="CASCADE"), nullable=False, index=True)
    moment_key = db.Column(db.String(40), nullable=False)
    # Every save compares and bumps this, so two tabs never silently overwrite each other.
    version = db.Column(db.Integer, nullable=False, default=1)
    offer_tags = db.Column(db.JSON, nullable=False, default=list)
    offer_note = db.Column(db.Text, nullable=False, default="")
    need_tags = db.Column(db.JSON, nullable=False, default=list)
    need_note = db.Column(db.Text, nullable=False, default="")
    # Agreement to be suggested to classmates whose needs match one's offers.
    suggest_consent = db.Column(db.Boolean, nullable=False, default=False)
    reflection_hard = db.Column(db.Text, nullable=False, default="")
    reflection_plan = db.Column(db.Text, nullable=False, default="")
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    updated_at = db.Column(db.DateTime, nullable=False, default=utcnow, onupdate=utcnow)

    contacts = db.relationship("Contact", back_populates="drawing", cascade="all, delete-orphan",
                               passive_deletes=True, order_by="Contact.id")
    ties = db.relationship("AlterTie", back_populates="drawing", cascade="all, delete-orphan",
                           passive_deletes=True, order_by="AlterTie.id")


class Contact(db.Model):
    """A person in a learner's network: a course member (by LMS user id) or someone named by hand."""

    __tablename__ = "network_contact"
    __table_args__ = (
        db.UniqueConstraint("drawing_id", "key", name="uq_network_contact_key"),
        db.UniqueConstraint("drawing_id", "member_sub", name="uq_network_contact_member"),
        db.UniqueConstraint("drawing_id", "label_norm", name="uq_network_contact_label"),
    )

    id = db.Column(db.Integer, primary_key=True)
    drawing_id = db.Column(db.Integer, db.ForeignKey("network_drawing.id", ondelete="CASCADE"), nullable=False)
    # Stable across moments: the copy for a later moment keeps it, so change views can match contacts.
    key = db.Column(db.String(16), nullable=False)
    member_sub = db.Column(db.String(255), nullable=True)
    label = db.Column(db.String(120), nullable=False)
    label_norm = db.Column(db.String(120), nullable=False)
    role = db.Column(db.String(120), nullable=False, default="")
    location = db.Column(db.String(40), nullable=False, default="")
    ring = db.Column(db.Integer, nullable=False, default=0)
    angle = db.Column(db.Float, nullable=True)
    relations = db.Column(db.JSON, nullable=False, default=list)
    knows = db.Column(db.JSON, nullable=False, default=list)
    access = db.Column(db.Text, nullable=False, default="")
    cost_effort = db.Column(db.Integer, nullable=True)
    cost_note = db.Column(db.String(300), nullable=False, default="")
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    drawing = db.relationship("Drawing", back_populates="contacts")

    @property
    def is_member(self):
        """Whether the contact is a course member (merged across drawings by LMS user id)."""
        return self.member_sub is not None


class AlterTie(db.Model):
    """Two of a learner's contacts who know each other (undirected; a_id < b_id)."""

    __tablename__ = "network_tie"
    __table_args__ = (
        db.UniqueConstraint("drawing_id", "a_id", "b_id", name="uq_network_tie_pair"),
        db.CheckConstraint("a_id < b_id", name="ck_network_tie_order"),
    )

    id = db.Column(db.Integer, primary_key=True)
    drawing_id = db.Column(db.Integer, db.ForeignKey("network_drawing.id", ondelete="CASCADE"), nullable=False)
    a_id = db.Column(db.Integer, db.ForeignKey("network_contact.id", ondelete="CASCADE"), nullable=False)
    b_id = db.Column(db.Integer, db.ForeignKey("network_contact.id", ondelete="CASCADE"), nullable=False)

    drawing = db.relationship("Drawing", back_populates="ties")
    a = db.relationship("Contact", foreign_keys=[a_id])
    b = db.relationship("Contact", foreign_keys=[b_id])


class TagLink(db.Model):
    """A facilitator's verdict on two needs/offers tags in one placement: the same knowledge, or not."""

    __tablename__ = "network_tag_link"
    __table_args__ = (
        db.UniqueConstraint("activity_instance_id", "tag_a", "tag_b", name="uq_network_tag_link_pair"),
    )

    id = db.Column(db.Integer, primary_key=True)
    activity_instance_id = db.Column(
        db.Integer, db.ForeignKey("activity_instance.id", ondelete="CASCADE"), nullable=False, index=True)
    # Normalised tags (matching.normalise), in sorted order, so a pair has one row whichever way it was named.
    tag_a = db.Column(db.String(120), nullable=False)
    tag_b = db.Column(db.String(120), nullable=False)
    same = db.Column(db.Boolean, nullable=False)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
