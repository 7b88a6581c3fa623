"""The application factory."""
import logging
import os
import secrets
from pathlib import Path
from urllib.parse import urlparse

from flask import Flask
from flask.sessions import SessionInterface
from sqlalchemy import event
from sqlalchemy.engine import Engine

from config import config_for
from config.checks import production_problems
from lti_tool.extensions import babel, cache, db, migrate

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger(__name__)


def create_app(config=None):
    """Build the Flask app; `config` is a config name, a Config class, or a dict of overrides."""
    app = Flask(
        "lti_tool",
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=os.environ.get("LEERNETWERK_INSTANCE_PATH", str(ROOT / "instance")),
    )
    app.session_interface = NoCookieSession()
    _load_config(app, config)
    _init_extensions(app)
    _register_parts(app)
    return app


class NoCookieSession(SessionInterface):
    """No Flask cookie session: a launch carries its own (lti_tool/session.py), and third-party cookies in an
    LMS frame are unreliable anyway. Saves signing work on every request; writing to `flask.session` fails."""

    def open_session(self, app, request):
        """Every request gets the read-only null session."""
        return self.make_null_session(app)

    def save_session(self, app, session, response):
        """Nothing to save."""


def _load_config(app, config):
    overrides = {}
    if isinstance(config, dict):
        overrides = dict(config)
        config = overrides.pop("CONFIG_NAME", None)
    cls = config if isinstance(config, type) else config_for(config)
    app.config.from_object(cls)
    app.config.update(overrides)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{Path(app.instance_path) / 'leernetwerk.db'}"
    app.config["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(app.config["SQLALCHEMY_DATABASE_URI"])
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        _check_sqlite()
    # Statement parameters are learners' answers and names: never in an exception message or log.
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {**app.config["SQLALCHEMY_ENGINE_OPTIONS"], "hide_parameters": True}
    app.config["BASE_URL"] = app.config["BASE_URL"].rstrip("/")
    if cls.ENV_NAME == "production":
        _check_production(app.config)
    elif not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(Path(app.instance_path))
    base = urlparse(app.config["BASE_URL"])
    app.config.setdefault("SESSION_COOKIE_SECURE", base.scheme == "https")
    app.config["PREFERRED_URL_SCHEME"] = base.scheme


def normalise_database_url(url):
    """Point plain postgresql:// URLs at the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _check_sqlite():
    import sqlite3

    # Launches and boards use INSERT … ON CONFLICT … RETURNING and DELETE … RETURNING (SQLite 3.35+).
    if sqlite3.sqlite_version_info < (3, 35, 0):
        raise SystemExit(f"Leernetwerk needs SQLite 3.35 or newer; this Python uses {sqlite3.sqlite_version}. "
                         f"Use a newer Python build or PostgreSQL (LEERNETWERK_DATABASE_URL).")


def _check_production(config):
    problems = production_problems(config)
    if problems:
        raise SystemExit("Leernetwerk cannot start:\n- " + "\n- ".join(problems))


def _instance_secret(instance):
    path = instance / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record):
    # WAL with synchronous=NORMAL commits ~2x faster than FULL under load and stays crash-safe.
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()


def _init_extensions(app):
    from lti_tool.db_ping import ping_when_idle
    from lti_tool.i18n import select_locale

    db.init_app(app)
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        with app.app_context():
            ping_when_idle(db.engine)
    # SQLite cannot ALTER most things; batch mode rebuilds tables so one migration fits both.
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    babel.init_app(app, locale_selector=select_locale)
    if app.config.get("REDIS_URL"):
        cache.init_app(app, config={"CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": app.config["REDIS_URL"],
                                    "CACHE_KEY_PREFIX": app.config["CACHE_KEY_PREFIX"]})
    else:
        cache.init_app(app, config={"CACHE_TYPE": "SimpleCache", "CACHE_THRESHOLD": 10000})


def _register_parts(app):
    from activities import register_activities
    from lti_tool import cli, converters, errors, input_edge, request_log, security_headers
    from lti_tool.views import register_views

    converters.register(app)
    register_views(app)
    register_activities(app)
    errors.register(app)
    security_headers.register(app)
    request_log.register(app)
    input_edge.register(app)  # after the request id, so refusals are logged with one
    cli.register(app)
