"""GET /lti/register/<invite>: the page an LMS opens to register Leernetwerk (LTI DR 1.0 §3.3)."""
import logging

from flask import Blueprint, make_response, render_template, request
from flask_babel import lazy_gettext as _l

from lti_tool import registration_invites
from lti_tool.dynamic_registration import enrol
from lti_tool.dynamic_registration.fetch import allowed_url, origin
from lti_tool.dynamic_registration.problems import RegistrationProblem
from lti_tool.dynamic_registration.result import result_values
from lti_tool.errors import error_response, new_reference
from lti_tool.extensions import db

bp = Blueprint("dynamic_registration", __name__)
log = logging.getLogger(__name__)

_REFUSED = {
    registration_invites.UNKNOWN: (404, _l("This registration link is not valid"),
                                   _l("Leernetwerk does not know this registration link. Check that you copied "
                                      "all of it, or ask the Leernetwerk operator for a new one.")),
    registration_invites.USED: (410, _l("This registration link was already used"),
                                _l("Each registration link registers one LMS, once. Ask the Leernetwerk "
                                   "operator for a new link.")),
    registration_invites.EXPIRED: (410, _l("This registration link has expired"),
                                   _l("Registration links are valid for 7 days. Ask the Leernetwerk operator "
                                      "for a new link.")),
}


@bp.get("/lti/register/<secret>")
def register(secret):
    """Check the invite, register with the LMS named by `openid_configuration`, show what was registered."""
    configuration_url = request.args.get("openid_configuration", "")
    token = request.args.get("registration_token") or None
    try:
        invite = registration_invites.usable_invite(secret)
    except registration_invites.InviteRefused as refused:
        status, title, message = _REFUSED[refused.reason]
        log.info("dynamic registration refused: invite %s", refused.reason)
        return _framed(error_response(status, title, message, new_reference()), configuration_url)
    try:
        if not configuration_url:
            raise RegistrationProblem("bad_request", "no openid_configuration parameter")
        registered = enrol.register(invite, configuration_url, token)
    except RegistrationProblem as problem:
        db.session.rollback()
        reference = new_reference()
        log.warning("dynamic registration failed ref=%s %s: %s", reference, problem.kind, problem.detail)
        return _framed(error_response(problem.status, problem.title, problem.message, reference,
                                      admin_detail=problem.detail), configuration_url)
    except enrol.InviteTaken:
        status, title, message = _REFUSED[registration_invites.USED]
        return _framed(error_response(status, title, message, new_reference()), configuration_url)
    page = render_template("lti/registered.html", **result_values(registered))
    return _framed((page, 200), configuration_url)


def _framed(result, configuration_url):
    """No caching, and framing allowed for the LMS that opened us (it is not a registered platform yet)."""
    response = make_response(result)
    ancestor = origin(configuration_url) if allowed_url(configuration_url) else ""
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
        f"base-uri 'none'; form-action 'none'; frame-ancestors 'self' {ancestor}".rstrip())
    response.headers["Cache-Control"] = "no-store"
    return response

