"""The organisation view in the demo LMS, with three courses whose learners drew their networks (two included
by their facilitators, one not): only the LMS's administrator is offered the view; they add it and see the
merged network as codes and the ranked risks, import a skills file (first one with bad rows, reported line by
line) and a leaving file, and export; a learner who opts out drops out of every figure; a learner and an
instructor are refused; axe finds nothing serious."""
from datetime import date, timedelta

from playwright.sync_api import expect

from demo_lms.people import PEOPLE, COURSE_ID
from tests.browser import lms
from tests.browser.screens import keep
from tests.browser.test_accessibility import audit_page

TITLE = "Kennis in de organisatie"
ONTHAAL, DIGITAAL = "onthaal-2025", "digitaal-werken-2025"
# Per course: who drew (a chain: each names the next and the one before), who are said to know a skill, and
# who needs it. Subsidies has one holder at the end of the chain; Tolkenregeling two.
DRAWN = {
    COURSE_ID: (["learner1", "learner2", "learner3", "learner4", "learner5"], ({"learner1"}, "Subsidies"), "learner2"),
    ONTHAAL: (["learner2", "learner7", "learner8", "learner9", "learner10"],
              ({"learner9", "learner10"}, "Tolkenregeling"), None),
    DIGITAAL: (["learner4", "learner11", "learner12", "learner13", "learner14"], ({"learner11"}, "Geheime kennis"),
               None),
}


def add_course_network(page, stack, course_id, included):
    """As the facilitator, in one course: add a network drawing, included in the organisation view or not."""
    lms.open_course(page, stack.lms_url, course_id)
    choice = "label[for=organisation-1]" if included else "label[for=organisation-0]"
    return lms.add_activity(page, stack.lms_url, "network", f"Netwerk {course_id}",
                            configure=lambda frame: frame.locator(choice).click())


def seed_drawings(stack, course_id):
    """The course's learners drew: a chain of classmates, one said to know a skill nobody else holds."""
    from activities.network.models import Contact, Drawing
    from lti_tool.extensions import db
    from lti_tool.models import ActivityInstance, User
    from lti_tool.models.base import insert_missing

    chain, (knowers, skill), needer = DRAWN[course_id]
    with stack.tool_app.app_context():
        instance = db.session.execute(db.select(ActivityInstance).filter_by(title=f"Netwerk {course_id}")).scalar_one()
        users = {}
        for sub in chain:
            insert_missing(User, platform_id=instance.platform_id, sub=sub, name=lms_name(sub))
            users[sub] = db.session.execute(db.select(User).filter_by(platform_id=instance.platform_id,
                                                                      sub=sub)).scalar_one()
        for n, sub in enumerate(chain):
            drawing = Drawing(activity_instance_id=instance.id, user_id=users[sub].id, moment_key="start",
                              offer_tags=["Planning"], need_tags=[skill] if sub == needer else [])
            db.session.add(drawing)
            db.session.flush()
            for k, other in enumerate(chain[max(0, n - 1):n] + chain[n + 1:n + 2]):
                db.session.add(Contact(drawing_id=drawing.id, key=f"k{k}", member_sub=other, label=lms_name(other),
                                       label_norm=lms_name(other).casefold(), ring=1, relations=["asked"],
                                       knows=[skill] if other in knowers else ["Zorgdossier"]))
        db.session.commit()


def lms_name(sub):
    return next(p.name for p in PEOPLE if p.id == sub)


def open_view(page, stack, link_id, user="admin"):
    lms.switch_user(page, stack.lms_url, user)
    page.goto(f"{stack.lms_url}/course/activity/{link_id}")
    return lms.wait_for_tool(page, "body.organisation")


def people_count(frame):
    return int(frame.locator(".stats .stat dd").nth(1).inner_text())


def upload(frame, kind, text, name):
    frame.locator(f"#{kind}-file").set_input_files(files=[{"name": name, "mimeType": "text/csv",
                                                          "buffer": text.encode("utf-8-sig")}])
    frame.locator(f"form[action*='/import/{kind}'] button[type=submit]").click()


