"""Small shared pieces for models."""
from datetime import datetime, timezone


def utcnow():
    """The current time as a naive UTC datetime (portable between SQLite and PostgreSQL)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def insert_missing(model, **values):
    """INSERT … ON CONFLICT DO NOTHING in one statement: a concurrent creator wins without an error or a
    savepoint. Returns 1 when this call inserted the row, 0 when it was already there."""
    from sqlalchemy.dialects import postgresql, sqlite
    from sqlalchemy.exc import IntegrityError

    from lti_tool.extensions import db

    insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}.get(db.session.get_bind().dialect.name)
    if insert is not None:
        # RETURNING says whether a row went in (psycopg reports no row count for this statement).
        key = list(model.__table__.primary_key.columns)
        statement = insert(model).values(**values).on_conflict_do_nothing().returning(*key)
        return 1 if db.session.connection().execute(statement).first() is not None else 0
    try:  # another database: the portable way, with a savepoint
        with db.session.begin_nested():
            db.session.add(model(**values))
    except IntegrityError:
        return 0
    return 1
