"""Ego measures and insights against hand-computed small graphs."""
import pytest
from flask_babel import refresh

from activities.network.analysis import metrics
from activities.network.analysis.ego import blau_index, measures, normalised_blau
from activities.network.analysis.graph import ADVICE, ASKED, GAVE, WORKED_WITH
from tests.activities.network.builders import drawing, person

# Burt (unweighted, undirected): p_ij = 1 / degree(i); constraint c_i = Σ_j (p_ij + Σ_q p_iq p_qj)²;
# effective size = n − 2t/n for n contacts and t alter–alter ties.


def test_star_four_contacts_nobody_knows_each_other():
    # p = 1/4 to each contact, no indirect paths: c = 4 × (1/4)² = 0.25; effective size = 4 − 0 = 4.
    m = measures(drawing([person(k) for k in "abcd"]))
    assert m.effective_size == pytest.approx(4.0)
    assert m.efficiency == pytest.approx(1.0)
    assert m.constraint == pytest.approx(0.25)
    assert m.density == 0
    assert m.connectors == ()


def test_triangle_two_contacts_who_know_each_other():
    # p_eA = 1/2, indirect via B: p_eB · p_BA = 1/2 · 1/2 = 1/4 → c_eA = (3/4)² = 9/16, twice: 9/8.
    # Effective size = 2 − 2·1/2 = 1.
    m = measures(drawing([person("a"), person("b")], ties=[("a", "b")]))
    assert m.constraint == pytest.approx(9 / 8)
    assert m.effective_size == pytest.approx(1.0)
    assert m.density == pytest.approx(1.0)


def test_bridge_case():
    # Contacts A, B, C, D; A–B and B–C know each other; D knows nobody. Degrees: A 2, B 3, C 2, D 1.
    # c_eA = (1/4 + p_eB·p_BA)² = (1/4 + 1/4·1/3)² = (1/3)² = 1/9;   c_eC = 1/9 likewise
    # c_eB = (1/4 + p_eA·p_AB + p_eC·p_CB)² = (1/4 + 1/8 + 1/8)² = 1/4;  c_eD = (1/4)² = 1/16
    # constraint = 2/9 + 1/4 + 1/16 = 77/144 ≈ 0.5347; effective size = 4 − 2·2/4 = 3.
    d = drawing([person(k) for k in "abcd"], ties=[("a", "b"), ("b", "c")])
    m = measures(d)
    assert m.constraint == pytest.approx(77 / 144)
    assert m.effective_size == pytest.approx(3.0)
    assert m.density == pytest.approx(2 / 6)
    # B is the only link between A and C (apart from ego): an articulation point of the alter graph.
    assert m.connectors == ("b",)


def test_alter_ties_to_unknown_contacts_and_self_loops_are_ignored():
    d = drawing([person("a"), person("b")], ties=[("a", "b"), ("b", "a"), ("a", "a"), ("a", "ghost")])
    assert measures(d).alter_ties == 1


def test_empty_drawing_has_no_burt_measures():
    m = measures(drawing())
    assert (m.size, m.effective_size, m.constraint, m.blau, m.density) == (0, None, None, None, None)


@pytest.mark.parametrize("counts, expected", [
    ([4], 0.0),                      # everyone in one place
    ([1, 1], 0.5),                   # 1 − (1/4 + 1/4)
    ([2, 1, 1], 0.625),              # 1 − (1/4 + 1/16 + 1/16)
    ([1, 1, 1, 1], 0.75),            # 1 − 4 × 1/16
    ([3, 0, 1], 0.375),              # 1 − (9/16 + 1/16); empty categories do not count
])
def test_blau_index(counts, expected):
    assert blau_index(counts) == pytest.approx(expected)


def test_blau_index_of_nothing_is_none():
    assert blau_index([]) is None


def test_normalised_blau():
    assert normalised_blau(0.625, 6) == pytest.approx(0.75)   # 0.625 / (1 − 1/6)
    assert normalised_blau(0.75, 4) == pytest.approx(1.0)     # perfectly even over all four
    assert normalised_blau(0.0, 1) == 0.0


def test_diversity_uses_the_facilitators_categories_when_given():
    d = drawing([person("a", location="team"), person("b", location="team"),
                 person("c", location="customer"), person("d", location="supplier"), person("e", location="")])
    m = measures(d, categories=["team", "customer", "supplier", "department", "organisation", "sector"])
    assert m.blau == pytest.approx(0.625)          # e has no location and is left out
    assert m.blau_normalised == pytest.approx(0.75)
    assert measures(d).blau_normalised == pytest.approx(0.625 / (2 / 3))   # k = 3 categories used