def test_the_administrator_reads_three_courses_imports_hr_files_and_exports(page, stack):
    lms.switch_user(page, stack.lms_url, "facilitator")
    page.click("#add-activity")
    frame = lms.wait_for_tool(page, "h1#picker-title")
    expect(frame.locator("a[href*='/lti/deep-linking/organisation']")).to_have_count(0)  # not for instructors
    links = {course: add_course_network(page, stack, course, included=course != DIGITAAL) for course in DRAWN}
    for course in DRAWN:
        seed_drawings(stack, course)

    lms.open_course(page, stack.lms_url, COURSE_ID)
    link_id = lms.add_activity(page, stack.lms_url, "organisation", TITLE, user="admin")
    frame = open_view(page, stack, link_id)
    # Five drew in each included course; Wout drew in both, so nine people; the third course never counts.
    assert people_count(frame) == 9
    expect(frame.locator("main")).not_to_contain_text("Geheime kennis")
    first = frame.locator(".org-risk").first
    expect(first).to_contain_text("Subsidies")  # one holder, and Wout (one tie away) needs it
    expect(first).to_contain_text("Maar één persoon heeft ze.")  # the administrator's LMS speaks Dutch
    picture = frame.locator("svg.org-picture")
    expect(picture.locator("circle")).to_have_count(9)
    expect(picture.locator("circle.org-dot--holder")).to_have_count(1)
    expect(picture.locator("circle.org-dot--needs")).to_have_count(1)
    expect(frame.locator("button[data-print]")).to_be_visible()  # shown by its script (the CSP allows no inline)
    main = frame.locator("main").inner_text()
    assert not [p for p in PEOPLE if p.family_name in main], "codes only for an LMS administrator"
    assert audit_page(lms.tool_frame(page), "organisation") == []
    keep(page, "organisation-nl")

    # HR: a skills file with two bad rows changes nothing and says which lines to correct.
    upload(frame, "skills", "user;skill;level\nlearner8;Subsidies;4\nlien@voorbeeld.be;Excel;\nlearner9;Tolken;9\n",
           "vaardigheden.csv")
    report = frame.locator("#hr-report")
    expect(report).to_contain_text("Niets geïmporteerd: 2 problemen in vaardigheden.csv")
    expect(report.locator("li")).to_have_count(2)
    expect(report.locator("li").first).to_contain_text("Regel 3")
    expect(report.locator("li").nth(1)).to_contain_text("Regel 4")
    expect(frame.locator(".hr-file__now").first).to_have_text("Nog geen vaardighedenbestand.")
    assert audit_page(lms.tool_frame(page), "organisation-import-report") == []
    keep(page, "organisation-import-report-nl", posted=True)
    # The corrected file, then a leaving file: both holders of Tolkenregeling leave, so it ranks first.
    upload(frame, "skills", "user;skill;level\nlearner8;Subsidies;4\nlearner9;Tolkenregeling;3\n", "vaardigheden.csv")
    expect(frame.locator("#hr-files [role=status]")).to_contain_text("Het vaardighedenbestand is geïmporteerd")
    expect(frame.locator(".hr-file__now").first).to_have_text("Nu: 2 vaardigheden voor 2 personen.")
    leaving_day = (date.today() + timedelta(days=300)).isoformat()
    upload(frame, "leaving", f"user,leaving_date\nlearner9,{leaving_day}\nlearner10,{leaving_day}\n", "vertrek.csv")
    expect(frame.locator("#hr-files [role=status]")).to_contain_text("Het vertrekbestand is geïmporteerd")
    first = frame.locator(".org-risk").first
    expect(first).to_contain_text("Tolkenregeling")
    expect(first).to_contain_text("Iedereen die ze heeft, vertrekt binnen de horizon.")
    expect(frame.locator(".org-risk", has_text="Subsidies").locator(".badge")).to_contain_text("2 personen")

    # The risks export says what the page says, with codes.
    with page.expect_download() as download:
        frame.locator("a[href*='/export/risks.csv']").click()
    exported = open(download.value.path(), encoding="utf-8-sig").read()
    assert exported.splitlines()[1].startswith("1,Tolkenregeling,2,2,0,P-")
    assert not [p for p in PEOPLE if p.family_name in exported]

    # The report for the HR conversation: the same order, room for agreements, axe clean.
    frame.locator("a[href*='/report']").click()
    expect(frame.locator(".org-report__risks tbody th").first).to_have_text("Tolkenregeling")
    expect(frame.locator(".org-report__agreements tbody tr")).to_have_count(4)  # the four skills named
    assert audit_page(lms.tool_frame(page), "organisation-report") == []
    keep(page, "organisation-report-nl")

    # Noor (second course) leaves herself out: the next look counts eight people.
    lms.open_course(page, stack.lms_url, ONTHAAL)  # Noor is not in the first course: the switcher lists this one's
    lms.switch_user(page, stack.lms_url, "learner7")
    page.goto(f"{stack.lms_url}/course/activity/{links[ONTHAAL]}")
    network = lms.wait_for_tool(page, "body.network")
    network.locator("button[name=choice][value=out]").click()
    expect(network.locator("button[name=choice][value=in]")).to_be_visible()
    assert people_count(open_view(page, stack, link_id)) == 8

    # A large organisation (here: above five ties) is computed in the background: the page shows the run's
    # progress and shows the new figures by itself when the worker has stored them.
    config = stack.tool_app.config
    before, config["ORG_VIEW_BACKGROUND_TIES"] = config["ORG_VIEW_BACKGROUND_TIES"], 5
    try:
        frame = open_view(page, stack, link_id)
        expect(frame.locator("#org-job [role=status]")).to_contain_text("Wacht om te beginnen")
        expect(frame.locator(".org-risk")).to_have_count(0)
        assert audit_page(lms.tool_frame(page), "organisation-computing") == []
        keep(page, "organisation-computing-nl")
        from lti_tool import jobs

        with stack.tool_app.app_context():
            assert jobs.run_one() is not None
        expect(frame.locator("#org-job")).to_contain_text("Cijfers berekend op", timeout=10_000)  # no reload by us
        assert people_count(frame) == 8
        expect(frame.locator(".org-risk").first).to_contain_text("Tolkenregeling")
    finally:
        config["ORG_VIEW_BACKGROUND_TIES"] = before

    # A learner and an instructor of the course are refused.
    for user, heading in (("learner3", "The organisation view is for administrators"),  # en-GB
                          ("facilitator", "Het organisatieoverzicht is voor beheerders")):
        lms.switch_user(page, stack.lms_url, user)
        page.goto(f"{stack.lms_url}/course/activity/{link_id}")
        expect(lms.wait_for_tool(page, "h1").locator("h1")).to_contain_text(heading)
