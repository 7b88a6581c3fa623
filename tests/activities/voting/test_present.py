"""The voting wall says the truth: counts while voting, no result before sharing, the minimum group size,
how people moved between rounds and why, and never a name."""
from sqlalchemy import select

from activities.voting.models import Vote
from lti_tool.extensions import db
from tests.activities.voting.conftest import KEYS, answers
from tests.support.html import soup, texts


def wall(room):
    """The present view's page (HTML) as the wall in the room sees it, opened by the facilitator."""
    response = room.client.post(f"/present/open/{room.instance.id}", data=room.facilitator.form())
    path = response.headers["Location"].partition("#")[0]
    page = room.client.get(path)
    assert page.status_code == 200
    return page.get_data(as_text=True), path


def test_counts_but_no_results_before_sharing(room):
    room.crowd(3, "agree", "Geheime reden")
    html, _path = wall(room)
    assert texts(html, ".wall-status__count") == ["3 of 3 have voted"]
    assert texts(html, ".wall-statement__votes")[0] == "3 votes"
    assert "Geheime reden" not in html and not soup(html).select(".dist")
    assert "The results appear when the facilitator shares them." in html


def test_after_sharing_results_show_only_above_the_minimum_group(make_room):
    room = make_room(min_group_size=3)
    room.crowd(2, "agree")
    room.control("reveal")
    html, _path = wall(room)
    assert "Too few votes to show the results: at least 3 are needed." in html and not soup(html).select(".dist")
    room.crowd(1, "disagree")
    html, _path = wall(room)
    first = soup(html).select(".wall-statement")[0]
    assert [" ".join(row.get_text(" ").split()) for row in first.select(".dist__row")] == [
        "Agree 2 votes · 67%", "Disagree 1 vote · 33%"]


def test_the_opinion_shift_counts_movers_and_shows_their_reasons(make_room):
    room = make_room(min_group_size=3)
    people = [room.learner() for _ in range(4)]
    first = ["agree", "agree", "agree", "disagree"]
    for handle, choice in zip(people, first):
        assert room.vote(handle, **answers(choice, "Eerst zo.")).status_code == 303
    room.control("new_round")
    later = [("disagree", "Het gesprek overtuigde me."), ("agree", "Eerst zo."), ("agree", "Eerst zo."),
             ("agree", "Nu toch eens.")]
    for handle, (choice, reason) in zip(people, later):
        assert room.vote(handle, **answers(choice, reason, round_number=2)).status_code == 303
    room.control("reveal")
    html, _path = wall(room)
    statement = soup(html).select(".wall-statement")[0]
    moves = [" ".join(li.get_text(" ").split()) for li in statement.select(".shift-summary__moves li")]
    assert sorted(moves) == ["Agree → to Disagree 1 person", "Disagree → to Agree 1 person"]
    legend = [" ".join(row.get_text(" ").split()) for row in statement.select(".shift-chart__row")]
    assert legend == ["Round 1 Agree 3 Disagree 1", "Round 2 Agree 3 Disagree 1"]
    # The bars count the people in both rounds, not each round's voters, and say so.
    assert statement.select_one(".shift-chart__who").get_text(" ", strip=True) == \
        "Where the 4 people who voted in both rounds stood"
    reasons = sorted(" ".join(li.get_text(" ").split()) for li in statement.select(".wall-reasons li"))
    # Only those who changed their mind, with the reason they gave in the later round.
    assert reasons == ["Agree → Disagree Het gesprek overtuigde me.", "Disagree → Agree Nu toch eens."]


def test_too_few_in_both_rounds_hides_the_movers_and_their_reasons(make_room):
    room = make_room(min_group_size=3)
    people = [room.learner() for _ in range(3)]
    for handle in people:
        room.vote(handle, **answers("agree"))
    room.control("new_round")
    room.vote(people[0], **answers("disagree", "Ik twijfel nu.", round_number=2))
    room.vote(people[1], **answers("agree", round_number=2))
    room.vote(room.learner(), **answers("agree", round_number=2))  # three in round 2, two of them in both
    room.control("reveal")
    html, _path = wall(room)
    assert "Ik twijfel nu." not in html and not soup(html).select(".shift-chart, .wall-reasons")
    assert "Only 2 people voted in both rounds: too few to show how people changed position." in " ".join(html.split())


