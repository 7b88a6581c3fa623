"""Trust scores in aggregate: median and distribution per stakeholder group, and the gap between them."""
import statistics
from dataclasses import dataclass, field

SCALE = tuple(range(1, 11))
GAP_HIGHLIGHT = 1.5  # a median gap this large (on a 1–10 scale) is worth talking about


@dataclass
class Stat:
    """Scores of one measure (given or received) for one group, without any names."""

    values: list = field(default_factory=list, repr=False)
    min_group_size: int = 5
    withheld: int | None = None

    @property
    def n(self):
        """How many learners gave a score."""
        return self.withheld if self.withheld is not None else len(self.values)

    def count_only(self):
        """The same Stat without its scores: how many scored, nothing more (below the minimum group size)."""
        return Stat([], self.min_group_size, withheld=self.n)

    @property
    def enough(self):
        """Whether enough learners scored for anyone but the facilitator to see it."""
        return self.n >= self.min_group_size

    @property
    def median(self):
        """The median score, or None without scores."""
        return statistics.median(self.values) if self.values else None

    @property
    def counts(self):
        """How many learners chose each score 1..10."""
        return [self.values.count(score) for score in SCALE]

    @property
    def heights(self):
        """Bar heights 0–100 relative to the most chosen score (for the distribution chart)."""
        counts = self.counts
        top = max(counts) or 1
        return [round(c * 100 / top) for c in counts]


@dataclass
class TrustRow:
    """Trust given and received towards one stakeholder group."""

    key: str
    label: str
    given: Stat
    received: Stat
    mine_given: int | None = None
    mine_received: int | None = None
    mine_not_applicable: bool = False
    quotes: list = field(default_factory=list)

    @property
    def shown(self):
        """Both measures have enough scores to show."""
        return self.given.enough and self.received.enough

    @property
    def gap(self):
        """Median given minus median received (None unless both can be shown)."""
        if not self.shown:
            return None
        return self.given.median - self.received.median

    @property
    def highlighted(self):
        """Whether the gap is large enough to point out."""
        return self.gap is not None and abs(self.gap) >= GAP_HIGHLIGHT


def biggest_gap(rows):
    """The shown row with the largest gap (ties: the first), or None when no gap reaches the highlight."""
    candidates = [r for r in rows if r.highlighted]
    return max(candidates, key=lambda r: abs(r.gap), default=None)
