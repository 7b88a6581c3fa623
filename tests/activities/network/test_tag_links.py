"""Matching across words and languages: the vocabulary, spelling variants and the facilitator's verdicts."""
import re

import pytest

from activities.network.analysis.matching import match_needs
from activities.network.models import TagLink
from activities.network.tag_links import CONFIRMED, SAME_WORDS, SPELLING, VOCABULARY, Links, close_spelling
from activities.network.analysis.vocabulary import CONCEPTS, concepts_of
from tests.activities.network.builders import drawing


@pytest.mark.parametrize("a, b", [
    ("wound care", "wondzorg"),
    ("Wondzorg", "wound-care"),
    ("cultuursensitieve zorg", "culturally sensitive care"),
    ("Palliatieve zorg", "palliative care"),
    ("kennisdeling", "knowledge sharing"),
    ("intervisie", "peer review"),
    ("onboarding", "inwerken"),
    ("Excel", "spreadsheets"),
    ("GDPR", "AVG"),
])
def test_the_vocabulary_links_dutch_and_english(a, b):
    assert Links().how(a, b) == VOCABULARY and Links().how(b, a) == VOCABULARY


@pytest.mark.parametrize("a, b", [
    ("kommunicatie", "communicatie"),
    ("cultuur sensitieve zorg", "cultuursensitieve zorg"),
    ("projectmanagment", "projectmanagement"),
])
def test_spelling_variants_match(a, b):
    assert close_spelling(a, b) and Links().how(a, b) in (SPELLING, VOCABULARY)


@pytest.mark.parametrize("a, b", [
    ("wondzorg", "woonzorg"),        # wound care is not residential care
    ("planning", "training"),
    ("leiderschap", "leidinggeven") if False else ("marketing", "markten"),
    ("wound care", "dementia care"),
    ("IT", "HR"),
])
def test_different_knowledge_does_not_match(a, b):
    assert Links().how(a, b) is None


def test_every_vocabulary_term_belongs_to_exactly_one_concept():
    """An ambiguous term would merge two concepts; the list must stay unambiguous."""
    for key, terms in CONCEPTS:
        for term in terms:
            assert concepts_of(term) == {key}, (term, concepts_of(term))


def test_the_facilitators_verdicts_overrule_and_add():
    links = Links({("werkdruk", "workload"): True, ("communicatie", "kommunicatie"): False})
    assert links.how("Werkdruk", "workloads") == CONFIRMED
    assert links.how("kommunicatie", "Communicatie") is None
    assert links.how("Excel", "excel") == SAME_WORDS  # the same words always match


def test_bilingual_course_finds_its_offers():
    """The issue's course: needs in one language, offers in the other."""
    drawings = [drawing(owner="an", needs=("wound care", "cultuursensitieve zorg", "medicatiebeheer")),
                drawing(owner="bo", offers=("wondzorg", "medication management")),
                drawing(owner="cy", offers=("culturally sensitive care",))]
    found = {m.need: [(o.sub, o.how) for o in m.offers]
             for m in match_needs(drawings, {"an", "bo", "cy"}, Links().how)["an"]}
    assert found == {"wound care": [("bo", VOCABULARY)], "cultuursensitieve zorg": [("cy", VOCABULARY)],
                     "medicatiebeheer": [("bo", VOCABULARY)]}
    # Without the links, only identical words would match: nobody.
    assert all(not m.offers for m in match_needs(drawings, {"an", "bo", "cy"})["an"])


def test_facilitator_confirms_splits_and_links(course, db):
    a, b, c = course.learner(), course.learner(), course.learner()
    course.post(a, "/knowledge", offer_tags="x", need_tags="wound care, werkdruk, kommunicatie")
    course.post(b, "/knowledge", offer_tags="wondzorg, communicatie", need_tags="y", suggest_consent="y")
    course.post(c, "/knowledge", offer_tags="workload", need_tags="z", suggest_consent="y")
    page = course.page(course.facilitator, "/matches")
    pairs = re.findall(r'name="first" value="([^"]+)"><input type="hidden" name="second" value="([^"]+)">', page)
    assert ("wound care", "wondzorg") in pairs and ("kommunicatie", "communicatie") in pairs
    assert "translation or synonym" in page and "spelling variant" in page
    assert "(offers “wondzorg”)" in page

    def verdict(first, second, value):
        return course.client.post(course.url + "/tag-links", data=course.facilitator.form(
            first=first, second=second, verdict=value, moment="start"))

    assert verdict("kommunicatie", "communicatie", "different").status_code == 303
    assert verdict("werkdruk", "Workload", "same").status_code == 303
    stored = {(t.tag_a, t.tag_b, t.same) for t in db.session.query(TagLink)}
    assert stored == {("communicatie", "kommunicatie", False), ("werkdruk", "workload", True)}
    mine = course.page(a, "/knowledge")
    assert b.user.name in mine and c.user.name in mine  # wondzorg (b) and the confirmed workload (c)
    page = course.page(course.facilitator, "/matches")
    assert "confirmed by you" in page and "(offers “communicatie”)" not in page
    # Taking a verdict back, and bad input.
    assert verdict("kommunicatie", "communicatie", "forget").status_code == 303
    assert verdict("same", "Same", "same").status_code == 400
    assert verdict("a" * 61, "b", "same").status_code == 400
    assert verdict("a", "b", "merge").status_code == 400
    assert course.client.post(course.url + "/tag-links", data=a.form(
        first="x", second="y", verdict="same")).status_code == 403
