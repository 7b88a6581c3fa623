"""Grades: the durable outbox, the AGS client and the worker that drains it."""
from lti_tool.grades.status import learner_statuses as grade_status

__all__ = ["grade_status"]
