"""Knowledge-loss risk computed by hand: a skill whose only holder leaves ranks first; a holder who splits
the network is named; people who need it one tie away are the receivers; skills merge like the matching."""
from datetime import date

from activities.network.analysis.knowledge_risk import holders_by_skill, leaving_within, rank_risks, skill_key
from activities.network.analysis.org_graph import merge

TODAY = date(2026, 12, 4)


def test_a_skill_whose_only_holder_leaves_ranks_first():
    # A chain ann–bob–cas–dirk–eva–fien.
    network = merge([("ann", "bob", 1), ("bob", "cas", 1), ("cas", "dirk", 1), ("dirk", "eva", 1), ("eva", "fien", 1)])
    holders = holders_by_skill([("ann", "Excel"), ("bob", "Planning"), ("cas", "planning"), ("dirk", "PLANNING."),
                                ("cas", "Zorgdossier"), ("eva", "zorgdossier")])
    leaving = leaving_within({"ann": date(2027, 6, 30), "eva": date(2027, 1, 31), "fien": date(2031, 1, 1)},
                             TODAY, horizon_days=365)
    assert leaving == {"ann", "eva"}  # fien leaves after the horizon
    needs = holders_by_skill([("bob", "excel"), ("fien", "Excel"), ("fien", "Zorgdossier"), ("dirk", "zorgdossier")])
    ranked = rank_risks(network, holders, needs, leaving)
    # Excel is a spreadsheet skill in the vocabulary, so it counts under that concept.
    assert [r.skill for r in ranked] == ["spreadsheets", "zorgdossier", "planning"]
    excel, zorg, planning = ranked
    assert excel.holders == {"ann"} and excel.staying == frozenset() and excel.reasons == ("all_leave", "receivers_near")
    assert excel.receivers == {"bob"}  # fien needs it too, but is not one tie from ann
    # Zorgdossier: eva leaves, cas stays; both sit inside the chain, so each cuts people off.
    assert zorg.leaving == {"eva"} and zorg.splitters == {"cas", "eva"}
    assert zorg.reasons == ("one_stays", "some_leave", "holder_splits", "receivers_near")
    assert zorg.receivers == {"fien", "dirk"}
    assert planning.holders == {"bob", "cas", "dirk"} and planning.leaving == frozenset()


def test_a_holder_outside_the_network_and_a_single_holder_who_stays():
    network = merge([("a", "b", 1), ("b", "c", 1)], people=["solo"])
    ranked = rank_risks(network, holders_by_skill([("solo", "Subsidies"), ("a", "Subsidies"), ("b", "Excel")]),
                        {}, frozenset())
    assert [(r.skill, r.reasons) for r in ranked] == [
        ("spreadsheets", ("single_holder", "holder_splits")),  # b stays, but holds it alone and links a and c
        ("grants", ("out_of_reach",)),  # subsidies are grants in the vocabulary; solo is tied to nobody
    ]


def test_skills_merge_without_case_accents_punctuation_or_across_synonyms():
    assert skill_key("Excel") == skill_key(" excel ") == skill_key("EXCEL.")
    assert skill_key("Zorgdossiér") == skill_key("zorgdossier")
    assert skill_key("ICT") == skill_key("informatica") == "it"  # one concept in the vocabulary
