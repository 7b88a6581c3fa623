"""Where knowledge may be lost (seed 004, the HR view): per skill, who holds it, who of them leaves, whether
the rest of the organisation can reach them, and who could receive it before it goes.

Pure functions on plain values. A skill is a normalised key (`skill_key`), so "Excel", "excel" and a
synonym from the vocabulary count as one. The ranking puts first what is most at risk, for reasons the
page can say in plain words (`SkillRisk.reasons`).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Iterable, Mapping

from activities.network.analysis.matching import normalise
from activities.network.analysis.org_graph import OrgNetwork, largest_part, splitters
from activities.network.analysis.vocabulary import concepts_of


@lru_cache(maxsize=8192)  # an organisation types the same few hundred skills thousands of times
def skill_key(tag: str) -> str:
    """The key a skill is counted under: its vocabulary concept when it names exactly one, else the tag
    without case, accents or punctuation (the same care as the needs-and-offers matching)."""
    concepts = concepts_of(tag)
    return next(iter(concepts)) if len(concepts) == 1 else normalise(tag)


@dataclass(frozen=True)
class SkillRisk:
    """One skill's exposure; people are the organisation's person ids."""

    skill: str
    holders: frozenset[str]
    leaving: frozenset[str]           # holders who leave within the horizon
    splitters: frozenset[str]         # holders whose departure cuts others off
    out_of_reach: frozenset[str]      # holders outside the network's largest part
    receivers: frozenset[str]         # people who need it, one tie from a holder who stays or leaves

    @property
    def staying(self) -> frozenset[str]:
        """Holders who do not leave within the horizon."""
        return self.holders - self.leaving

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why this skill ranks where it does, as codes the page words: most serious first."""
        found = []
        if self.holders and not self.staying:
            found.append("all_leave")
        elif len(self.holders) == 1:
            found.append("single_holder")
        elif len(self.staying) == 1:
            found.append("one_stays")
        if self.leaving and self.staying:
            found.append("some_leave")
        if self.splitters:
            found.append("holder_splits")
        if self.out_of_reach:
            found.append("out_of_reach")
        if self.receivers and self.leaving:
            found.append("receivers_near")
        return tuple(found)

    def rank_key(self):
        """Sort key: nobody left who holds it, then fewest holders staying, most leaving, brokers, reach."""
        return (len(self.staying), len(self.holders), -len(self.leaving), -len(self.splitters),
                -len(self.out_of_reach), self.skill)


def holders_by_skill(holdings: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """{skill key: holders} from (person, skill as typed) pairs of every source (drawings, offers, HR file)."""
    found: dict[str, set[str]] = defaultdict(set)
    for person, tag in holdings:
        key = skill_key(tag)
        if key:
            found[key].add(person)
    return {skill: frozenset(people) for skill, people in found.items()}


def leaving_within(leaving_dates: Mapping[str, date], today: date, horizon_days: int) -> frozenset[str]:
    """The people whose leaving date falls between today and the horizon (a date already past counts too:
    they may still hold what nobody else does)."""
    return frozenset(p for p, day in leaving_dates.items() if (day - today).days <= horizon_days)


def rank_risks(network: OrgNetwork, holders: Mapping[str, frozenset[str]], needs: Mapping[str, frozenset[str]],
               leaving: frozenset[str]) -> list[SkillRisk]:
    """Every skill's exposure, most at risk first. `needs` is {skill key: people who need it}."""
    cutting = {s.person for s in splitters(network)}
    reachable = largest_part(network)
    index = network.index()
    graph = network.graph
    risks = []
    for skill, people in holders.items():
        near = set()
        for holder in people:
            at = index.get(holder)
            if at is not None:
                near.update(network.people[j] for j in graph.neighbors(at))
        risks.append(SkillRisk(
            skill=skill, holders=people, leaving=people & leaving, splitters=people & cutting,
            out_of_reach=frozenset(p for p in people if p not in reachable),
            receivers=frozenset(needs.get(skill, frozenset()) & near) - people))
    return sorted(risks, key=SkillRisk.rank_key)
