"""Grades: the durable outbox, the AGS client and the worker that drains it."""
from lti_tool.grades.outbox import grade_status, record_participation

__all__ = ["grade_status", "record_participation"]
