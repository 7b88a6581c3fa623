"""Merging drawings into the course network; course measures with both engines; change between moments."""
import pytest

from activities.network.analysis import course_measures
from activities.network.analysis.course_change import compare_moments
from activities.network.analysis.course_measures import analyse, choose_engine
from activities.network.analysis.course_network import (ADVICE_KIND, CATEGORY, EXTERNAL, HELP, KNOWS, WORKED, merge,
                                               tie_strength)
from activities.network.analysis.graph import ADVICE, ASKED, GAVE, WORKED_WITH
from tests.activities.network.builders import drawing, person

ENGINES = ("networkx", "igraph")


def member(sub, ring=1, relations=(ASKED,)):
    """A contact who is a course member."""
    return person(f"k-{sub}", ring=ring, relations=relations, member=sub, label=sub.title())


def edges(network):
    return {e.key: e for e in network.edges}


def test_direction_points_to_the_knowledge_holder():
    net = merge([drawing([member("bo", relations=[ASKED]), member("cy", relations=[GAVE]),
                          member("di", relations=[ADVICE]), member("ed", relations=[WORKED_WITH]),
                          member("fa", relations=[])], owner="an")])
    found = edges(net)
    assert ("an", "bo", HELP) in found          # I asked Bo: Bo holds the knowledge
    assert ("cy", "an", HELP) in found          # I gave Cy help: Cy asked me, I hold it
    assert ("an", "di", ADVICE_KIND) in found   # I got advice from Di
    assert ("an", "ed", WORKED) in found and not found[("an", "ed", WORKED)].directed
    assert ("an", "fa", KNOWS) in found         # drawn without relation: still a tie
    m = analyse(net)
    assert m.knowledge_in == {"an": 1.0, "bo": 1.0, "cy": 0.0, "di": 1.0, "ed": 0.0, "fa": 0.0}
    assert [s for s, _ in m.holders()] == ["an", "bo", "di"]


def test_two_reports_of_one_tie_are_one_edge_with_the_strongest_ring():
    # An says "I asked Bo" (ring 3 of 3); Bo says "I gave An help" (ring 1): both mean an → bo.
    net = merge([drawing([member("bo", ring=3, relations=[ASKED])], owner="an"),
                 drawing([member("an", ring=1, relations=[GAVE])], owner="bo")])
    (edge,) = net.member_edges()
    assert edge.key == ("an", "bo", HELP)
    assert edge.reporters == {"an", "bo"}
    assert edge.weight == 1.0


@pytest.mark.parametrize("ring, rings, expected", [(1, 3, 1.0), (2, 3, 2 / 3), (3, 3, 1 / 3), (0, 3, 1 / 3),
                                                   (2, 2, 0.5), (5, 5, 0.2)])
def test_tie_strength_from_rings(ring, rings, expected):
    assert tie_strength(ring, rings) == pytest.approx(expected)


def test_outsiders_are_only_categories_never_names():
    net = merge([drawing([person("x", location="customer", label="Zebedeus Geheim"),
                          person("y", location="customer", label="Yolanda Verborgen"),
                          person("z", location="supplier", label="Zorro")], owner="an"),
                 drawing([person("q", location="customer", label="Quinten Privé")], owner="bo")],
                category_labels={"customer": "Customer", "supplier": "Supplier"})
    categories = [n for n in net.nodes if n.kind == CATEGORY]
    assert [(n.id, n.label, n.count) for n in categories] == [
        ("category:customer", "Customer (3)", 3), ("category:supplier", "Supplier (1)", 1)]
    text = repr(net)
    for name in ("Zebedeus", "Yolanda", "Zorro", "Quinten"):
        assert name not in text
    assert edges(net)[("an", "category:customer", EXTERNAL)].count == 2
    # Category nodes are not people: they get no member measures.
    assert "category:customer" not in analyse(net).degree


def test_roster_members_who_did_not_draw_are_isolates_and_labels_prefer_the_roster():
    net = merge([drawing([member("bo")], owner="an", label="An (typed)")],
                members={"an": "An Roster", "bo": "Bo Roster", "cy": "Cy Roster"})
    labels = {n.id: (n.label, n.drew) for n in net.members()}
    assert labels == {"an": ("An Roster", True), "bo": ("Bo Roster", False), "cy": ("Cy Roster", False)}
    m = analyse(net)
    assert m.isolates == {"cy"}
    assert m.periphery == {"an", "bo"}


def test_naming_yourself_is_ignored():
    assert merge([drawing([member("an")], owner="an")]).edges == ()


def _path_and_star():
    # Path a–b–c plus star centre d with leaves e, f, g (separate component).
    return merge([drawing([member("b", relations=[WORKED_WITH])], owner="a"),
                  drawing([member("c", relations=[WORKED_WITH])], owner="b"),
                  drawing([member(x, relations=[GAVE]) for x in "efg"], owner="d")])


