"""The closing evaluation: a participant's verdict per learning goal, ways of learning and after-care."""
from flask_babel import gettext as _
from sqlalchemy import delete, select

from activities.expectations.cards import Refused
from activities.expectations.models import ClosingEvaluation, GoalVerdict
from activities.expectations.state import OPEN, bump, state_for
from lti_tool.extensions import db

MAX_TEXT_LENGTH = 1500


def evaluation_of(instance, user_id):
    """(closing evaluation or None, {goal id: verdict}) of one participant."""
    evaluation = db.session.execute(select(ClosingEvaluation).filter_by(
        activity_instance_id=instance.id, user_id=user_id)).scalar_one_or_none()
    if evaluation is None:
        return None, {}
    verdicts = dict(db.session.execute(select(GoalVerdict.goal_id, GoalVerdict.verdict).filter_by(
        evaluation_id=evaluation.id)).all())
    return evaluation, verdicts


def respondent_ids(instance):
    """Ids of the participants who filled in the closing evaluation."""
    return set(db.session.execute(select(ClosingEvaluation.user_id).filter_by(
        activity_instance_id=instance.id)).scalars())


def save(instance, user_id, answers, verdicts):
    """Insert or update a participant's closing evaluation (the caller records participation and commits)."""
    if state_for(instance).closing != OPEN:
        raise Refused(_("The closing evaluation is not open, so nothing was saved."), status=409)
    evaluation, _old = evaluation_of(instance, user_id)
    if evaluation is None:
        evaluation = ClosingEvaluation(activity_instance_id=instance.id, user_id=user_id, **answers)
        db.session.add(evaluation)
        db.session.flush()
    else:
        for name, value in answers.items():
            setattr(evaluation, name, value)
        db.session.execute(delete(GoalVerdict).where(GoalVerdict.evaluation_id == evaluation.id))
    for goal_id, verdict in verdicts.items():
        db.session.add(GoalVerdict(evaluation_id=evaluation.id, goal_id=goal_id, verdict=verdict))
    db.session.flush()
    bump(instance)
    return evaluation
