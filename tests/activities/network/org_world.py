"""An organisation of three courses (two included in the organisation view, one not) for the view's tests."""
from datetime import date, timedelta

from activities.network.models import Contact, Drawing
from activities.network.organisation.activity import OrganisationActivity
from lti_tool.extensions import db
from lti_tool.launch import ADMIN

SOON = (date.today() + timedelta(days=200)).isoformat()


def draw(instance, user, contacts=(), offers=(), needs=()):
    """A drawing at the start moment: contacts as (classmate, ring, what they know)."""
    drawing = Drawing(activity_instance_id=instance.id, user_id=user.id, moment_key="start",
                      offer_tags=list(offers), need_tags=list(needs))
    db.session.add(drawing)
    db.session.flush()
    for n, (member, ring, knows) in enumerate(contacts):
        db.session.add(Contact(drawing_id=drawing.id, key=f"k{n}", member_sub=member.sub, label=member.name,
                               label_norm=member.name.casefold(), ring=ring, relations=["asked"], knows=list(knows)))


def build_org(launches):
    """Three courses of one LMS: two include their network in the organisation view, one does not."""
    from activities.network import NetworkActivity

    platform = launches.platform()
    people = {name: launches.user(platform, sub=f"sub-{name}", name=name) for name in
              ("Ann", "Bob", "Cas", "Dirk", "Eva", "Fien", "Gert", "Hanne")}
    placements = {}
    for course, included in (("course-a", True), ("course-b", True), ("course-c", False)):
        settings = dict(NetworkActivity.default_settings(), organisation_view=included)
        placements[course] = launches.instance("network", settings=settings, title=f"Netwerk {course}",
                                               context=launches.context(platform, context_id=course, title=course))
    p = people
    # Course A: Bob says Ann knows "Subsidies", and needs it himself; Bob links Ann to the rest.
    draw(placements["course-a"], p["Ann"], [(p["Bob"], 1, [])], offers=["Excel"])
    draw(placements["course-a"], p["Bob"], [(p["Cas"], 1, []), (p["Ann"], 2, ["Subsidies"])], needs=["Subsidies"])
    draw(placements["course-a"], p["Cas"], [(p["Dirk"], 1, ["Planning"]), (p["Eva"], 2, ["Planning"])])
    # Course B: Dirk, Eva and Fien.
    draw(placements["course-b"], p["Dirk"], [(p["Eva"], 1, []), (p["Fien"], 1, ["Planning"])])
    draw(placements["course-b"], p["Eva"], [(p["Fien"], 1, [])], offers=["Planning"])
    # Course C is not included: Gert and Hanne never appear.
    draw(placements["course-c"], p["Gert"], [(p["Hanne"], 1, ["Geheime kennis"])])
    view = launches.instance("organisation", settings=OrganisationActivity.default_settings(), title="Organisatie",
                             context=launches.context(platform, context_id="hr", title="HR"))
    db.session.commit()
    return platform, people, view


def open_view(client, launches, view, role=ADMIN, user=None, path=""):
    handle = launches.launch(view, role=role, user=user, locale="en")
    return client.get(f"/organisation/{view.id}{path}", query_string=handle.params())
