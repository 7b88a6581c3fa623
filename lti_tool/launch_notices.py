"""What the LMS did not give this launch, told to facilitators on every page (one place, not per activity)."""
from flask_babel import lazy_gettext as _l

SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"

NO_NAMES = _l("Your LMS does not send names to Leernetwerk (in Canvas: privacy level Anonymous). Participants "
              "appear without names; ask your LMS administrator to share at least the name.")
NO_GRADES = _l("Your LMS does not let Leernetwerk send scores here (the grade service or its score permission is "
               "missing). Participation will not reach the gradebook; ask your LMS administrator to enable "
               "Assignment and Grade Services for Leernetwerk.")


def facilitator_notices(launch):
    """Notices for a facilitator's launch: no names, no grade passback. Empty for learners and no launch."""
    if launch is None or not launch.is_instructor:
        return []
    notices = []
    # The launch keeps a name once one was sent (provisioning.provision), so an empty name means this platform
    # never sent one.
    if not launch.user_name:
        notices.append(NO_NAMES)
    if SCORE_SCOPE not in launch.ags_scopes or not (launch.lineitems_url or launch.lineitem_url):
        notices.append(NO_GRADES)
    return notices
