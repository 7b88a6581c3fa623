"""Parallel test workers (pytest-xdist): each gets its own PostgreSQL database and cache key prefix.

Imported by tests/conftest.py before the app's configuration is read, so the environment a worker
changes here is the one TestingConfig sees. Without xdist (or on SQLite, which is in memory) nothing
changes.
"""
import os

WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
DATABASE_ENV = "LEERNETWERK_TEST_DATABASE_URL"


def worker_suffix():
    """'' in a plain run, '_gw0', '_gw1' … in a parallel one."""
    return f"_{WORKER}" if WORKER else ""


def _own_postgres_database():
    from sqlalchemy.engine import make_url

    url = os.environ.get(DATABASE_ENV)
    if not WORKER or not url or not url.startswith("postgres"):
        return
    import psycopg

    base = make_url(url.replace("postgres://", "postgresql://", 1))
    name = f"{base.database}{worker_suffix()}"
    with psycopg.connect(host=base.host, port=base.port or 5432, user=base.username, password=base.password,
                         dbname=base.database, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    os.environ[DATABASE_ENV] = base.set(database=name).render_as_string(hide_password=False)


_own_postgres_database()
