"""The facilitator's dashboard, course network, matches, exports and erase."""
import io
import json

import networkx as nx

from tests.activities.network.conftest import text


def _draw(course, me, *members, label="Buiten"):
    course.add(me, label, location="customer", ring="2", relations=["asked"])
    if members:
        course.post(me, "/contacts/members", members=[m.user.sub for m in members])
        keys = [c.key for c in course.drawing(me).contacts if c.member_sub]
        for key in keys:
            course.post(me, f"/contacts/{key}", ring="1", relations=["asked"], location="")


def test_dashboard_lists_who_has_not_drawn(course):
    a, b = course.learner(), course.learner()
    _draw(course, a)
    page = course.page(course.facilitator)
    assert "Not drawn yet" in page and b.user.name in page
    assert "1 of 3" in page or "of 2 learners" in page
    assert "Nothing sent yet" in page or "Waiting to be sent" in page


def test_course_network_never_names_outsiders(course):
    a, b = course.learner(), course.learner()
    _draw(course, a, b, label="Geheime Klant")
    _draw(course, b, a, label="Andere Buitenstaander")
    page = course.page(course.facilitator, "/course")
    assert "Geheime Klant" not in page and "Andere Buitenstaander" not in page
    assert "Customer (2)" in page
    assert a.user.name in page and b.user.name in page
    assert "Knowledge holders" in page and "Brokers" in page


def test_course_change_between_moments(course):
    a, b = course.learner(), course.learner()
    _draw(course, a, b)
    _draw(course, b, a)
    course.open_moment()
    course.client.post(course.url + "/start", data=a.form(mode="copy"))
    page = course.page(course.facilitator, "/course", moment="end")
    assert "Change since “Start of the programme”" in page
    # b drew at the start but not yet at the end: none of b's ties reads as lost.
    assert "Compared over the 1 participant who drew at both moments." in page
    assert "1 has not drawn “End of the programme” yet; their ties are not counted as lost." in page
    lost = page.split("Lost ties</dt><dd><strong>", 1)[1].split("<", 1)[0]
    assert lost == "0"


def test_exports_are_well_formed(course):
    a, b = course.learner(), course.learner()
    _draw(course, a, b, label="Geheime Klant")
    _draw(course, b, a)
    graphml = course.get(course.facilitator, "/export/start/graphml")
    assert graphml.status_code == 200 and "attachment" in graphml.headers["Content-Disposition"]
    graph = nx.read_graphml(io.BytesIO(graphml.data))
    assert graph.number_of_nodes() == 3 and graph.number_of_edges() >= 3
    body = graphml.get_data(as_text=True)
    assert "Geheime Klant" not in body and a.user.name not in body and a.user.sub not in body
    nodes = text(course.get(course.facilitator, "/export/start/nodes.csv"))
    assert nodes.lstrip("\ufeff").startswith("id,label,kind")
    edges = text(course.get(course.facilitator, "/export/start/edges.csv"))
    assert edges.lstrip("\ufeff").startswith("source,target,kind")
    data = json.loads(course.get(course.facilitator, "/export/start/json").data)
    assert {"nodes", "links"} <= set(data)
    named = course.get(course.facilitator, "/export/start/graphml", names="1").get_data(as_text=True)
    assert a.user.name in named and "Geheime Klant" not in named
    assert course.get(course.facilitator, "/export/start/pdf").status_code == 404
    assert course.get(course.facilitator, "/export/later/json").status_code == 404


def test_matches_page_and_learner_suggestions_respect_consent(course):
    a, b, c = course.learner(), course.learner(), course.learner()
    course.post(a, "/knowledge", offer_tags="a", need_tags="Planning, Excel")
    course.post(b, "/knowledge", offer_tags="Planningen", need_tags="x", suggest_consent="y")
    course.post(c, "/knowledge", offer_tags="excel", need_tags="y")  # no consent
    page = course.page(course.facilitator, "/matches")
    assert b.user.name in page and c.user.name in page and "no consent" in page
    mine = course.page(a, "/knowledge")
    assert "Who in this course offers what you need" in mine
    assert b.user.name in mine and c.user.name not in mine


def test_matching_switched_off_hides_suggestions(make_course):
    course = make_course(matching=False)
    a, b = course.learner(), course.learner()
    course.post(a, "/knowledge", offer_tags="a", need_tags="Planning")
    course.post(b, "/knowledge", offer_tags="Planning", need_tags="x", suggest_consent="y")
    assert "Who in this course offers what you need" not in course.page(a, "/knowledge")


def test_erase_learner(course, db):
    a, b = course.learner(), course.learner()
    _draw(course, a, b)
    _draw(course, b, a)
    confirm = course.page(course.facilitator, f"/participants/{a.user.id}/erase")
    assert "Erase the data of" in confirm
    response = course.client.post(course.url + f"/participants/{a.user.id}/erase",
                                  data=course.facilitator.form(confirm="yes"))
    assert response.status_code == 303
    assert course.drawing(a) is None
    contacts = course.drawing(b).contacts
    assert all(c.member_sub != a.user.sub for c in contacts)
    assert a.user.name not in [c.label for c in contacts]
    from activities.network.erase import initials

    assert initials("An Peeters") == "A.P." and initials("") == "?"
    assert initials(a.user.name) in [c.label for c in contacts]


def test_erase_unknown_learner_is_404(course, launches):
    stranger = launches.user(platform=launches.platform("https://other.test", "c2"))
    assert course.get(course.facilitator, f"/participants/{stranger.id}/erase").status_code == 404
    assert course.get(course.facilitator, "/participants/999999/erase").status_code == 404


def test_contract_export_rows_are_pseudonymous(course):
    from activities.network import NetworkActivity

    a, b = course.learner(), course.learner()
    _draw(course, a, b, label="Geheime Klant")
    rows = NetworkActivity.export(course.instance)
    assert rows and all(r["participant"].startswith("P-") for r in rows)
    assert "Geheime Klant" not in json.dumps(rows) and a.user.name not in json.dumps(rows)
