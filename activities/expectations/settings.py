"""A placement's settings: parsing the designer's lines and reading stored JSON defensively."""
import hashlib
import re
from dataclasses import dataclass

from flask import current_app, has_app_context
from flask_babel import gettext as _

from activities.expectations.content import (
    DEFAULT_COLUMNS, DEFAULT_LEARNING_FORMS, FULL, PEERS, SOURCE_LANGUAGE, VOTING_COLUMN, text_in)

MAX_COLUMNS, MAX_COLUMN_TITLE, MAX_COLUMN_HINT = 6, 80, 200
MAX_FORMS, MAX_FORM_LENGTH = 10, 80
CARD_LENGTH_MIN, CARD_LENGTH_DEFAULT, CARD_LENGTH_MAX = 20, 140, 280
DOTS_MIN, DOTS_DEFAULT, DOTS_MAX = 1, 3, 10
MIN_GROUP_FLOOR, MIN_GROUP_CEILING = 3, 1000
WEIGHT_MAX = 10
CRITERIA = ("cards", "votes", "meetings", "closing")
_KEY = re.compile(r"^[a-z0-9_]{1,40}$")


@dataclass(frozen=True)
class ExpectationsSettings:
    """The settings of one placement, always complete and within bounds."""

    columns: tuple
    learning_forms: tuple
    card_length: int
    dots: int
    anonymity: str
    weights: dict
    min_group_size: int

    @property
    def voting_column(self):
        """The key of the column learners spend their dots in: "what I want to learn", else the first."""
        keys = [c["key"] for c in self.columns]
        return VOTING_COLUMN if VOTING_COLUMN in keys else keys[0]

    @property
    def column_keys(self):
        """The keys of the configured columns, in board order."""
        return [c["key"] for c in self.columns]

    @property
    def fully_anonymous(self):
        """Whether even the facilitator may not see who wrote a card."""
        return self.anonymity == FULL


def default_min_group_size():
    """The site's minimum group size (config MIN_GROUP_SIZE, never below the floor)."""
    configured = current_app.config.get("MIN_GROUP_SIZE", 5) if has_app_context() else 5
    return max(MIN_GROUP_FLOOR, int(configured))


def default_settings():
    """The JSON a new placement starts with: the seed's four columns, 3 dots, anonymous to peers."""
    return {
        "columns": [_copy(c) for c in DEFAULT_COLUMNS],
        "learning_forms": [_copy(f) for f in DEFAULT_LEARNING_FORMS],
        "card_length": CARD_LENGTH_DEFAULT,
        "dots": DOTS_DEFAULT,
        "anonymity": PEERS,
        "weights": dict.fromkeys(CRITERIA, 1),
        "min_group_size": default_min_group_size(),
    }


def _copy(item):
    return {k: dict(v) if isinstance(v, dict) else v for k, v in item.items()}


def _bounded(value, low, high, default):
    try:
        return min(high, max(low, int(value)))
    except (TypeError, ValueError):
        return default


def _valid_item(item):
    if not isinstance(item, dict) or not _KEY.match(str(item.get("key", ""))):
        return False
    texts = item.get("texts")
    return bool(item.get("text")) or (isinstance(texts, dict) and any(texts.values()))


def load(data):
    """Stored settings as ExpectationsSettings; anything missing or out of bounds falls back to a safe value."""
    data = data if isinstance(data, dict) else {}
    defaults = default_settings()
    columns = tuple(c for c in (data.get("columns") or ()) if _valid_item(c))[:MAX_COLUMNS]
    forms = data.get("learning_forms")
    forms = tuple(f for f in forms if _valid_item(f))[:MAX_FORMS] if isinstance(forms, list) else None
    raw_weights = data.get("weights") if isinstance(data.get("weights"), dict) else {}
    weights = {k: _bounded(raw_weights.get(k, 1), 0, WEIGHT_MAX, 1) for k in CRITERIA}
    if not any(weights.values()):
        weights = dict.fromkeys(CRITERIA, 1)
    return ExpectationsSettings(
        columns=columns or tuple(defaults["columns"]),
        learning_forms=forms if forms is not None else tuple(defaults["learning_forms"]),
        card_length=_bounded(data.get("card_length"), CARD_LENGTH_MIN, CARD_LENGTH_MAX, CARD_LENGTH_DEFAULT),
        dots=_bounded(data.get("dots"), DOTS_MIN, DOTS_MAX, DOTS_DEFAULT),
        anonymity=data.get("anonymity") if data.get("anonymity") in (PEERS, FULL) else PEERS,
        weights=weights,
        min_group_size=_bounded(data.get("min_group_size"), MIN_GROUP_FLOOR, MIN_GROUP_CEILING,
                                default_min_group_size()),
    )


