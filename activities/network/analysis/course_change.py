"""How the course network changed between two moments.

Ties are matched by (source, target, kind) between members; category edges are left out (outsiders
are not identifiable across moments). Holders rising: members whose knowledge in-degree went up.
Isolates leaving: members without ties at the first moment who have ties at the second.

Only what learners who drew at both moments reported is compared: a learner who has not redrawn yet
has lost no ties, and a first drawing at the second moment is not growth of anyone's network.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from activities.network.analysis.course_measures import CourseMeasures, analyse
from activities.network.analysis.course_network import CourseNetwork, Edge


@dataclass(frozen=True)
class Rise:
    """One member's knowledge in-degree at both moments."""

    sub: str
    before: float
    after: float

    @property
    def delta(self) -> float:
        """How much the in-degree grew."""
        return self.after - self.before


@dataclass(frozen=True)
class CourseChange:
    """The differences between two moments of one course network."""

    new_ties: tuple[Edge, ...]
    lost_ties: tuple[Edge, ...]
    holders_rising: tuple[Rise, ...]
    isolates_leaving: tuple[str, ...]
    new_isolates: tuple[str, ...]
    before: CourseMeasures
    after: CourseMeasures
    compared: tuple[str, ...] = ()
    not_redrawn: tuple[str, ...] = ()
    first_drawn: tuple[str, ...] = ()


def drawers(network: CourseNetwork) -> frozenset[str]:
    """Members who made a drawing at this moment."""
    return frozenset(n.id for n in network.members() if n.drew)


def reported_by(network: CourseNetwork, people: frozenset[str]) -> CourseNetwork:
    """The network as only `people` drew it: ties nobody of them reported are left out."""
    edges = tuple(replace(e, reporters=e.reporters & people) for e in network.edges if e.reporters & people)
    return CourseNetwork(network.nodes, edges)


def compare_moments(before: CourseNetwork, after: CourseNetwork, before_measures: CourseMeasures | None = None,
                    after_measures: CourseMeasures | None = None) -> CourseChange:
    """Compare two moments over the learners who drew both; measures are computed when not given."""
    drew_before, drew_after = drawers(before), drawers(after)
    both_drew = drew_before & drew_after
    if drew_before != both_drew:
        before, before_measures = reported_by(before, both_drew), None
    if drew_after != both_drew:
        after, after_measures = reported_by(after, both_drew), None
    mb = before_measures or analyse(before)
    ma = after_measures or analyse(after)
    old = {e.key: e for e in before.member_edges()}
    new = {e.key: e for e in after.member_edges()}
    rising = [Rise(s, mb.knowledge_in.get(s, 0.0), v) for s, v in ma.knowledge_in.items()
              if v > mb.knowledge_in.get(s, 0.0)]
    rising.sort(key=lambda r: (-r.delta, r.sub))
    both = set(mb.degree) & set(ma.degree)
    return CourseChange(
        new_ties=tuple(new[k] for k in sorted(new.keys() - old.keys())),
        lost_ties=tuple(old[k] for k in sorted(old.keys() - new.keys())),
        holders_rising=tuple(rising),
        isolates_leaving=tuple(sorted(s for s in mb.isolates & both if s not in ma.isolates)),
        new_isolates=tuple(sorted(s for s in ma.isolates & both if s not in mb.isolates)),
        before=mb,
        after=ma,
        compared=tuple(sorted(both_drew)),
        not_redrawn=tuple(sorted(drew_before - drew_after)),
        first_drawn=tuple(sorted(drew_after - drew_before)),
    )
