"""Insights for a participant: each ego measure with a plain-language sentence about learning.

Every Insight has a ``meaning`` (what the measure says about learning, the same for everyone) and a
``reading`` (what this drawing shows, with its numbers). Both are lazy strings: they are translated
and their numbers formatted when rendered, in the request's locale. The sentences describe, they never
grade: a small or closed network is not "bad", it serves other goals. Numbers: see ``ego``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from flask_babel import format_decimal
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext as _ln
from flask_babel.speaklater import LazyString

from activities.network.ego import EgoMeasures, measures
from activities.network.graph import EgoDrawing

ORDER = ("size", "ties", "diversity", "balance", "effective_size", "constraint", "bridges")


@dataclass(frozen=True)
class Insight:
    """One measure: its key, title, primary value, other values, meaning and reading."""

    key: str
    title: Any
    value: float | int | None
    meaning: Any
    reading: Any
    details: Mapping[str, Any] = field(default_factory=dict)


def _num(value):
    # Formatted at render time so the decimal separator follows the locale (0,5 in Dutch).
    return LazyString(lambda: format_decimal(round(value, 2), format="#,##0.##"))


def _size(m: EgoMeasures) -> Insight:
    if not m.size:
        reading = _l("You have not added any contacts yet.")
    else:
        reading = _ln("You drew %(num)s contact, %(members)s of them in this course.",
                      "You drew %(num)s contacts, %(members)s of them in this course.", m.size, members=m.members)
    return Insight("size", _l("Network size"), m.size,
                   _l("Every contact is a possible source of knowledge and help you can turn to."),
                   reading, {"members": m.members, "external": m.size - m.members})


def _ties(m: EgoMeasures) -> Insight:
    reading = _l("Strong ties (inner ring): %(strong)s. Weak ties (outer rings): %(weak)s.",
                 strong=m.strong, weak=m.weak)
    if m.unplaced:
        reading = _l("Strong ties (inner ring): %(strong)s. Weak ties (outer rings): %(weak)s. Not on a ring yet: "
                     "%(unplaced)s.", strong=m.strong, weak=m.weak, unplaced=m.unplaced)
    return Insight("ties", _l("Strong and weak ties"), m.strong,
                   _l("Weak ties bring new knowledge; strong ties deepen it."), reading,
                   {"strong": m.strong, "weak": m.weak, "unplaced": m.unplaced})


def _diversity(m: EgoMeasures) -> Insight:
    if m.blau is None:
        reading = _l("Add where your contacts are to see how varied your network is.")
    else:
        reading = _l("Your contacts are in %(used)s of %(available)s kinds of places; spread %(score)s on a scale "
                     "from 0 (all in one place) to 1 (spread evenly over all of them).",
                     used=len(m.location_counts), available=m.categories_available, score=_num(m.blau_normalised))
    return Insight("diversity", _l("Diversity"), m.blau_normalised,
                   _l("Contacts in different places give you access to different knowledge and viewpoints."),
                   reading, {"blau": m.blau, "locations": dict(m.location_counts),
                             "categories_available": m.categories_available})


def _balance(m: EgoMeasures) -> Insight:
    values = {"asked": m.asked, "gave": m.gave}
    if not (m.asked or m.gave):
        reading = _l("You have not marked anyone you asked for help or helped yet.")
    elif m.asked > m.gave:
        reading = _ln("You asked %(num)s contact for help or advice and helped %(gave)s. What you know may be "
                      "useful to others too.",
                      "You asked %(num)s contacts for help or advice and helped %(gave)s. What you know may be "
                      "useful to others too.", m.asked, gave=m.gave)
    elif m.gave > m.asked:
        reading = _ln("You helped %(num)s contact and asked %(asked)s for help or advice. Asking is a way to "
                      "learn too, and people often like being asked.",
                      "You helped %(num)s contacts and asked %(asked)s for help or advice. Asking is a way to "
                      "learn too, and people often like being asked.", m.gave, asked=m.asked)
    else:
        reading = _ln("You asked %(num)s contact for help or advice and helped %(num)s: knowledge flows both "
                      "ways.",
                      "You asked %(num)s contacts for help or advice and helped %(num)s: knowledge flows both "
                      "ways.", m.asked)
    return Insight("balance", _l("Asking and giving"), m.asked - m.gave,
                   _l("Asking brings knowledge to you; giving builds the trust that makes asking easier."),
                   reading, {**values, "both": m.asked_and_gave})


def _effective_size(m: EgoMeasures) -> Insight:
    if m.effective_size is None or m.size < 2:
        reading = _l("Add at least two contacts to see this measure.")
    elif not m.alter_ties:
        reading = _l("None of your contacts know each other in your drawing, so all %(size)s count. Connect "
                     "contacts who know each other to refine this.", size=m.size)
    else:
        reading = _l("Your %(size)s contacts count as %(effective)s separate sources, because some of them "
                     "know each other.", size=m.size, effective=_num(m.effective_size))
    return Insight("effective_size", _l("Effective size"), m.effective_size,
                   _l("Contacts who do not know each other tend to bring different knowledge; effective size "
                      "counts your contacts minus their overlap."),
                   reading, {"efficiency": m.efficiency, "density": m.density, "alter_ties": m.alter_ties})


def _constraint(m: EgoMeasures) -> Insight:
    if m.constraint is None:
        reading = _l("Add contacts to see this measure.")
    else:
        reading = _l("Your constraint is %(value)s: close to 0 means many contacts who do not know each other; "
                     "around 1 or more means a small or closely knit network.", value=_num(m.constraint))
    return Insight("constraint", _l("Constraint"), m.constraint,
                   _l("A closely knit network gives support and trust; a more open one brings more new "
                      "information."), reading)


def _bridges(m: EgoMeasures, labels: Mapping[str, str]) -> Insight:
    keys = sorted(set(m.connectors) | {key for key, _ in m.sole_contacts}, key=lambda k: (labels.get(k, k), k))
    if not keys:
        reading = (_l("In your drawing, no contact is your only link to a group.") if m.size > 1
                   else _l("Add at least two contacts to see this measure."))
    else:
        reading = _ln("%(num)s contact is your only link to a group: %(names)s.",
                      "%(num)s contacts are your only link to a group: %(names)s.", len(keys),
                      names=", ".join(labels.get(k, k) for k in keys))
    return Insight("bridges", _l("Bridges to groups"), len(keys),
                   _l("A contact who is your only link to a group keeps that knowledge within reach and can "
                      "introduce you to others there."),
                   reading, {"contacts": tuple(keys), "connectors": m.connectors,
                             "sole_contacts": dict(m.sole_contacts)})


def insights(drawing: EgoDrawing, categories: Sequence[str] | None = None) -> tuple[Insight, ...]:
    """All insights for one drawing, in display order (see ORDER)."""
    m = measures(drawing, categories)
    labels = {c.key: c.label or c.key for c in drawing.contacts}
    return (_size(m), _ties(m), _diversity(m), _balance(m), _effective_size(m), _constraint(m),
            _bridges(m, labels))
