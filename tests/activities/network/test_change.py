"""Change between two drawings of the same person."""
import pytest

from activities.network.analysis.change import compare
from activities.network.analysis.graph import ADVICE, ASKED, GAVE, WORKED_WITH
from tests.activities.network.builders import drawing, person


def _before():
    return drawing([person("a", ring=2, relations=[ASKED]), person("b", ring=1, relations=[WORKED_WITH]),
                    person("c", ring=2), person("d", ring=3, relations=[GAVE]), person("e", ring=0),
                    person("f", ring=1), person("gone", ring=2)],
                   ties=[("a", "b"), ("c", "d")])


def _after():
    return drawing([person("a", ring=1, relations=[ASKED, ADVICE]), person("b", ring=3, relations=[WORKED_WITH]),
                    person("c", ring=3), person("d", ring=3, relations=[ASKED]), person("e", ring=1),
                    person("f", ring=0), person("new", ring=2, label="Newbie")],
                   ties=[("a", "b"), ("b", "c")])


def test_new_and_lost_contacts_are_matched_by_key():
    change = compare(_before(), _after())
    assert [c.key for c in change.new_contacts] == ["new"]
    assert [c.key for c in change.lost_contacts] == ["gone"]


def test_ties_that_crossed_the_strong_boundary():
    change = compare(_before(), _after())
    # a: ring 2 → 1 and e: unplaced → 1 became strong; b: 1 → 3 became weak.
    assert [c.key for c in change.became_strong] == ["a", "e"]
    assert [c.key for c in change.became_weak] == ["b"]
    # c moved 2 → 3 (weak stays weak) and f was unplaced: ring moves, not a weakening.
    assert {(m.contact.key, m.before, m.after) for m in change.ring_moves} == {
        ("a", 2, 1), ("b", 1, 3), ("c", 2, 3), ("e", 0, 1), ("f", 1, 0)}


def test_changed_relations():
    change = compare(_before(), _after())
    found = {r.contact.key: (r.added, r.removed) for r in change.relation_changes}
    assert found == {"a": ({ADVICE}, set()), "d": ({ASKED}, {GAVE})}


def test_alter_ties_and_measures_side_by_side():
    change = compare(_before(), _after())
    assert change.new_alter_ties == (("b", "c"),)
    assert change.lost_alter_ties == (("c", "d"),)
    pairs = {p.key: (p.before, p.after) for p in change.measures}
    assert pairs["size"] == (7, 7)
    assert pairs["strong"] == (2, 2)
    assert pairs["weak"] == (4, 4)
    # 7 contacts, 2 alter ties at both moments: 7 − 4/7.
    assert pairs["effective_size"] == (pytest.approx(7 - 4 / 7), pytest.approx(7 - 4 / 7))
    assert pairs["asked"] == (1, 2) and pairs["gave"] == (1, 0)


def test_same_drawing_has_no_change():
    change = compare(_before(), _before())
    assert not (change.new_contacts or change.lost_contacts or change.ring_moves or change.relation_changes
                or change.new_alter_ties or change.lost_alter_ties)
