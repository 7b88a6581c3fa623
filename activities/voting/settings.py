"""A placement's settings: parsing the designer's statements and reading stored JSON defensively."""
import hashlib
import re
from dataclasses import dataclass

from flask import current_app, has_app_context
from flask_babel import gettext as _

from activities.voting.content import (
    AFTER_REVEAL, AFTER_VOTE, AGREE_DISAGREE, DEFAULT_STATEMENTS, SCALES, SOURCE_LANGUAGE, statement_text)

MAX_STATEMENTS = 20
MAX_STATEMENT_LENGTH = 300
MAX_REASON_LENGTH = 1000
MIN_GROUP_FLOOR = 3
MIN_GROUP_CEILING = 1000
_KEY = re.compile(r"^[a-z0-9_]{1,40}$")


@dataclass(frozen=True)
class VotingSettings:
    """The settings of one placement, always complete and within bounds."""

    statements: tuple
    scale: str
    reason_required: bool
    results_mode: str
    min_group_size: int


def default_min_group_size():
    """The site's minimum group size (config MIN_GROUP_SIZE, never below the floor)."""
    configured = current_app.config.get("MIN_GROUP_SIZE", 5) if has_app_context() else 5
    return max(MIN_GROUP_FLOOR, int(configured))


def default_settings():
    """The JSON a new placement starts with: the four seed statements, agree/disagree, reasons required."""
    return {
        "statements": [dict(s, texts=dict(s["texts"])) for s in DEFAULT_STATEMENTS],
        "scale": AGREE_DISAGREE,
        "reason_required": True,
        "results_mode": AFTER_VOTE,
        "min_group_size": default_min_group_size(),
    }


def load(data):
    """Stored settings as VotingSettings; anything missing or out of bounds falls back to a safe value."""
    data = data if isinstance(data, dict) else {}
    statements = tuple(s for s in (data.get("statements") or ()) if _valid_statement(s))[:MAX_STATEMENTS]
    if not statements:
        statements = tuple(default_settings()["statements"])
    try:
        min_group = int(data.get("min_group_size") or default_min_group_size())
    except (TypeError, ValueError):
        min_group = default_min_group_size()
    return VotingSettings(
        statements=statements,
        scale=data.get("scale") if data.get("scale") in SCALES else AGREE_DISAGREE,
        reason_required=bool(data.get("reason_required", True)),
        results_mode=data.get("results_mode") if data.get("results_mode") in (AFTER_VOTE, AFTER_REVEAL) else AFTER_VOTE,
        min_group_size=min(MIN_GROUP_CEILING, max(MIN_GROUP_FLOOR, min_group)),
    )


def _valid_statement(statement):
    if not isinstance(statement, dict) or not _KEY.match(str(statement.get("key", ""))):
        return False
    texts = statement.get("texts")
    return bool(statement.get("text")) or (isinstance(texts, dict) and any(texts.values()))


def statements_as_text(statements, language):
    """The statements one per line, in the designer's language (for the settings textarea)."""
    return "\n".join(statement_text(s, language) for s in statements)


def _normalise(line):
    return " ".join(line.split())


def _default_matching(text):
    folded = text.casefold()
    for statement in DEFAULT_STATEMENTS:
        if any(folded == t.casefold() for t in statement["texts"].values()):
            return {"key": statement["key"], "texts": dict(statement["texts"])}
    return None


def custom_key(text):
    """A key derived from the text: an unchanged statement keeps its key (and its votes) across edits."""
    return "c_" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def parse_statements(raw, language):
    """Turn the textarea (one statement per line) into statements; returns (statements, error messages).

    A line equal to a default statement in any language becomes that statement with both
    translations; other lines are kept in the language the designer wrote them in.
    """
    lines = [_normalise(line) for line in (raw or "").splitlines()]
    statements, errors, seen = [], [], {}
    number = 0
    for line in lines:
        if not line:
            continue
        number += 1
        if len(line) > MAX_STATEMENT_LENGTH:
            errors.append(_("Statement %(number)d is %(length)d characters long; the maximum is %(max)d.",
                            number=number, length=len(line), max=MAX_STATEMENT_LENGTH))
            continue
        statement = _default_matching(line) or {"key": custom_key(line), "text": line,
                                                 "language": language or SOURCE_LANGUAGE}
        if statement["key"] in seen:
            errors.append(_("Statement %(number)d repeats statement %(first)d.", number=number,
                            first=seen[statement["key"]]))
            continue
        seen[statement["key"]] = number
        statements.append(statement)
    if number == 0:
        errors.append(_("Write at least one statement."))
    elif number > MAX_STATEMENTS:
        errors.append(_("Write at most %(max)d statements (now %(count)d).", max=MAX_STATEMENTS, count=number))
    return statements, errors
