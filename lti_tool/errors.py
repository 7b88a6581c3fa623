"""Friendly error pages in the user's language (or JSON errors); never a stack trace."""
import logging
import secrets

from flask import g, jsonify, make_response, render_template, request
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import HTTPException

from lti_tool.extensions import db
from lti_tool.health import readiness_problem
from lti_tool.session import LaunchRequired

log = logging.getLogger("lti_tool.errors")


class LaunchError(Exception):
    """A rejected LTI message: what the learner is told, and what the LMS admin needs to fix it."""

    def __init__(self, code, learner_message, admin_detail, status=400):
        super().__init__(admin_detail)
        self.code = code
        self.learner_message = learner_message
        self.admin_detail = admin_detail
        self.status = status


_TITLES = {
    400: _l("This request could not be handled"),
    401: _l("Please open this activity from your course again"),
    403: _l("You do not have access to this page"),
    404: _l("Page not found"),
    405: _l("This action is not possible here"),
    413: _l("That was too much at once"),
    429: _l("Too many requests"),
    500: _l("Something went wrong on our side"),
    503: _l("Leernetwerk is not ready yet"),
}
_MESSAGES = {
    400: _l("The page received something it did not expect. Go back and try again."),
    401: _l("Your session with this activity has ended or could not be found. Open the activity "
            "again from your course; your answers are saved."),
    403: _l("This page is for the course's facilitators."),
    404: _l("The page you asked for does not exist."),
    405: _l("This page cannot be used this way."),
    413: _l("The data you sent is larger than we accept."),
    429: _l("Please wait a moment and try again."),
    500: _l("The problem has been logged. Try again in a moment."),
    503: _l("The tool is being set up or updated. Try again later; if this lasts, tell your LMS administrator."),
}


def new_reference():
    """A short code a user can quote and an admin can find in the log."""
    return secrets.token_hex(4).upper()


def _wants_json():
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return request.is_json or (best == "application/json" and request.accept_mimetypes[best] >
                               request.accept_mimetypes["text/html"])


def error_response(status, title, message, reference, admin_detail=None, retry_url=None):
    """Render an error as JSON or as a page in the user's language."""
    if _wants_json():
        return jsonify(error=str(title), message=str(message), reference=reference), status
    return render_template("errors/error.html", status=status, title=title, message=message,
                           reference=reference, admin_detail=admin_detail, retry_url=retry_url), status


def register(app):
    """Install error handlers."""

    @app.errorhandler(LaunchError)
    def launch_error(error):
        db.session.rollback()
        reference = new_reference()
        log.warning("launch rejected ref=%s code=%s: %s", reference, error.code, error.admin_detail)
        return error_response(error.status, _l("This activity could not be opened"), error.learner_message,
                              reference, admin_detail=f"{error.code}: {error.admin_detail}",
                              retry_url=getattr(error, "retry_url", None))

    @app.errorhandler(LaunchRequired)
    def launch_required(error):
        db.session.rollback()
        reference = new_reference()
        log.info("no launch session ref=%s reason=%s path=%s", reference, error.reason, request.path)
        return error_response(401, _TITLES[401], _MESSAGES[401], reference)

    @app.errorhandler(HTTPException)
    def http_error(error):
        status = error.code or 500
        reference = new_reference()
        if status >= 500:
            log.error("http error ref=%s %s", reference, error)
        if status == 400 and error.description == "csrf":
            message = _l("This form has expired. Reload the page and try again; nothing was saved.")
        else:
            message = _MESSAGES.get(status, _MESSAGES[400])
        response = make_response(error_response(status, _TITLES.get(status, _TITLES[400]), message, reference))
        if getattr(error, "retry_after", None):
            response.headers["Retry-After"] = str(error.retry_after)
        return response

    @app.errorhandler(Exception)
    def unexpected(error):
        db.session.rollback()
        reference = new_reference()
        if isinstance(error, SQLAlchemyError) and (problem := readiness_problem()):
            # An unmigrated or unreachable database is the operator's to fix, not a crash.
            log.error("not ready ref=%s: %s", reference, problem)
            return error_response(503, _TITLES[503], _MESSAGES[503], reference, admin_detail=problem)
        log.exception("unexpected error ref=%s request=%s", reference, g.get("request_id", "-"))
        return error_response(500, _TITLES[500], _MESSAGES[500], reference)
