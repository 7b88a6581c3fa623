"""Importing the HR files from the organisation view's page: administrators only, every line of a bad file
reported in the viewer's language, nothing half imported, and the figures follow a good file."""
import io

from activities.network.organisation.models import OrgLeaving, OrgSkill
from lti_tool.extensions import db
from lti_tool.launch import ADMIN
from tests.activities.network.org_world import SOON
from tests.support.html import soup, texts


def upload(client, launches, view, kind, text, role=ADMIN, locale="en", name="hr.csv"):
    """POST a CSV file (UTF-8 with a BOM, as Excel saves it) to the page's import form."""
    handle = launches.launch(view, role=role, locale=locale)
    data = handle.form(**{f"{kind}-file": (io.BytesIO(text.encode("utf-8-sig")), name)})
    return client.post(f"/organisation/{view.id}/import/{kind}", data=data, content_type="multipart/form-data",
                       query_string={"lt": handle.token})


def page_of(client, launches, view, locale="en", **args):
    handle = launches.launch(view, role=ADMIN, locale=locale)
    return client.get(f"/organisation/{view.id}", query_string={**handle.params(), **args}).get_data(as_text=True)


def test_a_good_skills_file_is_imported_and_counted(client, launches, org):
    _platform, people, view = org
    page = page_of(client, launches, view)
    assert texts(page, ".hr-file__now") == ["No skills file yet.", "No leaving file yet."]
    sent = upload(client, launches, view, "skills",
                  f"user;skill;level\n{people['Fien'].sub};Subsidies;4\n{people['Dirk'].sub};Subsidies;\n")
    assert sent.status_code == 303 and "done=skills" in sent.headers["Location"]
    assert sent.headers["Location"].endswith("#hr-files")
    assert sorted(s.skill for s in OrgSkill.query) == ["Subsidies", "Subsidies"]
    page = page_of(client, launches, view, done="skills")
    assert texts(page, "#hr-files [role=status]") == ["The skills file is imported; the view counts it from now on."]
    assert texts(page, ".hr-file__now")[0] == "Now: 2 skills for 2 people."
    # Subsidies now has three holders (Ann from a drawing, Fien and Dirk from HR): no longer the only-holder risk.
    top = soup(page).select_one(".org-risk")
    assert "Subsidies" not in top.select_one(".org-risk__skill").get_text()


def test_a_bad_file_is_reported_line_by_line_in_dutch_and_changes_nothing(client, launches, org):
    _platform, people, view = org
    assert upload(client, launches, view, "leaving", f"user,leaving_date\n{people['Dirk'].sub},{SOON}\n").status_code == 303
    bad = (f"user,leaving_date\n{people['Ann'].sub},{SOON}\n"
           "ann@example.org,2027-01-01\n"
           f"{people['Bob'].sub},31-02-2027x\n"
           f"{people['Ann'].sub},{SOON}\n")
    refused = upload(client, launches, view, "leaving", bad, locale="nl-BE", name="vertrek.csv")
    assert refused.status_code == 422
    report = soup(refused.get_data(as_text=True)).select_one("#hr-report")
    assert report["role"] == "alert"
    assert report.select_one("h3").get_text() == "Niets geïmporteerd: 3 problemen in vertrek.csv"
    lines = texts(str(report), "li")
    assert [line.split(":")[0] for line in lines] == ["Regel 3", "Regel 4", "Regel 5"]
    assert "e-mailadres" in lines[0] and "JJJJ-MM-DD" in lines[1] and "regel 2" in lines[2]  # nobody launched with it
    db.session.expire_all()
    assert [row.user_id for row in OrgLeaving.query] == [people["Dirk"].id]  # the earlier file stands


def test_no_file_or_an_unknown_kind_or_a_learner_is_refused(client, launches, org):
    _platform, _people, view = org
    handle = launches.launch(view, role=ADMIN, locale="en")
    empty = client.post(f"/organisation/{view.id}/import/skills", data=handle.form(),
                        content_type="multipart/form-data", query_string={"lt": handle.token})
    assert empty.status_code == 422
    assert "Choose a CSV file first." in texts(empty.get_data(as_text=True), "#hr-files .errors li")
    assert upload(client, launches, view, "salaries", "user,skill\nu-1,Excel\n").status_code == 404
    for role in ("learner", "instructor"):
        assert upload(client, launches, view, "skills", "user,skill\nu-1,Excel\n", role=role).status_code == 403
    assert OrgSkill.query.count() == 0


def test_a_file_larger_than_the_app_limit_but_within_the_hr_limit_is_read(client, launches, org):
    _platform, _people, view = org
    rows = "".join(f"hr-{n:05d},Vaardigheid {n % 300}\n" for n in range(60_000))  # about 1.6 MB
    assert len(rows) > 1024 * 1024
    assert upload(client, launches, view, "skills", "user,skill\n" + rows).status_code == 303
    assert OrgSkill.query.count() == 60_000


def test_people_named_by_the_email_address_they_launched_with_are_found(client, launches, org):
    from lti_tool.email_keys import email_key

    _platform, people, view = org
    people["Fien"].email_key = email_key("fien.claes@zorg.example")
    db.session.commit()
    sent = upload(client, launches, view, "skills",
                  "user,skill,level\nFien.Claes@Zorg.example,Subsidies,3\nsub-Dirk,Subsidies,\n")
    assert sent.status_code == 303
    assert sorted((s.user_id, s.level) for s in OrgSkill.query) == sorted(
        [(people["Fien"].id, 3), (people["Dirk"].id, None)])
    # An address nobody launched with, and a person named twice (once by id, once by address), change nothing.
    refused = upload(client, launches, view, "skills", "user,skill\nnoor@zorg.example,Lean\n"
                     "sub-Fien,Excel\nfien.claes@zorg.example,excel\n")
    lines = texts(refused.get_data(as_text=True), "#hr-report li")
    assert refused.status_code == 422 and [line.split(":")[0] for line in lines] == ["Line 2", "Line 4"]
    assert "Nobody has opened Leernetwerk from this LMS with the e-mail address" in lines[0]
    assert "The same person and skill as line 3." in lines[1]
    assert OrgSkill.query.count() == 2
