"""The tool's core tables; activities add their own in their `models.py`."""
from lti_tool.models.course import ActivityInstance, Context, Membership, User
from lti_tool.models.job import BackgroundJob
from lti_tool.models.outbox import ScoreOutbox
from lti_tool.models.registration import Deployment, Platform, RegistrationInvite, ToolKey
from lti_tool.models.security import LaunchSession, LoginState, UsedNonce

__all__ = [
    "ActivityInstance", "BackgroundJob", "Context", "Deployment", "LaunchSession", "LoginState", "Membership",
    "Platform", "RegistrationInvite", "ScoreOutbox", "ToolKey", "UsedNonce", "User",
]
