"""Pooled connections are pinged after sitting idle, not on every checkout, and a dead one is replaced."""
import os
import time

import pytest
from sqlalchemy import create_engine, exc, text

from lti_tool.db_ping import ping_when_idle
from tests.workers import DATABASE_ENV


def _engine(url, idle_seconds):
    engine = create_engine(url)
    pings = []
    real = engine.dialect.do_ping
    engine.dialect.do_ping = lambda connection: (pings.append(connection), real(connection))[1]
    ping_when_idle(engine, idle_seconds)
    return engine, pings


def _use(engine):
    with engine.connect() as connection:
        return connection.execute(text("SELECT 1")).scalar_one()


def test_a_connection_is_pinged_only_after_sitting_idle(tmp_path):
    engine, pings = _engine(f"sqlite:///{tmp_path / 'ping.db'}", idle_seconds=0.2)
    for _ in range(5):  # new, then handed back moments ago: alive in practice
        assert _use(engine) == 1
    assert pings == []
    time.sleep(0.3)
    assert _use(engine) == 1 and len(pings) == 1
    assert _use(engine) == 1 and len(pings) == 1
    engine.dispose()


@pytest.mark.skipif(not (os.environ.get(DATABASE_ENV) or "").startswith("postgres"), reason="needs PostgreSQL")
def test_an_idle_connection_the_server_closed_is_replaced_before_use():
    engine, pings = _engine(os.environ[DATABASE_ENV], idle_seconds=0.2)
    backend = "SELECT pg_backend_pid()"
    with engine.connect() as connection:
        first = connection.execute(text(backend)).scalar_one()

    def close_on_the_server(pid):
        with create_engine(os.environ[DATABASE_ENV]).connect() as other:
            other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})

    close_on_the_server(first)
    time.sleep(0.3)
    with engine.connect() as connection:  # pinged, found dead, replaced: the caller never sees it
        second = connection.execute(text(backend)).scalar_one()
    assert second != first and len(pings) == 1  # the dead one; its replacement has just answered
    # Within the threshold nobody pings: a connection closed that quickly fails one use, then the pool is fresh.
    close_on_the_server(second)
    with pytest.raises(exc.OperationalError):
        _use(engine)
    assert _use(engine) == 1
    engine.dispose()


def test_the_app_pings_idle_connections_only(app, db):
    from lti_tool.extensions import db as handle

    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        pytest.skip("SQLite has no server to lose a connection")
    assert not handle.engine.pool._pre_ping  # not on every checkout
    assert handle.engine.pool.dispatch.checkout  # but after idling (lti_tool/db_ping.py)
