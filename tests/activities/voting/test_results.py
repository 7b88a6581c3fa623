"""What learners see of the group: anonymous results only at the minimum group size, when allowed."""
import re

from activities.voting.content import DEFAULT_STATEMENTS
from activities.common.figures import percentages
from tests.activities.voting.conftest import KEYS, answers


def _statement_card(page, number):
    """The HTML of one statement card on the learner page."""
    return page.split(f'id="statement-{number}"', 1)[1].split("</article>", 1)[0]


def test_percentages_add_up_to_100():
    assert percentages([1, 1, 1]) == [34, 33, 33]
    assert percentages([2, 1]) == [67, 33]
    assert percentages([0, 0]) == [0, 0]
    assert sum(percentages([3, 5, 7, 2, 9])) == 100


def test_results_wait_for_the_minimum_group_size(room):
    first = room.learner()
    room.vote(first, **answers("agree", keys=KEYS[:1]))
    room.crowd(3, "disagree", keys=KEYS[:1])
    card = _statement_card(room.page(first), 1)
    assert "Results appear when at least 5 people have voted (now 4)." in card
    assert "Omdat het zo is." not in card.split('class="results"', 1)[1]  # no one else's reason
    assert 'class="dist ' not in card
    room.crowd(1, "disagree", "Kennis delen kost tijd.", keys=KEYS[:1])
    card = _statement_card(room.page(first), 1)
    assert "Results appear when" not in card
    assert "1 vote · 20%" in card and "4 votes · 80%" in card
    assert 'width="20"' in card and 'width="80"' in card  # bar widths as SVG attributes, no style=""
    assert "Kennis delen kost tijd." in card


def test_results_only_after_voting_on_that_statement(room):
    room.crowd(5, keys=KEYS[:1])
    newcomer = room.learner()
    card = _statement_card(room.page(newcomer), 1)
    assert "after you have voted on this statement" in card
    assert 'class="dist ' not in card and "Omdat" not in card


def test_reveal_mode_waits_for_the_facilitator(make_room):
    room = make_room(results_mode="after_reveal")
    voters = room.crowd(5, keys=KEYS[:1])
    card = _statement_card(room.page(voters[0]), 1)
    assert "when the facilitator shares the results" in card and 'class="dist ' not in card
    assert room.control("reveal").status_code == 303
    card = _statement_card(room.page(voters[0]), 1)
    assert "5 votes · 100%" in card
    # Shared results reach learners who have not voted yet as well.
    assert "5 votes · 100%" in _statement_card(room.page(room.learner()), 1)
    room.control("hide")
    assert 'class="dist ' not in _statement_card(room.page(voters[0]), 1)


def test_reveal_still_respects_the_minimum_group_size(make_room):
    room = make_room(results_mode="after_reveal", min_group_size=3)
    voters = room.crowd(2, keys=KEYS[:1])
    room.control("reveal")
    assert "Results appear when at least 3 people have voted (now 2)." in room.page(voters[0])


def test_learners_never_see_names(room, launches):
    named = [launches.user(name=f"Naam{i} Achternaam{i}") for i in range(6)]
    handles = [room.learner(user=user) for user in named]
    for handle in handles:
        room.vote(handle, **answers("agree", f"Reden van {handle.user.id}"))
    room.control("reveal")
    page = room.page(handles[0])
    for user in named:
        assert user.name not in page
        assert user.sub not in page
    assert "Reden van" in page  # reasons are there, without names


def test_five_point_scale(make_room):
    room = make_room(scale="five_point", min_group_size=3)
    learner = room.learner()
    page = room.page(learner)
    card = _statement_card(page, 1)
    assert [m for m in re.findall(r'value="([a-z_]+)"', card)] == [
        "strongly_disagree", "disagree", "neutral", "agree", "strongly_agree"]
    assert "Strongly disagree" in card and "Strongly agree" in card
    for choice in ("strongly_agree", "neutral", "strongly_disagree"):
        assert room.vote(room.learner(), **answers(choice, keys=KEYS[:1])).status_code == 303
    room.vote(learner, **answers("agree", keys=KEYS[:1]))
    card = _statement_card(room.page(learner), 1)
    assert "1 vote · 25%" in card and "0 votes · 0%" in card


def test_agree_disagree_refuses_five_point_answers(room):
    response = room.vote(room.learner(), **answers("strongly_agree", keys=KEYS[:1]))
    assert response.status_code == 400


def test_rounds_show_how_opinions_shifted(make_room):
    room = make_room(min_group_size=3)
    voters = room.crowd(3, "agree", keys=KEYS[:1])
    room.vote(voters[0], **answers("disagree", keys=KEYS[:1]))  # change before the round ends
    room.control("new_round")
    page = room.page(voters[1])
    assert "Round 2" in page
    assert "after you have voted on this statement" in _statement_card(page, 1)  # vote afresh first
    room.vote(voters[1], **answers("agree", keys=KEYS[:1], round_number=2))
    card = _statement_card(room.page(voters[1]), 1)
    assert "Results appear when at least 3 people have voted (now 1)." in card  # round 2 so far
    assert "Round 1" in card and "3 votes" in card  # round 1 stays visible meanwhile
    for handle in voters:
        room.vote(handle, **answers("disagree", "Na de discussie.", keys=KEYS[:1], round_number=2))
    card = _statement_card(room.page(voters[1]), 1)
    assert "How opinions shifted between rounds" in card
    assert "67% <span class=\"muted\">(2)</span>" in card  # agree in round 1
    assert "100% <span class=\"muted\">(3)</span>" in card  # disagree in round 2
    # The change counts people, among those who voted in both rounds: two moved from agree to disagree.
    assert "Change among people who voted in both rounds" in card
    assert "+2 people" in card and "−2 people" in card
    assert "3 people voted in both rounds." in card and "2 of them changed position:" in card
    moves = re.findall(r'<li><span class="tag tag--(\w+)">.*?tag--(\w+)">.*?</span> (\d+) (?:person|people)</li>', card)
    assert moves == [("agree", "disagree", "2")]


