"""Text that comes from data, not the interface: every string in the database and in the activities' content."""
import importlib
import re
from pathlib import Path

from sqlalchemy import select

from lti_tool.extensions import db

_KEY = re.compile(r"[a-z][a-z0-9_]*")
_SNAKE = re.compile(r"[a-z][a-z0-9]*_[a-z0-9_]+")
ACTIVITIES = Path(__file__).resolve().parents[2] / "activities"


def _strings(value):
    """Every plain string inside a value (dicts, lists, tuples; lazy strings are interface text and skipped)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _strings(item)


def database_strings():
    """Every string value in every table (names, answers, tags, settings JSON): what the people typed or chose.
    Keys such as a vote's "agree" or "my_team" are left out: a page showing one raw is a bug the check must see
    (a lowercase word in a JSON list, such as a tag, is what someone typed)."""
    db.session.expire_all()
    found = set()
    for table in db.metadata.sorted_tables:
        for row in db.session.execute(select(table)):
            for value in row:
                key = _KEY if isinstance(value, str) else _SNAKE
                found.update(text for text in _strings(value) if not key.fullmatch(text))
    return found


def derived(strings):
    """The strings with the initials the drawing shows inside a node (cut labels are handled by the check)."""
    found = set(strings)
    for value in strings:
        words = value.split()
        if words:
            found.update({words[0][:2].upper(), (words[0][0] + words[-1][0]).upper()})
    return found


def content_strings():
    """Every string of the activities' seed content, in both languages (statements, columns, rings ...)."""
    found = set()
    for path in sorted(ACTIVITIES.glob("*/content.py")) + sorted(ACTIVITIES.glob("*/vocabulary.py")):
        module = importlib.import_module(f"activities.{path.parent.name}.{path.stem}")
        for name, value in vars(module).items():
            if name.isupper() and not isinstance(value, str):
                found.update(text for text in _strings(value) if not _KEY.fullmatch(text))
    return found