def test_strong_weak_unplaced_and_balance():
    d = drawing([person("a", ring=1, relations=[ASKED]), person("b", ring=2, relations=[GAVE]),
                 person("c", ring=3, relations=[ADVICE, GAVE]), person("d", ring=0, relations=[WORKED_WITH])])
    m = measures(d)
    assert (m.strong, m.weak, m.unplaced) == (1, 2, 1)
    assert (m.asked, m.gave, m.asked_and_gave) == (2, 2, 1)


def test_sole_contacts_per_location():
    d = drawing([person("a", location="team"), person("b", location="team"), person("c", location="customer")])
    assert measures(d).sole_contacts == (("c", "customer"),)
    # With one category only, nobody is the way into "another" part of the network.
    assert measures(drawing([person("a"), person("b")])).sole_contacts == ()


def test_insights_read_in_plain_language(app):
    english = app.test_request_context(headers={"Accept-Language": "en"})
    english.push()
    refresh()
    d = drawing([person("a", ring=1, relations=[ASKED], label="Anna"), person("b", relations=[ASKED]),
                 person("c", location="customer", relations=[GAVE], label="Chris")], ties=[("a", "b")])
    found = {i.key: i for i in metrics.insights(d, ["team", "customer"])}
    assert tuple(found) == metrics.ORDER
    assert str(found["ties"].meaning) == "Weak ties bring new knowledge; strong ties deepen it."
    assert str(found["ties"].reading) == "Strong ties (inner ring): 1. Weak ties (outer rings): 2."
    assert "asked 2 contacts" in str(found["balance"].reading)
    assert found["effective_size"].value == pytest.approx(3 - 2 / 3)
    # Plain language first: no research names or decimals in the titles and readings...
    assert str(found["effective_size"].title) == "Different sources of knowledge"
    assert str(found["effective_size"].reading) == ("Your 3 contacts are worth about 2 different sources: some of "
                                                    "them know each other and hear the same things.")
    assert str(found["constraint"].title) == "How close-knit your network is"
    assert "Constraint" not in str(found["constraint"].reading)
    # ...and the measure with its number as a detail.
    assert str(found["effective_size"].measure) == "Effective size"
    assert str(found["effective_size"].measure_value) == "2.33"
    assert str(found["balance"].tip) == "Share something you know with a contact who could use it."
    assert found["bridges"].details["contacts"] == ("c",)
    assert "Chris" in str(found["bridges"].reading)
    for insight in found.values():
        assert str(insight.title) and str(insight.meaning) and str(insight.reading)
        assert not any(word in str(insight.title) for word in ("Effective size", "Constraint", "Blau"))
    english.pop()
    # Numbers are formatted when the sentence is rendered, in the reader's locale.
    with app.test_request_context(headers={"Accept-Language": "nl"}):
        refresh()   # the test's app context keeps Flask-Babel's cached locale
        assert str(found["effective_size"].measure_value) == "2,33"
        # The plural sentences are in the catalogue too (they were once left out of extraction).
        assert str(found["size"].reading) == "Je tekende 3 contacten, waarvan 0 in deze cursus."
        assert str(found["balance"].reading).startswith("Je vroeg 2 contacten om hulp of advies en hielp er 1.")
        assert str(found["bridges"].reading) == "1 contact is je enige link met een groep: Chris."


def test_insights_of_an_empty_drawing_do_not_fail(app):
    for insight in metrics.insights(drawing()):
        assert str(insight.reading)


@pytest.mark.parametrize("contacts, ties, expected", [
    ("abcd", [], "Your network is open"),                       # 4 separate contacts: 0.25
    ("abcd", [("a", "b"), ("b", "c")], "partly close-knit"),    # 77/144 ≈ 0.53
    ("ab", [("a", "b")], "Your network is close-knit"),         # 9/8
])
def test_closeness_is_told_in_words_for_the_computed_constraint(app, contacts, ties, expected):
    with app.test_request_context(headers={"Accept-Language": "en"}):
        refresh()
        found = {i.key: i for i in metrics.insights(drawing([person(k) for k in contacts], ties=ties))}
        assert expected in str(found["constraint"].reading)
        assert str(found["constraint"].tip)
