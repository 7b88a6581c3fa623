"""The organisation network, computed by hand: merged weights, who splits it and how many they cut off,
groups, and groups under the minimum size that never appear."""
from activities.network.analysis.org_graph import (
    Splitter, communities, largest_part, merge, splitters, visible_groups)


def clique(*people):
    """Every pair of these people tied once, strength 1."""
    return [(a, b, 1.0) for i, a in enumerate(people) for b in people[i + 1:]]


def test_a_tie_named_twice_or_in_two_courses_weighs_the_sum():
    network = merge([("ann", "bob", 1.0), ("bob", "ann", 0.5), ("bob", "cas", 1.0), ("cas", "cas", 1.0)],
                    people=["dirk"])
    assert network.people == ("ann", "bob", "cas", "dirk")  # dirk drew nobody and was named by nobody
    weights = {tuple(sorted((network.people[e.source], network.people[e.target]))): e["weight"]
               for e in network.graph.es}
    assert weights == {("ann", "bob"): 1.5, ("bob", "cas"): 1.0}  # the self-tie is gone
    assert network.neighbours("bob") == {"ann", "cas"} and network.neighbours("dirk") == frozenset()


def test_the_broker_between_two_teams_is_named_with_everyone_they_cut_off():
    # Two teams of three; xavi alone links them, through p1 and q1.
    network = merge(clique("p1", "p2", "p3") + clique("q1", "q2", "q3") + [("xavi", "p1", 1), ("xavi", "q1", 1)])
    # Without xavi, one team of three loses the other; without p1, p2 and p3 lose the rest (two people).
    assert splitters(network) == [Splitter("xavi", 3), Splitter("p1", 2), Splitter("q1", 2)]


def test_splitters_in_separate_parts_and_at_the_end_of_a_chain():
    network = merge([("a", "b", 1), ("b", "c", 1), ("d", "e", 1), ("e", "f", 1), ("f", "g", 1)])
    # a–b–c: b cuts one off; d–e–f–g: e cuts d off (1), f cuts g off (1). Ends of a chain cut nobody off.
    assert splitters(network) == [Splitter("b", 1), Splitter("e", 1), Splitter("f", 1)]
    assert largest_part(network) == {"d", "e", "f", "g"}
    assert splitters(merge(clique("a", "b", "c"))) == []  # a triangle has no single point of failure


def test_groups_are_found_and_small_ones_never_appear():
    five, three = clique("a1", "a2", "a3", "a4", "a5"), clique("b1", "b2", "b3")
    network = merge(five + three + [("a1", "b1", 0.2)], people=["loner"])
    groups = communities(network)
    assert groups == [frozenset({"a1", "a2", "a3", "a4", "a5"}), frozenset({"b1", "b2", "b3"})]
    assert communities(network) == groups  # the same network always gives the same groups
    assert visible_groups(groups, minimum=5) == [frozenset({"a1", "a2", "a3", "a4", "a5"})]
    assert visible_groups(groups, minimum=6) == []
