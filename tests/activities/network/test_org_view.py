"""The organisation view: only administrators reach it; it counts the included courses only, as codes (names
for named organisation admins), leaves out who opted out, ranks the risks, and its exports say the same."""
import html
from datetime import date

from activities.network.organisation import records
from activities.network.organisation.activity import OrganisationActivity
from lti_tool.extensions import db
from lti_tool.launch import ADMIN
from activities.network.models import Contact
from tests.activities.network.org_world import SOON, open_view
from tests.support.html import page_text, soup, texts


def test_only_administrators_reach_it(client, launches, org):
    _platform, people, view = org
    for role in ("learner", "instructor"):
        refused = open_view(client, launches, view, role=role)
        assert refused.status_code == 403
        assert "The organisation view is for administrators" in html.unescape(refused.get_data(as_text=True))
        assert open_view(client, launches, view, role=role, path="/export/risks.csv").status_code == 403
    assert open_view(client, launches, view).status_code == 200  # an LMS administrator
    missing = open_view(client, launches, view, path="/export/passwords.csv")
    assert missing.status_code == 404 and "Page not found" in missing.get_data(as_text=True)
    records.add_admin(_platform, people["Hanne"].sub)
    db.session.commit()
    assert open_view(client, launches, view, role="learner", user=people["Hanne"]).status_code == 200


def test_the_included_courses_as_codes_with_the_risks_ranked(client, launches, org):
    _platform, people, view = org
    page = html.unescape(open_view(client, launches, view).get_data(as_text=True))
    assert "Netwerk course-a" not in page  # courses by title: course-a and course-b, not course-c
    assert "course-a, course-b" in page and "course-c" not in page
    stats = texts(page, ".stats .stat dd")
    assert stats[:3] == ["2", "6", "7"]  # two courses; Ann–Fien; ties: A–B, B–C, C–D, C–E, D–E, D–F, E–F
    for name in ("Ann", "Bob", "Gert", "Hanne", "Geheime"):
        assert name not in page  # codes only for an LMS administrator who is not a named organisation admin
    risks = soup(page).select(".org-risk")
    first = " ".join(risks[0].get_text(" ").split())
    # Subsidies: one holder (Ann); Bob, one tie away, needs it.
    assert first.startswith("Subsidies 1 holder") and "Only one person holds it." in first
    assert "Could receive it" in first


def test_named_organisation_admins_see_names_and_leaving_counts(client, launches, org, tmp_path):
    platform, people, view = org
    records.add_admin(platform, people["Gert"].sub)
    records.replace_leaving(platform.id, [(people["Ann"].sub, date.fromisoformat(SOON))])
    db.session.commit()
    page = html.unescape(open_view(client, launches, view, role="learner", user=people["Gert"]).get_data(as_text=True))
    first = " ".join(soup(page).select(".org-risk")[0].get_text(" ").split())
    assert "Subsidies" in first and "Held by: Ann" in first and "1 leaves" in first
    assert "Everyone who holds it leaves within the horizon." in first and "Bob" in first
    assert "Hanne" not in page_text(page) and "Gert" not in page_text(page)  # course C is not included; Gert only looks


def test_opting_out_leaves_a_person_out_of_every_figure_and_export(client, launches, org):
    platform, people, view = org
    records.add_admin(platform, people["Hanne"].sub)
    records.choose(people["Ann"].id, take_part=False)
    db.session.commit()
    admin = people["Hanne"]
    page = open_view(client, launches, view, role="learner", user=admin).get_data(as_text=True)
    assert "Ann" not in page_text(page) and "Subsidies" not in page_text(page)  # Ann held it alone: it is gone with her
    assert texts(page, ".stats .stat dd")[1] == "5"
    for name in ("people.csv", "ties.csv", "risks.csv", "network.graphml"):
        body = open_view(client, launches, view, role="learner", user=admin, path=f"/export/{name}").get_data(
            as_text=True)
        assert "Ann" not in body and ("Bob" in body or name == "risks.csv"), (name, body)  # Bob holds no skill


def test_groups_under_the_minimum_size_never_appear(client, launches, org):
    _platform, _people, view = org
    page = open_view(client, launches, view).get_data(as_text=True)
    # Six people in all: no group reaches the minimum of five, so none is shown.
    assert "No group is large enough to show." in html.unescape(page)
    assert not soup(page).select("section[aria-labelledby=groups-title] tbody tr")


def test_too_few_people_show_nothing(client, launches):
    view = launches.instance("organisation", settings=OrganisationActivity.default_settings(), title="Organisatie")
    db.session.commit()
    page = html.unescape(open_view(client, launches, view).get_data(as_text=True))
    assert "The view appears once at least 5 people take part (now 0)" in page
    assert not soup(page).select(".org-risk") and len(texts(page, ".stats .stat dd")) == 2  # no ties, no leavers