def custom_key(prefix, text):
    """A key derived from the text: an unchanged line keeps its key (and its cards) across edits."""
    return prefix + hashlib.sha256(text.casefold().encode("utf-8")).hexdigest()[:12]


def _matching_default(title, defaults):
    folded = title.casefold()
    for item in defaults:
        if any(folded == t.casefold() for t in item["texts"].values()):
            return _copy(item)
    return None


def columns_as_text(columns, language):
    """The columns one per line ("Title | hint"), in the designer's language."""
    lines = []
    for column in columns:
        hint = text_in(column, language, "hints")
        lines.append(text_in(column, language) + (f" | {hint}" if hint else ""))
    return "\n".join(lines)


def forms_as_text(forms, language):
    """The ways of learning one per line, in the designer's language."""
    return "\n".join(text_in(f, language) for f in forms)


def parse_columns(raw, language):
    """Turn "Title | optional hint" lines into columns; returns (columns, error messages)."""
    columns, errors, seen = [], [], set()
    lines = [" ".join(line.split()) for line in (raw or "").splitlines()]
    for number, line in enumerate((line for line in lines if line), 1):
        title, _sep, hint = (part.strip() for part in line.partition("|"))
        if not title:
            errors.append(_("Column %(number)d has no title before the “|”.", number=number))
            continue
        if len(title) > MAX_COLUMN_TITLE or len(hint) > MAX_COLUMN_HINT:
            errors.append(_("Column %(number)d is too long: at most %(title)d characters for the title and "
                            "%(hint)d for the explanation.", number=number, title=MAX_COLUMN_TITLE,
                            hint=MAX_COLUMN_HINT))
            continue
        column = _matching_default(title, DEFAULT_COLUMNS)
        if column is None or (hint and hint not in column["hints"].values()):
            key = column["key"] if column else custom_key("c_", title)
            column = {"key": key, "text": title, "language": language or SOURCE_LANGUAGE, "hint": hint}
        if column["key"] in seen:
            errors.append(_("Column %(number)d repeats an earlier column.", number=number))
            continue
        seen.add(column["key"])
        columns.append(column)
    if not columns and not errors:
        errors.append(_("Write at least one column."))
    elif len(columns) > MAX_COLUMNS:
        errors.append(_("Use at most %(max)d columns (now %(count)d).", max=MAX_COLUMNS, count=len(columns)))
    return columns, errors


def parse_forms(raw, language):
    """Turn one-per-line ways of learning into items; returns (items, error messages)."""
    forms, errors, seen = [], [], set()
    lines = [" ".join(line.split()) for line in (raw or "").splitlines()]
    for number, line in enumerate((line for line in lines if line), 1):
        if len(line) > MAX_FORM_LENGTH:
            errors.append(_("Way of learning %(number)d is longer than %(max)d characters.",
                            number=number, max=MAX_FORM_LENGTH))
            continue
        item = _matching_default(line, DEFAULT_LEARNING_FORMS) or {
            "key": custom_key("f_", line), "text": line, "language": language or SOURCE_LANGUAGE}
        if item["key"] not in seen:
            seen.add(item["key"])
            forms.append(item)
    if len(forms) > MAX_FORMS:
        errors.append(_("List at most %(max)d ways of learning (now %(count)d).", max=MAX_FORMS, count=len(forms)))
    return forms, errors
