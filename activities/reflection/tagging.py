"""Tags on hinders and drivers: taxonomy keys, the learner's own tags, and how both read on a page."""
import re

from flask_babel import gettext as _

from activities.reflection.content import text_in

OWN_PREFIX = "own:"
MAX_OWN_TAGS, MAX_OWN_LENGTH = 5, 40
MAX_OWN_INPUT = (MAX_OWN_LENGTH + 2) * MAX_OWN_TAGS * 2
_SPLIT = re.compile(r"[,;\n]+")


def fold(text):
    """The comparable form of a tag: case and spacing do not make a different tag."""
    return " ".join(text.split()).casefold()


def own_key(text):
    """The key of a learner's own tag."""
    return OWN_PREFIX + fold(text)[:MAX_OWN_LENGTH]


def is_own(key):
    """Whether a tag key is a learner's own tag."""
    return key.startswith(OWN_PREFIX)


def parse_own(raw):
    """Split 'own tags' input (commas, semicolons or lines) into distinct tags; returns (tags, problems)."""
    tags, seen, problems = [], set(), []
    for part in _SPLIT.split(raw or ""):
        tag = " ".join(part.split())
        if not tag or fold(tag) in seen:
            continue
        if len(tag) > MAX_OWN_LENGTH:
            problems.append(_("Keep each tag under %(max)d characters (“%(tag)s…” is longer).",
                              max=MAX_OWN_LENGTH, tag=tag[:20]))
            continue
        seen.add(fold(tag))
        tags.append(tag)
    if len(tags) > MAX_OWN_TAGS:
        problems.append(_("Add at most %(max)d tags of your own.", max=MAX_OWN_TAGS))
    return tags, problems


def resolve(chosen, own, taxonomy):
    """[(tag key, label)] for chosen taxonomy keys plus own tags; an own tag named like a taxonomy tag
    (in either language) becomes that tag."""
    by_name = {}
    for entry in taxonomy:
        for name in list((entry.get("texts") or {}).values()) + [entry.get("text") or ""]:
            if name:
                by_name[fold(name)] = entry["key"]
    result, seen = [], set()
    for key in chosen:
        if key not in seen:
            seen.add(key)
            result.append((key, ""))
    for tag in own:
        key = by_name.get(fold(tag)) or own_key(tag)
        if key not in seen:
            seen.add(key)
            result.append((key, "" if key in by_name.values() else tag))
    return result


def label_of(key, spelling, taxonomy, language):
    """How a tag reads: the taxonomy's text in the page language, or the learner's own spelling."""
    for entry in taxonomy:
        if entry["key"] == key:
            return text_in(entry, language)
    if is_own(key):
        return spelling or key[len(OWN_PREFIX):]
    return spelling or key
