"""Moodle (4.1–5.0): scores need a timestamp later in whole seconds than the stored one."""
from lti_tool.platforms.base import Family

# mod/lti/service/gradebookservices: "Refusing score with an earlier timestamp for item N and user M" (409).
FAMILY = Family(code="moodle", label="Moodle", stale_statuses=((409, ""),),
                gone_statuses=((400, "user"), (404, "user")))
