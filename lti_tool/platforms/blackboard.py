"""Blackboard Learn: a learner who left the course makes the score endpoint answer 400."""
from lti_tool.platforms.base import Family

FAMILY = Family(code="blackboardlearn", label="Blackboard Learn", stale_statuses=((409, ""),),
                gone_statuses=((400, "user"), (404, "")))
