"""The durable grades outbox: a score row is committed with the answer that caused it."""
from lti_tool.extensions import db
from lti_tool.models.base import utcnow

PENDING, SENDING, SENT, FAILED, SUPERSEDED = "pending", "sending", "sent", "failed", "superseded"


class ScoreOutbox(db.Model):
    """One score to send to the platform's AGS endpoint, with its delivery state."""

    __tablename__ = "score_outbox"
    __table_args__ = (
        db.Index("ix_score_outbox_due", "status", "next_attempt_at"),
        # A learner's rows in a placement: the waiting-row lookup on every answer, "is there a newer score".
        db.Index("ix_score_outbox_learner", "activity_instance_id", "user_id"),
    )

    id = db.Column(db.Integer, primary_key=True)
    activity_instance_id = db.Column(
        db.Integer, db.ForeignKey("activity_instance.id", ondelete="CASCADE"), nullable=False, index=True)
    user_id = db.Column(db.Integer, db.ForeignKey("lti_user.id", ondelete="CASCADE"), nullable=False)
    status = db.Column(db.String(10), nullable=False, default=PENDING)
    score_given = db.Column(db.Float, nullable=False)
    score_maximum = db.Column(db.Float, nullable=False)
    activity_progress = db.Column(db.String(20), nullable=False)
    grading_progress = db.Column(db.String(20), nullable=False, default="FullyGraded")
    comment = db.Column(db.String(500), nullable=False, default="")
    timestamp = db.Column(db.String(40), nullable=False)
    attempts = db.Column(db.Integer, nullable=False, default=0)
    next_attempt_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    # While `sending`: the worker that claimed the row owns it until then; after that (a crashed
    # worker) the row is due again. Also fences the owner's final update.
    lease_until = db.Column(db.DateTime)
    last_error = db.Column(db.String(1000))
    # The HTTP status of the last refusal (None: no answer, or not sent yet): what facilitators are told.
    last_status = db.Column(db.Integer)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    sent_at = db.Column(db.DateTime)

    instance = db.relationship("ActivityInstance")
    user = db.relationship("User")