@pytest.mark.parametrize("engine", ENGINES)
def test_betweenness_by_hand(engine):
    # 7 members; normalised by (n−1)(n−2)/2 = 15 pairs. b lies on the one a–c path: 1/15.
    # d lies on the paths between e, f and g: 3 pairs: 3/15.
    m = analyse(_path_and_star(), engine=engine)
    assert m.betweenness["b"] == pytest.approx(1 / 15)
    assert m.betweenness["d"] == pytest.approx(3 / 15)
    assert m.betweenness["a"] == 0
    assert [s for s, _ in m.brokers()] == ["d", "b"]
    assert m.knowledge_in["d"] == pytest.approx(3.0)   # e, f, g each asked d (d gave them help)
    assert m.periphery == {"a", "c", "e", "f", "g"}
    assert m.core == {"a": 1, "b": 1, "c": 1, "d": 1, "e": 1, "f": 1, "g": 1}


def _two_cliques():
    # Two cliques of five joined by one tie a4–b0.
    drawings = []
    for side in "ab":
        for i in range(5):
            drawings.append(drawing([member(f"{side}{j}", relations=[WORKED_WITH]) for j in range(i + 1, 5)],
                                    owner=f"{side}{i}"))
    drawings.append(drawing([member("b0", ring=3, relations=[ASKED])], owner="a4"))
    return merge(drawings)


@pytest.mark.parametrize("engine", ENGINES)
def test_louvain_finds_the_two_cliques_and_is_deterministic(engine):
    net = _two_cliques()
    runs = [analyse(net, engine=engine).communities for _ in range(5)]
    assert runs[0] == (frozenset(f"a{i}" for i in range(5)), frozenset(f"b{i}" for i in range(5)))
    assert all(run == runs[0] for run in runs)
    m = analyse(net, engine=engine)
    assert [s for s, _ in m.brokers(2)] == ["a4", "b0"]
    assert m.community_of("b3") == 1 and m.core["a0"] == 4


def test_engines_agree_on_every_measure():
    net = _two_cliques()
    a, b = analyse(net, engine="networkx"), analyse(net, engine="igraph")
    assert a.betweenness == pytest.approx(b.betweenness)
    assert (a.core, a.degree, a.isolates, a.periphery, a.knowledge_in) == (b.core, b.degree, b.isolates,
                                                                           b.periphery, b.knowledge_in)


def test_sampled_betweenness_keeps_the_broker_on_top(monkeypatch):
    monkeypatch.setattr(course_measures, "EXACT_BETWEENNESS_LIMIT", 0)
    m = analyse(_two_cliques(), engine="igraph", samples=6)
    assert not m.betweenness_exact
    assert {s for s, _ in m.brokers(2)} == {"a4", "b0"}


def test_engine_choice_by_size():
    assert choose_engine(40) == "networkx"
    assert choose_engine(499) == "networkx"
    assert choose_engine(500) == "igraph"


def test_change_between_moments():
    before = merge([drawing([member("bo", relations=[ASKED])], owner="an"),
                    drawing([member("an", relations=[GAVE])], owner="bo")], members={"cy": "Cy"})
    after = merge([drawing([member("bo", relations=[WORKED_WITH]), member("cy", relations=[ASKED])], owner="an"),
                   drawing([member("cy", relations=[ADVICE])], owner="bo")])
    change = compare_moments(before, after)
    assert [e.key for e in change.new_ties] == [("an", "bo", WORKED), ("an", "cy", HELP), ("bo", "cy", ADVICE_KIND)]
    assert [e.key for e in change.lost_ties] == [("an", "bo", HELP)]
    assert [(r.sub, r.before, r.after) for r in change.holders_rising] == [("cy", 0.0, 2.0)]
    assert change.isolates_leaving == ("cy",)
    assert change.new_isolates == ()
    assert change.compared == ("an", "bo") and change.not_redrawn == () and change.first_drawn == ()


def test_learners_who_have_not_redrawn_lose_no_ties():
    """Seven ties drawn at the start by three learners; only an redraws, unchanged: nothing was lost."""
    start = [drawing([member("bo"), member("cy")], owner="an"),
             drawing([member("an"), member("cy"), member("dee", relations=[GAVE])], owner="bo"),
             drawing([member("an", relations=[ADVICE]), member("dee", relations=[WORKED_WITH])], owner="cy")]
    before = merge(start)
    after = merge([start[0]], members={"bo": "Bo", "cy": "Cy", "dee": "Dee"})
    change = compare_moments(before, after)
    assert change.lost_ties == () and change.new_ties == ()
    assert change.new_isolates == () and change.holders_rising == ()
    assert change.compared == ("an",) and change.not_redrawn == ("bo", "cy") and change.first_drawn == ()


def test_a_first_drawing_at_the_second_moment_is_not_growth():
    before = merge([drawing([member("bo")], owner="an")], members={"bo": "Bo", "cy": "Cy"})
    after = merge([drawing([member("bo")], owner="an"), drawing([member("an"), member("bo")], owner="cy")])
    change = compare_moments(before, after)
    assert change.new_ties == () and change.lost_ties == () and change.isolates_leaving == ()
    assert change.first_drawn == ("cy",)
