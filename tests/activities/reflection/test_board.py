"""The group board: aggregation by theme, trust medians and gaps, reveal, and the minimum group size."""
import re

import pytest

from activities.reflection import board as boards
from activities.reflection.settings import load
from activities.reflection.stats import Stat, TrustRow, biggest_gap
from tests.activities.reflection.conftest import GROUP_KEYS, PARTS, action, factors, sharing, situations, trust


@pytest.fixture(autouse=True)
def english(app):
    """The board's labels read in English here, as the facilitator of these rooms reads them."""
    with app.test_request_context(headers={"Accept-Language": "en"}):
        yield


def _build(room, viewer=None, facilitator=False, language="en"):
    return boards.build(room.instance, load(room.instance.settings), language, viewer=viewer, facilitator=facilitator)


def _themes(board):
    return {t.label: (t.brake_count, t.engine_count) for t in board.sections["factors"].items}


def _section(page, anchor):
    return page.split(f'id="{anchor}"', 1)[1].split("</section>", 1)[0]


def test_stats_median_distribution_and_gap():
    given, received = Stat([7, 8, 6, 9, 7], 5), Stat([3, 4, 5, 4, 2, 6], 5)
    assert given.median == 7 and received.median == 4
    assert given.counts == [0, 0, 0, 0, 0, 1, 2, 1, 1, 0]
    assert given.heights == [0, 0, 0, 0, 0, 50, 100, 50, 50, 0]
    row = TrustRow("leadership", "Leadership", given, received)
    assert row.shown and row.gap == 3 and row.highlighted
    assert Stat([5, 6], 5).median == 5.5 and not Stat([5, 6], 5).enough
    small = TrustRow("team", "Team", Stat([7] * 4, 5), Stat([6] * 5, 5))
    assert small.gap is None and not small.highlighted
    close = TrustRow("customers", "Customers", Stat([7] * 5, 5), Stat([6] * 5, 5))
    assert close.gap == 1 and not close.highlighted
    assert biggest_gap([close, row, small]) is row and biggest_gap([close]) is None
    withheld = given.count_only()
    assert withheld.n == 5 and withheld.values == [] and withheld.median is None


def test_brakes_and_engines_are_grouped_by_tag_and_counted_per_person(room):
    room.crowd(2, factors=factors(brake_tags=["time", "hierarchy"], engine_tags=["trust"]))
    room.crowd(2, factors=factors(brake_tags=["time"], engine_tags=["trust", "time"], brake_own="Werkdruk"))
    room.crowd(1, factors=factors(brake_tags=[], engine_tags=[], brake_own="werkdruk", engine_text="Koffie"))
    themes = _themes(_build(room, facilitator=True))
    assert themes == {"Time": (4, 2), "Trust": (0, 4), "Werkdruk": (3, 0), "Hierarchy": (2, 0), "Not tagged": (0, 1)}
    items = _build(room, facilitator=True).sections["factors"].items
    assert [t.label for t in items][:2] == ["Time", "Trust"] and items[-1].label == "Not tagged"


def test_only_shared_texts_become_quotes_under_each_of_their_themes(room):
    room.crowd(4, factors=factors(brake_tags=["time", "culture"], brake_text="Privé rem", engine_text="Privé motor"))
    room.crowd(1, factors=factors(brake_tags=["time", "culture"], brake_text="Gedeelde rem", engine_text="Motor",
                                  shared=True))
    board = _build(room, viewer=None)
    themes = {t.label: t for t in board.sections["factors"].items}
    for label in ("Time", "Culture"):
        assert [q.lines for q in themes[label].brake_quotes] == [[(None, "Gedeelde rem")]]
    assert [q.lines for q in themes["Trust"].engine_quotes] == [[(None, "Motor")]]
    room.control("reveal")
    page = room.board(room.learner())
    assert "Gedeelde rem" in page and "Privé" not in page


def test_learner_sees_nothing_with_four_and_the_board_with_five(room):
    answered = room.crowd(4, factors=factors(shared=True), trust=trust(shared=True), action=action(shared=True))
    room.control("reveal")
    for handle in answered + [room.learner()]:
        page = room.board(handle)
        assert "The board opens when at least 5 people have answered (now 4)." in page
        for text in ("Hinders and drivers", "Geen tijd.", "median", "Omdat het zo is.", "Elke week", "refl-theme"):
            assert text not in page.split("<main", 1)[1], text
    board = _build(room, viewer=answered[0].user.id)
    assert not board.enough and board.sections == {}
    assert "The board opens when at least 5 people have answered (now 4)." in room.page(answered[0])

    answered += room.crowd(1, factors=factors(shared=True), trust=trust(shared=True), action=action(shared=True))
    page = room.board(answered[0])
    assert "The board opens" not in page
    themes = _section(page, "themes")
    assert "Time" in themes and "Geen tijd." in themes
    assert re.search(r"Hinders: </span>5</span>", themes)
    trust_html = _section(page, "trust")
    assert "median of 5 scores" in trust_html and "Omdat het zo is." in trust_html
    assert "Elke week iemand van een andere afdeling iets vragen." in _section(page, "actions")
    assert "See the group board" in room.page(answered[0])


