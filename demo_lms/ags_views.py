"""AGS endpoints. Line item URLs carry a query string like Moodle's (`…/lineitem?type_id=1`), so a
tool must put `/scores` and `/results` on the path, before the query."""
from flask import Blueprint, abort, request

from demo_lms import people
from demo_lms.ags import SCOPE, DemoAGS
from demo_lms.flask_adapter import FlaskRequest, query_params, wrap_json_response
from demo_lms.state import AGS_PREFIX, lms_state

bp = Blueprint("ags", __name__, url_prefix=f"{AGS_PREFIX}/<context_id>/lineitems")
READ_LINEITEMS = (SCOPE + "lineitem", SCOPE + "lineitem.readonly")
WRITE_LINEITEMS = (SCOPE + "lineitem",)


def _service(context_id, scopes, lineitem_id=None, get_data=None):
    course = people.course(context_id)
    if course is None:
        abort(404, description="No such course.")
    return DemoAGS(FlaskRequest(request, get_data=get_data), lms_state(), scopes, course, lineitem_id)


@bp.get("")
def lineitems(context_id):
    """The course's line items (filter: resource_link_id, resource_id, tag; paging: limit, page)."""
    params = query_params(("resource_link_id", "resource_id", "tag", "limit", "page"))
    service = _service(context_id, READ_LINEITEMS, get_data=params)
    return wrap_json_response(service.handle_resp(service.handle_get_lineitems))


@bp.post("")
def create_lineitem(context_id):
    """Add a gradebook column."""
    service = _service(context_id, WRITE_LINEITEMS)
    return wrap_json_response(service.handle_resp(service.handle_create_lineitem))


@bp.route("/<int:lineitem_id>/lineitem", methods=["GET", "PUT", "DELETE"])
def lineitem(context_id, lineitem_id):
    """One line item: read, change or delete it."""
    if request.method == "GET":
        service = _service(context_id, READ_LINEITEMS, lineitem_id)
        return wrap_json_response(service.handle_resp(service.handle_get_lineitem, line_item_id=lineitem_id))
    service = _service(context_id, WRITE_LINEITEMS, lineitem_id)
    if request.method == "PUT":
        if not isinstance(request.get_json(silent=True), dict):
            # The library would fail on a non-object body; answer 401 or 400 ourselves (token first).
            refusal = service.refusal()
            if refusal is not None:
                return wrap_json_response(refusal)
            abort(400, description="The body must be a JSON line item object.")
        return wrap_json_response(service.handle_resp(service.handle_update_lineitem, line_item_id=lineitem_id))
    return wrap_json_response(service.handle_resp(service.handle_delete_lineitem, line_item_id=lineitem_id))


@bp.post("/<int:lineitem_id>/lineitem/scores")
def scores(context_id, lineitem_id):
    """Receive one learner's score (checked: range, progress values, timestamp, membership)."""
    service = _service(context_id, (SCOPE + "score",), lineitem_id)
    return wrap_json_response(service.handle_resp(service.handle_update_score, line_item_id=lineitem_id))


@bp.get("/<int:lineitem_id>/lineitem/results")
def results(context_id, lineitem_id):
    """The line item's results (filter: user_id; paging: limit, page)."""
    params = query_params(("user_id", "limit", "page"))
    service = _service(context_id, (SCOPE + "result.readonly",), lineitem_id, get_data=params)
    return wrap_json_response(service.handle_resp(service.handle_get_results, line_item_id=lineitem_id))
