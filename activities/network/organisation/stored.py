"""The organisation view as stored by the background job: compact (people once, everything else by their
number; ties as packed arrays), compressed, and without names: a named admin's names are looked up when read."""
from __future__ import annotations

import base64
import json
import zlib
from array import array
from functools import cached_property

import igraph
from sqlalchemy import select

from activities.network.analysis.knowledge_risk import SkillRisk
from activities.network.analysis.org_graph import OrgNetwork
from activities.network.organisation.page import Labels, OrgView
from activities.network.organisation.sources import OrgSources
from lti_tool.extensions import db
from lti_tool.models import User

VERSION = 1
RISK_SETS = ("holders", "leaving", "splitters", "out_of_reach", "receivers")


def _packed(typecode, values):
    return base64.b64encode(array(typecode, values).tobytes()).decode("ascii")


def _unpacked(typecode, text):
    values = array(typecode)
    values.frombytes(base64.b64decode(text))
    return values


def dump(view: OrgView) -> bytes:
    """The view as bytes for the job's result."""
    people = view.network.people
    at = {person: i for i, person in enumerate(people)}

    def numbers(group):
        return sorted(at[person] for person in group)

    graph = view.network.graph
    record = {
        "version": VERSION, "people": people, "courses": view.sources.courses,
        "outside": [[at[person], place, count] for person, place, count in view.sources.outside if person in at],
        "edges": _packed("I", [end for edge in graph.get_edgelist() for end in edge]),
        "weights": _packed("d", graph.es["weight"] if graph.ecount() else []),
        "groups": [numbers(group) for group in view.groups],
        "risks": [{"skill": risk.skill, **{name: numbers(getattr(risk, name)) for name in RISK_SETS}}
                  for risk in view.risks],
        "skill_names": view.skill_names, "leaving": numbers(view.leaving), "enough": view.enough,
        "min_group": view.min_group, "horizon_years": view.horizon_years,
        "needed": {skill: numbers(group & at.keys()) for skill, group in view.needed.items()},
        "levels": [[at[person], skill, level] for (person, skill), level in view.levels.items() if person in at],
    }
    return zlib.compress(json.dumps(record, separators=(",", ":")).encode(), 6)


def load(blob: bytes, platform_id: int, with_names: bool) -> OrgView | None:
    """The stored view as this viewer may see it (names only for named admins); None for an older format."""
    record = json.loads(zlib.decompress(blob))
    if record.get("version") != VERSION:
        return None
    people = tuple(record["people"])
    graph = StoredGraph(len(people), _unpacked("I", record["edges"]), record["weights"])

    def persons(numbers):
        return frozenset(people[n] for n in numbers)

    outside = tuple((people[n], place, count) for n, place, count in record["outside"])
    sources = OrgSources(tuple(record["courses"]), (), frozenset(people), (), (), {}, {}, outside)
    risks = [SkillRisk(skill=r["skill"], **{name: persons(r[name]) for name in RISK_SETS}) for r in record["risks"]]
    names = _names(platform_id, people) if with_names else {}
    return OrgView(sources, OrgNetwork(people, graph), [persons(g) for g in record["groups"]], risks,
                   Labels(platform_id, names), record["skill_names"], persons(record["leaving"]),
                   record["enough"], record["min_group"], record["horizon_years"],
                   {skill: persons(group) for skill, group in record["needed"].items()},
                   {(people[n], skill): level for n, skill, level in record["levels"]})


class StoredGraph:
    """The stored ties as an igraph graph, built when first used: the page itself only counts them (the picture
    and the exports need the graph)."""

    def __init__(self, vertices, ends, weights):
        self._vertices, self._ends, self._weights = vertices, ends, weights

    def ecount(self):
        """The number of ties, without building the graph."""
        return len(self._ends) // 2

    def vcount(self):
        """The number of people."""
        return self._vertices

    @cached_property
    def _graph(self):
        graph = igraph.Graph(n=self._vertices, edges=list(zip(self._ends[0::2], self._ends[1::2])), directed=False)
        graph.es["weight"] = list(_unpacked("d", self._weights))
        return graph

    def __getattr__(self, name):
        return getattr(self._graph, name)


def _names(platform_id, people):
    # The registration's named people, filtered here: an IN list of 100,000 ids is beyond PostgreSQL's parameters.
    wanted = set(people)
    rows = db.session.execute(select(User.sub, User.name).where(User.platform_id == platform_id, User.name != ""))
    return {sub: name for sub, name in rows if sub in wanted}
