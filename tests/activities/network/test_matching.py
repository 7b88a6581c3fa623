"""Needs and offers: normalisation, plurals, accents and consent."""
import pytest

from activities.network.analysis.matching import contacts_who_know, match_needs, normalise, tags_match
from tests.activities.network.builders import drawing, person


@pytest.mark.parametrize("raw, expected", [
    ("  Coördinatie ", "coordinatie"),
    ("EXCEL!", "excel"),
    ("Data-analyse", "data analyse"),
    ("foto's", "foto"),
    ("CEO’s", "ceo"),
    ("Ça   marche", "ca marche"),
    ("", ""),
])
def test_normalise(raw, expected):
    assert normalise(raw) == expected


@pytest.mark.parametrize("a, b", [
    ("vergaderingen", "Vergadering"),
    ("planningen", "planning"),
    ("tools", "Tool"),
    ("analyses", "analysis"),
    ("analyse", "analysis"),
    ("Analyses", "analyse"),
    ("processes", "process"),
    ("companies", "company"),
    ("strategieën", "strategy"),
    ("functies", "functie"),
    ("foto's", "foto"),
    ("coördinatie", "Coordinatie"),
    ("Data-analyses", "data analyse"),
    ("excel", "Excel."),
])
def test_tags_that_match(a, b):
    assert tags_match(a, b) and tags_match(b, a)


@pytest.mark.parametrize("a, b", [
    ("planning", "plan"),
    ("data analyse", "analyse"),
    ("excel", "word"),
    ("", ""),
    ("!!!", "!!!"),
])
def test_tags_that_do_not_match(a, b):
    assert not tags_match(a, b)


def _course():
    return [
        drawing(owner="an", label="An", needs=["Vergaderingen leiden", "Excel", "Excel "], offers=["coaching"]),
        drawing(owner="bo", label="Bo", offers=["vergadering leiden", "excel-macro's"], needs=["Coaching"]),
        drawing(owner="cy", label="Cy", offers=["EXCEL"], needs=["excel"]),
        drawing(owner="di", label="Di", offers=["Vergaderingen leiden"]),   # did not consent
    ]


def test_needs_are_matched_to_consenting_others_only():
    result = match_needs(_course(), consenting={"an", "bo", "cy"})
    an = {m.need: [(o.sub, o.tag) for o in m.offers] for m in result["an"]}
    # Duplicate needs (after normalising) are listed once; Di did not consent and is never suggested.
    assert an == {"Vergaderingen leiden": [("bo", "vergadering leiden")], "Excel": [("cy", "EXCEL")]}
    # Cy offers excel too, but is never suggested to herself.
    assert [(m.need, m.offers) for m in result["cy"]] == [("excel", ())]
    assert [o.sub for o in result["bo"][0].offers] == ["an"]
    assert result["di"] == ()


def test_facilitator_passes_everyone():
    result = match_needs(_course(), consenting={"an", "bo", "cy", "di"})
    assert [o.sub for o in result["an"][0].offers] == ["bo", "di"]


def test_contacts_in_own_network_who_know_a_need():
    d = drawing([person("a", knows=["Planningen"]), person("b", knows=["budget"]), person("c", knows=["planning"])],
                needs=["planning", "Lean"])
    found = contacts_who_know(d)
    assert [c.key for c in found["planning"]] == ["a", "c"]
    assert found["Lean"] == ()
