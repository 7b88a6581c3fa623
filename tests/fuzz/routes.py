"""Every state-changing route of the app, and the field names and real values to fuzz it with."""
import re
from pathlib import Path

from sqlalchemy import func, select

from lti_tool.extensions import db

ROOT = Path(__file__).resolve().parents[2]
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
# Routes that are not behind a launch session: the LTI handshake itself (fuzzed by test_fuzz_launch).
HANDSHAKE = {"lti_launch.launch", "lti_launch.verify", "lti_login.login"}
_FIELD = re.compile(r"""(?:name="|^\s+|attrs\[f?")(\w+?)(?:"| = \w*Field\(|_\{)""", re.M)
_DYNAMIC = ("reason", "choice", "given", "received", "why", "na", "shared", "would", "wouldnot", "dots",
            "progress", "verdict", "form", "ring-", "rel-")


def unsafe_rules(app):
    """(rule, method) for every state-changing route but the LTI handshake."""
    return sorted(((rule, method) for rule in app.url_map.iter_rules() for method in rule.methods & UNSAFE
                   if rule.endpoint not in HANDSHAKE), key=lambda pair: (pair[0].rule, pair[1]))


def field_names(real_keys):
    """Every form field name the templates and forms use, with dynamic ones built from real keys."""
    names = {"lt", "csrf_token", "version", "moment", "title", "theme", "card", "label", "text", "name"}
    for path in [*ROOT.glob("templates/**/*.html"), *ROOT.glob("activities/*/*form*.py"),
                 *ROOT.glob("lti_tool/*form*.py")]:
        names.update(match for match in _FIELD.findall(path.read_text()) if not match.startswith("_"))
    for prefix in _DYNAMIC:
        joiner = "" if prefix.endswith("-") else "_"
        names.update(f"{prefix}{joiner}{key}" for key in real_keys)
    return names


def row_counts():
    """{table: rows} for every table, read after a rollback (what a finished request left behind)."""
    db.session.rollback()
    return {table.name: db.session.execute(select(func.count()).select_from(table)).scalar()
            for table in db.metadata.sorted_tables}
