"""Configuration classes; every secret and address comes from LEERNETWERK_* environment variables."""
import os


def _env(name, default=None):
    """Read one LEERNETWERK_* environment variable."""
    return os.environ.get(f"LEERNETWERK_{name}", default)


def _seconds(name, default):
    """A LEERNETWERK_* number of seconds (fractions allowed, above 0, at most an hour), or a clear message."""
    raw = _env(name, default)
    try:
        value = float(raw)
    except ValueError:
        value = 0
    if not 0 < value <= 3600:
        raise SystemExit(f"LEERNETWERK_{name} must be a number of seconds above 0 and at most 3600, "
                         f"for example {default} (got {raw!r}).")
    return value


class Config:
    """Settings shared by every environment."""

    ENV_NAME = "base"
    SECRET_KEY = _env("SECRET_KEY")
    BASE_URL = _env("BASE_URL", "http://localhost:5001")
    SQLALCHEMY_DATABASE_URI = _env("DATABASE_URL")  # None: SQLite in the instance folder
    REDIS_URL = _env("REDIS_URL")
    # Several deployments (or test runs) may share one Redis database; the prefix keeps them apart.
    CACHE_KEY_PREFIX = _env("CACHE_KEY_PREFIX", "leernetwerk:")
    # Pooled connections are pinged only after sitting idle (lti_tool/db_ping.py), not on every checkout.
    SQLALCHEMY_ENGINE_OPTIONS = {}
    BABEL_DEFAULT_LOCALE = "nl"
    BABEL_TRANSLATION_DIRECTORIES = "../translations"
    LANGUAGES = ("nl", "en")
    LAUNCH_SESSION_SECONDS = 8 * 3600  # absolute: a launch session never lives longer
    LAUNCH_IDLE_SECONDS = 2 * 3600  # a session unused this long has ended
    LAUNCH_TOKEN_SECONDS = 2 * 3600
    # A present-view link (the wall in the room) works this long, or until the facilitator ends it.
    PRESENT_LINK_SECONDS = 4 * 3600
    # Exports with personal data need a launch from the LMS this recent (a copied link is not enough).
    FRESH_LAUNCH_SECONDS = 3600
    NONCE_SECONDS = 3600
    LOGIN_STATE_SECONDS = 600
    JWKS_CACHE_SECONDS = 3600
    ROSTER_CACHE_SECONDS = 300
    MIN_GROUP_SIZE = 5
    # How long live pages wait between questions (static/js/live.js): a change shows within this plus one
    # answer. bench/live.py measured 300 learners' final count within 1.6 s at 1.5 s (2 s gave 2.3 s). The
    # expectations board, a heavier page where a card may take a moment, asks less often.
    LIVE_POLL_SECONDS = _seconds("LIVE_POLL_SECONDS", "1.5")
    LIVE_BOARD_POLL_SECONDS = _seconds("LIVE_BOARD_POLL_SECONDS", "2.5")
    # `leernetwerk privacy purge` erases placements with no activity for this many days; 0 (default): off.
    RETENTION_DAYS = int(_env("RETENTION_DAYS", "0") or 0)
    # Extra origins whose pages may frame the tool, space-separated: an LMS on its own domain whose
    # pages differ from its auth URL's origin (Canvas on canvas.school.nl).
    FRAME_ANCESTORS = tuple(_env("FRAME_ANCESTORS", "").split())
    # The dev server and tests drain the grades outbox in-process; production runs `leernetwerk worker`.
    GRADES_INLINE = False
    # Backoff doubles from 2 s to at most 15 min: 12 attempts ride out about an hour of LMS downtime.
    GRADES_MAX_ATTEMPTS = 12
    GRADES_LEASE_SECONDS = 300
    GRADES_BACKOFF_BASE_SECONDS = 2
    GRADES_BACKOFF_CAP_SECONDS = 900
    GRADES_SEND_THREADS = 8
    HTTP_TIMEOUT_SECONDS = 10
    # Saves per launch session and minute (a drawing's autosave stays far below); 0 switches it off.
    WRITES_PER_MINUTE = int(_env("WRITES_PER_MINUTE", "120"))
    # Dynamic Registration fetches an LMS's configuration over https only; plain http just for these hosts.
    DYNAMIC_REGISTRATION_HTTP_HOSTS = ("localhost", "127.0.0.1")
    # Request bodies: the longest form (a reflection) is well under 100 kB; 413 above this.
    MAX_CONTENT_LENGTH = 1024 * 1024
    # JSON bodies (the drawing's saves are a few kB and three levels deep).
    MAX_JSON_BYTES = 256 * 1024
    MAX_JSON_DEPTH = 8
    MAX_JSON_ITEMS = 5000
    MAX_JSON_STRING = 10000
    # The organisation view: above this many ties in the included courses the worker computes it in the
    # background (with progress on the page) and the page serves the last result; it is recomputed when older.
    ORG_VIEW_BACKGROUND_TIES = int(_env("ORG_VIEW_BACKGROUND_TIES", "100000"))
    ORG_VIEW_MAX_AGE_MINUTES = int(_env("ORG_VIEW_MAX_AGE_MINUTES", "60"))
    JOBS_LEASE_SECONDS = 900
    # A requests.Session for all outgoing LTI calls; tests put an in-process transport here.
    LTI_REQUESTS_SESSION = None


class DevelopmentConfig(Config):
    """Local development and the demo: plain HTTP on localhost, secret kept in the instance folder."""

    ENV_NAME = "development"
    GRADES_INLINE = True


class TestingConfig(Config):
    """The test suite: the database comes from LEERNETWERK_TEST_DATABASE_URL or in-memory SQLite."""

    ENV_NAME = "testing"
    TESTING = True
    SECRET_KEY = "test-secret-key-not-for-production"
    BASE_URL = "http://tool.test"
    SQLALCHEMY_DATABASE_URI = _env("TEST_DATABASE_URL", "sqlite://")
    REDIS_URL = _env("TEST_REDIS_URL")
    # Parallel test workers (pytest-xdist) share one Redis: each keeps to its own keys.
    CACHE_KEY_PREFIX = f"leernetwerk-test{os.environ.get('PYTEST_XDIST_WORKER', '')}:"
    GRADES_INLINE = False
    # The in-process demo LMS of the tests lives at http://lms.test.
    DYNAMIC_REGISTRATION_HTTP_HOSTS = ("localhost", "127.0.0.1", "lms.test")


class ProductionConfig(Config):
    """Production: HTTPS, a real secret, PostgreSQL and Redis recommended."""

    ENV_NAME = "production"
    SESSION_COOKIE_SECURE = True
    DYNAMIC_REGISTRATION_HTTP_HOSTS = ()


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def config_for(name=None):
    """Return the Config class for a name, LEERNETWERK_ENV, or development."""
    name = name or _env("ENV", "development")
    try:
        return CONFIGS[name]
    except KeyError:
        raise SystemExit(f"Unknown LEERNETWERK_ENV {name!r}; use one of {', '.join(CONFIGS)}.")