def test_only_administrators_are_offered_it_and_it_gets_no_gradebook_column(client, launches):
    instructor = launches.launch(role="instructor", deep_linking=True)
    picker = client.get("/lti/deep-linking/", query_string=instructor.params()).get_data(as_text=True)
    assert "/lti/deep-linking/organisation" not in picker
    assert client.get("/lti/deep-linking/organisation", query_string=instructor.params()).status_code == 404
    admin = launches.launch(role=ADMIN, deep_linking=True)
    assert "/lti/deep-linking/organisation" in client.get("/lti/deep-linking/", query_string=admin.params()).get_data(
        as_text=True)
    assert OrganisationActivity.graded is False


def test_the_picture_colours_the_network_by_the_chosen_skill(client, launches, org):
    platform, people, view = org
    records.replace_leaving(platform.id, [(people["Dirk"].sub, date.fromisoformat(SOON))])
    db.session.commit()
    page = soup(open_view(client, launches, view).get_data(as_text=True))
    # By default the most exposed skill: Subsidies (Ann holds it, Bob needs it).
    picture = page.select_one("svg.org-picture")
    assert [c["class"][1] for c in picture.select("circle")].count("org-dot--holder") == 1
    assert [c["class"][1] for c in picture.select("circle")].count("org-dot--needs") == 1
    assert len(picture.select("circle")) == 6 and len(picture.select("line")) == 7
    assert picture.select_one("desc").get_text() == (
        "Holding it: 1 of 6 people; of them leaving within the horizon: 0; needing it: 1.")
    assert page.select_one("#skill option[selected]").get_text() == "Subsidies"
    # Planning: Dirk, Eva and Fien hold it (said by others, or offered by Eva); Dirk leaves.
    key = next(o["value"] for o in page.select("#skill option") if o.get_text() == "Planning")
    handle = launches.launch(view, role=ADMIN, locale="en")
    chosen = soup(client.get(f"/organisation/{view.id}", query_string={**handle.params(), "skill": key})
                  .get_data(as_text=True))
    kinds = [c["class"][1] for c in chosen.select("svg.org-picture circle")]
    assert kinds.count("org-dot--holder") == 2 and kinds.count("org-dot--leaving") == 1
    assert chosen.select_one("svg.org-picture desc").get_text() == (
        "Holding it: 3 of 6 people; of them leaving within the horizon: 1; needing it: 0.")
    labels = {c.select_one("title").get_text() for c in chosen.select("svg.org-picture circle")}
    assert all(label.startswith("P-") for label in labels) and len(labels) == 6  # codes, one per person


def test_the_heat_map_counts_each_groups_holders_and_shades_their_share():
    from activities.network.analysis import knowledge_risk, org_graph
    from activities.network.organisation.page import OrgView

    team_a = [f"a{n}" for n in range(10)]
    team_b = [f"b{n}" for n in range(5)]
    ties = [(x, y, 1.0) for team in (team_a, team_b) for i, x in enumerate(team) for y in team[i + 1:]]
    network = org_graph.merge(ties + [("a0", "b0", 0.1)])
    groups = org_graph.visible_groups(org_graph.communities(network), 5)
    holders = knowledge_risk.holders_by_skill([(p, "Planning") for p in team_a[:6]] + [("b1", "Planning")] +
                                              [("a1", "Lean")] + [(p, "Wondzorg") for p in team_b])
    risks = knowledge_risk.rank_risks(network, holders, {}, frozenset())
    view = OrgView(None, network, groups, risks, {p: p for p in network.people}, {}, frozenset(), True, 5, 5, {})
    assert [len(g) for g in groups] == [10, 5]
    # Planning: 6 of 10 (half or more: 4) and 1 of 5 (under a quarter: 2); wound care (the vocabulary's key for
    # wondzorg): all of group 2; Lean: 1 of 10 (a tenth: 2) and none. Skill names fall back to the key here.
    assert view.heat_rows() == [("planning", [(6, 4), (1, 2)]), ("wound_care", [(0, 0), (5, 4)]),
                                ("lean", [(1, 2), (0, 0)])]


def test_the_course_says_it_takes_part_and_a_learner_opts_out_from_the_page(client, launches, org):
    from lti_tool.models import ActivityInstance

    _platform, people, view = org
    included = ActivityInstance.query.filter_by(title="Netwerk course-a").one()
    excluded = ActivityInstance.query.filter_by(title="Netwerk course-c").one()
    facilitator = launches.instructor(included, locale="en")
    assert "In the organisation view" in html.unescape(
        client.get(f"/network/{included.id}", query_string=facilitator.params()).get_data(as_text=True))
    assert "In the organisation view" not in html.unescape(client.get(
        f"/network/{excluded.id}", query_string=launches.instructor(excluded, locale="en").params()).get_data(as_text=True))
    ann = launches.launch(included, user=people["Ann"], locale="en")
    page = soup(client.get(f"/network/{included.id}", query_string=ann.params()).get_data(as_text=True))
    card = page.select_one(".net-org")
    assert "This course takes part in the organisation view" in card.get_text()
    form = card.select_one("form")
    response = client.post(form["action"], data=ann.form(choice="out"))
    assert response.status_code == 303 and "done=org_out" in response.headers["Location"]
    after = html.unescape(client.get(f"/network/{included.id}", query_string=ann.params(done="org_out")).get_data(
        as_text=True))
    assert "You are left out of the organisation view" in after and "Take part again" in after
    assert texts(open_view(client, launches, view).get_data(as_text=True), ".stats .stat dd")[1] == "5"
    # Back in: counted again at the next look.
    assert client.post(form["action"], data=ann.form(choice="in")).status_code == 303
    assert texts(open_view(client, launches, view).get_data(as_text=True), ".stats .stat dd")[1] == "6"


