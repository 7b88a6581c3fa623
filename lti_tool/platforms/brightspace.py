"""D2L Brightspace: a learner who left the course makes the score endpoint answer 403 or 404."""
from lti_tool.platforms.base import Family

FAMILY = Family(code="desire2learn", label="D2L Brightspace", stale_statuses=((409, ""),),
                gone_statuses=((403, ""), (404, "")))
