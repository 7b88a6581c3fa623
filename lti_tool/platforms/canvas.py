"""Canvas: one issuer for all tenants, a separate OIDC auth domain, a User-Agent on every service call."""
from lti_tool.platforms.base import Family

FAMILY = Family(code="canvas", label="Canvas", issuer_hosts=("canvas.instructure.com", "canvas.test.instructure.com",
                                                             "canvas.beta.instructure.com"),
                stale_statuses=((409, ""), (400, "timestamp"), (422, "timestamp")),
                gone_statuses=((422, "user not found"), (422, "not a user in this course"),
                               (404, "user")))
