"""The sociogram page and its small JSON endpoints (place a contact on a ring, connect two contacts)."""
from flask import jsonify, render_template, request
from flask_babel import gettext as _

from activities.network import bp, contacts, pages
from activities.network.sociogram import layout
from activities.network.sociogram.change_drawings import knows_of
from activities.network.saving import Conflict, save
from activities.network.views.contacts import new_contact_form, stale_notice, view_for
from lti_tool.input_policy import bounded_int
from lti_tool.session import launch_required

PAGE_TEMPLATE = "activities/network/drawing.html"
LAYER_TEMPLATE = "activities/network/_drawing_layer.html"
LIST_TEMPLATE = "activities/network/_drawing_list.html"
MAX_MOVES = 200


def drawing_layout(view):
    """The layout of the shown drawing (empty without one)."""
    drawing = view.drawing
    return layout.build(view.contacts, list(drawing.ties) if drawing is not None else [], view.config)


def tie_names(view):
    """{contact key: labels of the contacts they know}, for the text list beside the drawing."""
    return knows_of(view.drawing) if view.drawing is not None else {}


def _state(view, status=200, **extra):
    """The redrawn SVG layer and the text list, with the version to send next."""
    values = dict(view=view, layout=drawing_layout(view), knows=tie_names(view))
    body = {"ok": status == 200, "version": view.version, "moment": view.moment.key,
            "viewBox": values["layout"].view_box,
            "svg": render_template(LAYER_TEMPLATE, **values).strip(),
            "list": render_template(LIST_TEMPLATE, **values).strip(), "counted": view.checklist.counted, **extra}
    return jsonify(body), status


def _json_body():
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return None, None
    if "version" not in body:
        return body, bounded_int(request.headers.get("If-Match"), low=0)
    version = bounded_int(body["version"], low=0)
    # A version that no drawing can have is a malformed request, not a stale page.
    return (body, version) if version is not None else (None, None)


def _error(message, status):
    return jsonify({"ok": False, "error": message}), status


@bp.get("/<id:iid>/drawing")
@launch_required(role="learner")
def drawing(instance):
    """The sociogram: rings around the participant; the script adds dragging, keys, connecting and zoom."""
    view = view_for(instance, request.args.get("moment"))
    notice, kind = pages.notice_for(request.args.get("done"))
    return render_template(PAGE_TEMPLATE, view=view, section="drawing", layout=drawing_layout(view),
                           knows=tie_names(view), notice=notice, notice_kind=kind,
                           add_form=new_contact_form(view) if not view.contacts else None)


@bp.get("/<id:iid>/drawing/state")
@launch_required(role="learner")
def drawing_state(instance):
    """The current drawing (after a conflict, or to refresh)."""
    return _state(view_for(instance, request.args.get("moment")))


def _run(instance, body, version, change):
    view = view_for(instance)
    try:
        save(view, version, change, body.get("moment") if isinstance(body.get("moment"), str) else None)
    except contacts.Refused as refused:
        return _state(view_for(instance), status=422, error=refused.message)
    except Conflict as exc:
        return _state(view_for(instance), status=409, error=str(stale_notice(exc)))
    return None


@bp.post("/<id:iid>/drawing/positions")
@launch_required(role="learner")
def save_positions(instance):
    """Place contacts: {"version": n, "moves": [{"key": k, "ring": 0..N, "angle": degrees or null}]}."""
    body, version = _json_body()
    moves = body.get("moves") if body else None
    if not isinstance(moves, list) or not 0 < len(moves) <= MAX_MOVES:
        return _error(_("Send the contacts to move."), 400)
    ring_count = view_for(instance).config.ring_count
    for move in moves:
        ring, angle = (move.get("ring"), move.get("angle")) if isinstance(move, dict) else (None, None)
        if (not isinstance(move, dict) or not isinstance(move.get("key"), str) or not isinstance(ring, int)
                or isinstance(ring, bool) or not 0 <= ring <= ring_count
                or not (angle is None or (isinstance(angle, (int, float)) and not isinstance(angle, bool)
                                          and -1e6 < angle < 1e6))):
            return _error(_("A move was not understood."), 400)

    def change(drawing):
        for move in moves:
            contacts.place(contacts.contact_or_404(drawing, move["key"]), move["ring"], move.get("angle"),
                           ring_count)

    return _run(instance, body, version, change) or _state(view_for(instance))


@bp.post("/<id:iid>/drawing/ties")
@launch_required(role="learner")
def save_tie(instance):
    """Connect or disconnect two contacts who know each other: {"version": n, "a": k, "b": k, "connected": bool}."""
    body, version = _json_body()
    if (not body or not isinstance(body.get("a"), str) or not isinstance(body.get("b"), str)
            or not isinstance(body.get("connected"), bool)):
        return _error(_("Say which two contacts to connect."), 400)

    def change(drawing):
        a = contacts.contact_or_404(drawing, body["a"])
        b = contacts.contact_or_404(drawing, body["b"])
        contacts.set_tie(drawing, a, b, body["connected"])

    return _run(instance, body, version, change) or _state(view_for(instance))
