"""Exports of one moment's course network: GraphML (Gephi), CSV nodes and edges, JSON node-link.

Members are identified by ``codes`` (sub → pseudonymous code, e.g. the placement's participant code);
without codes they get M001, M002 ... in order of sub. Names appear only when the caller passes
``names`` (the facilitator's explicit personal-data export). Outsiders appear only as the category
nodes of the CourseNetwork ("Customer (3)"): their names are never part of it. Undirected ties
(worked_with, knows) are single edges marked ``directed = false``; GraphML carries that per edge too.
"""
from __future__ import annotations

import io
import json
from typing import Mapping

import networkx as nx

from activities.network.analysis.course_measures import CourseMeasures, analyse
from activities.network.analysis.course_network import MEMBER, CourseNetwork
from lti_tool.csv_export import to_csv as write_csv
from lti_tool.input_policy import forbidden_character

NODE_COLUMNS = ("id", "label", "kind", "count", "drew", "knowledge_in", "askers", "betweenness", "degree",
                "core", "community", "isolate", "periphery")
EDGE_COLUMNS = ("source", "target", "kind", "directed", "weight", "reporters", "mutual", "count")


def default_codes(network: CourseNetwork) -> dict[str, str]:
    """M001, M002 ... for members in order of sub."""
    return {n.id: f"M{i:03d}" for i, n in enumerate(sorted(network.members(), key=lambda n: n.id), 1)}


def _codes(network, codes):
    # A member missing from the caller's codes still gets a code, never their LMS id.
    return {**default_codes(network), **(codes or {})}


def node_rows(network: CourseNetwork, measures: CourseMeasures | None = None,
              codes: Mapping[str, str] | None = None, names: Mapping[str, str] | None = None) -> list[dict]:
    """One dict per node with NODE_COLUMNS; categories keep their aggregated label."""
    m = measures or analyse(network)
    codes = _codes(network, codes)
    rows = []
    for n in network.nodes:
        if n.kind == MEMBER:
            community = m.community_of(n.id)
            rows.append({"id": codes[n.id], "label": str((names or {}).get(n.id, codes[n.id])), "kind": n.kind,
                         "count": 1, "drew": n.drew, "knowledge_in": round(m.knowledge_in.get(n.id, 0.0), 4),
                         "askers": m.askers.get(n.id, 0), "betweenness": round(m.betweenness.get(n.id, 0.0), 6),
                         "degree": m.degree.get(n.id, 0), "core": m.core.get(n.id, 0),
                         "community": -1 if community is None else community,
                         "isolate": n.id in m.isolates, "periphery": n.id in m.periphery})
        else:
            rows.append({"id": n.id, "label": str(n.label), "kind": n.kind, "count": n.count, "drew": False,
                         "knowledge_in": 0.0, "askers": 0, "betweenness": 0.0, "degree": 0, "core": 0,
                         "community": -1, "isolate": False, "periphery": False})
    return rows


def edge_rows(network: CourseNetwork, codes: Mapping[str, str] | None = None) -> list[dict]:
    """One dict per edge with EDGE_COLUMNS; member ends as codes."""
    codes = _codes(network, codes)
    return [{"source": codes.get(e.source, e.source), "target": codes.get(e.target, e.target), "kind": e.kind,
             "directed": e.directed, "weight": round(e.weight, 4), "reporters": len(e.reporters),
             "mutual": len(e.reporters) > 1, "count": e.count} for e in network.edges]


def to_networkx(network: CourseNetwork, measures: CourseMeasures | None = None,
                codes: Mapping[str, str] | None = None, names: Mapping[str, str] | None = None) -> nx.MultiDiGraph:
    """A MultiDiGraph with export attributes (undirected ties once, ``directed`` = False)."""
    codes = _codes(network, codes)
    graph = nx.MultiDiGraph(name="course network")
    for row in node_rows(network, measures, codes, names):
        graph.add_node(row["id"], **{k: _xml_text(v) for k, v in row.items() if k != "id"})
    for i, row in enumerate(edge_rows(network, codes)):
        graph.add_edge(row["source"], row["target"], key=f"e{i}",
                       **{k: v for k, v in row.items() if k not in ("source", "target")})
    return graph


def to_graphml(network: CourseNetwork, measures: CourseMeasures | None = None,
               codes: Mapping[str, str] | None = None, names: Mapping[str, str] | None = None) -> bytes:
    """GraphML bytes (UTF-8) that networkx, igraph and Gephi read.

    The graph is directed; a tie without a direction (worked with, knows) is one edge with the data
    ``directed`` = false. No edge carries GraphML's own ``directed`` attribute: readers such as networkx
    refuse a graph that mixes directed and undirected edges."""
    buffer = io.BytesIO()
    nx.write_graphml(to_networkx(network, measures, codes, names), buffer, encoding="utf-8")
    return buffer.getvalue()


def _xml_text(value):
    # XML 1.0 cannot carry most control characters; a name stored before the input policy may have one.
    if isinstance(value, str) and forbidden_character(value) is not None:
        return "".join("\ufffd" if forbidden_character(char) else char for char in value)
    return value


def _csv(rows: list[dict], columns) -> str:
    return write_csv(rows, columns)


def nodes_csv(network: CourseNetwork, measures: CourseMeasures | None = None,
              codes: Mapping[str, str] | None = None, names: Mapping[str, str] | None = None) -> str:
    """CSV text of the nodes (with a BOM so spreadsheets read accents right)."""
    return _csv(node_rows(network, measures, codes, names), NODE_COLUMNS)


def edges_csv(network: CourseNetwork, codes: Mapping[str, str] | None = None) -> str:
    """CSV text of the edges."""
    return _csv(edge_rows(network, codes), EDGE_COLUMNS)


def to_json(network: CourseNetwork, measures: CourseMeasures | None = None,
            codes: Mapping[str, str] | None = None, names: Mapping[str, str] | None = None) -> str:
    """Node-link JSON (networkx ``node_link_data`` with "links")."""
    data = nx.node_link_data(to_networkx(network, measures, codes, names), edges="links")
    return json.dumps(data, ensure_ascii=False, indent=1)
