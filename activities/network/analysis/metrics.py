"""Insights for a participant: each ego measure told in plain language first, the research measure last.

Every Insight has a plain ``title``, a ``reading`` (what this drawing shows), a ``meaning`` (what that
means for learning, the same for everyone) and often a ``tip`` (something to try). The research name and
its number (``measure``, ``measure_value``, ``explain``) are a detail for those who want them. All texts
are lazy strings: translated, and their numbers formatted, when rendered in the request's locale. The
sentences describe, they never grade: a small or closed network is not "bad", it serves other goals.
Numbers: see ``ego``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from flask_babel import format_decimal
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext as _ln
from flask_babel.speaklater import LazyString

from activities.network.analysis.ego import EgoMeasures, measures
from activities.network.analysis.graph import EgoDrawing

ORDER = ("size", "ties", "diversity", "balance", "effective_size", "constraint", "bridges")
# Burt's constraint for n contacts who do not know each other is 1/n: below 0.35 means about three or more
# separate contacts; from 0.7 on, two contacts or a tight cluster.
OPEN_BELOW, CLOSE_FROM = 0.35, 0.7


@dataclass(frozen=True)
class Insight:
    """One measure: plain title, reading, meaning and tip; the research measure and its number as a detail."""

    key: str
    title: Any
    value: float | int | None
    meaning: Any
    reading: Any
    details: Mapping[str, Any] = field(default_factory=dict)
    tip: Any = None
    measure: Any = None
    explain: Any = None

    @property
    def measure_value(self):
        """The measure's number as the page shows it (locale-formatted), or None."""
        return _num(self.value) if isinstance(self.value, float) else self.value


def _num(value):
    # Formatted at render time so the decimal separator follows the locale (0,5 in Dutch).
    return LazyString(lambda: format_decimal(round(value, 2), format="#,##0.##"))


def _size(m: EgoMeasures) -> Insight:
    if not m.size:
        reading = _l("You have not added any contacts yet.")
    else:
        reading = _ln("You drew %(num)s contact, %(members)s of them in this course.",
                      "You drew %(num)s contacts, %(members)s of them in this course.", m.size, members=m.members)
    return Insight("size", _l("Who you can turn to"), m.size,
                   _l("Every contact is a possible source of knowledge and help you can turn to."),
                   reading, {"members": m.members, "external": m.size - m.members},
                   tip=_l("Is there someone you asked for help, or could ask, whom you have not drawn yet? "
                          "Add them.") if m.size else None)


def _ties(m: EgoMeasures) -> Insight:
    reading = _l("Strong ties (inner ring): %(strong)s. Weak ties (outer rings): %(weak)s.",
                 strong=m.strong, weak=m.weak)
    if m.unplaced:
        reading = _l("Strong ties (inner ring): %(strong)s. Weak ties (outer rings): %(weak)s. Not on a ring yet: "
                     "%(unplaced)s.", strong=m.strong, weak=m.weak, unplaced=m.unplaced)
    if not m.strong and not m.weak:
        tip = None
    elif not m.weak:
        tip = _l("All your contacts are close. Ask someone you know less well what they are working on: "
                 "looser contacts often bring news.")
    elif not m.strong:
        tip = _l("Nobody is in your inner ring yet. Who would you call first with a question at work?")
    else:
        tip = _l("Ask one of your looser contacts what they are working on: they often know what your close "
                 "circle does not.")
    return Insight("ties", _l("Close and looser contacts"), m.strong,
                   _l("Weak ties bring new knowledge; strong ties deepen it."), reading,
                   {"strong": m.strong, "weak": m.weak, "unplaced": m.unplaced}, tip=tip)


def _diversity(m: EgoMeasures) -> Insight:
    tip = None
    if m.blau is None:
        reading = _l("Add where your contacts are to see how varied your network is.")
    else:
        reading = _l("Your contacts are in %(used)s of %(available)s kinds of places.",
                     used=len(m.location_counts), available=m.categories_available)
        tip = (_l("Most of your contacts are in the same kind of place. Who do you know in another team, "
                  "organisation or sector?") if m.blau_normalised < 0.5 else
               _l("Your contacts are spread out: use it. Take a question from one place to people in another."))
    return Insight("diversity", _l("How varied your network is"), m.blau_normalised,
                   _l("Contacts in different places give you access to different knowledge and viewpoints."),
                   reading, {"blau": m.blau, "locations": dict(m.location_counts),
                             "categories_available": m.categories_available}, tip=tip,
                   measure=_l("Diversity (Blau index)") if m.blau is not None else None,
                   explain=_l("From 0 (all in one place) to 1 (spread evenly over all kinds of places)."))


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
    tip = (None if not (m.asked or m.gave) else
           _l("Share something you know with a contact who could use it.") if m.asked > m.gave else
           _l("Ask one of your contacts for advice this week.") if m.gave > m.asked else
           _l("Keep asking and giving: it keeps your ties alive."))
    return Insight("balance", _l("Asking and giving"), m.asked - m.gave,
                   _l("Asking brings knowledge to you; giving builds the trust that makes asking easier."),
                   reading, {**values, "both": m.asked_and_gave}, tip=tip)


