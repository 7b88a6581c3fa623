"""Votes per learner, statement and round, and the live state of each voting placement."""
from lti_tool.extensions import db
from lti_tool.models.base import utcnow


class Vote(db.Model):
    """One learner's position on one statement in one round, with their reason."""

    __tablename__ = "voting_vote"
    __table_args__ = (
        # Named explicitly: the conventional name would pass PostgreSQL's 63-character limit.
        db.UniqueConstraint("activity_instance_id", "user_id", "statement_key", "round_number",
                            name="uq_voting_vote_one_per_round"),
        db.Index("ix_voting_vote_instance_round", "activity_instance_id", "round_number"),
    )

    id = db.Column(db.Integer, primary_key=True)
    activity_instance_id = db.Column(
        db.Integer, db.ForeignKey("activity_instance.id", ondelete="CASCADE"), nullable=False)
    user_id = db.Column(db.Integer, db.ForeignKey("lti_user.id", ondelete="CASCADE"), nullable=False, index=True)
    statement_key = db.Column(db.String(40), nullable=False)
    round_number = db.Column(db.Integer, nullable=False, default=1)
    choice = db.Column(db.String(20), nullable=False)
    reason = db.Column(db.Text, nullable=False, default="")
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    updated_at = db.Column(db.DateTime, nullable=False, default=utcnow, onupdate=utcnow)


class VotingState(db.Model):
    """What the facilitator controls during a session: open or closed, results shared, which round."""

    __tablename__ = "voting_state"

    activity_instance_id = db.Column(
        db.Integer, db.ForeignKey("activity_instance.id", ondelete="CASCADE"), primary_key=True)
    is_open = db.Column(db.Boolean, nullable=False, default=True)
    revealed = db.Column(db.Boolean, nullable=False, default=False)
    current_round = db.Column(db.Integer, nullable=False, default=1)
    round_started_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    # {"2": ["s1", "s3"], ...}: the statements re-opened in a later round; a round not listed re-opened all.
    round_statements = db.Column(db.JSON, nullable=False, default=dict)
    # "all": every statement at once; "one": only current_statement, as the facilitator moves on.
    pace = db.Column(db.String(10), nullable=False, default="all", server_default="all")
    current_statement = db.Column(db.String(40), nullable=True)
    # A running countdown: voting closes at closes_at (naive UTC); timer_seconds is its length, for display.
    closes_at = db.Column(db.DateTime, nullable=True)
    timer_seconds = db.Column(db.Integer, nullable=True)
    updated_at = db.Column(db.DateTime, nullable=False, default=utcnow, onupdate=utcnow)


class Proposal(db.Model):
    """A statement a learner proposes; the facilitator approves (perhaps reworded) or rejects it first."""

    __tablename__ = "voting_proposal"

    id = db.Column(db.Integer, primary_key=True)
    activity_instance_id = db.Column(
        db.Integer, db.ForeignKey("activity_instance.id", ondelete="CASCADE"), nullable=False, index=True)
    user_id = db.Column(db.Integer, db.ForeignKey("lti_user.id", ondelete="CASCADE"), nullable=False, index=True)
    text = db.Column(db.Text, nullable=False)
    status = db.Column(db.String(10), nullable=False, default="pending")  # pending, approved, rejected
    statement_key = db.Column(db.String(40), nullable=True)  # the statement it became, once approved
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    decided_at = db.Column(db.DateTime, nullable=True)
