"""A placement's settings: defaults, the designer's lists parsed from text, stored JSON read defensively."""
from dataclasses import dataclass

from activities.common import settings_lists
from activities.common.settings_lists import (
    bounded_int, copy_entries, default_min_group_size, lines_as_text, min_group_size, stored_entries)
from activities.network.content import (
    DEFAULT_LOCATIONS, DEFAULT_MOMENTS, DEFAULT_RELATIONS, DEFAULT_RINGS, SOURCE_LANGUAGE, text_of)

MAX_CONTACTS = 150
MAX_ITEM_LENGTH = 120

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
    organisation_view: bool = False  # the course's network counts in the organisation view (issue 13)

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


def default_settings():
    """The JSON a new placement starts with: the seed's moments, relations, rings and locations."""
    return {
        "moments": copy_entries(DEFAULT_MOMENTS),
        "relations": copy_entries(DEFAULT_RELATIONS),
        "rings": copy_entries(DEFAULT_RINGS),
        "locations": copy_entries(DEFAULT_LOCATIONS),
        "min_contacts": 5,
        "questions_required": False,
        "matching": True,
        "min_group_size": default_min_group_size(),
        "organisation_view": False,
    }


def _list(data, name):
    defaults, fewest, most = LISTS[name]
    return stored_entries(data.get(name), defaults, most, fewest)


def load(data):
    """Stored settings as NetworkSettings; anything missing or out of bounds falls back to a safe value."""
    data = data if isinstance(data, dict) else {}
    return NetworkSettings(
        moments=_list(data, "moments"),
        relations=_list(data, "relations"),
        rings=_list(data, "rings"),
        locations=_list(data, "locations"),
        min_contacts=bounded_int(data.get("min_contacts"), 5, 1, MAX_CONTACTS),
        questions_required=bool(data.get("questions_required", False)),
        matching=bool(data.get("matching", True)),
        min_group_size=min_group_size(data),
        organisation_view=data.get("organisation_view") is True,
    )


def as_text(items, language):
    """A list as the settings textarea shows it: one item per line, in the designer's language."""
    return lines_as_text(items, language, text_of)


def parse_list(name, raw, language):
    """Turn a textarea (one item per line) into items; returns (items, error messages).

    A line equal to a default in any language becomes that default with both translations (and
    its meaning, such as the direction of "asked"); other lines are kept in the designer's language.
    """
    defaults, fewest, most = LISTS[name]
    return settings_lists.parse_lines(raw, language, defaults, most=most, fewest=fewest, max_length=MAX_ITEM_LENGTH,
                                      source_language=SOURCE_LANGUAGE)
