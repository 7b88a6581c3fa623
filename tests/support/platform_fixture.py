"""The `platform` fixture: import it into a conftest with
`from tests.support.platform_fixture import platform  # noqa: F401`."""
import pytest

from tests.support.platform import TestPlatform


@pytest.fixture
def platform(app, tmp_path):
    """The demo LMS in-process, registered in the tool; the tool's outgoing calls are routed to it."""
    test_platform = TestPlatform(app, tmp_path / "demo_lms", tool_url=app.config["BASE_URL"])
    test_platform.register(app)
    previous = app.config.get("LTI_REQUESTS_SESSION")
    app.config["LTI_REQUESTS_SESSION"] = test_platform.session
    try:
        yield test_platform
    finally:
        app.config["LTI_REQUESTS_SESSION"] = previous
        test_platform.close()
