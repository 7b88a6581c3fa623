"""Moments: the facilitator opens the next one; learners start from a copy and see the change."""
from activities.network import service
from tests.activities.network.conftest import text


def _build_start(course, me):
    course.add(me, "A.", ring="1", relations=["asked"])
    course.add(me, "B.", ring="2", relations=["gave"])
    a, b = [c.key for c in course.drawing(me).contacts]
    course.post(me, f"/contacts/{a}", label="A.", location="my_team", ring="1", relations=["asked"],
                knowledge="x", knows_contacts=[b])
    course.post(me, "/knowledge", offer_tags="Excel", need_tags="Planning", suggest_consent="y")
    course.post(me, "/reflection", reflection_hard="Tijd", reflection_plan="Vragen")
    return a, b


def test_open_next_moment_and_copy(course):
    me = course.learner()
    a, b = _build_start(course, me)
    assert course.open_moment().status_code == 303
    page = course.page(me)
    assert "Start from my earlier drawing" in page
    response = course.client.post(course.url + "/start", data=me.form(mode="copy"))
    assert response.status_code == 303
    end = course.drawing(me, "end")
    start = course.drawing(me, "start")
    assert [c.key for c in end.contacts] == [a, b]  # stable keys across moments
    assert {c.id for c in end.contacts}.isdisjoint({c.id for c in start.contacts})
    assert len(end.ties) == 1 and end.offer_tags == ["Excel"] and end.need_tags == ["Planning"]
    assert end.reflection_hard == "" and end.version == 1  # the reflection is asked anew


def test_first_save_at_a_later_moment_copies_too(course):
    me = course.learner()
    _build_start(course, me)
    course.open_moment()
    assert course.add(me, "C.", version=0).status_code == 303
    assert [c.label for c in course.drawing(me, "end").contacts] == ["A.", "B.", "C."]
    assert [c.label for c in course.drawing(me, "start").contacts] == ["A.", "B."]


def test_earlier_moment_is_read_only(course):
    me = course.learner()
    a, _b = _build_start(course, me)
    course.open_moment()
    page = course.page(me, "/contacts", moment="start")
    assert "It can no longer change" in page and "Add a person" not in page
    assert course.page(me, f"/contacts/{a}", moment="start")
    # A form built for the start moment is refused once the end moment is open.
    stale = course.add(me, "Late", moment="start", version=course.drawing(me, "start").version)
    assert stale.status_code == 409 and "opened a new moment" in text(stale)
    assert "Late" not in [c.label for c in course.drawing(me, "start").contacts]


def test_future_moment_is_not_found(course):
    me = course.learner()
    assert course.get(me, "/drawing", moment="end").status_code == 404
    assert course.get(me, "/drawing", moment="nope").status_code == 404


def test_change_view(course):
    me = course.learner()
    a, b = _build_start(course, me)
    course.open_moment()
    course.client.post(course.url + "/start", data=me.form(mode="copy"))
    course.post(me, f"/contacts/{b}", label="B.", location="my_team", ring="1", relations=["gave", "advice"])
    course.post(me, f"/contacts/{a}/delete")
    course.add(me, "New person", location="supplier", ring="3")
    page = course.page(me, "/change")
    assert "Your measures side by side" in page
    assert "New person" in page
    assert "Became a strong tie" in page
    for label in ("Start of the programme", "End of the programme"):
        assert label in page


def test_stale_open_moment_is_harmless(course):
    course.open_moment()
    response = course.open_moment("end", current="start")  # a second click from an old page
    assert response.status_code == 303 and "done=stale" in response.headers["Location"]
    assert course.client.post(course.url + "/moments", data=course.facilitator.form(
        moment="later", current="end")).status_code == 400


def test_earlier_drawing_helper(course):
    from activities.network import settings as network_settings

    me = course.learner()
    _build_start(course, me)
    config = network_settings.load(course.instance.settings)
    assert service.earlier_drawing(course.instance, me.user.id, config, "end").moment_key == "start"
    assert service.earlier_drawing(course.instance, me.user.id, config, "start") is None


def test_opening_a_moment_needs_an_explicit_yes(course):
    """Opening the next moment cannot be undone, so the facilitator confirms it."""
    page = course.page(course.facilitator)
    assert 'name="confirm" value="1" required' in page and "cannot be undone" in page
    response = course.open_moment(confirm="")
    assert response.status_code == 303 and "done=confirm_open" in response.headers["Location"]
    assert "tick the box to confirm" in course.page(course.facilitator, done="confirm_open")
    from activities.network import moments
    from activities.network import settings as network_settings

    config = network_settings.load(course.instance.settings)
    assert moments.current_key(course.instance, config) == "start"  # still the first moment
    assert course.open_moment().status_code == 303
    assert moments.current_key(course.instance, config) == "end"
