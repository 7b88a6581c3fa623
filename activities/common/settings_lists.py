"""Settings every activity reads the same way: translatable lists edited one per line, bounded numbers.

A list entry is either a default (a stable `key` and `texts` in every language) or the designer's own
line (`key` derived from the text, `text`, and the `language` it was written in). Stored settings are
read defensively: anything missing, malformed or out of bounds falls back to a safe value.
"""
import hashlib
import re

from flask import current_app, has_app_context
from flask_babel import lazy_gettext as _l

KEY = re.compile(r"^[a-z0-9_]{1,40}$")
MIN_GROUP_FLOOR, MIN_GROUP_CEILING = 3, 1000

# The wording of a list's errors; an activity may name its lines ("Statement 3 …") with its own, and count
# them either as a range ("count") or as "empty" and "too_many".
LINE_MESSAGES = {
    "too_long": _l("Line %(number)d is %(length)d characters long; the maximum is %(max)d."),
    "repeats": _l("Line %(number)d repeats line %(first)d."),
    "count": _l("Write from %(fewest)d to %(most)d lines (now %(count)d)."),
}


def bounded_int(value, default, low, high):
    """An integer within [low, high]; `default` when the value is not a number."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = default
    return min(high, max(low, number))


def default_min_group_size():
    """The site's minimum group size (config MIN_GROUP_SIZE, never below the floor)."""
    configured = current_app.config.get("MIN_GROUP_SIZE", 5) if has_app_context() else 5
    return max(MIN_GROUP_FLOOR, int(configured))


def min_group_size(data):
    """The placement's minimum group size from stored settings, within the floor and ceiling."""
    return bounded_int(data.get("min_group_size") or default_min_group_size(), default_min_group_size(),
                       MIN_GROUP_FLOOR, MIN_GROUP_CEILING)


def copy_entries(entries):
    """Deep-enough copies of list entries: their texts (and hints) dicts are not shared with the defaults."""
    return [{key: dict(value) if isinstance(value, dict) else value for key, value in entry.items()}
            for entry in entries]


def valid_entry(entry, reserved=()):
    """Whether a stored entry has a usable key (not a reserved one) and a text in some language."""
    if not isinstance(entry, dict) or not KEY.match(str(entry.get("key", ""))) or entry["key"] in reserved:
        return False
    texts = entry.get("texts")
    return bool(entry.get("text")) or (isinstance(texts, dict) and any(texts.values()))


def stored_entries(stored, defaults, most, fewest=1, reserved=()):
    """The valid entries of a stored list, without repeated keys, at most `most`; the defaults when too few."""
    found, seen = [], set()
    for entry in stored or ():
        if valid_entry(entry, reserved) and entry["key"] not in seen:
            seen.add(entry["key"])
            found.append(entry)
    found = found[:most]
    return tuple(found) if len(found) >= fewest else tuple(copy_entries(defaults))


def custom_key(text, prefix="c_", fold_case=True):
    """A key derived from the text (ignoring case unless told not to): an unchanged line keeps its key."""
    return prefix + hashlib.sha256((text.casefold() if fold_case else text).encode("utf-8")).hexdigest()[:12]


def matching_default(text, defaults, whole=False):
    """The default whose text equals `text` (ignoring case) in any language, as a fresh entry; else None.

    The entry is its key and texts, or with `whole` every field of the default (hints, meanings).
    """
    folded = text.casefold()
    for entry in defaults:
        if any(folded == t.casefold() for t in entry["texts"].values()):
            return copy_entries([entry])[0] if whole else {"key": entry["key"], "texts": dict(entry["texts"])}
    return None


def normalised_lines(raw):
    """The non-empty lines of a textarea, inner white space collapsed."""
    return [line for line in (" ".join(line.split()) for line in (raw or "").splitlines()) if line]


def parse_lines(raw, language, defaults, *, most, max_length, fewest=1, messages=LINE_MESSAGES, source_language="nl",
                fold_case=True):
    """Turn a textarea (one entry per line) into entries; returns (entries, error messages).

    A line equal to a default in any language becomes that default with every translation; other lines
    keep the language the designer wrote them in. Errors name the line by its number. With `fold_case`
    off, lines that differ only in case are different entries.
    """
    entries, errors, seen = [], [], {}
    lines = normalised_lines(raw)
    for number, line in enumerate(lines, 1):
        if len(line) > max_length:
            errors.append(str(messages["too_long"]) % {"number": number, "length": len(line), "max": max_length})
            continue
        entry = matching_default(line, defaults) or {"key": custom_key(line, fold_case=fold_case), "text": line,
                                                     "language": language or source_language}
        if entry["key"] in seen:
            errors.append(str(messages["repeats"]) % {"number": number, "first": seen[entry["key"]]})
            continue
        seen[entry["key"]] = number
        entries.append(entry)
    count = len(lines)
    if "count" in messages:
        if not errors and not fewest <= count <= most:
            errors.append(str(messages["count"]) % {"fewest": fewest, "most": most, "count": count})
    elif count == 0:
        errors.append(str(messages["empty"]))
    elif count > most:
        errors.append(str(messages["too_many"]) % {"max": most, "count": count})
    return entries, errors


def dropped_in_use(before, after, counts):
    """(entry, count) for each entry of `before` that `after` no longer has and that `counts` answers still use.

    `counts` maps an entry's key to how many answers use it; a settings change that drops such an entry
    hides those answers, which the facilitator is told before saving.
    """
    kept = {entry["key"] for entry in after}
    return [(entry, counts[entry["key"]]) for entry in before
            if entry["key"] not in kept and counts.get(entry["key"])]


def lines_as_text(entries, language, text_of):
    """A list as its settings textarea shows it: one entry per line, in the designer's language."""
    return "\n".join(text_of(entry, language) for entry in entries)
