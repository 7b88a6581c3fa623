"""Tables of the start board (cards, themes, dots, goals, charter) and of the evaluations."""
from lti_tool.extensions import db
from lti_tool.models.base import utcnow

_INSTANCE_FK = "activity_instance.id"
_USER_FK = "lti_user.id"


def _instance_column(**kwargs):
    return db.Column(db.Integer, db.ForeignKey(_INSTANCE_FK, ondelete="CASCADE"), nullable=False, **kwargs)


def _user_column(**kwargs):
    return db.Column(db.Integer, db.ForeignKey(_USER_FK, ondelete="CASCADE"), nullable=False, **kwargs)


class BoardState(db.Model):
    """What the facilitator controls, and a version that changes with every change to the board."""

    __tablename__ = "expectations_state"

    activity_instance_id = db.Column(db.Integer, db.ForeignKey(_INSTANCE_FK, ondelete="CASCADE"), primary_key=True)
    # Polling clients compare this number (as an ETag): an unchanged board costs one primary-key read.
    version = db.Column(db.Integer, nullable=False, default=1)
    posting_open = db.Column(db.Boolean, nullable=False, default=True)
    voting = db.Column(db.String(12), nullable=False, default="not_started")
    closing = db.Column(db.String(12), nullable=False, default="not_started")
    # New cards wait, hidden, until the facilitator shows them (a board in the room that must stay civil).
    hold_cards = db.Column(db.Boolean, nullable=False, default=False, server_default=db.false())
    updated_at = db.Column(db.DateTime, nullable=False, default=utcnow, onupdate=utcnow)


class Theme(db.Model):
    """A cluster of cards in one column, named by the facilitator; dots go to themes."""

    __tablename__ = "expectations_theme"

    id = db.Column(db.Integer, primary_key=True)
    activity_instance_id = _instance_column(index=True)
    column_key = db.Column(db.String(40), nullable=False)
    name = db.Column(db.String(120), nullable=False)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)


class Card(db.Model):
    """A participant's short card in one column; hidden, edited or merged by the facilitator."""

    __tablename__ = "expectations_card"
    __table_args__ = (db.Index("ix_expectations_card_board", "activity_instance_id", "column_key"),)

    id = db.Column(db.Integer, primary_key=True)
    activity_instance_id = _instance_column()
    user_id = _user_column(index=True)
    column_key = db.Column(db.String(40), nullable=False)
    text = db.Column(db.Text, nullable=False)
    theme_id = db.Column(db.Integer, db.ForeignKey("expectations_theme.id", ondelete="SET NULL"), index=True)
    # A duplicate points at the card it was merged into; it leaves the board but keeps its author.
    merged_into_id = db.Column(db.Integer, db.ForeignKey("expectations_card.id", ondelete="SET NULL"), index=True)
    hidden = db.Column(db.Boolean, nullable=False, default=False)
    held = db.Column(db.Boolean, nullable=False, default=False, server_default=db.false())  # hidden until approved
    edited = db.Column(db.Boolean, nullable=False, default=False)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    updated_at = db.Column(db.DateTime, nullable=False, default=utcnow, onupdate=utcnow)


class Ballot(db.Model):
    """That a participant voted; locked while their dots are replaced, so N is never exceeded."""

    __tablename__ = "expectations_ballot"

    activity_instance_id = db.Column(db.Integer, db.ForeignKey(_INSTANCE_FK, ondelete="CASCADE"), primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey(_USER_FK, ondelete="CASCADE"), primary_key=True)
    submitted_at = db.Column(db.DateTime, nullable=False, default=utcnow, onupdate=utcnow)


class Dot(db.Model):
    """How many of their dots one participant put on one theme."""

    __tablename__ = "expectations_dot"
    __table_args__ = (db.UniqueConstraint("user_id", "theme_id", name="uq_expectations_dot_user_theme"),)

    id = db.Column(db.Integer, primary_key=True)
    activity_instance_id = _instance_column(index=True)
    user_id = _user_column()
    theme_id = db.Column(db.Integer, db.ForeignKey("expectations_theme.id", ondelete="CASCADE"), nullable=False)
    count = db.Column(db.Integer, nullable=False)


