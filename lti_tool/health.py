"""Is this deployment ready to serve: the database answers and carries the newest migration."""
from functools import lru_cache

from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.exc import SQLAlchemyError

from lti_tool.extensions import db

MIGRATIONS = "migrations"


@lru_cache(maxsize=1)
def head_revision():
    """The newest migration this code knows."""
    from lti_tool.app import ROOT

    return ScriptDirectory(str(ROOT / MIGRATIONS)).get_current_head()


def readiness_problem():
    """None when the database is reachable and migrated; else a short reason for operators (no secrets)."""
    try:
        with db.engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
    except SQLAlchemyError as exc:
        return f"the database cannot be reached ({type(exc).__name__})"
    if current is None:
        return "the database has no tables yet: run `leernetwerk db upgrade`"
    if current != head_revision():
        return f"the database is at migration {current} but this version needs {head_revision()}: " \
               "run `leernetwerk db upgrade`"
    return None


def check_ready_or_exit():
    """Before serving (gunicorn's master): SystemExit with the reason when the database is not ready."""
    from lti_tool import create_app

    app = create_app()
    with app.app_context():
        problem = readiness_problem()
        db.engine.dispose()  # no connection may cross into the forked workers
    if problem:
        raise SystemExit(f"Leernetwerk cannot start: {problem}.")
