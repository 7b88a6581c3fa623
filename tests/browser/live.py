"""Live servers for browser tests and screenshots: the tool on localhost and the demo LMS on 127.0.0.1.

Both run inside the calling process on Werkzeug's threaded server, each on a daemon thread and a
free loopback port. The tool is on `localhost` and the LMS on `127.0.0.1`, two different sites, so
the tool's iframe is truly cross-site, as in a real LMS.
"""
import logging
import os
import itertools
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import make_url
from werkzeug.serving import WSGIRequestHandler, make_server

from demo_lms import create_demo_lms, registration_values
from lti_tool import create_app, registrations
from lti_tool.app import normalise_database_url
from lti_tool.extensions import cache, db
from lti_tool.grades.worker import start_inline_drainer
from tests.workers import worker_suffix

DATABASE_ENV, REDIS_ENV = "LEERNETWERK_TEST_DATABASE_URL", "LEERNETWERK_TEST_REDIS_URL"
_stack_numbers = itertools.count(1)
# Live pages ask every 0.3 s here, not 1.5 (the board 2.5): the flows wait for the wall, the board and the
# learners' pages to follow dozens of times, and the suite need not sit through 1.5 s each (≈ 25 s a run).
LIVE_POLLS = {"LIVE_POLL_SECONDS": 0.3, "LIVE_BOARD_POLL_SECONDS": 0.3}


class _QuietHandler(WSGIRequestHandler):
    """No access log line per request: a browser flow makes hundreds."""

    def log_request(self, code="-", size="-"):
        """Stay silent."""


class LiveServer:
    """A WSGI app served on a loopback port by a daemon thread until `stop()`."""

    def __init__(self, host="127.0.0.1"):
        # Bind first (port 0: the system picks a free one), then attach the app once its URL is known.
        self._server = make_server(host, 0, None, threaded=True, request_handler=_QuietHandler)
        self.port = self._server.server_port
        self._thread = None

    def start(self, app):
        """Serve `app` from now on."""
        self._server.app = app
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.1},
                                        name=f"live-server-{self.port}", daemon=True)
        self._thread.start()

    def stop(self):
        """Stop serving and close the socket."""
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=10)
        self._server.server_close()


def _postgres_admin(url, *statements):
    """Run statements outside a transaction, connected to the test database named by `url`."""
    import psycopg

    base = make_url(normalise_database_url(url))
    with psycopg.connect(host=base.host, port=base.port or 5432, user=base.username, password=base.password,
                         dbname=base.database, autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


def _postgres_sibling(url, number):
    """A fresh database next to the test database (its name + '_browser' + the stack's number)."""
    base = make_url(normalise_database_url(url))
    name = f"{base.database}_browser{worker_suffix()}{number}"
    _postgres_admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')
    return base.set(database=name).render_as_string(hide_password=False)


def _upgrade(app):
    """The real Alembic migrations; Alembic's logging setup must not rewire the host process's logging."""
    from flask_migrate import upgrade

    manager, root = logging.Logger.manager, logging.getLogger()
    saved = ({name: logger.disabled for name, logger in manager.loggerDict.items()
              if isinstance(logger, logging.Logger)}, list(root.handlers), root.level)
    try:
        with app.app_context():
            upgrade()
    finally:
        for name, disabled in saved[0].items():
            manager.loggerDict[name].disabled = disabled
        root.handlers[:], root.level = saved[1], saved[2]


@dataclass
class Stack:
    """The running tool and demo LMS, and how to reach them."""

    tool_url: str
    lms_url: str
    servers: list
    tool_app: object = None
    lms_app: object = None
    database_url: str = ""
    drainer: object = None
    _drop_database: object = field(default=None, repr=False)

    def forget_cache(self):
        """Empty the tool's cache. With Redis its keys are shared with every app on that Redis database,
        the rest of the test suite's included, so none may outlive the browser tests."""
        if self.tool_app is not None:
            with self.tool_app.app_context():
                cache.clear()

    def stop(self):
        """Stop the grades drainer and the servers, then release and drop the tool's database."""
        if self.drainer is not None:
            self.drainer.stop_event.set()
            self.drainer.join(timeout=10)
        for server in self.servers:
            server.stop()
        if self.tool_app is not None:
            self.forget_cache()
            with self.tool_app.app_context():
                db.engine.dispose()
        if self._drop_database is not None:
            self._drop_database()


def start_stack(workdir):
    """Start the tool (own database, migrated) and the demo LMS with platform storage, registered together."""
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    tool_server, lms_server = LiveServer(), LiveServer()
    stack = Stack(f"http://localhost:{tool_server.port}", f"http://127.0.0.1:{lms_server.port}",
                  [tool_server, lms_server])
    # Each stack has its own number, database and cache prefix: a second stack (the Dynamic Registration
    # tests start one) must neither drop the database nor clear the cache the session's stack still uses.
    number = next(_stack_numbers)
    try:
        if os.environ.get(DATABASE_ENV):
            stack.database_url = _postgres_sibling(os.environ[DATABASE_ENV], number)
            name = make_url(stack.database_url).database
            stack._drop_database = lambda: _postgres_admin(
                os.environ[DATABASE_ENV], f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        else:
            stack.database_url = f"sqlite:///{workdir / 'tool.sqlite3'}"
        stack.tool_app = create_app({
            "CONFIG_NAME": "development", "CACHE_KEY_PREFIX": f"leernetwerk-browser{worker_suffix()}{number}:", "BASE_URL": stack.tool_url, "SECRET_KEY": secrets.token_urlsafe(32),
            "SQLALCHEMY_DATABASE_URI": stack.database_url, "REDIS_URL": os.environ.get(REDIS_ENV) or None,
            "GRADES_INLINE": True, **LIVE_POLLS})
        _upgrade(stack.tool_app)
        _register_lms(stack.tool_app, stack.lms_url)
        stack.lms_app = create_demo_lms(stack.tool_url, stack.lms_url, workdir / "demo_lms", platform_storage=True)
        # The flows click through pages at machine speed: an iframe that changes height under them (a
        # shorter page scrolls the LMS page back) could move a target between aiming and clicking. Tests
        # of lti.frameResize switch it on (tests/browser/test_cookies_blocked_moodle.py).
        stack.lms_app.extensions["demo_lms"].fit_frame = False
        lms_server.start(stack.lms_app)
        tool_server.start(stack.tool_app)
        stack.drainer = start_inline_drainer(stack.tool_app)
    except BaseException:
        stack.stop()
        raise
    return stack


def _register_lms(app, lms_url):
    with app.app_context():
        cache.clear()  # a shared Redis may hold platform keys or tokens of an earlier run's LMS
        values = registration_values(lms_url)
        registrations.add_platform(
            issuer=values["issuer"], client_id=values["client_id"], auth_login_url=values["auth_login_url"],
            auth_token_url=values["auth_token_url"], jwks_url=values["jwks_url"],
            deployment_ids=[values["deployment_id"]], name="Demo LMS")
