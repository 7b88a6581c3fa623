"""A placement's settings: parsing the designer's lists and reading stored JSON defensively."""
import hashlib
import re
from dataclasses import dataclass

from flask import current_app, has_app_context
from flask_babel import gettext as _

from activities.reflection.content import DEFAULT_GROUPS, DEFAULT_TAGS, OTHER_GROUP, PARTS, SOURCE_LANGUAGE, text_in

MAX_GROUPS, MAX_GROUP_LENGTH = 10, 80
MAX_TAGS, MAX_TAG_LENGTH = 30, 50
MIN_GROUP_FLOOR, MIN_GROUP_CEILING = 3, 1000
_KEY = re.compile(r"^[a-z0-9_]{1,40}$")


@dataclass(frozen=True)
class ReflectionSettings:
    """The settings of one placement, always complete and within bounds."""

    parts: tuple
    groups: tuple
    tags: tuple
    own_tags: bool
    min_group_size: int

    def is_on(self, part):
        """Whether a part is switched on in this placement."""
        return part in self.parts


def default_min_group_size():
    """The site's minimum group size (config MIN_GROUP_SIZE, never below the floor)."""
    configured = current_app.config.get("MIN_GROUP_SIZE", 5) if has_app_context() else 5
    return max(MIN_GROUP_FLOOR, int(configured))


def _copy(entries):
    return [dict(e, texts=dict(e["texts"])) for e in entries]


def default_settings():
    """Every part on, the seeds' stakeholder groups and tags, own tags allowed, the site's group size."""
    return {
        "parts": list(PARTS),
        "stakeholder_groups": _copy(DEFAULT_GROUPS),
        "tags": _copy(DEFAULT_TAGS),
        "own_tags": True,
        "min_group_size": default_min_group_size(),
    }


def _valid_entry(entry):
    if not isinstance(entry, dict) or not _KEY.match(str(entry.get("key", ""))) or entry["key"] == OTHER_GROUP:
        return False
    texts = entry.get("texts")
    return bool(entry.get("text")) or (isinstance(texts, dict) and any(texts.values()))


def _entries(data, name, defaults, limit):
    found, seen = [], set()
    for entry in data.get(name) or ():
        if _valid_entry(entry) and entry["key"] not in seen:
            seen.add(entry["key"])
            found.append(entry)
    return tuple(found[:limit]) or tuple(_copy(defaults))


def load(data):
    """Stored settings as ReflectionSettings; anything missing or out of bounds falls back to a safe value."""
    data = data if isinstance(data, dict) else {}
    raw_parts = data.get("parts")
    parts = tuple(p for p in PARTS if isinstance(raw_parts, (list, tuple)) and p in raw_parts) or PARTS
    try:
        min_group = int(data.get("min_group_size") or default_min_group_size())
    except (TypeError, ValueError):
        min_group = default_min_group_size()
    return ReflectionSettings(
        parts=parts,
        groups=_entries(data, "stakeholder_groups", DEFAULT_GROUPS, MAX_GROUPS),
        tags=_entries(data, "tags", DEFAULT_TAGS, MAX_TAGS),
        own_tags=bool(data.get("own_tags", True)),
        min_group_size=min(MIN_GROUP_CEILING, max(MIN_GROUP_FLOOR, min_group)),
    )


def as_text(entries, language):
    """Entries one per line in the designer's language (for a settings textarea)."""
    return "\n".join(text_in(e, language) for e in entries)


def custom_key(text):
    """A key derived from the text: an unchanged line keeps its key (and its answers) across edits."""
    return "c_" + hashlib.sha256(text.casefold().encode("utf-8")).hexdigest()[:12]


def _default_matching(text, defaults):
    folded = text.casefold()
    for entry in defaults:
        if any(folded == t.casefold() for t in entry["texts"].values()):
            return {"key": entry["key"], "texts": dict(entry["texts"])}
    return None


def parse_lines(raw, language, defaults, limit, max_length, empty_message):
    """Turn a textarea (one entry per line) into entries; returns (entries, error messages).

    A line equal to a default in either language becomes that default with both translations;
    other lines are kept in the language the designer wrote them in; `empty_message` is the
    error for a list without any line.
    """
    entries, errors, seen, number = [], [], {}, 0
    for line in (raw or "").splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        number += 1
        if len(line) > max_length:
            errors.append(_("Line %(number)d is %(length)d characters long; the maximum is %(max)d.",
                            number=number, length=len(line), max=max_length))
            continue
        entry = _default_matching(line, defaults) or {"key": custom_key(line), "text": line,
                                                      "language": language or SOURCE_LANGUAGE}
        if entry["key"] in seen:
            errors.append(_("Line %(number)d repeats line %(first)d.", number=number, first=seen[entry["key"]]))
            continue
        seen[entry["key"]] = number
        entries.append(entry)
    if number == 0:
        errors.append(str(empty_message))
    elif number > limit:
        errors.append(_("Write at most %(max)d lines (now %(count)d).", max=limit, count=number))
    return entries, errors
