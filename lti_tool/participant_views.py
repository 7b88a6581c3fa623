"""The per-learner pages every activity shares, mounted on each activity's blueprint by the contract."""
from flask import abort, redirect, render_template, request

from lti_tool import privacy
from lti_tool.extensions import db
from lti_tool.participants import learner_or_404
from lti_tool.session import launch_required, launch_url


def _activity(instance):
    from activities import get_activity  # at call time: the activities import the core

    return get_activity(instance.activity_type)


@launch_required(role="facilitator")
def erase_learner(instance, uid):
    """Confirm (GET), then erase (POST) everything the placement holds about one learner."""
    activity = _activity(instance)
    user = learner_or_404(instance, uid)
    back = activity.participants_endpoint()
    if request.method == "GET":
        return render_template("lti/erase_confirm.html", instance=instance, person=user, back=back,
                               preview=activity.erase_preview(instance, user.id),
                               action=launch_url(request.endpoint, uid=user.id))
    if request.form.get("confirm") != "yes":
        abort(400)
    privacy.erase_learner(instance, user)
    db.session.commit()
    return redirect(launch_url(back, done="erased"), code=303)


def mount(blueprint):
    """Add the shared per-learner routes to an activity's blueprint (same paths for every activity)."""
    blueprint.add_url_rule("/<id:iid>/participants/<id:uid>/erase", endpoint="erase_learner",
                           view_func=erase_learner, methods=["GET", "POST"])
