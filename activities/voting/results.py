"""Aggregating votes into anonymous distributions per statement and round, with the minimum group size."""
import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import count

from flask import current_app
from sqlalchemy import select

from activities.common.figures import percentages
from activities.voting.content import SCALES, choice_label, choice_on_scale
from activities.voting.models import Vote
from lti_tool.extensions import db
from lti_tool.fragments import placement_key, remembered


_revisions = count(1)


@dataclass(frozen=True)
class Share:
    """One choice's part of a round: count and a whole-number percentage."""

    choice: str
    label: str
    count: int
    percent: int


@dataclass
class RoundResult:
    """What one round of one statement looks like, without any names."""

    round_number: int
    total: int
    min_group_size: int
    shares: list = field(default_factory=list)
    reasons: list = field(default_factory=list)
    revision: int = 0  # unique in the process per counted round: names the parts rendered from it

    @property
    def enough(self):
        """Whether enough learners voted for anyone but the facilitator to see this round."""
        return self.total >= self.min_group_size

    def share(self, choice):
        """The Share of one choice (zero when nobody chose it)."""
        return next((s for s in self.shares if s.choice == choice), Share(choice, choice_label(choice), 0, 0))


def shuffle_key(instance_id, vote_id):
    """A keyed hash to order reasons by, so their order does not reveal who voted when."""
    return _keyed(current_app.config["SECRET_KEY"], instance_id, vote_id)


@lru_cache(maxsize=1 << 16)
def _keyed(secret, instance_id, vote_id):
    # Kept: a live session tallies every vote again after each new one, and hashing was a third of that.
    return hashlib.sha256(f"{secret}:{instance_id}:{vote_id}".encode()).hexdigest()


def tally(instance, config, up_to_round, rounds_of=None):
    """{statement key: [RoundResult per round 1..up_to_round]} for the placement's current statements.

    `rounds_of(key)` limits a statement to the rounds it was open in (a round that re-opened only some
    statements has no result for the others, rather than an empty one). The results are shared, read-only,
    by every page rendered at the same live version: in a session every learner's page asks for the same
    tally after each vote (bench/live.py), and every change to votes bumps the version.
    """
    rounds = {s["key"]: tuple(rounds_of(s["key"]) if rounds_of else range(1, up_to_round + 1))
              for s in config.statements}
    key = ("voting-tally", *placement_key(instance), up_to_round,
           json.dumps(instance.settings, sort_keys=True, default=str), tuple(sorted(rounds.items())))
    return remembered(key, lambda: _tally(instance, config, up_to_round, rounds))


def _tally(instance, config, up_to_round, rounds_of_key):
    keys = {s["key"] for s in config.statements}
    grouped = {}  # (key, round) -> ((vote id, choice, reason), ...) in id order
    rows = db.session.execute(
        select(Vote.id, Vote.statement_key, Vote.round_number, Vote.choice, Vote.reason)
        .where(Vote.activity_instance_id == instance.id, Vote.round_number <= up_to_round).order_by(Vote.id)).all()
    for vote_id, key, round_number, choice, reason in rows:
        choice = choice_on_scale(choice, config.scale)
        if key in keys and choice is not None:
            grouped.setdefault((key, round_number), []).append((vote_id, choice, reason))
    # Translated once: a page lists hundreds of reasons, each with its position's label.
    labels = {choice: str(choice_label(choice)) for choice in SCALES[config.scale]}
    return {s["key"]: [_round(instance, config, s["key"], number, tuple(grouped.get((s["key"], number), ())), labels)
                       for number in rounds_of_key[s["key"]]]
            for s in config.statements}


def _round(instance, config, key, number, votes, labels):
    """One statement's round; the same object, with the same revision, while its votes are unchanged.

    After a vote on one statement the others' rounds are reused, and so are the parts rendered from them
    (pages.results_part_key). The votes are compared in full, not only by their hash.
    """
    name = ("voting-round", instance.id, instance.created_at, key, number, config.scale, config.min_group_size,
            hash(votes))
    kept_votes, result = remembered(name, lambda: (votes, _counted(instance, config, number, votes, labels)))
    return result if kept_votes == votes else _counted(instance, config, number, votes, labels)


def _counted(instance, config, number, votes, labels):
    scale = SCALES[config.scale]
    secret = current_app.config["SECRET_KEY"]
    bucket = dict.fromkeys(scale, 0)
    for _vote_id, choice, _reason in votes:
        bucket[choice] += 1
    numbers = [bucket[c] for c in scale]
    shares = [Share(c, labels[c], n, p) for c, n, p in zip(scale, numbers, percentages(numbers))]
    listed = sorted((_keyed(secret, instance.id, vote_id), choice, reason) for vote_id, choice, reason in votes if reason)
    return RoundResult(number, sum(numbers), config.min_group_size, shares,
                       [(choice, labels[choice], text) for _order, choice, text in listed], next(_revisions))


def voters(instance, round_number, keys):
    """{user id: number of the given statements answered} in one round."""
    rows = db.session.execute(select(Vote.user_id, Vote.statement_key).where(
        Vote.activity_instance_id == instance.id, Vote.round_number == round_number)).all()
    answered = {}
    for user_id, key in rows:
        if key not in keys:
            continue
        answered[user_id] = answered.get(user_id, 0) + 1
    return answered


def voters_in_any_round(instance):
    """Ids of learners with at least one vote in the placement."""
    return set(db.session.execute(select(Vote.user_id).where(
        Vote.activity_instance_id == instance.id).distinct()).scalars())
