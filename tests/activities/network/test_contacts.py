"""Adding, editing and removing contacts in the list view: validation, duplicates, the limit."""
from activities.network.models import Contact
from activities.network.settings import MAX_CONTACTS
from tests.activities.network.conftest import text


def test_add_by_hand_with_ring_and_relations(course):
    me = course.learner()
    response = course.add(me, "An P.", role="Teamleader", location="other_department", ring="2",
                          relations=["asked", "gave"])
    assert response.status_code == 303
    [contact] = course.drawing(me).contacts
    assert (contact.label, contact.role, contact.location, contact.ring) == ("An P.", "Teamleader",
                                                                            "other_department", 2)
    assert sorted(contact.relations) == ["asked", "gave"]
    assert contact.member_sub is None
    page = course.page(me, "/contacts")
    assert "An P." in page and "initials or a pseudonym are enough" in page


def test_missing_name_and_place_give_form_errors(course):
    me = course.learner()
    response = course.add(me, "", location="")
    assert response.status_code == 400
    body = text(response)
    assert "Please check your answers" in body
    assert "Write a name, initials or a pseudonym." in body
    assert "Choose where this person is." in body
    assert course.drawing(me) is None


def test_bad_choices_are_form_errors_not_500(course):
    me = course.learner()
    response = course.add(me, "X", location="the moon", ring="9", relations=["hugged"])
    assert response.status_code == 400
    body = text(response)
    assert "Choose one of the places in the list." in body
    assert "Choose one of the rings." in body
    assert "Choose relations from the list." in body
    long_name = course.add(me, "x" * 500)
    assert long_name.status_code == 400 and "under 120 characters" in text(long_name)


def test_duplicates_are_caught_and_explained(course):
    me = course.learner()
    assert course.add(me, "Jan Peeters", location="customer").status_code == 303
    response = course.add(me, "  jan   PEETERS ", location="supplier")
    assert response.status_code == 400
    body = text(response)
    assert "You already have “Jan Peeters” in your network (Customer)" in body
    assert "add something that tells them apart" in body
    assert len(course.drawing(me).contacts) == 1
    # Accents do not make a different person either.
    assert course.add(me, "Jän Peeters").status_code == 400


def test_duplicate_label_when_renaming(course):
    me = course.learner()
    course.add(me, "A.B.")
    course.add(me, "C.D.")
    key = [c.key for c in course.drawing(me).contacts if c.label == "C.D."][0]
    response = course.post(me, f"/contacts/{key}", label="a.b.", location="my_team", ring="1")
    assert response.status_code == 400
    assert "You already have “A.B.”" in text(response)


def test_limit_of_150_contacts(course, db):
    me = course.learner()
    course.add(me, "First")
    drawing = course.drawing(me)
    for n in range(MAX_CONTACTS - 1):
        drawing.contacts.append(Contact(key=f"k{n:05d}", label=f"P{n}", label_norm=f"p{n}", relations=[]))
    db.session.commit()
    response = course.add(me, "One too many")
    assert response.status_code == 400
    assert "at most 150 contacts" in text(response)
    assert len(course.drawing(me).contacts) == MAX_CONTACTS


def test_members_from_the_course_list_are_linked_by_sub(course):
    me = course.learner()
    classmate = course.learner()
    page = course.page(me, "/contacts")
    assert classmate.user.name in page and "Add classmates" in page
    response = course.post(me, "/contacts/members", members=[classmate.user.sub])
    assert response.status_code == 303
    [contact] = course.drawing(me).contacts
    assert contact.member_sub == classmate.user.sub and contact.label == classmate.user.name
    # Once added, the classmate is no longer offered, and a second add is refused.
    assert course.post(me, "/contacts/members", members=[classmate.user.sub]).status_code == 400


def test_a_sub_outside_the_course_cannot_be_added(course, launches):
    me = course.learner()
    stranger = launches.user(sub="someone-else")
    response = course.post(me, "/contacts/members", members=[stranger.sub])
    assert response.status_code == 400
    assert course.drawing(me) is None


def test_edit_contact_three_questions_and_ties(course):
    me = course.learner()
    for label in ("A.", "B.", "C."):
        course.add(me, label)
    keys = {c.label: c.key for c in course.drawing(me).contacts}
    response = course.post(me, f"/contacts/{keys['A.']}", label="A.", location="customer", ring="3",
                           relations=["advice"], knows="Excel, planning; Excel", access="Mail her",
                           cost_effort="4", cost_note="Time", knows_contacts=[keys["B."], keys["C."]])
    assert response.status_code == 303, text(response)[:3000]
    drawing = course.drawing(me)
    a = next(c for c in drawing.contacts if c.key == keys["A."])
    assert (a.ring, a.relations, a.knows, a.access, a.cost_effort, a.cost_note) == (
        3, ["advice"], ["Excel", "planning"], "Mail her", 4, "Time")
    assert len(drawing.ties) == 2
    # Unticking removes the tie again.
    course.post(me, f"/contacts/{keys['A.']}", label="A.", location="customer", ring="3",
                knows_contacts=[keys["B."]])
    assert len(course.drawing(me).ties) == 1


def test_required_questions(make_course):
    course = make_course(questions_required=True)
    me = course.learner()
    course.add(me, "A.")
    key = course.drawing(me).contacts[0].key
    response = course.post(me, f"/contacts/{key}", label="A.", location="my_team", ring="1", relations=["asked"])
    assert response.status_code == 400
    body = text(response)
    assert "Name at least one thing this person knows." in body
    assert "Choose how much effort it would cost you." in body


def test_bulk_list_sets_rings_and_relations(course):
    me = course.learner()
    course.add(me, "A.", ring="0", relations=[])
    course.add(me, "B.", ring="0", relations=[])
    keys = [c.key for c in course.drawing(me).contacts]
    fields = {"contact": keys, f"ring-{keys[0]}": "1", f"rel-{keys[0]}": ["asked", "gave"],
              f"ring-{keys[1]}": "3"}
    assert course.post(me, "/contacts/bulk", **fields).status_code == 303
    drawing = course.drawing(me)
    assert [(c.ring, sorted(c.relations)) for c in drawing.contacts] == [(1, ["asked", "gave"]), (3, [])]
    bad = course.post(me, "/contacts/bulk", contact=keys, **{f"ring-{keys[0]}": "7"})
    assert bad.status_code == 400


def test_delete_contact_removes_its_ties(course):
    me = course.learner()
    course.add(me, "A.")
    course.add(me, "B.")
    a, b = [c.key for c in course.drawing(me).contacts]
    course.post(me, f"/contacts/{a}", label="A.", location="my_team", ring="1", knows_contacts=[b])
    assert len(course.drawing(me).ties) == 1
    assert course.post(me, f"/contacts/{a}/delete").status_code == 303
    drawing = course.drawing(me)
    assert [c.label for c in drawing.contacts] == ["B."] and not drawing.ties
