"""A placement's settings: parsing the designer's statements and reading stored JSON defensively."""
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from activities.common.settings_lists import (
    default_min_group_size, lines_as_text, min_group_size, parse_lines, stored_entries)
from activities.voting.content import (
    AFTER_REVEAL, AFTER_VOTE, AGREE_DISAGREE, DEFAULT_STATEMENTS, SCALES, SOURCE_LANGUAGE, statement_text)

MAX_STATEMENTS = 20
MAX_STATEMENT_LENGTH = 300
MAX_REASON_LENGTH = 1000
MIN_PROPOSAL_LENGTH = 10
STATEMENT_MESSAGES = {
    "too_long": _l("Statement %(number)d is %(length)d characters long; the maximum is %(max)d."),
    "repeats": _l("Statement %(number)d repeats statement %(first)d."),
    "empty": _l("Write at least one statement."),
    "too_many": _l("Write at most %(max)d statements (now %(count)d)."),
}


@dataclass(frozen=True)
class VotingSettings:
    """The settings of one placement, always complete and within bounds."""

    statements: tuple
    scale: str
    reason_required: bool
    results_mode: str
    min_group_size: int
    learner_statements: bool = False  # learners may propose statements, approved by the facilitator first


def default_settings():
    """The JSON a new placement starts with: the four seed statements, agree/disagree, reasons required."""
    return {
        "statements": [dict(s, texts=dict(s["texts"])) for s in DEFAULT_STATEMENTS],
        "scale": AGREE_DISAGREE,
        "reason_required": True,
        "results_mode": AFTER_VOTE,
        "min_group_size": default_min_group_size(),
        "learner_statements": False,
    }


def load(data):
    """Stored settings as VotingSettings; anything missing or out of bounds falls back to a safe value."""
    data = data if isinstance(data, dict) else {}
    return VotingSettings(
        statements=stored_entries(data.get("statements"), DEFAULT_STATEMENTS, MAX_STATEMENTS),
        scale=data.get("scale") if data.get("scale") in SCALES else AGREE_DISAGREE,
        reason_required=bool(data.get("reason_required", True)),
        results_mode=data.get("results_mode") if data.get("results_mode") in (AFTER_VOTE, AFTER_REVEAL) else AFTER_VOTE,
        min_group_size=min_group_size(data),
        learner_statements=data.get("learner_statements") is True,
    )


def statements_as_text(statements, language):
    """The statements one per line, in the designer's language (for the settings textarea)."""
    return lines_as_text(statements, language, statement_text)


def parse_statements(raw, language):
    """Turn the textarea (one statement per line) into statements; returns (statements, error messages).

    A line equal to a default statement in any language becomes that statement with both
    translations; other lines are kept in the language the designer wrote them in.
    """
    # Statements keep case-sensitive keys: votes are stored under them, and placements made before the
    # shared helper must keep theirs when the designer saves the settings again.
    return parse_lines(raw, language, DEFAULT_STATEMENTS, most=MAX_STATEMENTS, max_length=MAX_STATEMENT_LENGTH,
                       messages=STATEMENT_MESSAGES, source_language=SOURCE_LANGUAGE, fold_case=False)