def test_the_wall_never_shows_a_name(room):
    handles = room.crowd(5, "agree", "Goed idee")
    room.control("reveal")
    html, _path = wall(room)
    names = {handle.user.name for handle in handles} | {handle.user.sub for handle in handles}
    assert names and not any(name and name in html for name in names)
    assert db.session.execute(select(Vote).where(Vote.activity_instance_id == room.instance.id)).first()


def test_the_wall_speaks_the_facilitators_language(make_room, launches):
    room = make_room()
    room.facilitator = launches.instructor(room.instance, locale="nl-BE")
    room.crowd(1)
    html, _path = wall(room)
    assert texts(html, ".wall-status__count") == ["1 van 1 heeft gestemd"]
    assert soup(html).html["lang"] == "nl" and "Sneltoetsen" in html


def test_shortcuts_from_the_wall_change_the_session(room):
    from activities.voting.service import state_for

    response = room.client.post(f"/present/open/{room.instance.id}", data=room.facilitator.form())
    path, _, key = response.headers["Location"].partition("#control=")
    for action, check in (("toggle_open", lambda s: not s.is_open), ("toggle_open", lambda s: s.is_open),
                          ("toggle_reveal", lambda s: s.revealed), ("new_round", lambda s: s.current_round == 2)):
        reply = room.client.post(f"{path}/control", data={"action": action}, headers={"X-Present-Control": key})
        assert reply.status_code == 200 and reply.get_json()["changed"]
        db.session.expire_all()
        assert check(state_for(room.instance)), action
    assert KEYS


def test_a_paced_wall_follows_the_facilitator_and_times_the_vote(make_room):
    from activities.voting.service import state_for

    room = make_room(min_group_size=3)
    response = room.client.post(f"/present/open/{room.instance.id}", data=room.facilitator.form())
    path, _, key = response.headers["Location"].partition("#control=")

    def shortcut(action):
        reply = room.client.post(f"{path}/control", data={"action": action}, headers={"X-Present-Control": key})
        assert reply.status_code == 200
        db.session.expire_all()
        return reply.get_json()["changed"]

    room.control("pace_one")
    for _ in range(3):
        vote = answers("agree", "Eerste stelling.", keys=KEYS[:1])
        assert room.vote(room.learner(), statement=KEYS[0], **vote).status_code == 303
    assert shortcut("toggle_timer")
    html = room.client.get(path).get_data(as_text=True)
    page = soup(html)
    # Only the statements reached so far are on the wall, and the countdown with them.
    assert [s["data-statement"] for s in page.select(".wall-statement")] == ["1"]
    assert page.select_one("[data-current]")["data-current"] == "1"
    assert 58 <= int(page.select_one(".wall-status__timer [data-closes-in]")["data-closes-in"]) <= 60
    assert shortcut("next_statement") and state_for(room.instance).current_statement == KEYS[1]
    page = soup(room.client.get(path).get_data(as_text=True))
    assert [s["data-statement"] for s in page.select(".wall-statement")] == ["1", "2"]
    # Statement 1 was discussed: its result is the group's now; statement 2 is being voted on, nothing shown.
    first, second = page.select(".wall-statement")
    assert [" ".join(r.get_text(" ").split()) for r in first.select(".dist__row")] == [
        "Agree 3 votes · 100%", "Disagree 0 votes · 0%"]
    assert not second.select(".dist") and "Eerste stelling." not in str(second)
    assert not page.select(".wall-status__timer")  # moving on stops the countdown
    assert shortcut("previous_statement") and state_for(room.instance).current_statement == KEYS[0]
    assert not shortcut("previous_statement")
