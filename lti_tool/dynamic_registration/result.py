"""What the result page shows: the registration, the services granted, what is left per LMS family."""
from flask_babel import lazy_gettext as _l

from lti_tool.dynamic_registration.tool_config import AGS, NRPS_SCOPE, SCORE_SCOPE
from lti_tool.platforms import FAMILIES, GENERIC

SCOPE_LABELS = {
    AGS + "lineitem": _l("Gradebook columns (Assignment and Grade Services)"),
    AGS + "result.readonly": _l("Reading results (Assignment and Grade Services)"),
    SCORE_SCOPE: _l("Sending participation scores (Assignment and Grade Services)"),
    NRPS_SCOPE: _l("Course members (Names and Role Provisioning Services)"),
}
GENERIC_STEPS = (
    _l("Check in your LMS that the new Leernetwerk registration is enabled and available in the courses "
       "that need it."),
)


def result_values(registered):
    """Template values for lti/registered.html."""
    family = FAMILIES.get(registered.family, GENERIC)
    granted = set(registered.scopes)
    missing = []
    if SCORE_SCOPE not in granted:
        missing.append(_l("The LMS did not grant sending scores: participation will not reach the gradebook."))
    if NRPS_SCOPE not in granted:
        missing.append(_l("The LMS did not grant the course member list: facilitators cannot see who has not "
                          "taken part yet."))
    return {
        "registered": registered,
        "lms_label": family.label if family is not GENERIC else "",
        "scopes": [SCOPE_LABELS.get(scope, scope) for scope in registered.scopes],
        "missing": missing,
        "steps": family.after_registration or GENERIC_STEPS,
    }
