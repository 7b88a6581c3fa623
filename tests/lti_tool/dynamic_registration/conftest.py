"""Fixtures for Dynamic Registration: the real demo LMS in-process, not yet registered in the tool."""
import html
import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest

from lti_tool import registration_invites
from lti_tool.extensions import db
from lti_tool.models import RegistrationInvite
from lti_tool.models.base import utcnow
from tests.support.platform import TestPlatform


@pytest.fixture
def lms(app, tmp_path):
    """The demo LMS at http://lms.test; the tool's outgoing calls go to it in-process."""
    test_platform = TestPlatform(app, tmp_path / "demo_lms", tool_url=app.config["BASE_URL"])
    previous = app.config.get("LTI_REQUESTS_SESSION")
    app.config["LTI_REQUESTS_SESSION"] = test_platform.session
    try:
        yield test_platform
    finally:
        app.config["LTI_REQUESTS_SESSION"] = previous
        test_platform.close()


@pytest.fixture
def invite(app):
    """invite(name="", expired=False) -> the registration URL of a fresh invite."""

    def make(name="", expired=False):
        row, url = registration_invites.create_invite(name)
        if expired:
            row.expires_at = utcnow() - timedelta(minutes=1)
            db.session.commit()
        return url

    return make


def lms_opens(lms, registration_url):
    """What the demo LMS's 'Register a tool' page frames for a pasted URL: path and query on the tool."""
    page = lms.lms_client("facilitator").post("/course/register-tool", data={"tool_url": registration_url})
    assert page.status_code == 200, page.get_data(as_text=True)[:500]
    src = html.unescape(re.search(r'id="registration-frame"[^>]*src="([^"]+)"', page.get_data(as_text=True)).group(1))
    parts = urlsplit(src)
    return f"{parts.path}?{parts.query}"


def invite_row():
    """The only invite in the database, fresh from it."""
    db.session.expire_all()
    return db.session.execute(db.select(RegistrationInvite)).scalar_one()
