"""What the drawing says about learning (insights) and how it changed between two moments."""
from flask import abort, g, render_template, request

from activities.network import aggregates, bp, convert, service
from activities.network.analysis import change, metrics
from activities.network.sociogram import change_drawings
from activities.network.people import own_sub
from activities.network.views.contacts import view_for
from lti_tool.session import launch_required


def _ego(view, drawing):
    return convert.ego(drawing, own_sub(g.launch), g.launch.user_name or "", view.config)


@bp.get("/<id:iid>/insights")
@launch_required(role="learner")
def insights(instance):
    """Each measure of the learner's network with one sentence on what it means for learning."""
    view = view_for(instance, request.args.get("moment"))
    found = metrics.insights(_ego(view, view.drawing), view.config.location_keys()) if view.drawing else ()
    course = aggregates.figures(view.instance, view.moment.key, view.config.min_group_size)
    return render_template("activities/network/insights.html", view=view, section="insights",
                           insights={i.key: i for i in found}, course=course)


def _drawn_moments(view):
    """Moments (in order, up to the shown one) at which the learner has a drawing."""
    mine = service.drawings_of(view.instance, g.launch.user_id)
    return [m for m in view.moments if m.key in mine and m.status != "future"], mine


@bp.get("/<id:iid>/change")
@launch_required(role="learner")
def change_view(instance):
    """New and lost contacts, ties that became strong or weak, changed relations, measures side by side."""
    view = view_for(instance, request.args.get("moment"))
    drawn, mine = _drawn_moments(view)
    if len(drawn) < 2:
        return render_template("activities/network/change.html", view=view, section="change", comparison=None,
                               drawn=drawn)
    keys = [m.key for m in drawn]
    after_key = request.args.get("to") or keys[-1]
    before_key = request.args.get("from") or (keys[keys.index(after_key) - 1] if after_key in keys[1:] else keys[0])
    if before_key not in keys or after_key not in keys or keys.index(before_key) >= keys.index(after_key):
        abort(404)
    categories = view.config.location_keys()
    comparison = change.compare(_ego(view, mine[before_key]), _ego(view, mine[after_key]), categories)
    by_key = {m.key: m for m in drawn}
    shown = change_drawings.side_by_side(view.config, by_key[before_key], by_key[after_key],
                                         (mine[before_key], mine[after_key]), comparison)
    return render_template("activities/network/change.html", view=view, section="change", comparison=comparison,
                           drawn=drawn, before=by_key[before_key], after=by_key[after_key], shown=shown)
