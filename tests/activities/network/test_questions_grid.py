"""Everyone at once: several people added in one go, and the three questions answered for all on one screen."""
from tests.activities.network.conftest import text


def _keys(course, me):
    return {c.label: c.key for c in course.drawing(me).contacts}


def test_several_people_are_added_in_one_go_in_one_place(course):
    me = course.learner()
    response = course.post(me, "/questions/people", names="Sofie\n  Familie   D. \n\nsofie\nMohamed", place="customer")
    assert response.status_code == 303 and "/questions" in response.headers["Location"]
    found = {c.label: c.location for c in course.drawing(me).contacts}
    assert found == {"Sofie": "customer", "Familie D.": "customer", "Mohamed": "customer"}  # "sofie" twice: once


def test_adding_several_without_a_place_keeps_the_names(course):
    me = course.learner()
    response = course.post(me, "/questions/people", names="Sofie\nMohamed", place="")
    page = text(response)
    assert response.status_code == 400 and "Choose where these people are." in page
    assert "Sofie\nMohamed</textarea>" in page
    assert course.drawing(me) is None or not course.drawing(me).contacts


def test_a_name_already_in_the_network_refuses_the_whole_batch(course):
    me = course.learner()
    course.add(me, "Sofie")
    response = course.post(me, "/questions/people", names="Mohamed\nSofie", place="my_team")
    assert response.status_code == 400
    assert [c.label for c in course.drawing(me).contacts] == ["Sofie"]  # nothing half-added


def test_the_grid_saves_every_contacts_answers_at_once(course):
    me = course.learner()
    course.add(me, "Sofie")
    course.add(me, "Mohamed", location="customer")
    keys = _keys(course, me)
    fields = {f"q-{keys['Sofie']}-knows": "wondzorg, dementie", f"q-{keys['Sofie']}-access": "Even bellen",
              f"q-{keys['Sofie']}-cost_effort": "2", f"q-{keys['Sofie']}-cost_note": "Een koffie",
              f"q-{keys['Mohamed']}-knows": "planning", f"q-{keys['Mohamed']}-cost_effort": ""}
    response = course.post(me, "/questions", **fields)
    assert response.status_code == 303
    saved = {c.label: (c.knows, c.access, c.cost_effort, c.cost_note) for c in course.drawing(me).contacts}
    assert saved == {"Sofie": (["wondzorg", "dementie"], "Even bellen", 2, "Een koffie"),
                     "Mohamed": (["planning"], "", None, "")}
    page = course.page(me, "/questions")
    assert 'value="wondzorg, dementie"' in page and ">\r\nEven bellen</textarea>" in page
    assert '<option value="2" selected>' in page


def test_a_bad_row_saves_nothing_and_says_which_person(course):
    me = course.learner()
    course.add(me, "Sofie")
    course.add(me, "Mohamed")
    keys = _keys(course, me)
    response = course.post(me, "/questions", **{f"q-{keys['Sofie']}-knows": "wondzorg",
                                                 f"q-{keys['Mohamed']}-cost_effort": "9"})
    page = text(response)
    assert response.status_code == 400 and "Choose an effort from 1 to 5." in page
    assert f'href="#q-{keys["Mohamed"]}-cost_effort"' in page
    assert all(not c.knows for c in course.drawing(me).contacts)


def test_required_questions_are_asked_only_for_contacts_that_count(make_course):
    course = make_course(questions_required=True)
    me = course.learner()
    course.add(me, "Sofie", ring="1", relations=["asked"])   # counts: questions required
    course.add(me, "Mohamed", ring="0", relations=[])         # not placed: no questions needed
    keys = _keys(course, me)
    response = course.post(me, "/questions")
    page = text(response)
    assert response.status_code == 400
    assert f'href="#q-{keys["Sofie"]}-knows"' in page and f'href="#q-{keys["Mohamed"]}-knows"' not in page


def test_a_stale_grid_is_refused_without_saving(course):
    me = course.learner()
    course.add(me, "Sofie")
    key = _keys(course, me)["Sofie"]
    old = course.version(me)
    course.add(me, "Mohamed")
    response = course.post(me, "/questions", version=old, **{f"q-{key}-knows": "wondzorg"})
    assert response.status_code == 409 and not course.drawing(me).contacts[0].knows
