"""A learner's choice to take part in the organisation view or not, where the course is included."""
from flask import g, redirect, request

from activities.network import bp
from activities.network import settings as network_settings
from activities.network.organisation import background, records
from lti_tool.extensions import db
from lti_tool.session import launch_required, launch_url


@bp.post("/<id:iid>/organisation")
@launch_required(role="learner")
def organisation_choice(instance):
    """Opt out of (or back into) the organisation view; it applies to every course of this LMS."""
    if not network_settings.load(instance.settings).organisation_view:
        return redirect(launch_url("network.index"), code=303)
    choice = request.form.get("choice")
    if choice not in ("out", "in"):
        return redirect(launch_url("network.index"), code=303)
    records.choose(g.launch.user_id, take_part=choice == "in")
    background.refresh_platform(instance.platform_id)  # stored figures of a large organisation follow at once
    db.session.commit()
    return redirect(launch_url("network.index", done="org_" + choice), code=303)
