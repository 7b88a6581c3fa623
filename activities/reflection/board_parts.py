"""What the group board is made of: quotes, sections, themes and the board itself (no names anywhere)."""
import hashlib
from dataclasses import dataclass, field

from flask import current_app

@dataclass
class Quote:
    """A shared text, as (label, text) lines; `kind` and `id` let the facilitator hide it."""

    kind: str
    id: int
    lines: list
    hidden: bool = False
    order: str = ""


@dataclass
class Section:
    """One part of the board: how many learners answered it and whether that is enough to show."""

    part: str
    contributors: int
    enough: bool
    items: list = field(default_factory=list)
    quotes: list = field(default_factory=list)


@dataclass
class Theme:
    """Brakes and engines under one tag (or merged tags), counted per learner."""

    key: str
    label: str
    own: bool = False
    renamed: bool = False
    brakes: set = field(default_factory=set, repr=False)
    engines: set = field(default_factory=set, repr=False)
    brake_quotes: list = field(default_factory=list)
    engine_quotes: list = field(default_factory=list)
    members: list = field(default_factory=list)

    @property
    def brake_count(self):
        """Learners who named this theme as a brake."""
        return len(self.brakes)

    @property
    def engine_count(self):
        """Learners who named this theme as an engine."""
        return len(self.engines)


@dataclass
class Board:
    """What the board page shows."""

    min_group_size: int
    contributors: int
    enough: bool
    sections: dict = field(default_factory=dict)
    max_theme_count: int = 1
    biggest_gap: object = None


def quote_order(instance_id, kind, row_id):
    """A keyed hash that scatters quotes, so their order does not reveal who answered when."""
    secret = current_app.config["SECRET_KEY"]
    return hashlib.sha256(f"{secret}:{instance_id}:{kind}:{row_id}".encode()).hexdigest()
