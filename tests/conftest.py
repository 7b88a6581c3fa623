"""Shared fixtures: the app on SQLite (or PostgreSQL when LEERNETWERK_TEST_DATABASE_URL is set)."""
import os

import pytest
from flask import has_app_context
from flask.testing import FlaskClient
from flask_migrate import stamp

from tests import workers  # noqa: F401  (before the app reads its configuration: a worker's own database)
from lti_tool import create_app
from lti_tool.extensions import cache as cache_ext
from lti_tool.extensions import db as db_ext
from lti_tool.security_headers import forget_platform_origins
from tests.support.factories import LaunchFactory


BROWSER_TIMEOUT = 120  # seconds; the longest browser flow takes about 20


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Mark every browser flow, and give it a time limit that can stop a Playwright wait."""
    for item in items:
        if item.nodeid.startswith("tests/browser/"):
            item.add_marker(pytest.mark.browser)
            # A Playwright wait cannot be interrupted by a signal (the sync API runs its event loop in a
            # greenlet that the interruption leaves stranded, so the test then waits forever): past this
            # limit the process prints every thread's stack and exits instead.
            item.add_marker(pytest.mark.timeout(BROWSER_TIMEOUT, method="thread"))


@pytest.fixture(scope="session")
def app_config():
    """Overrides for the test app; the database URL comes from the environment."""
    return {"CONFIG_NAME": "testing"}


@pytest.fixture(scope="session")
def _app(app_config, tmp_path_factory):
    os.environ.setdefault("LEERNETWERK_INSTANCE_PATH", str(tmp_path_factory.mktemp("instance")))
    app = create_app(dict(app_config))
    app.test_client_class = FreshContextClient
    with app.app_context():
        _empty_database()
        db_ext.create_all()
        stamp()  # the tables are the newest models: record that, as `db upgrade` would
    return app


def _empty_database():
    """Start from nothing, including tables an older checkout left behind (drop_all knows only ours)."""
    if db_ext.engine.dialect.name == "postgresql":
        with db_ext.engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA public CASCADE")
            connection.exec_driver_sql("CREATE SCHEMA public")
    else:
        db_ext.drop_all()


class FreshContextClient(FlaskClient):
    """A test client whose every request runs in an application context of its own, as in production.

    Nothing the test or an earlier request left in `g` or in the database session reaches the request:
    the test's own changes are committed first (a real request sees only committed rows), and the
    test's session is expired after, so it reads what the request wrote.
    """

    def open(self, *args, **kwargs):
        """Commit the test's work, make the request in a fresh app context, then re-read from the database."""
        in_test = has_app_context()  # a test's own threads (concurrency tests) run without one
        if in_test:
            db_ext.session.commit()
        with self.application.app_context():
            response = super().open(*args, **kwargs)
        if in_test:
            db_ext.session.expire_all()
        return response


@pytest.fixture
def app(_app):
    """The app inside an application context; every table is emptied after the test."""
    with _app.app_context():
        cache_ext.clear()
        forget_platform_origins()  # the process's own copy too: every test registers its platforms anew
        yield _app
        db_ext.session.rollback()
        db_ext.session.remove()
        for table in reversed(db_ext.metadata.sorted_tables):
            db_ext.session.execute(table.delete())
        db_ext.session.commit()
        cache_ext.clear()


@pytest.fixture
def db(app):
    """The Flask-SQLAlchemy handle, for tests that read or write rows directly."""
    return db_ext


@pytest.fixture
def client(app):
    """A Flask test client."""
    return app.test_client()


@pytest.fixture
def launches(app):
    """Make launch sessions directly (unit level; end-to-end launches use the `platform` fixture)."""
    return LaunchFactory(app)


from tests.support.platform_fixture import platform  # noqa: E402,F401  (the in-process LMS peer)


