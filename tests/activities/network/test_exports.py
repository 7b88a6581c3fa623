"""GraphML, CSV and JSON exports of a course network: readable, pseudonymous, no outsider names."""
import csv
import io
import json
import xml.etree.ElementTree as ET

import networkx as nx

from activities.network import exports
from activities.network.analysis.course_network import merge
from activities.network.analysis.graph import ASKED, GAVE, WORKED_WITH
from tests.activities.network.builders import drawing, person

SECRET_NAMES = ("Zebedeus", "Yolanda", "lms-sub-")


def _network():
    return merge([
        drawing([person("b", ring=1, relations=[ASKED], member="lms-sub-bo", label="Bo"),
                 person("x", location="customer", label="Zebedeus Klant", relations=[GAVE]),
                 person("y", location="customer", label="Yolanda Klant")], owner="lms-sub-an", label="An"),
        drawing([person("a", ring=2, relations=[WORKED_WITH], member="lms-sub-an", label="An")],
                owner="lms-sub-bo", label="Bo"),
    ], members={"lms-sub-an": "An", "lms-sub-bo": "Bo", "lms-sub-cy": "=HYPERLINK(\"x\")"},
        category_labels={"customer": "Customer"})


def _all_exports(**kwargs):
    net = _network()
    return {"graphml": exports.to_graphml(net, **kwargs).decode("utf-8"),
            "nodes": exports.nodes_csv(net, **kwargs),
            "edges": exports.edges_csv(net, codes=kwargs.get("codes")),
            "json": exports.to_json(net, **kwargs)}


def test_no_outsider_names_no_lms_ids_no_member_names_by_default():
    out = _all_exports()
    for text in out.values():
        for secret in SECRET_NAMES + ("An", "Bo"):
            assert secret not in text
    for name in ("graphml", "nodes", "json"):
        assert "Customer (2)" in out[name]


def test_graphml_reads_back_in_networkx_and_igraph_as_exported(tmp_path):
    text = _all_exports()["graphml"]
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.fromstring(text.encode())
    assert root.find("g:graph", ns).get("edgedefault") == "directed"
    assert all(e.get("directed") is None for e in root.iterfind("g:graph/g:edge", ns))
    # networkx reads the file as it is (it refuses mixed graphs, which we no longer write).
    graph = nx.read_graphml(io.BytesIO(text.encode()))
    assert set(graph.nodes) == {"M001", "M002", "M003", "category:customer"}
    assert graph.nodes["M002"]["knowledge_in"] == 1.0
    assert graph.nodes["M003"]["isolate"] is True
    assert graph.nodes["category:customer"]["count"] == 2
    edges = sorted((u, v, d["kind"], d["directed"]) for u, v, d in graph.edges(data=True))
    # An asked An→Bo for help, An and Bo worked together (no direction), An knows two customers.
    assert edges == [("M001", "M002", "help", True), ("M001", "M002", "worked_with", False),
                     ("M001", "category:customer", "external", True)]
    import igraph

    path = tmp_path / "course.graphml"
    path.write_bytes(text.encode())
    other = igraph.Graph.Read_GraphML(str(path))
    assert other.is_directed() and other.vcount() == 4 and other.ecount() == 3
    assert sorted(other.es["kind"]) == ["external", "help", "worked_with"]


def test_graphml_of_a_moment_without_ties_reads_back():
    empty = merge([], members={"lms-sub-an": "An"})
    graph = nx.read_graphml(io.BytesIO(exports.to_graphml(empty)))
    assert graph.number_of_nodes() == 1 and graph.number_of_edges() == 0


def test_caller_codes_and_explicit_names():
    out = _all_exports(codes={"lms-sub-an": "P-AAAAAA", "lms-sub-bo": "P-BBBBBB"},
                       names={"lms-sub-an": "An", "lms-sub-bo": "Bo"})
    rows = list(csv.DictReader(io.StringIO(out["nodes"].lstrip("\ufeff"))))
    assert [(r["id"], r["label"]) for r in rows] == [
        ("P-AAAAAA", "An"), ("P-BBBBBB", "Bo"), ("M003", "M003"), ("category:customer", "Customer (2)")]
    edges = list(csv.DictReader(io.StringIO(out["edges"].lstrip("\ufeff"))))
    assert {(e["source"], e["target"], e["kind"], e["directed"]) for e in edges} == {
        ("P-AAAAAA", "P-BBBBBB", "help", "True"), ("P-AAAAAA", "P-BBBBBB", "worked_with", "False"),
        ("P-AAAAAA", "category:customer", "external", "True")}
    for text in out.values():
        assert "lms-sub-" not in text and "Zebedeus" not in text


def test_csv_cells_never_start_like_a_formula():
    out = _all_exports(names={"lms-sub-cy": "=HYPERLINK(\"x\")"})
    rows = list(csv.DictReader(io.StringIO(out["nodes"].lstrip("\ufeff"))))
    assert any(r["label"] == "'=HYPERLINK(\"x\")" for r in rows)


def test_json_is_node_link():
    data = json.loads(_all_exports()["json"])
    graph = nx.node_link_graph(data, edges="links")
    assert graph.is_directed() and graph.is_multigraph()
    assert graph.number_of_nodes() == 4 and graph.number_of_edges() == 3
