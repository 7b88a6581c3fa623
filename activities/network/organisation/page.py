"""The organisation view's figures, ready for its page and exports: people as codes unless the viewer is a
named organisation admin, groups under the minimum size left out, risks in plain words."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
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
    levels: dict = field(default_factory=dict)  # (person, skill key): the HR file's level, 1 to 5

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

    def person_heat(self, skills=8, most=20):
        """Skills × people for the most exposed skills: (skill names, rows, people left out). A row is (label,
        leaves, cells) for a holder of at least one of them, those holding the most first; a cell is (level or
        None, shade 0–4): the HR file's level where it gave one, else a holder named in the drawings (shade 2)."""
        chosen = self.risks[:skills]
        holders = Counter(person for risk in chosen for person in risk.holders)
        order = sorted(holders, key=lambda p: (-holders[p], p not in self.leaving, self.label(p)))
        rows = []
        for person in order[:most]:
            cells = []
            for risk in chosen:
                level = self.levels.get((person, risk.skill))
                held = person in risk.holders
                cells.append((level, 0 if not held else 2 if level is None or level <= 2 else 3 if level == 3 else 4))
            rows.append((self.label(person), person in self.leaving, cells))
        return [self.skill_names.get(r.skill, r.skill) for r in chosen], rows, max(0, len(order) - most)

    def outside_rows(self):
        """(category, ties, people with such ties) for people outside the LMS, most ties first; no names."""
        ties, people = Counter(), defaultdict(set)
        for person, place, count in self.sources.outside:
            ties[place] += count
            people[place].add(person)
        return sorted(((place, n, len(people[place])) for place, n in ties.items()), key=lambda row: (-row[1], row[0]))

    def skills_by_person(self):
        """{person: the skill keys they hold}, for everyone holding at least one."""
        held = defaultdict(set)
        for risk in self.risks:
            for person in risk.holders:
                held[person].add(risk.skill)
        return held

    def group_rows(self):
        """Per group (of at least the minimum size): its size, who leaves, and its most held skills."""
        holders = self.skills_by_person()
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


class Labels(dict):
    """How each person appears: their name where `names` has one (named organisation admins only), else the
    organisation's stable code, made when first asked (a page shows a few hundred of 100,000 people)."""

    def __init__(self, platform_id, names):
        super().__init__()
        self.platform_id, self.names = platform_id, names

    def __missing__(self, person):
        label = self[person] = self.names.get(person) or participant_code(f"org:{self.platform_id}", person)
        return label


def build(platform_id, horizon_years, min_group, with_names, today=None, language=None, report=None):
    """The organisation view of one registration as the viewer may see it; `report(percent, stage)` hears how
    far it is (the background job shows it on the page)."""
    report = report or (lambda percent, stage: None)
    report(5, "reading")
    sources = gather(platform_id, language or current_language())
    report(35, "merging")
    network = org_graph.merge(sources.ties, people=sources.people)
    enough = len(network.people) >= min_group
    leaving = knowledge_risk.leaving_within(sources.leaving, today or date.today(), horizon_years * 365)
    needed = knowledge_risk.holders_by_skill(sources.needs)
    report(50, "risks")
    risks = knowledge_risk.rank_risks(network, knowledge_risk.holders_by_skill(sources.holdings), needed,
                                      leaving) if enough else []
    report(70, "groups")
    groups = org_graph.visible_groups(org_graph.communities(network), min_group) if enough else []
    labels = Labels(platform_id, sources.names if with_names else {})
    levels = {}
    for person, skill, level in sources.levels:
        key = (person, knowledge_risk.skill_key(skill))
        levels[key] = max(level, levels.get(key, 0))
    return OrgView(sources, network, groups, risks, labels, _skill_names(sources.holdings),
                   leaving & frozenset(network.people), enough, min_group, horizon_years, needed, levels)
