"""Types and sizes of the launch claims we use, checked in one place before any of them is read.

A signed token is still hostile input: a platform bug or a compromised platform may send numbers
where strings belong, ids longer than our columns, or control characters. Ids that do not fit are
refused (truncating would merge two people or two courses); display names and titles that are
merely long are cut later, where they are stored.
"""
from lti_tool.claims import AGS_CLAIM, DEEP_LINKING_REQUEST, DL, LTI, NRPS_CLAIM
from lti_tool.input_policy import forbidden_character
from lti_tool.launch_errors import reject

MAX_ID = 255  # sub, context.id, resource_link.id and deployment_id columns
MAX_URL = 1000  # line-item and service URL columns
MAX_TEXT = 10000  # names, titles and other free text before they are cut to their columns
MAX_ROLES = 100


def _text(value, where, limit=MAX_TEXT, required=False):
    if value is None and not required:
        return
    if not isinstance(value, str) or (required and not value):
        reject("claims", f"{where} is not a string")
    if len(value) > limit:
        reject("claims", f"{where} is longer than {limit} characters")
    if forbidden_character(value) is not None:
        reject("claims", f"{where} contains a control character")


def _object(claims, name):
    value = claims.get(name)
    if value is not None and not isinstance(value, dict):
        reject("claims", f"{name} is not a JSON object")
    return value or {}


def check_shapes(claims, message_type):
    """Reject a launch whose claims have the wrong type, too long an id or URL, or control characters."""
    _text(claims.get("sub"), "sub", MAX_ID, required=True)
    for name in ("name", "given_name", "family_name"):
        _text(claims.get(name), name)
    _text(claims.get(LTI + "deployment_id"), "deployment_id", MAX_ID, required=True)
    roles = claims.get(LTI + "roles", [])
    if not isinstance(roles, list) or len(roles) > MAX_ROLES:
        reject("claims", "roles is not a list of at most %d roles" % MAX_ROLES)
    for role in roles:
        _text(role, "a role", MAX_URL)
    context = _object(claims, LTI + "context")
    _text(context.get("id"), "context.id", MAX_ID, required=True)
    _text(context.get("title"), "context.title")
    _text(context.get("label"), "context.label")
    if message_type == DEEP_LINKING_REQUEST:
        settings = _object(claims, DL + "deep_linking_settings")
        _text(settings.get("deep_link_return_url"), "deep_link_return_url", MAX_URL, required=True)
        _text(settings.get("data"), "deep_linking_settings.data")
        if not isinstance(settings.get("accept_types", []), list):
            reject("claims", "deep_linking_settings.accept_types is not a list")
    else:
        link = _object(claims, LTI + "resource_link")
        _text(link.get("id"), "resource_link.id", MAX_ID, required=True)
        _text(link.get("title"), "resource_link.title")
    _check_services(claims)


def _check_services(claims):
    presentation = _object(claims, LTI + "launch_presentation")
    _text(presentation.get("locale"), "launch_presentation.locale", 50)
    _text(presentation.get("return_url"), "launch_presentation.return_url", MAX_URL)
    ags = _object(claims, AGS_CLAIM)
    _text(ags.get("lineitem"), "AGS lineitem", MAX_URL)
    _text(ags.get("lineitems"), "AGS lineitems", MAX_URL)
    scopes = ags.get("scope", [])
    if not isinstance(scopes, list) or len(scopes) > MAX_ROLES:
        reject("claims", "AGS scope is not a list")
    for scope in scopes:
        _text(scope, "an AGS scope", MAX_URL)
    nrps = _object(claims, NRPS_CLAIM)
    _text(nrps.get("context_memberships_url"), "NRPS context_memberships_url", MAX_URL)
    custom = _object(claims, LTI + "custom")
    for key, value in custom.items():
        if isinstance(value, str):
            _text(value, f"custom parameter {key[:40]!r}")
