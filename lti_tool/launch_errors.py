"""The reasons a login or launch is refused, with what the learner is told for each."""
from flask_babel import lazy_gettext as _l

from lti_tool.errors import LaunchError

_LEARNER_MESSAGES = {
    "unknown_platform": _l("Your learning platform is not registered with Leernetwerk yet. "
                           "Please tell your LMS administrator."),
    "unknown_deployment": _l("This installation of Leernetwerk in your learning platform is not registered. "
                             "Please tell your LMS administrator."),
    "bad_request": _l("Your learning platform sent an incomplete request. Open the activity again from "
                      "your course."),
    "state": _l("We could not confirm that opening this activity started in your browser. Open the "
                "activity again from your course."),
    "token": _l("We could not verify the message from your learning platform. Open the activity again "
                "from your course; if this keeps happening, tell your LMS administrator."),
    "replay": _l("This link to the activity was already used. Open the activity again from your course."),
    "target": _l("This link was meant for another tool, not for Leernetwerk."),
    "message": _l("Your learning platform asked for something Leernetwerk does not support."),
    "context": _l("Leernetwerk activities must be opened from within a course."),
    "claims": _l("Your learning platform sent information Leernetwerk cannot use. Open the activity again "
                 "from your course; if this keeps happening, tell your LMS administrator."),
    "deep_link_role": _l("Only course designers and facilitators can add Leernetwerk activities to a course."),
}


def reject(code, admin_detail, status=400, retry_url=None):
    """Raise the LaunchError for a reason code, with the admin's detail for the log and the page."""
    status = 403 if code in ("deep_link_role",) else status
    error = LaunchError(code, _LEARNER_MESSAGES[code], admin_detail, status=status)
    error.retry_url = retry_url
    raise error
