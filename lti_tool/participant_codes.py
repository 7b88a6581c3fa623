"""One pseudonymous participant code per person per course, the same in every activity's export, so a
facilitator can join the exports of one course without names (and not across courses)."""
import hashlib
import hmac

from flask import current_app
from sqlalchemy import select

from lti_tool.extensions import db
from lti_tool.models import User


def participant_code(context_id, sub):
    """The code of the person with LMS id `sub` in the course (Context row id); not reversible without the
    server secret."""
    key = current_app.config["SECRET_KEY"].encode()
    digest = hmac.new(key, f"participant:{context_id}:{sub}".encode(), hashlib.sha256).hexdigest()
    return "P-" + digest[:8].upper()


def codes_for(instance, user_ids):
    """{user id: code} for users of the placement's course."""
    ids = {int(uid) for uid in user_ids}
    if not ids:
        return {}
    rows = db.session.execute(select(User.id, User.sub).where(User.id.in_(ids))).all()
    return {uid: participant_code(instance.context_id, sub) for uid, sub in rows}


def code_for(instance, user_id):
    """The code of one user of the placement's course."""
    return codes_for(instance, [user_id]).get(int(user_id), "")
