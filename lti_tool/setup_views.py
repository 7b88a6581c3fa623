"""In-place setup for a resource link added without deep linking."""
from flask import Blueprint, redirect, render_template, request

from activities import get_activity
from lti_tool.activity_setup import (activity_or_404, apply_form, build_form, change_warnings, offered_activities,
                                     refuse_changes)
from lti_tool.extensions import db
from lti_tool.grades.requeue import requeue_changed
from lti_tool.live import bump
from lti_tool.session import launch_required, launch_url

bp = Blueprint("setup", __name__, url_prefix="/setup")


@bp.get("/<id:iid>")
@launch_required()
def index(instance):
    """Instructors choose an activity for this link; learners are told it is not ready yet."""
    from flask import g
    activity = get_activity(instance.activity_type) if instance.activity_type else None
    if activity is not None:
        return redirect(launch_url(activity.entry_endpoint()), code=303)
    if not g.launch.is_instructor:
        return render_template("lti/not_ready.html", instance=instance)
    return render_template("lti/picker.html", activities=offered_activities(g.launch), mode="setup")


@bp.route("/<id:iid>/<type_id>", methods=["GET", "POST"])
@launch_required(role="facilitator")
def configure(instance, type_id):
    """Settings for the chosen activity, saved on this placement."""
    activity = activity_or_404(type_id)
    if instance.activity_type and instance.activity_type != activity.id:
        return redirect(launch_url("setup.index"), code=303)
    form = build_form(activity, instance=instance, formdata=request.form if request.method == "POST" else None)
    valid = request.method == "POST" and form.validate() and not refuse_changes(instance, activity, form)
    warnings = change_warnings(instance, activity, form) if valid else []
    if valid and (not warnings or request.form.get("confirm_changes") == "1"):
        apply_form(instance, activity, form)
        db.session.flush()
        # Settings can change what counts as taking part (parts switched on or off): correct the gradebook.
        requeue_changed(instance)
        bump(instance)  # open pages show the new settings (and parts rendered under the old ones retire)
        db.session.commit()
        return redirect(launch_url(activity.entry_endpoint()), code=303)
    status = 409 if warnings else (400 if request.method == "POST" else 200)
    return render_template("lti/configure.html", activity=activity, form=form, mode="setup", warnings=warnings,
                           editing=bool(instance.activity_type)), status