def _effective_size(m: EgoMeasures) -> Insight:
    tip = None
    if m.effective_size is None or m.size < 2:
        reading = _l("Add at least two contacts to see this.")
    elif not m.alter_ties:
        reading = _l("None of your contacts know each other in your drawing, so each of them can bring you "
                     "something different.")
        tip = _l("Do some of your contacts know each other? Mark it in your drawing to make this more precise.")
    else:
        reading = _l("Your %(size)s contacts are worth about %(effective)s different sources: some of them "
                     "know each other and hear the same things.",
                     size=m.size, effective=max(1, round(m.effective_size)))
        tip = _l("Someone outside the circles you already know brings the most new knowledge.")
    return Insight("effective_size", _l("Different sources of knowledge"), m.effective_size,
                   _l("Contacts who do not know each other tend to bring different knowledge."),
                   reading, {"efficiency": m.efficiency, "density": m.density, "alter_ties": m.alter_ties},
                   tip=tip, measure=_l("Effective size") if m.effective_size is not None and m.size >= 2 else None,
                   explain=_l("Your contacts minus their overlap (Burt)."))


def _constraint(m: EgoMeasures) -> Insight:
    tip = None
    if m.constraint is None:
        reading = _l("Add contacts to see this.")
    elif m.constraint < OPEN_BELOW:
        reading = _l("Your network is open: most of your contacts do not know each other, so you hear many "
                     "different things.")
        tip = _l("Choose one or two contacts to get to know better: trust makes asking easier.")
    elif m.constraint < CLOSE_FROM:
        reading = _l("Your network is partly close-knit: some of your contacts know each other.")
        tip = _l("Keep both: your close circle for support, the others for new ideas.")
    else:
        reading = _l("Your network is close-knit: you have a few contacts, or they know each other well. That "
                     "gives support and trust; new ideas reach you less easily.")
        tip = _l("Look for one contact outside this circle, for example in this course.")
    return Insight("constraint", _l("How close-knit your network is"), m.constraint,
                   _l("A closely knit network gives support and trust; a more open one brings more new "
                      "information."), reading, tip=tip,
                   measure=_l("Constraint") if m.constraint is not None else None,
                   explain=_l("Close to 0: many contacts who do not know each other; around 1 or more: a small "
                              "or closely knit network (Burt)."))


def _bridges(m: EgoMeasures, labels: Mapping[str, str]) -> Insight:
    keys = sorted(set(m.connectors) | {key for key, _ in m.sole_contacts}, key=lambda k: (labels.get(k, k), k))
    if not keys:
        reading = (_l("In your drawing, no contact is your only link to a group.") if m.size > 1
                   else _l("Add at least two contacts to see this measure."))
    else:
        reading = _ln("%(num)s contact is your only link to a group: %(names)s.",
                      "%(num)s contacts are your only link to a group: %(names)s.", len(keys),
                      names=", ".join(labels.get(k, k) for k in keys))
    return Insight("bridges", _l("Contacts who open doors"), len(keys),
                   _l("A contact who is your only link to a group keeps that knowledge within reach and can "
                      "introduce you to others there."),
                   reading, {"contacts": tuple(keys), "connectors": m.connectors,
                             "sole_contacts": dict(m.sole_contacts)},
                   tip=_l("Tell these contacts what you are looking for: they can introduce you to others in "
                          "their group.") if keys else None)


def insights(drawing: EgoDrawing, categories: Sequence[str] | None = None) -> tuple[Insight, ...]:
    """All insights for one drawing, in display order (see ORDER)."""
    m = measures(drawing, categories)
    labels = {c.key: c.label or c.key for c in drawing.contacts}
    return (_size(m), _ties(m), _diversity(m), _balance(m), _effective_size(m), _constraint(m),
            _bridges(m, labels))
