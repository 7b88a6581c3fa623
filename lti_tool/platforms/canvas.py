"""Canvas: one issuer for all tenants, a separate OIDC auth domain, a User-Agent on every service call."""
from flask_babel import lazy_gettext as _l

from lti_tool.platforms.base import Family

FAMILY = Family(code="canvas", label="Canvas", issuer_hosts=("canvas.instructure.com", "canvas.test.instructure.com",
                                                             "canvas.beta.instructure.com"),
                stale_statuses=((409, ""), (400, "timestamp"), (422, "timestamp")),
                gone_statuses=((422, "user not found"), (422, "not a user in this course"),
                               (404, "user")),
                # Canvas's own placement names: "add an activity" from assignments and modules.
                deep_linking_placements=("assignment_selection", "link_selection"),
                after_registration=(
                    _l("In Admin → Developer Keys, switch the new Leernetwerk key ON: Canvas creates it OFF."),
                    _l("Install it where courses need it: Settings → Apps → View App Configurations → + App → "
                       "By Client ID, with the client id above."),
                    _l("Canvas lets administrators remove services and choose a privacy level while registering. "
                       "Check that the key keeps the grade and roster services and that its privacy level is "
                       "Public or Name only: with Anonymous, facilitators do not see who took part."),
                ))
