"""Small shared pieces for models."""
from datetime import datetime, timezone
from functools import lru_cache


def utcnow():
    """The current time as a naive UTC datetime (portable between SQLite and PostgreSQL)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def insert_missing(model, **values):
    """INSERT … ON CONFLICT DO NOTHING in one statement: a concurrent creator wins without an error or a
    savepoint. Returns 1 when this call inserted the row, 0 when it was already there."""
    from lti_tool.extensions import db

    connection = db.session.connection()
    statement = _insert_missing_statement(model, tuple(sorted(values)), connection.dialect.name)
    # RETURNING says whether a row went in (psycopg reports no row count for this statement).
    return 1 if connection.execute(statement, values).first() is not None else 0


@lru_cache(maxsize=64)
def _insert_missing_statement(model, columns, dialect_name):
    # Built once per shape: constructing a statement costs more than running it on a hot path (launches).
    from sqlalchemy import bindparam
    from sqlalchemy.dialects import postgresql, sqlite

    # The two databases the tool runs on (SQLite 3.35+ is checked at start: lti_tool/app.py).
    insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}[dialect_name]
    table = model.__table__
    values = {name: bindparam(name, type_=table.c[name].type) for name in columns}
    return insert(table).values(values).on_conflict_do_nothing().returning(*table.primary_key.columns)
