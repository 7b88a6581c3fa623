"""Who this placement holds data about (the contract's data_owners)."""
from sqlalchemy import select, union

from activities.expectations.models import Ballot, Card, ClosingEvaluation, MeetingEvaluation
from lti_tool.extensions import db


def data_owner_ids(instance):
    """Ids of everyone this placement holds data about."""
    queries = [select(model.user_id).where(model.activity_instance_id == instance.id)
               for model in (Card, Ballot, MeetingEvaluation, ClosingEvaluation)]
    return set(db.session.execute(union(*queries)).scalars())