def test_people_outside_the_lms_count_only_by_where_they_are(client, launches, org):
    from activities.network.models import Drawing as DrawingRow

    _platform, people, view = org
    ann, bob = (DrawingRow.query.filter_by(user_id=people[name].id).one() for name in ("Ann", "Bob"))
    for drawing, key, label, location in ((ann, "x1", "Mevr. Klant", "customer"), (ann, "x2", "K.", "customer"),
                                          (bob, "x3", "Leverancier Jan", "supplier")):
        db.session.add(Contact(drawing_id=drawing.id, key=key, label=label, label_norm=label.casefold(),
                               location=location, ring=2, relations=["asked"]))
    db.session.commit()
    page = open_view(client, launches, view).get_data(as_text=True)
    rows = texts(page, "section[aria-labelledby=outside-title] tbody tr")
    assert rows == ["Customer 2 1", "Supplier 1 1"]  # two ties of one person, one of another
    assert "Klant" not in html.unescape(page) and "Jan" not in html.unescape(page)
    graphml = open_view(client, launches, view, path="/export/network.graphml").get_data(as_text=True)
    assert graphml.count('<data key="group">outside</data>') == 2 and "Mevr" not in graphml
    assert '<data key="weight">2</data>' in graphml


def test_long_lists_of_people_are_cut_on_the_page_and_whole_in_the_csv(client, launches, org):
    platform, _people, view = org
    records.replace_skills(platform.id, [(f"hr-{n:02d}", "Lean", None) for n in range(12)])
    db.session.commit()
    page = soup(open_view(client, launches, view).get_data(as_text=True))
    lean = next(r for r in page.select(".org-risk") if r.select_one("h3").get_text(" ").startswith("Lean"))
    held = lean.select_one(".org-risk__people")
    assert len(held.select(".org-person")) == 10 and "and 2 more (all in the risks CSV)" in held.get_text()
    csv = open_view(client, launches, view, path="/export/risks.csv").get_data(as_text=True)
    row = next(line for line in csv.splitlines() if ",Lean," in line)
    assert row.split(",")[5].count("; ") == 11  # all twelve holders
    # More skills than the page lists: it says so, and the CSV has every one.
    records.replace_skills(platform.id, [(f"hr-{n:02d}", f"Vaardigheid {n}", None) for n in range(40)])
    db.session.commit()
    page = html.unescape(open_view(client, launches, view).get_data(as_text=True))
    assert "The 30 most exposed of 43 skills; the risks CSV has them all." in page  # 40 + Excel, Subsidies, Planning
    assert len(soup(page).select(".org-risk")) == 30
    csv = open_view(client, launches, view, path="/export/risks.csv").get_data(as_text=True)
    assert len(csv.strip().splitlines()) == 44  # a header and 43 skills


def test_the_people_heat_map_shows_the_holders_of_the_most_exposed_skills_with_their_levels():
    from activities.network.analysis import knowledge_risk, org_graph
    from activities.network.organisation.page import OrgView

    network = org_graph.merge([("ann", "bob", 1.0), ("bob", "cas", 1.0), ("cas", "dirk", 1.0)])
    holders = knowledge_risk.holders_by_skill([("ann", "Subsidies"), ("bob", "Planning"), ("cas", "Planning"),
                                               ("bob", "Lean"), ("cas", "Lean"), ("dirk", "Lean")])
    risks = knowledge_risk.rank_risks(network, holders, {}, frozenset({"ann"}))
    view = OrgView(None, network, [], risks, {p: p.title() for p in network.people}, {}, frozenset({"ann"}), True,
                   5, 5, {}, {("bob", "planning"): 5, ("cas", "planning"): 1})
    skills, rows, more = view.person_heat(skills=2, most=2)
    # Subsidies (Ann alone, and she leaves) ranks first, then Planning (two holders, nobody leaves).
    assert skills == ["grants", "planning"]  # the vocabulary's keys (names fall back to them here)
    # Bob and Cas hold one each, as does Ann; the one who leaves comes first among equals, then by label.
    assert rows == [("Ann", True, [(None, 2), (None, 0)]), ("Bob", False, [(None, 0), (5, 4)])]
    assert more == 1  # Cas
