"""GraphML for a moment without ties, and for names with control characters (stored before the policy)."""
import io

import networkx as nx

from activities.network import exports
from activities.network.analysis.course_network import merge
from tests.activities.network.builders import drawing, person


def test_graphml_of_a_moment_without_ties_is_an_empty_graph():
    network = merge([drawing([], owner="lms-sub-an", label="An")], members={"lms-sub-an": "An"})
    graph = nx.read_graphml(io.BytesIO(exports.to_graphml(network)))
    assert graph.number_of_edges() == 0


def test_graphml_keeps_names_with_control_characters_readable():
    network = merge([drawing([person("b", member="lms-sub-bo")], owner="lms-sub-an", label="An")],
                    members={"lms-sub-an": "An\x00na\x1b", "lms-sub-bo": "Bo\ud800"})
    text = exports.to_graphml(network, names={"lms-sub-an": "An\x00na\x1b", "lms-sub-bo": "Bo\ud800"})
    # networkx refuses per-edge directed="false" in a directed graph; Gephi reads it.
    graph = nx.read_graphml(io.BytesIO(text.replace(b' directed="false"', b"")))
    labels = {data.get("label") for _node, data in graph.nodes(data=True)}
    assert "An\ufffdna\ufffd" in labels and "Bo\ufffd" in labels
