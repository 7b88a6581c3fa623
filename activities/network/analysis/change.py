"""What changed between two drawings of the same person (earlier moment → later moment).

Contacts are matched by ``key`` (a later drawing starts as a copy of the earlier one, so keys carry
over). A tie "became strong" when it moved onto ring 1 from an outer ring or from unplaced; it "became
weak" when it left ring 1 for an outer ring (unplacing a contact is a ring move, not a weakening).
Ring moves that stay on the same side of the strong/weak boundary are listed in ``ring_moves`` only.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from flask_babel import lazy_gettext as _l

from activities.network.analysis.ego import EgoMeasures, measures
from activities.network.analysis.graph import Contact, EgoDrawing

# Measures shown side by side, with their titles (same titles as the insights).
SIDE_BY_SIDE = (
    ("size", _l("Network size")),
    ("strong", _l("Strong ties")),
    ("weak", _l("Weak ties")),
    ("blau_normalised", _l("Diversity")),
    ("asked", _l("Contacts you asked")),
    ("gave", _l("Contacts you helped")),
    ("effective_size", _l("Effective size")),
    ("constraint", _l("Constraint")),
)


@dataclass(frozen=True)
class RingMove:
    """A contact on another ring at the later moment."""

    contact: Contact
    before: int
    after: int


@dataclass(frozen=True)
class RelationChange:
    """Relations added and removed for one contact."""

    contact: Contact
    added: frozenset[str]
    removed: frozenset[str]


@dataclass(frozen=True)
class MeasurePair:
    """One measure at both moments."""

    key: str
    title: Any
    before: float | int | None
    after: float | int | None


@dataclass(frozen=True)
class DrawingChange:
    """Everything the change view shows."""

    new_contacts: tuple[Contact, ...]
    lost_contacts: tuple[Contact, ...]
    became_strong: tuple[Contact, ...]
    became_weak: tuple[Contact, ...]
    ring_moves: tuple[RingMove, ...]
    relation_changes: tuple[RelationChange, ...]
    new_alter_ties: tuple[tuple[str, str], ...]
    lost_alter_ties: tuple[tuple[str, str], ...]
    measures: tuple[MeasurePair, ...]
    before: EgoMeasures
    after: EgoMeasures


def _by_label(contacts):
    return tuple(sorted(contacts, key=lambda c: ((c.label or c.key).casefold(), c.key)))


def compare(before: EgoDrawing, after: EgoDrawing, categories: Sequence[str] | None = None) -> DrawingChange:
    """Differences from ``before`` to ``after``; ``categories`` as in ``ego.measures``."""
    old = {c.key: c for c in before.contacts}
    new = {c.key: c for c in after.contacts}
    kept = [(old[k], new[k]) for k in old.keys() & new.keys()]
    moves = [RingMove(b, b.ring, a.ring) for b, a in kept if b.ring != a.ring]
    relations = [RelationChange(a, a.relations - b.relations, b.relations - a.relations)
                 for b, a in kept if a.relations != b.relations]
    old_ties, new_ties = set(before.valid_alter_ties()), set(after.valid_alter_ties())
    mb, ma = measures(before, categories), measures(after, categories)
    return DrawingChange(
        new_contacts=_by_label(new[k] for k in new.keys() - old.keys()),
        lost_contacts=_by_label(old[k] for k in old.keys() - new.keys()),
        became_strong=_by_label(a for b, a in kept if a.is_strong and not b.is_strong),
        became_weak=_by_label(a for b, a in kept if b.is_strong and a.is_weak),
        ring_moves=tuple(sorted(moves, key=lambda m: ((m.contact.label or m.contact.key).casefold(),
                                                      m.contact.key))),
        relation_changes=tuple(sorted(relations, key=lambda r: ((r.contact.label or r.contact.key).casefold(),
                                                                r.contact.key))),
        new_alter_ties=tuple(sorted(new_ties - old_ties)),
        lost_alter_ties=tuple(sorted(old_ties - new_ties)),
        measures=tuple(MeasurePair(k, t, getattr(mb, k), getattr(ma, k)) for k, t in SIDE_BY_SIDE),
        before=mb,
        after=ma,
    )