class LearningGoal(db.Model):
    """A learning goal the facilitator confirmed, usually from a voted theme."""

    __tablename__ = "expectations_goal"

    id = db.Column(db.Integer, primary_key=True)
    activity_instance_id = _instance_column(index=True)
    theme_id = db.Column(db.Integer, db.ForeignKey("expectations_theme.id", ondelete="SET NULL"))
    text = db.Column(db.String(200), nullable=False)
    dots = db.Column(db.Integer, nullable=False, default=0)  # at confirmation: where the goal started
    position = db.Column(db.Integer, nullable=False, default=0)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)


class CharterItem(db.Model):
    """One confirmed agreement of the network's short charter."""

    __tablename__ = "expectations_charter"

    id = db.Column(db.Integer, primary_key=True)
    activity_instance_id = _instance_column(index=True)
    text = db.Column(db.String(300), nullable=False)
    position = db.Column(db.Integer, nullable=False, default=0)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)


class Meeting(db.Model):
    """A meeting of the network (date and topic); it can be evaluated from its date on."""

    __tablename__ = "expectations_meeting"

    id = db.Column(db.Integer, primary_key=True)
    activity_instance_id = _instance_column(index=True)
    held_on = db.Column(db.Date, nullable=False)
    topic = db.Column(db.String(200), nullable=False)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)


class MeetingEvaluation(db.Model):
    """One participant's private evaluation of one meeting."""

    __tablename__ = "expectations_meeting_eval"
    __table_args__ = (db.UniqueConstraint("meeting_id", "user_id", name="uq_expectations_meval_user"),)

    id = db.Column(db.Integer, primary_key=True)
    activity_instance_id = _instance_column(index=True)
    meeting_id = db.Column(db.Integer, db.ForeignKey("expectations_meeting.id", ondelete="CASCADE"), nullable=False)
    user_id = _user_column(index=True)
    went_well = db.Column(db.Text, nullable=False, default="")
    could_be_better = db.Column(db.Text, nullable=False, default="")
    usefulness = db.Column(db.Integer, nullable=False)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    updated_at = db.Column(db.DateTime, nullable=False, default=utcnow, onupdate=utcnow)


class GoalProgress(db.Model):
    """Within a meeting evaluation: did we move forward on one learning goal (yes / a little / no)."""

    __tablename__ = "expectations_goal_progress"
    __table_args__ = (db.UniqueConstraint("evaluation_id", "goal_id", name="uq_expectations_progress"),)

    id = db.Column(db.Integer, primary_key=True)
    evaluation_id = db.Column(db.Integer, db.ForeignKey("expectations_meeting_eval.id", ondelete="CASCADE"),
                              nullable=False)
    goal_id = db.Column(db.Integer, db.ForeignKey("expectations_goal.id", ondelete="CASCADE"), nullable=False,
                        index=True)
    answer = db.Column(db.String(10), nullable=False)


class ClosingEvaluation(db.Model):
    """One participant's private closing evaluation of the whole network."""

    __tablename__ = "expectations_closing_eval"
    __table_args__ = (db.UniqueConstraint("activity_instance_id", "user_id", name="uq_expectations_closing_user"),)

    id = db.Column(db.Integer, primary_key=True)
    activity_instance_id = _instance_column()
    user_id = _user_column(index=True)
    forms = db.Column(db.JSON, nullable=False, default=dict)  # {way-of-learning key: rating}
    worked = db.Column(db.Text, nullable=False, default="")
    worked_less = db.Column(db.Text, nullable=False, default="")
    suggestions = db.Column(db.Text, nullable=False, default="")
    aftercare = db.Column(db.String(12), nullable=False)
    aftercare_note = db.Column(db.Text, nullable=False, default="")
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    updated_at = db.Column(db.DateTime, nullable=False, default=utcnow, onupdate=utcnow)


class GoalVerdict(db.Model):
    """Within a closing evaluation: was one learning goal met, partly met or not met."""

    __tablename__ = "expectations_goal_verdict"
    __table_args__ = (db.UniqueConstraint("evaluation_id", "goal_id", name="uq_expectations_verdict"),)

    id = db.Column(db.Integer, primary_key=True)
    evaluation_id = db.Column(db.Integer, db.ForeignKey("expectations_closing_eval.id", ondelete="CASCADE"),
                              nullable=False)
    goal_id = db.Column(db.Integer, db.ForeignKey("expectations_goal.id", ondelete="CASCADE"), nullable=False,
                        index=True)
    verdict = db.Column(db.String(10), nullable=False)
