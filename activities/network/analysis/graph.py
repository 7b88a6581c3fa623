"""Plain data for one person's network drawing, independent of the database.

Views convert DB rows into these frozen objects; every measure module (metrics, course_network,
matching, change, exports) reads only these.

Direction semantics (one convention everywhere): a directed edge points TO THE KNOWLEDGE HOLDER,
i.e. from the person who asked / received help to the person who has the knowledge.

- ``ASKED``  "I asked them for help or information"  → ego → alter (alter holds the knowledge).
- ``ADVICE`` "I got advice from them"                → ego → alter (like asked).
- ``GAVE``   "I gave them help or information"       → alter → ego (read as "alter asked me";
  ego is the knowledge holder).
- ``WORKED_WITH`` "we worked together in the last six months" → undirected.

Rings: ring 1 is the innermost (closest) ring; ``ring_count`` rings in all (2–5). Ring 1 is a strong
tie, every other ring a weak tie. Ring 0 means "not placed on a ring yet".
"""
from __future__ import annotations

from dataclasses import dataclass, field

WORKED_WITH = "worked_with"
ASKED = "asked"
GAVE = "gave"
ADVICE = "advice"

RELATIONS = (WORKED_WITH, ASKED, GAVE, ADVICE)
# Relations whose edge points ego → alter (alter holds the knowledge).
TOWARD_ALTER = frozenset({ASKED, ADVICE})
# Relations whose edge points alter → ego (ego holds the knowledge).
TOWARD_EGO = frozenset({GAVE})
HELP_RELATIONS = TOWARD_ALTER | TOWARD_EGO
UNDIRECTED = frozenset({WORKED_WITH})

STRONG_RING = 1
UNPLACED_RING = 0


@dataclass(frozen=True)
class Contact:
    """One contact (alter) in an ego drawing.

    ``key`` is unique within the drawing and stable across moments (used to match contacts in
    ``change``); ``member_sub`` is the LMS user id when the contact is a course member, else None;
    ``location`` is the category key (my team, customer, ...); ``knows`` holds knowledge tags.
    """

    key: str
    label: str
    member_sub: str | None = None
    location: str = ""
    ring: int = UNPLACED_RING
    relations: frozenset[str] = field(default_factory=frozenset)
    knows: tuple[str, ...] = ()

    @property
    def is_strong(self) -> bool:
        """True when the contact sits on the innermost ring."""
        return self.ring == STRONG_RING

    @property
    def is_weak(self) -> bool:
        """True when the contact sits on an outer ring (placed, not innermost)."""
        return self.ring > STRONG_RING


@dataclass(frozen=True)
class AlterTie:
    """Two contacts (by key) who know each other; undirected, order irrelevant."""

    a: str
    b: str

    def pair(self) -> frozenset[str]:
        """The unordered pair of contact keys."""
        return frozenset((self.a, self.b))


@dataclass(frozen=True)
class EgoDrawing:
    """One participant's drawing at one moment."""

    owner_sub: str
    owner_label: str = ""
    contacts: tuple[Contact, ...] = ()
    alter_ties: tuple[AlterTie, ...] = ()
    offers: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    ring_count: int = 3

    def contact(self, key: str) -> Contact | None:
        """The contact with this key, or None."""
        for c in self.contacts:
            if c.key == key:
                return c
        return None

    def valid_alter_ties(self) -> list[tuple[str, str]]:
        """Alter–alter ties as sorted key pairs: deduplicated, no self-loops, both ends present."""
        keys = {c.key for c in self.contacts}
        pairs = {tuple(sorted((t.a, t.b))) for t in self.alter_ties
                 if t.a != t.b and t.a in keys and t.b in keys}
        return sorted(pairs)
