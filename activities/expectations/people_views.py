"""Routes about people's data: the full export, and a participant's own data (the participants page is the core's)."""
from flask import g

from activities.expectations import ExpectationsActivity, bp
from activities.expectations import export as exporting
from lti_tool.csv_export import download
from lti_tool.session import launch_required
from lti_tool.i18n import current_language

TEMPLATES = "activities/expectations/"


@bp.get("/<id:iid>/my-data.csv")
@launch_required()
def my_data(instance):
    """A participant downloads everything this activity holds about them."""
    rows = exporting.rows(instance, current_language(), user_id=g.launch.user_id,
                          who=lambda _uid: g.launch.user_name or "")
    return download(exporting.to_csv(rows), f"my-data-{instance.id}.csv")


@bp.get("/<id:iid>/export.csv")
@launch_required(role="facilitator", fresh=True)
def export_all(instance):
    """All answers of the placement as CSV, with pseudonymous participant codes."""
    return download(exporting.to_csv(ExpectationsActivity.export(instance, language=current_language())),
                f"expectations-{instance.id}.csv")

