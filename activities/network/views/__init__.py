"""The entry page: a learner's overview of their drawing, or the facilitator's dashboard."""
from flask import g, redirect, render_template, request

from activities.network import bp, dashboard, pages, service
from activities.network.saving import Conflict
from lti_tool.live import offer, page_answer, page_tag
from lti_tool.saving import save_with_participation
from lti_tool.session import launch_required, launch_url


@bp.get("/<id:iid>")
@launch_required()
def index(instance):
    """Learners see their steps and progress; facilitators get the dashboard."""
    notice, kind = pages.notice_for(request.args.get("done"))
    offer(page_tag(instance))
    return _entry_page(instance, notice=notice, notice_kind=kind)


@bp.get("/<id:iid>/live")
@launch_required()
def live(instance):
    """The entry page at the open moment as JSON for its script (a moment opens, learners draw); 304 while
    nothing changed. A past moment's page cannot change, so it does not ask."""
    return page_answer(instance, "network.index", lambda: _entry_page(instance))


def _entry_page(instance, **notices):
    if g.launch.is_instructor:
        return render_template("activities/network/facilitator.html", **notices, **dashboard.page(g.launch, instance))
    view = pages.learner_view(g.launch, instance, request.args.get("moment"))
    return render_template("activities/network/index.html", view=view, section="overview", **notices)


@bp.post("/<id:iid>/start")
@launch_required(role="learner")
def start(instance):
    """Create the drawing for the open moment: a copy of the earlier one, or empty."""
    view = pages.learner_view(g.launch, instance)
    copy = request.form.get("mode", "copy") != "empty"
    if view.drawing is None:
        try:
            save_with_participation(instance, lambda: service.start_drawing(
                instance, g.launch.user_id, view.config, view.moment.key, copy=copy), on_race=Conflict)
        except Conflict:
            pass  # another tab started the drawing first; it is there either way
    target = request.form.get("next") if request.form.get("next") in ("contacts", "drawing") else "index"
    return redirect(launch_url(f"network.{target}", done="started" if copy else "started_empty"), code=303)


from activities.network.views import (  # noqa: E402,F401  (register the routes of each area on bp)
    contact, contacts, drawing, facilitator, insights, org_choice, questions, reflect)