def test_a_learner_who_skips_a_round_is_not_a_change_of_mind(make_room):
    """Round 1: 4 agree, 2 disagree. Round 2: the same people vote the same, but one who agreed skips it.
    Percentages move (67% → 60%), yet nobody changed their mind: the change must say so."""
    room = make_room(min_group_size=3)
    agree = room.crowd(4, "agree", keys=KEYS[:1])
    disagree = room.crowd(2, "disagree", keys=KEYS[:1])
    room.control("new_round")
    for handle in agree[1:]:
        room.vote(handle, **answers("agree", keys=KEYS[:1], round_number=2))
    for handle in disagree:
        room.vote(handle, **answers("disagree", keys=KEYS[:1], round_number=2))
    for page in (room.page(agree[1]), room.page(room.facilitator)):
        card = page.split('How opinions shifted between rounds', 1)[1].split("</table>", 2)
        table, after = card[0], card[1]
        assert "67% <span class=\"muted\">(4)</span>" in table and "60% <span class=\"muted\">(3)</span>" in table
        assert "points" not in table and "people</td>" not in table and "person</td>" not in table
        assert table.count("no change") == 2
        assert "5 people voted in both rounds." in after and "Nobody changed position." in after
        assert re.search(r"Not counted in the change:\s+1 person voted only in round 1.\s+</p>", after)


def test_the_change_waits_for_enough_people_in_both_rounds(make_room):
    room = make_room(min_group_size=3)
    first = room.crowd(3, "agree", keys=KEYS[:1])
    room.control("new_round")
    room.vote(first[0], **answers("disagree", keys=KEYS[:1], round_number=2))
    room.crowd(2, "disagree", keys=KEYS[:1], round_number=2)
    page = room.page(room.facilitator)
    assert "Only 1 person voted in both rounds: too few to show how people changed position." in page
    assert "Change among people who voted in both rounds" not in page
    assert "changed position:" not in page


def test_statements_follow_the_launch_language(room):
    dutch = room.page(room.learner(locale="nl"))
    english = room.page(room.learner(locale="en-GB"))
    for statement in DEFAULT_STATEMENTS:
        assert statement["texts"]["nl"] in dutch and statement["texts"]["en"] not in dutch
        assert statement["texts"]["en"] in english and statement["texts"]["nl"] not in english
    assert '<html lang="nl">' in dutch and '<html lang="en">' in english


def test_custom_statements_show_as_written(make_room):
    room = make_room(statements=[{"key": "c_abc", "text": "Eigen stelling", "language": "nl"}])
    assert "Eigen stelling" in room.page(room.learner(locale="en"))


def test_pages_carry_no_inline_script_or_style(room):
    room.crowd(5)
    for handle in (room.learner(), room.facilitator):
        page = room.page(handle)
        assert "style=" not in page
        assert re.search(r"<script(?![^>]*\bsrc=)", page) is None


def _counted(app, room):
    from flask import g

    from activities.voting import results
    from activities.voting import settings as voting_settings

    with app.test_request_context():
        g.pop("live_versions", None)  # kept per request in `g`, which belongs to the test's app context here
        return results.tally(room.instance, voting_settings.load(room.instance.settings), 1)


def test_a_vote_on_one_statement_leaves_the_others_counts_as_they_were(app, make_room):
    room = make_room(min_group_size=3)
    voters = room.crowd(3, "agree", "Eerste reden")
    before = _counted(app, room)
    room.crowd(1, "disagree", "Andere reden", keys=[KEYS[1]])
    after = _counted(app, room)
    # The untouched statement's round is the same object (its shared page part is not rendered again) …
    assert after[KEYS[0]][0] is before[KEYS[0]][0]
    # … the voted one is counted anew, and says what happened.
    moved = after[KEYS[1]][0]
    assert moved.revision != before[KEYS[1]][0].revision and moved.total == 4
    assert [(s.choice, s.count) for s in moved.shares] == [("agree", 3), ("disagree", 1)]
    assert sorted(text for _choice, _label, text in moved.reasons) == ["Andere reden"] + ["Eerste reden"] * 3
    # A changed reason keeps the count the same and is still a change: votes are compared in full.
    assert room.vote(voters[0], **answers("agree", "Nieuwe reden", keys=[KEYS[0]])).status_code == 303
    changed = _counted(app, room)[KEYS[0]][0]
    assert changed.revision != before[KEYS[0]][0].revision and changed.total == 3
    assert sorted(text for _choice, _label, text in changed.reasons) == ["Eerste reden"] * 2 + ["Nieuwe reden"]
    shown = _statement_card(room.page(voters[1]), 1).split('class="results"', 1)[1]  # not their own form
    assert "Nieuwe reden" in shown and shown.count("Eerste reden") == 2
