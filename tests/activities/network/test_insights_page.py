"""The insights page speaks plain language first and keeps the research measure as a detail."""
import re

from tests.activities.network.conftest import text


def _article(page, key):
    return page.split(f'aria-labelledby="insight-{key}"', 1)[1].split("</article>", 1)[0]


def test_plain_words_first_the_measure_folded_away(course):
    me = course.learner()
    for label in ("A.B.", "C.D.", "E.F."):
        course.add(me, label, relations=["asked"])
    page = course.page(me, "/insights")
    titles = re.findall(r'<h2 id="insight-\w+">([^<]+)</h2>', page)
    assert "Different sources of knowledge" in titles and "How close-knit your network is" in titles
    assert not {"Effective size", "Constraint", "Diversity"} & set(titles)
    closeness = _article(page, "constraint")
    # Three contacts who do not know each other: constraint 1/3, an open network, told in words.
    assert "Your network is open" in closeness
    assert "Something to try:" in closeness
    summary, detail = closeness.split("<details", 1)
    assert "0.33" not in summary and "Constraint" not in summary
    assert "Constraint" in detail and "0.33" in detail


def test_dutch_learners_read_dutch_and_dutch_numbers(course):
    me = course.learner(locale="nl")
    for label in ("A.B.", "C.D.", "E.F."):
        course.add(me, label, relations=["asked"])
    closeness = text(course.get(me, "/insights"))
    assert "0,33" in closeness and "0.33" not in closeness
    assert "Iets om te proberen:" in closeness
