"""The organisation view in the demo LMS: only the LMS's administrator is offered it; they add it and see the
included course's network as codes, the ranked risks and the exports; a learner who opens it is refused;
axe finds nothing serious."""
from playwright.sync_api import expect

from demo_lms.people import PEOPLE
from tests.browser import lms
from tests.browser.screens import keep
from tests.browser.test_accessibility import audit_page

TITLE = "Kennis in de organisatie"


def seed_included_course(stack):
    """A network placement of the demo course, included in the organisation view, where five learners drew:
    Lotte is the only one said to know 'Subsidies', and Wout, one tie away, needs it."""
    from activities.network import NetworkActivity
    from activities.network.models import Contact, Drawing
    from lti_tool.extensions import db
    from lti_tool.models import ActivityInstance, Context, Platform, User
    from lti_tool.models.base import insert_missing

    with stack.tool_app.app_context():
        platform = db.session.execute(db.select(Platform)).scalars().first()
        context = db.session.execute(db.select(Context).filter_by(platform_id=platform.id)).scalars().first()
        people = {}
        for person in PEOPLE[1:6]:
            insert_missing(User, platform_id=platform.id, sub=person.id, name=person.name)
            people[person.id] = db.session.execute(db.select(User).filter_by(platform_id=platform.id,
                                                                             sub=person.id)).scalar_one()
        instance = ActivityInstance(platform_id=platform.id, context_id=context.id, activity_type="network",
                                    title="Netwerk (organisatie)", score_maximum=1.0,
                                    settings=dict(NetworkActivity.default_settings(), organisation_view=True))
        db.session.add(instance)
        db.session.flush()
        chain = ["learner1", "learner2", "learner3", "learner4", "learner5"]
        for n, sub in enumerate(chain):
            drawing = Drawing(activity_instance_id=instance.id, user_id=people[sub].id, moment_key="start",
                              offer_tags=["Planning"], need_tags=["Subsidies"] if sub == "learner2" else [])
            db.session.add(drawing)
            db.session.flush()
            for k, other in enumerate(chain[max(0, n - 1):n] + chain[n + 1:n + 2]):
                knows = ["Subsidies"] if other == "learner1" else ["Zorgdossier"]
                db.session.add(Contact(drawing_id=drawing.id, key=f"k{k}", member_sub=other,
                                       label=people[other].name, label_norm=people[other].name.casefold(), ring=1,
                                       relations=["asked"], knows=knows))
        db.session.commit()


def test_the_administrator_adds_the_organisation_view_and_a_learner_is_refused(page, stack):
    lms.switch_user(page, stack.lms_url, "facilitator")
    page.click("#add-activity")
    frame = lms.tool(page)
    frame.locator("h1#picker-title").wait_for()
    expect(frame.locator("a[href*='/lti/deep-linking/organisation']")).to_have_count(0)  # not for instructors

    seed_included_course(stack)
    link_id = lms.add_activity(page, stack.lms_url, "organisation", TITLE, user="admin")
    page.goto(f"{stack.lms_url}/course/activity/{link_id}")
    frame = lms.tool(page)
    frame.locator("body.organisation").wait_for()
    stats = frame.locator(".stats .stat dd").all_inner_texts()
    assert stats[1].strip() == "5"  # the five learners of the included course, as codes
    first = frame.locator(".org-risk").first
    expect(first).to_contain_text("Subsidies")
    expect(first).to_contain_text("Maar één persoon heeft ze.")  # the administrator's LMS speaks Dutch
    # The picture, coloured by the most exposed skill: one holder (Lotte), one who needs it (Wout).
    picture = frame.locator("svg.org-picture")
    expect(picture.locator("circle")).to_have_count(5)
    expect(picture.locator("circle.org-dot--holder")).to_have_count(1)
    expect(picture.locator("circle.org-dot--needs")).to_have_count(1)
    expect(frame.locator("button[data-print]")).to_be_visible()  # shown by its script (the CSP allows no inline)
    main = frame.locator("main").inner_text()
    assert not [p for p in PEOPLE if p.family_name in main], "codes only for an LMS administrator"
    assert audit_page(lms.tool_frame(page), "organisation") == []
    keep(page, "organisation-nl")

    lms.switch_user(page, stack.lms_url, "learner3")
    page.goto(f"{stack.lms_url}/course/activity/{link_id}")
    expect(lms.tool(page).locator("h1")).to_contain_text("The organisation view is for administrators")  # en-GB
