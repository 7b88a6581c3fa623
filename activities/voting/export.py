"""The facilitator's export: one row per vote, with a pseudonymous participant code instead of a name.

Names stay out on purpose: an export travels (e-mail, shared drives), reasons were given on the
promise that the group sees them anonymously, and a stable code is enough to follow one person's
positions across statements and rounds. The dashboard already shows who has (not) voted.
"""

from sqlalchemy import select

from activities.voting import settings as voting_settings
from activities.voting.content import SOURCE_LANGUAGE, choice_label, statement_text
from activities.voting.models import Vote
from lti_tool.csv_export import to_csv as write_csv
from lti_tool.extensions import db
from lti_tool.participant_codes import codes_for

COLUMNS = ("participant", "round", "statement_number", "statement", "choice", "reason")


def rows(instance, language=None):
    """Every vote of the placement as a dict with COLUMNS, ordered by round, statement and participant."""
    config = voting_settings.load(instance.settings)
    order = {s["key"]: number for number, s in enumerate(config.statements, 1)}
    texts = {s["key"]: statement_text(s, language or SOURCE_LANGUAGE) for s in config.statements}
    votes = db.session.execute(select(Vote).filter_by(activity_instance_id=instance.id)).scalars().all()
    codes = codes_for(instance, {v.user_id for v in votes})
    result = [{
        "participant": codes.get(v.user_id, ""),
        "round": v.round_number,
        # A statement removed from the settings keeps its votes; it is shown by its key.
        "statement_number": order.get(v.statement_key, ""),
        "statement": texts.get(v.statement_key, v.statement_key),
        "choice": str(choice_label(v.choice)),
        "reason": v.reason,
    } for v in votes]
    result.sort(key=lambda r: (r["round"], r["statement_number"] == "", r["statement_number"] or 0,
                               r["statement"], r["participant"]))
    return result


def to_csv(export_rows):
    """CSV text of the export rows."""
    return write_csv(export_rows, COLUMNS)
