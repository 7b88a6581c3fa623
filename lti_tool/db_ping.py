"""Check a pooled database connection before use when it has sat idle, not on every checkout.

SQLAlchemy's `pool_pre_ping` pings on every checkout: one more round trip for every request, in a live
session hundreds a second for polls that are three reads each (bench/live.py). A connection handed back
moments ago is alive in practice; one that sat idle may have been closed by a server restart, an idle
timeout or a firewall, so it is pinged first and a dead one replaced before a request sees it (SQLAlchemy's
pessimistic disconnect recipe, with a threshold). A connection that breaks within the threshold fails
one request, after which SQLAlchemy replaces every connection of the pool that is older than the failure.
"""
import time

from sqlalchemy import event, exc

IDLE_SECONDS = 10.0


def ping_when_idle(engine, idle_seconds=IDLE_SECONDS):
    """Ping a connection at checkout when it was idle for more than `idle_seconds`; replace it when dead."""
    def stamp(_dbapi_connection, record, *_ignored):
        record.info["idle_since"] = time.monotonic()

    def check(dbapi_connection, record, _proxy):
        if time.monotonic() - record.info.get("idle_since", 0.0) <= idle_seconds:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as error:
            raise exc.DisconnectionError("the database closed an idle connection") from error

    event.listen(engine.pool, "connect", stamp)  # a new connection has just answered
    event.listen(engine.pool, "checkin", stamp)
    event.listen(engine.pool, "checkout", check)