def test_each_section_needs_the_minimum_group_size_of_its_own(room):
    room.crowd(5, parts=["situations", "action"])
    room.crowd(2, parts=["factors", "trust"], factors=factors(shared=True))
    room.control("reveal")
    page = room.board(room.learner())
    for anchor in ("themes", "trust"):
        section = _section(page, anchor)
        assert "Fewer than 5 people have answered this part (now 2)" in section
        assert "Geen tijd." not in section and "refl-theme__row" not in section and "median of" not in section
    assert "Colleagues in my team" in _section(page, "situations")


def test_a_group_scored_by_too_few_stays_hidden(make_room):
    room = make_room(min_group_size=3)
    na = {f"na_{key}": "y" for key in GROUP_KEYS[1:]}
    learners = room.crowd(2, trust=dict(trust(keys=GROUP_KEYS[:1]), **na))
    learners += room.crowd(1, trust=trust(given=9, received=2, shared=True))
    board = _build(room, viewer=learners[-1].user.id)
    rows = {r.key: r for r in board.sections["trust"].items}
    assert rows["team"].shown and rows["team"].given.median == 7
    assert not rows["leadership"].shown and rows["leadership"].given.values == [] and rows["leadership"].quotes == []
    assert rows["leadership"].given.n == 1 and rows["leadership"].mine_given == 9
    room.control("reveal")
    section = _section(room.board(learners[-1]), "trust")
    assert "Fewer than 3 people scored this group" in section and "Your scores: gave 9, received 2." in section


def test_trust_shows_medians_the_gap_and_where_the_learner_stands(room):
    scores = [(8, 3), (7, 4), (7, 2), (6, 5), (9, 4)]
    learners = []
    for given, received in scores:
        learners += room.crowd(1, trust=trust(scores={"leadership": (given, received)}, given=7, received=7))
    board = _build(room, viewer=learners[0].user.id)
    rows = {r.key: r for r in board.sections["trust"].items}
    leadership = rows["leadership"]
    assert (leadership.given.median, leadership.received.median, leadership.gap) == (7, 4, 3)
    assert leadership.given.counts == [0, 0, 0, 0, 0, 1, 2, 1, 1, 0]
    assert (leadership.mine_given, leadership.mine_received) == (8, 3)
    assert board.biggest_gap is leadership and not rows["team"].highlighted
    room.control("reveal")
    page = room.board(learners[0])
    section = _section(page, "trust")
    assert "The biggest gap is with Leadership: a median of 7 given and 4 received." in section
    assert "3 more given than received" in section and "gave 8, received 3" in section
    assert section.count("refl-trust__row--gap") == 1
    # The spread has a text equivalent: a table per group.
    assert "Number of people per score, Leadership" in section
    assert "<td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td><td>2</td><td>1</td><td>1</td><td>0</td>" in section


def test_medians_use_the_page_language(room):
    room.crowd(2, trust=trust(given=6, received=5))
    room.crowd(2, trust=trust(given=7, received=5))
    room.crowd(1, parts=["action"])
    room.crowd(1, trust=trust(given=7, received=5))
    room.control("reveal")
    assert ">6,5</strong>" not in room.board(room.learner(locale="en"))
    dutch = room.board(room.learner(locale="nl"))
    assert ">7</strong>" in dutch
    room.crowd(1, trust=trust(given=6, received=5))
    assert ">6,5</strong>" in room.board(room.learner(locale="nl"))
    assert ">6.5</strong>" in room.board(room.learner(locale="en"))


def test_situations_are_counted_per_group_and_kind(room):
    room.crowd(3, situations=situations(with_whom="team", hard_with="leadership"))
    room.crowd(2, situations=situations(with_whom="customers", hard_with="leadership", shared=True))
    items = _build(room, facilitator=True).sections["situations"].items
    assert items == [("Colleagues in my team", 3, 0), ("Leadership", 0, 5), ("Customers", 2, 0)]
    assert len(_build(room).sections["situations"].quotes) == 4


def test_reveal_and_hide(room):
    learners = room.crowd(5)
    assert "has not opened the board yet" in room.board(learners[0])
    assert "Your facilitator opens the board during the session." in room.page(learners[0])
    assert room.control("reveal").status_code == 303
    assert "Hinders and drivers" in room.board(learners[0])
    assert room.control("hide").status_code == 303
    assert "Hinders and drivers" not in room.board(learners[0])
    assert room.client.post(f"{room.url}/control", data=room.facilitator.form(action="burn")).status_code == 400


def test_facilitator_sees_the_board_below_the_group_size_with_a_warning(room):
    room.crowd(2, factors=factors(shared=True))
    page = room.board(room.facilitator)
    assert "Learners see nothing yet: fewer than 5 people have answered (now 2)." in page
    assert "Geen tijd." in page and "Edit the themes" in page


def test_the_board_never_names_anyone(room, launches):
    named = [launches.user(name=f"Naam{i} Achternaam{i}") for i in range(5)]
    handles = [room.learner(user=user) for user in named]
    for handle in handles:
        room.answer(handle, PARTS, factors=factors(shared=True), trust=trust(shared=True),
                    sharing=sharing(shared=True), action=action(shared=True), situations=situations(shared=True))
    room.control("reveal")
    for page in (room.board(handles[0]), room.board(room.facilitator)):
        for user in named:
            assert user.name not in page and user.sub not in page
