"""D2L Brightspace: a learner who left the course makes the score endpoint answer 403 or 404."""
from flask_babel import lazy_gettext as _l

from lti_tool.platforms.base import Family

FAMILY = Family(code="desire2learn", label="D2L Brightspace", stale_statuses=((409, ""),),
                gone_statuses=((403, ""), (404, "")),
                after_registration=(
                    _l("In Admin Tools → Manage Extensibility → LTI Advantage, check that the Leernetwerk "
                       "registration is enabled, and create a deployment for the org units that may use it."),
                ))
