"""Small shared pieces for models."""
from datetime import datetime, timezone
from functools import lru_cache


def utcnow():
    """The current time as a naive UTC datetime (portable between SQLite and PostgreSQL)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def insert_missing(model, **values):
    """INSERT … ON CONFLICT DO NOTHING in one statement: a concurrent creator wins without an error or a
    savepoint. Returns 1 when this call inserted the row, 0 when it was already there."""
    from sqlalchemy.exc import IntegrityError

    from lti_tool.extensions import db

    connection = db.session.connection()
    statement = _insert_missing_statement(model, tuple(sorted(values)), connection.dialect.name)
    if statement is not None:
        # RETURNING says whether a row went in (psycopg reports no row count for this statement).
        return 1 if connection.execute(statement, values).first() is not None else 0
    try:  # another database: the portable way, with a savepoint
        with db.session.begin_nested():
            db.session.add(model(**values))
    except IntegrityError:
        return 0
    return 1


@lru_cache(maxsize=64)
def _insert_missing_statement(model, columns, dialect_name):
    # Built once per shape: constructing a statement costs more than running it on a hot path (launches).
    from sqlalchemy import bindparam
    from sqlalchemy.dialects import postgresql, sqlite

    insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}.get(dialect_name)
    if insert is None:
        return None
    table = model.__table__
    values = {name: bindparam(name, type_=table.c[name].type) for name in columns}
    return insert(table).values(values).on_conflict_do_nothing().returning(*table.primary_key.columns)
