"""A placement's settings: defaults, the designer's lists parsed from text, stored JSON read defensively."""
import hashlib
import re
from dataclasses import dataclass

from flask import current_app, has_app_context
from flask_babel import gettext as _

from activities.network.content import (
    DEFAULT_LOCATIONS, DEFAULT_MOMENTS, DEFAULT_RELATIONS, DEFAULT_RINGS, SOURCE_LANGUAGE, text_of)

MAX_CONTACTS = 150
MIN_GROUP_FLOOR = 3
MIN_GROUP_CEILING = 1000
MAX_ITEM_LENGTH = 120
_KEY = re.compile(r"^[a-z0-9_]{1,40}$")

# (defaults, fewest, most) per list the designer edits, one item per line.
LISTS = {
    "moments": (DEFAULT_MOMENTS, 1, 6),
    "relations": (DEFAULT_RELATIONS, 1, 8),
    "rings": (DEFAULT_RINGS, 2, 5),
    "locations": (DEFAULT_LOCATIONS, 1, 12),
}


@dataclass(frozen=True)
class NetworkSettings:
    """The settings of one placement, always complete and within bounds."""

    moments: tuple
    relations: tuple
    rings: tuple
    locations: tuple
    min_contacts: int
    questions_required: bool
    matching: bool
    min_group_size: int

    @property
    def ring_count(self):
        """How many closeness rings the drawing has (2–5)."""
        return len(self.rings)

    def moment(self, key):
        """The moment with this key, or None."""
        return next((m for m in self.moments if m["key"] == key), None)

    def moment_index(self, key):
        """The position of a moment (0 = first), or None."""
        return next((i for i, m in enumerate(self.moments) if m["key"] == key), None)

    def relation_keys(self):
        """The keys of the relation types in order."""
        return tuple(r["key"] for r in self.relations)

    def location_keys(self):
        """The keys of the location categories in order."""
        return tuple(loc["key"] for loc in self.locations)


def default_min_group_size():
    """The site's minimum group size (config MIN_GROUP_SIZE, never below the floor)."""
    configured = current_app.config.get("MIN_GROUP_SIZE", 5) if has_app_context() else 5
    return max(MIN_GROUP_FLOOR, int(configured))


def _copy(items):
    return [dict(item, texts=dict(item["texts"])) for item in items]


def default_settings():
    """The JSON a new placement starts with: the seed's moments, relations, rings and locations."""
    return {
        "moments": _copy(DEFAULT_MOMENTS),
        "relations": _copy(DEFAULT_RELATIONS),
        "rings": _copy(DEFAULT_RINGS),
        "locations": _copy(DEFAULT_LOCATIONS),
        "min_contacts": 5,
        "questions_required": False,
        "matching": True,
        "min_group_size": default_min_group_size(),
    }


def _valid_item(item):
    if not isinstance(item, dict) or not _KEY.match(str(item.get("key", ""))):
        return False
    texts = item.get("texts")
    return bool(item.get("text")) or (isinstance(texts, dict) and any(texts.values()))


def _list(data, name):
    defaults, fewest, most = LISTS[name]
    items, seen = [], set()
    for item in data.get(name) or ():
        if _valid_item(item) and item["key"] not in seen:
            seen.add(item["key"])
            items.append(item)
    items = items[:most]
    return tuple(items) if len(items) >= fewest else tuple(_copy(defaults))


def _int(value, default, low, high):
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = default
    return min(high, max(low, number))


def load(data):
    """Stored settings as NetworkSettings; anything missing or out of bounds falls back to a safe value."""
    data = data if isinstance(data, dict) else {}
    return NetworkSettings(
        moments=_list(data, "moments"),
        relations=_list(data, "relations"),
        rings=_list(data, "rings"),
        locations=_list(data, "locations"),
        min_contacts=_int(data.get("min_contacts"), 5, 1, MAX_CONTACTS),
        questions_required=bool(data.get("questions_required", False)),
        matching=bool(data.get("matching", True)),
        min_group_size=_int(data.get("min_group_size"), default_min_group_size(), MIN_GROUP_FLOOR,
                            MIN_GROUP_CEILING),
    )


def as_text(items, language):
    """A list as the settings textarea shows it: one item per line, in the designer's language."""
    return "\n".join(text_of(item, language) for item in items)


def custom_key(text):
    """A key derived from the text: an unchanged line keeps its key (and its data) across edits."""
    return "c_" + hashlib.sha256(text.casefold().encode("utf-8")).hexdigest()[:12]


def _default_matching(text, defaults):
    folded = text.casefold()
    for item in defaults:
        if any(folded == t.casefold() for t in item["texts"].values()):
            return {"key": item["key"], "texts": dict(item["texts"])}
    return None


def parse_list(name, raw, language):
    """Turn a textarea (one item per line) into items; returns (items, error messages).

    A line equal to a default in any language becomes that default with both translations (and
    its meaning, such as the direction of "asked"); other lines are kept in the designer's language.
    """
    defaults, fewest, most = LISTS[name]
    items, errors, seen = [], [], {}
    lines = [" ".join(line.split()) for line in (raw or "").splitlines()]
    for number, line in enumerate((line for line in lines if line), 1):
        if len(line) > MAX_ITEM_LENGTH:
            errors.append(_("Line %(number)d is %(length)d characters long; the maximum is %(max)d.",
                            number=number, length=len(line), max=MAX_ITEM_LENGTH))
            continue
        item = _default_matching(line, defaults) or {"key": custom_key(line), "text": line,
                                                      "language": language or SOURCE_LANGUAGE}
        if item["key"] in seen:
            errors.append(_("Line %(number)d repeats line %(first)d.", number=number, first=seen[item["key"]]))
            continue
        seen[item["key"]] = number
        items.append(item)
    if not errors and not fewest <= len(items) <= most:
        errors.append(_("Write from %(fewest)d to %(most)d lines (now %(count)d).",
                        fewest=fewest, most=most, count=len(items)))
    return items, errors
