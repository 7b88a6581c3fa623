"""How opinions shifted between two rounds, counted per person who voted in both (never over different voters)."""
from dataclasses import dataclass, field

from sqlalchemy import select

from activities.voting.content import SCALES, choice_label, choice_on_scale
from activities.voting.models import Vote
from activities.voting.results import shuffle_key
from lti_tool.extensions import db
from lti_tool.fragments import placement_key, remembered


@dataclass(frozen=True)
class Move:
    """How many people went from one position to another."""

    from_choice: str
    to_choice: str
    count: int

    @property
    def from_label(self):
        """The translated label of the earlier position."""
        return choice_label(self.from_choice)

    @property
    def to_label(self):
        """The translated label of the later position."""
        return choice_label(self.to_choice)


@dataclass
class Shift:
    """One statement between two rounds: who kept, who changed, and who voted in only one of them."""

    first_round: int
    last_round: int
    min_group_size: int
    scale: tuple
    both: int = 0
    stayed: int = 0
    moves: list = field(default_factory=list)
    only_first: int = 0
    only_last: int = 0
    _first: dict = field(default_factory=dict, repr=False)
    _last: dict = field(default_factory=dict, repr=False)
    # {user id: (earlier choice, later choice)} of those who changed; ids never leave the server.
    changes: dict = field(default_factory=dict, repr=False)

    @property
    def enough(self):
        """Whether enough people voted in both rounds to show how they moved without exposing anyone."""
        return self.both >= self.min_group_size

    @property
    def changed(self):
        """How many of those who voted in both rounds changed position."""
        return sum(move.count for move in self.moves)

    @property
    def first_counts(self):
        """{choice: people} in the earlier round, among those who voted in both."""
        return dict(self._first)

    @property
    def last_counts(self):
        """{choice: people} in the later round, among those who voted in both."""
        return dict(self._last)

    def net(self, choice):
        """Among people who voted in both rounds: how many more (or fewer) hold `choice` now."""
        return self._last.get(choice, 0) - self._first.get(choice, 0)


def attach(instance, config, statements, rounds_of):
    """Give each statement view the Shift between the first and last of `rounds_of(view)`, when there are two."""
    cache = {}
    for view in statements:
        rounds = rounds_of(view)
        if len(rounds) < 2:
            continue
        pair = (rounds[0].round_number, rounds[-1].round_number)
        if pair not in cache:
            cache[pair] = shifts(instance, config, *pair)
        view.shift = cache[pair][view.key]


def shifts(instance, config, first_round, last_round):
    """{statement key: Shift} between two rounds for the placement's current statements.

    Shared, read-only, by every page rendered at the same live version, as the tally is (results.tally).
    """
    key = ("voting-shifts", *placement_key(instance), first_round, last_round, config.scale, config.min_group_size,
           tuple(s["key"] for s in config.statements))
    return remembered(key, lambda: _shifts(instance, config, first_round, last_round))


def _shifts(instance, config, first_round, last_round):
    scale = tuple(SCALES[config.scale])
    keys = [s["key"] for s in config.statements]
    positions = {}  # (key, round) -> {user id: choice}
    rows = db.session.execute(
        select(Vote.statement_key, Vote.round_number, Vote.user_id, Vote.choice)
        .where(Vote.activity_instance_id == instance.id, Vote.round_number.in_((first_round, last_round)))).all()
    for key, round_number, user_id, choice in rows:
        choice = choice_on_scale(choice, config.scale)
        if choice is not None:
            positions.setdefault((key, round_number), {})[user_id] = choice
    return {key: _compare(positions.get((key, first_round), {}), positions.get((key, last_round), {}),
                          Shift(first_round, last_round, config.min_group_size, scale)) for key in keys}


def _compare(before, after, result):
    both = before.keys() & after.keys()
    moves = {}
    result.changes = {user_id: (before[user_id], after[user_id]) for user_id in both
                      if before[user_id] != after[user_id]}
    for user_id in both:
        old, new = before[user_id], after[user_id]
        result._first[old] = result._first.get(old, 0) + 1
        result._last[new] = result._last.get(new, 0) + 1
        if old == new:
            result.stayed += 1
        else:
            moves[(old, new)] = moves.get((old, new), 0) + 1
    order = {choice: i for i, choice in enumerate(result.scale)}
    result.moves = [Move(old, new, count) for (old, new), count in
                    sorted(moves.items(), key=lambda item: (-item[1], order[item[0][0]], order[item[0][1]]))]
    result.both = len(both)
    result.only_first = len(before.keys() - both)
    result.only_last = len(after.keys() - both)
    return result


def reasons_of_changers(instance, key, shift):
    """[(from choice, to choice, reason)] of those who changed position on a statement, in their later round.

    Only when enough people voted in both rounds (the shift's own minimum), and in a keyed order that
    says nothing about who wrote what; empty otherwise.
    """
    if not shift.enough or not shift.changes:
        return []
    rows = db.session.execute(select(Vote.id, Vote.user_id, Vote.reason).where(
        Vote.activity_instance_id == instance.id, Vote.statement_key == key,
        Vote.round_number == shift.last_round, Vote.user_id.in_(shift.changes))).all()
    listed = sorted((shuffle_key(instance.id, vote_id), *shift.changes[user_id], reason)
                    for vote_id, user_id, reason in rows if reason)
    return [(old, new, reason) for _order, old, new, reason in listed]
