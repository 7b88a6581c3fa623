"""A placement's settings: parsing the designer's lists and reading stored JSON defensively."""
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from activities.common import settings_lists
from activities.common.settings_lists import (
    copy_entries, default_min_group_size, lines_as_text, min_group_size, stored_entries)
from activities.reflection.content import DEFAULT_GROUPS, DEFAULT_TAGS, OTHER_GROUP, PARTS, SOURCE_LANGUAGE, text_in

MAX_GROUPS, MAX_GROUP_LENGTH = 10, 80
MAX_TAGS, MAX_TAG_LENGTH = 30, 50
TOO_MANY = _l("Write at most %(max)d lines (now %(count)d).")


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


def default_settings():
    """Every part on, the seeds' stakeholder groups and tags, own tags allowed, the site's group size."""
    return {
        "parts": list(PARTS),
        "stakeholder_groups": copy_entries(DEFAULT_GROUPS),
        "tags": copy_entries(DEFAULT_TAGS),
        "own_tags": True,
        "min_group_size": default_min_group_size(),
    }


def load(data):
    """Stored settings as ReflectionSettings; anything missing or out of bounds falls back to a safe value."""
    data = data if isinstance(data, dict) else {}
    raw_parts = data.get("parts")
    parts = tuple(p for p in PARTS if isinstance(raw_parts, (list, tuple)) and p in raw_parts) or PARTS
    return ReflectionSettings(
        parts=parts,
        groups=stored_entries(data.get("stakeholder_groups"), DEFAULT_GROUPS, MAX_GROUPS, reserved=(OTHER_GROUP,)),
        tags=stored_entries(data.get("tags"), DEFAULT_TAGS, MAX_TAGS, reserved=(OTHER_GROUP,)),
        own_tags=bool(data.get("own_tags", True)),
        min_group_size=min_group_size(data),
    )


def as_text(entries, language):
    """Entries one per line in the designer's language (for a settings textarea)."""
    return lines_as_text(entries, language, text_in)


def parse_lines(raw, language, defaults, limit, max_length, empty_message):
    """Turn a textarea (one entry per line) into entries; returns (entries, error messages).

    A line equal to a default in either language becomes that default with both translations;
    other lines are kept in the language the designer wrote them in; `empty_message` is the
    error for a list without any line.
    """
    messages = dict(settings_lists.LINE_MESSAGES, empty=empty_message, too_many=TOO_MANY)
    del messages["count"]
    return settings_lists.parse_lines(raw, language, defaults, most=limit, max_length=max_length,
                                      messages=messages, source_language=SOURCE_LANGUAGE)
