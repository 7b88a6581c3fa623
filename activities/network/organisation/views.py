"""The organisation view's page and exports, for administrators only."""
from flask import abort, g, render_template, request

from activities.network.organisation import exports, page, records
from activities.network.organisation.activity import load, may_open, org_bp
from lti_tool.csv_export import download
from lti_tool.errors import error_response, new_reference
from lti_tool.session import launch_required

EXPORTS = {"risks.csv": "text/csv", "people.csv": "text/csv", "ties.csv": "text/csv",
           "network.graphml": "application/graphml+xml"}


def _refused():
    return error_response(403, exports.REFUSED_TITLE, exports.REFUSED_MESSAGE, new_reference())


def _view(instance):
    horizon, min_group = load(instance.settings)
    return page.build(instance.platform_id, horizon, min_group, with_names=records.is_admin(g.launch.user_id))


@org_bp.get("/<id:iid>")
@launch_required()
def index(instance):
    """Who knows what across the courses that take part, and where knowledge may be lost."""
    if not may_open(g.launch):
        return _refused()
    view = _view(instance)
    chosen = view.risk_of(request.args.get("skill"))
    return render_template("activities/organisation/index.html", instance=instance, view=view, chosen=chosen,
                           picture=view.picture(chosen) if chosen else None)


@org_bp.get("/<id:iid>/export/<name>")
@launch_required()
def export(instance, name):
    """One table of the view (risks, people, ties) as CSV, or the network as GraphML; the page's privacy."""
    if not may_open(g.launch):
        return _refused()
    if name not in EXPORTS:
        abort(404)
    return download(exports.render(name, _view(instance)), f"organisation-{instance.id}-{name}", EXPORTS[name])
