"""A placement's settings: parsing the designer's lines and reading stored JSON defensively."""
from dataclasses import dataclass

from flask_babel import gettext as _

from activities.common.settings_lists import (
    bounded_int, copy_entries, custom_key, default_min_group_size, matching_default, min_group_size, normalised_lines,
    stored_entries)
from activities.expectations.content import (
    DEFAULT_COLUMNS, DEFAULT_LEARNING_FORMS, FULL, PEERS, SOURCE_LANGUAGE, VOTING_COLUMN, text_in)

MAX_COLUMNS, MAX_COLUMN_TITLE, MAX_COLUMN_HINT = 6, 80, 200
MAX_FORMS, MAX_FORM_LENGTH = 10, 80
CARD_LENGTH_MIN, CARD_LENGTH_DEFAULT, CARD_LENGTH_MAX = 20, 140, 280
DOTS_MIN, DOTS_DEFAULT, DOTS_MAX = 1, 3, 10
WEIGHT_MAX = 10
CRITERIA = ("cards", "votes", "meetings", "closing")


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


def default_settings():
    """The JSON a new placement starts with: the seed's four columns, 3 dots, anonymous to peers."""
    return {
        "columns": copy_entries(DEFAULT_COLUMNS),
        "learning_forms": copy_entries(DEFAULT_LEARNING_FORMS),
        "card_length": CARD_LENGTH_DEFAULT,
        "dots": DOTS_DEFAULT,
        "anonymity": PEERS,
        "weights": dict.fromkeys(CRITERIA, 1),
        "min_group_size": default_min_group_size(),
    }


def load(data):
    """Stored settings as ExpectationsSettings; anything missing or out of bounds falls back to a safe value."""
    data = data if isinstance(data, dict) else {}
    forms = data.get("learning_forms")
    raw_weights = data.get("weights") if isinstance(data.get("weights"), dict) else {}
    weights = {k: bounded_int(raw_weights.get(k, 1), 1, 0, WEIGHT_MAX) for k in CRITERIA}
    if not any(weights.values()):
        weights = dict.fromkeys(CRITERIA, 1)
    return ExpectationsSettings(
        columns=stored_entries(data.get("columns"), DEFAULT_COLUMNS, MAX_COLUMNS),
        # An empty list of ways of learning is a choice (the closing evaluation then skips the question).
        learning_forms=(stored_entries(forms, DEFAULT_LEARNING_FORMS, MAX_FORMS, fewest=0) if isinstance(forms, list)
                        else tuple(copy_entries(DEFAULT_LEARNING_FORMS))),
        card_length=bounded_int(data.get("card_length"), CARD_LENGTH_DEFAULT, CARD_LENGTH_MIN, CARD_LENGTH_MAX),
        dots=bounded_int(data.get("dots"), DOTS_DEFAULT, DOTS_MIN, DOTS_MAX),
        anonymity=data.get("anonymity") if data.get("anonymity") in (PEERS, FULL) else PEERS,
        weights=weights,
        min_group_size=min_group_size(data),
    )


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
    for number, line in enumerate(normalised_lines(raw), 1):
        title, _sep, hint = (part.strip() for part in line.partition("|"))
        if not title:
            errors.append(_("Column %(number)d has no title before the “|”.", number=number))
            continue
        if len(title) > MAX_COLUMN_TITLE or len(hint) > MAX_COLUMN_HINT:
            errors.append(_("Column %(number)d is too long: at most %(title)d characters for the title and "
                            "%(hint)d for the explanation.", number=number, title=MAX_COLUMN_TITLE,
                            hint=MAX_COLUMN_HINT))
            continue
        column = matching_default(title, DEFAULT_COLUMNS, whole=True)
        if column is None or (hint and hint not in column["hints"].values()):
            key = column["key"] if column else custom_key(title, "c_")
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
    for number, line in enumerate(normalised_lines(raw), 1):
        if len(line) > MAX_FORM_LENGTH:
            errors.append(_("Way of learning %(number)d is longer than %(max)d characters.",
                            number=number, max=MAX_FORM_LENGTH))
            continue
        item = matching_default(line, DEFAULT_LEARNING_FORMS, whole=True) or {
            "key": custom_key(line, "f_"), "text": line, "language": language or SOURCE_LANGUAGE}
        if item["key"] not in seen:
            seen.add(item["key"])
            forms.append(item)
    if len(forms) > MAX_FORMS:
        errors.append(_("List at most %(max)d ways of learning (now %(count)d).", max=MAX_FORMS, count=len(forms)))
    return forms, errors
