"""Small shared pieces for models."""
from datetime import datetime, timezone


def utcnow():
    """The current time as a naive UTC datetime (portable between SQLite and PostgreSQL)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)
