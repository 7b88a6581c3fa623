"""Settings changes that would hide parts of drawings already made ask the facilitator first."""
import html

from activities.network import NetworkActivity


def _edit(course, app, confirm=False, **fields):
    with app.test_request_context(headers={"Accept-Language": "en"}):
        data = dict(NetworkActivity.form_data(course.instance.settings), title="Netwerktekening")
    data.update(fields)
    if confirm:
        data["confirm_changes"] = "1"
    return course.client.post(f"/setup/{course.instance.id}/network", data=course.facilitator.form(**data))


def _lines(app, course, name):
    with app.test_request_context(headers={"Accept-Language": "en"}):
        return NetworkActivity.form_data(course.instance.settings)[name].splitlines()


def test_removing_used_places_relations_and_rings_asks_first(course, app, db):
    me = course.learner()
    course.add(me, "A.B.", location="my_team", ring="3", relations=["asked"])
    course.add(me, "C.D.", location="customer", ring="1", relations=["asked", "gave"])
    places, relations, rings = (_lines(app, course, name) for name in ("locations", "relations", "rings"))
    response = _edit(course, app, locations="\n".join(p for p in places if p != "Customer"),
                     relations="\n".join(r for r in relations if not r.startswith("I asked")),
                     rings="\n".join(rings[:2]))
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 409
    assert "“Customer” is removed or renamed: 1 contact placed there loses that label." in page
    assert "“I asked them for help or information” is removed or renamed: it is no longer shown on 2 contacts." in page
    assert "With 2 rings, 1 contact on an outer ring shows as not placed yet." in page
    db.session.expire_all()
    assert len(db.session.get(type(course.instance), course.instance.id).settings["rings"]) == 3


def test_unused_choices_change_at_once(course, app):
    course.add(course.learner(), "A.B.", location="my_team", ring="1", relations=["asked"])
    places = _lines(app, course, "locations")
    assert _edit(course, app, locations="\n".join(p for p in places if p != "Supplier")).status_code == 303
