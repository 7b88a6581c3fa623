"""The input policy at the edge: body size, JSON size and depth, and refused characters in
URLs and JSON, checked before any view runs (forms check their own fields, see lti_tool.forms)."""
import json
import re

from flask import abort, current_app, jsonify, request
from flask import Request
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import ImmutableMultiDict

from lti_tool.input_policy import forbidden_character, json_problem, normalise

_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)
_BRACKETS = re.compile(rb"[\[\]{}]")
JSON_REFUSED = _l("The data sent was not understood.")


class PolicyRequest(Request):
    """A request whose form values arrive NFC-normalised, so every reader sees one spelling."""

    def _load_form_data(self):
        super()._load_form_data()
        form = self.__dict__.get("form")
        if form and not all(key.isascii() and value.isascii() for key, value in form.items(multi=True)):
            self.__dict__["form"] = ImmutableMultiDict(
                [(normalise(key), normalise(value)) for key, value in form.items(multi=True)])


def json_depth(raw):
    """The deepest nesting of arrays and objects in raw JSON bytes (without parsing, so no recursion)."""
    depth = deepest = 0
    for bracket in _BRACKETS.findall(_JSON_STRING.sub(b'""', raw)):
        depth += 1 if bracket in (b"[", b"{") else -1
        deepest = max(deepest, depth)
    return deepest


def _refuse_json(status=400):
    response = jsonify(ok=False, error=str(JSON_REFUSED))
    response.status_code = status
    abort(response)


def _check_json():
    config = current_app.config
    raw = request.get_data(cache=True)
    if len(raw) > config["MAX_JSON_BYTES"]:
        _refuse_json(413)
    if json_depth(raw) > config["MAX_JSON_DEPTH"]:
        _refuse_json()
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):
        _refuse_json()
    if json_problem(body, config["MAX_JSON_DEPTH"], config["MAX_JSON_ITEMS"], config["MAX_JSON_STRING"]):
        _refuse_json()


def check_request():
    """Refuse URL values, query parameters and JSON bodies that break the input policy."""
    for value in (request.view_args or {}).values():
        # A path value with control characters names nothing we store.
        if isinstance(value, str) and forbidden_character(value) is not None:
            abort(404)
    for key, value in request.args.items(multi=True):
        if forbidden_character(key) is not None or forbidden_character(value) is not None:
            abort(400)
    if request.method in ("POST", "PUT", "PATCH", "DELETE") and request.is_json:
        _check_json()


def register(app):
    """Use the policy request class and check every request at the edge."""
    app.request_class = PolicyRequest
    app.before_request(check_request)
