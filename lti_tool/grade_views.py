"""The facilitator's "send again" for one learner's gradebook score, shared by every activity."""
from flask import Blueprint, abort, redirect, request
from werkzeug.routing import BuildError

from activities import get_activity
from lti_tool.extensions import db
from lti_tool.grades.requeue import send_again as queue_again
from lti_tool.models import Membership, User
from lti_tool.session import launch_required, launch_url

bp = Blueprint("grades", __name__, url_prefix="/grades")


@bp.post("/<id:iid>/send-again/<id:uid>")
@launch_required(role="facilitator")
def send_again(instance, uid):
    """Queue the learner's current score again, then go back to the page the facilitator came from."""
    learner = db.session.get(User, uid)
    in_course = learner is not None and learner.platform_id == instance.platform_id and db.session.execute(
        db.select(Membership.id).filter_by(user_id=uid, context_id=instance.context_id)).first()
    if not in_course or not queue_again(instance, uid):
        abort(404)
    db.session.commit()
    return redirect(_back(instance), code=303)


def _back(instance):
    """The facilitator page named in the form when it belongs to this activity, else the activity's start."""
    activity = get_activity(instance.activity_type)
    fallback = activity.entry_endpoint() if activity else "setup.index"
    endpoint = request.form.get("back", "")
    if activity is None or not endpoint.startswith(activity.blueprint.name + "."):
        endpoint = fallback
    try:
        return launch_url(endpoint)
    except BuildError:
        return launch_url(fallback)
