"""The organisation view's figures, ready for its page and exports: people as codes unless the viewer is a
named organisation admin, groups under the minimum size left out, risks in plain words."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l

from activities.network.analysis import knowledge_risk, org_graph
from activities.network.organisation import picture
from activities.network.organisation.sources import OrgSources, gather
from lti_tool.i18n import current_language
from lti_tool.participant_codes import participant_code

REASONS = {
    "all_leave": _l("Everyone who holds it leaves within the horizon."),
    "single_holder": _l("Only one person holds it."),
    "one_stays": _l("Only one holder stays."),
    "some_leave": _l("Some holders leave within the horizon."),
    "holder_splits": _l("A holder links people who would otherwise be cut off."),
    "out_of_reach": _l("A holder has no ties with the rest of the network."),
    "receivers_near": _l("People who need it are one tie away from a holder: arrange the transfer now."),
}
TOP_RISKS = 30


@dataclass(frozen=True)
class OrgView:
    """Everything the page and the exports show."""

    sources: OrgSources
    network: org_graph.OrgNetwork
    groups: list
    risks: list
    labels: dict
    skill_names: dict
    leaving: frozenset
    enough: bool
    min_group: int
    horizon_years: int
    needed: dict

    def risk_of(self, skill):
        """The risk of one skill key, or the most exposed skill when the key is unknown (or None)."""
        return next((r for r in self.risks if r.skill == skill), self.risks[0] if self.risks else None)

    def skill_choices(self):
        """(key, name) of every skill, most exposed first, for choosing the one the picture shows."""
        return [(r.skill, self.skill_names.get(r.skill, r.skill)) for r in self.risks]

    def picture(self, risk):
        """The network coloured by one skill's risk (None when there is nobody, or too many people to draw)."""
        return picture.draw(self, risk, self.needed.get(risk.skill, frozenset()))

    def label(self, person):
        """A person as this viewer may see them: a name for named admins (when the LMS sent it), else a code."""
        return self.labels[person]

    def risk_rows(self, limit=TOP_RISKS):
        """The most exposed skills as rows for the page: label, counts, names or codes, reasons in words."""
        return [dict(skill=self.skill_names.get(r.skill, r.skill), holders=len(r.holders), leaving=len(r.leaving),
                     staying=len(r.staying), holder_labels=sorted(self.label(p) for p in r.holders),
                     splitters=sorted(self.label(p) for p in r.splitters),
                     receivers=sorted(self.label(p) for p in r.receivers),
                     reasons=[REASONS[code] for code in r.reasons], red=len(r.staying) <= 1)
                for r in self.risks[:limit]]

    def heat_rows(self, limit=12):
        """Skills × groups: for the most held skills, how many of each shown group hold them, with a shade
        0–4 for the share of the group (none, under a tenth, under a quarter, under a half, half or more)."""
        if not self.groups:
            return []
        common = sorted(self.risks, key=lambda r: (-len(r.holders), r.skill))[:limit]
        rows = []
        for risk in common:
            cells = []
            for group in self.groups:
                held = len(group & risk.holders)
                share = held / len(group)
                cells.append((held, 0 if not held else 1 if share < .1 else 2 if share < .25 else 3 if share < .5 else 4))
            rows.append((self.skill_names.get(risk.skill, risk.skill), cells))
        return rows

    def outside_rows(self):
        """(category, ties, people with such ties) for people outside the LMS, most ties first; no names."""
        ties, people = Counter(), defaultdict(set)
        for person, place, count in self.sources.outside:
            ties[place] += count
            people[place].add(person)
        return sorted(((place, n, len(people[place])) for place, n in ties.items()), key=lambda row: (-row[1], row[0]))

    def group_rows(self):
        """Per group (of at least the minimum size): its size, who leaves, and its most held skills."""
        holders = defaultdict(set)
        for risk in self.risks:
            for person in risk.holders:
                holders[person].add(risk.skill)
        rows = []
        for number, group in enumerate(self.groups, 1):
            common = Counter(skill for person in group for skill in holders.get(person, ()))
            rows.append(dict(number=number, size=len(group), leaving=len(group & self.leaving),
                             skills=[self.skill_names.get(s, s) for s, _n in common.most_common(3)]))
        return rows


def _skill_names(holdings):
    """The spelling people used most for each skill key."""
    spellings = defaultdict(Counter)
    for _person, tag in holdings:
        spellings[knowledge_risk.skill_key(tag)][" ".join(tag.split())] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in spellings.items()}


def build(platform_id, horizon_years, min_group, with_names, today=None):
    """The organisation view of one registration as the viewer may see it."""
    sources = gather(platform_id, current_language())
    network = org_graph.merge(sources.ties, people=sources.people)
    enough = len(network.people) >= min_group
    leaving = knowledge_risk.leaving_within(sources.leaving, today or date.today(), horizon_years * 365)
    needed = knowledge_risk.holders_by_skill(sources.needs)
    risks = knowledge_risk.rank_risks(network, knowledge_risk.holders_by_skill(sources.holdings), needed,
                                      leaving) if enough else []
    groups = org_graph.visible_groups(org_graph.communities(network), min_group) if enough else []
    labels = {person: (sources.names.get(person) if with_names and sources.names.get(person) else
                       participant_code(f"org:{platform_id}", person)) for person in network.people}
    return OrgView(sources, network, groups, risks, labels, _skill_names(sources.holdings), leaving & set(labels),
                   enough, min_group, horizon_years, needed)
