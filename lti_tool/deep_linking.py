"""Deep linking: a course designer picks an activity, configures it, and we answer the LMS."""
import secrets

from flask import Blueprint, abort, current_app, g, render_template, request

from lti_tool.activity_setup import activity_or_404, apply_form, build_form, offered_activities
from lti_tool.extensions import db
from lti_tool.models import ActivityInstance, Context, Platform
from lti_tool.provisioning import REF_PARAM
from lti_tool.pylti import deep_link_response_jwt
from lti_tool.session import launch_required

bp = Blueprint("deep_linking", __name__, url_prefix="/lti/deep-linking")


@bp.get("/")
@launch_required(role="facilitator", instance_arg=None)
def picker():
    """The activity types to choose from."""
    return render_template("lti/picker.html", activities=offered_activities(g.launch), mode="deep_linking")


@bp.route("/<type_id>", methods=["GET", "POST"])
@launch_required(role="facilitator", instance_arg=None)
def configure(type_id):
    """The chosen type's settings; on success, the signed response auto-posted to the LMS."""
    activity = activity_or_404(type_id)
    form = build_form(activity, formdata=request.form if request.method == "POST" else None)
    if request.method == "POST" and form.validate():
        return _respond(activity, form)
    status = 400 if request.method == "POST" else 200
    return render_template("lti/configure.html", activity=activity, form=form, mode="deep_linking"), status


def _respond(activity, form):
    launch = g.launch
    if not launch.deep_link_return_url:
        abort(400)
    context = db.session.get(Context, launch.context_id)
    instance = ActivityInstance(platform_id=launch.platform_id, context_id=context.id, ref=secrets.token_hex(16))
    apply_form(instance, activity, form)
    db.session.add(instance)
    db.session.commit()
    item = {
        "url": current_app.config["BASE_URL"] + "/lti/launch",
        "title": instance.title,
        "text": str(activity.description),
        "custom": {REF_PARAM: instance.ref},
    }
    if activity.graded:
        item["line_item"] = {"label": instance.title, "score_maximum": instance.score_maximum,
                             "resource_id": instance.ref, "tag": f"leernetwerk-{activity.id}"}
    settings = {"deep_link_return_url": launch.deep_link_return_url, "data": launch.deep_link_data}
    platform = db.session.get(Platform, launch.platform_id)
    token = deep_link_response_jwt(platform, launch.deployment_id, settings, [item])
    return render_template("lti/deep_link_return.html", return_url=launch.deep_link_return_url, jwt=token,
                           title=instance.title)
