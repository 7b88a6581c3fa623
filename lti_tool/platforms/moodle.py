"""Moodle (4.1–5.0): scores need a timestamp later in whole seconds than the stored one."""
from flask_babel import lazy_gettext as _l

from lti_tool.platforms.base import Family

# mod/lti/service/gradebookservices: "Refusing score with an earlier timestamp for item N and user M" (409).
FAMILY = Family(code="moodle", label="Moodle", stale_statuses=((409, ""),),
                gone_statuses=((400, "user"), (404, "user")),
                # mod/lti/openid-registration.php stores a dynamically registered tool as pending.
                after_registration=(
                    _l("Moodle keeps the new tool pending: in Site administration → Plugins → Activity modules → "
                       "External tool → Manage tools, choose Activate on the Leernetwerk card."),
                    _l("Open the tool's settings (the gear icon) and set Tool configuration usage to "
                       "'Show in activity chooser and as a preconfigured tool', so teachers find Leernetwerk."),
                    _l("In the tool's privacy settings, share the launcher's name with the tool (e-mail is not "
                       "needed) and accept grades from the tool."),
                ))
