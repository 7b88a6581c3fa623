"""`leernetwerk org …`: organisation admins, and HR files checked row by row and never half imported; the
privacy export and erase cover what they store."""
import json

import pytest
from flask.cli import ScriptInfo

from activities.network.organisation.models import OrgAdmin, OrgLeaving, OrgSkill
from lti_tool.cli import main
from lti_tool.extensions import db
from lti_tool.models import User

ISSUER = "https://lms.test"


@pytest.fixture
def run(app, launches, tmp_path):
    """Run `leernetwerk …` with args; a `file` text becomes the FILE argument (written as UTF-8 with a BOM)."""
    launches.platform()
    db.session.commit()
    runner = app.test_cli_runner()  # its output holds what went to standard error too
    info = ScriptInfo(create_app=lambda: app)

    def invoke(*args, file=None):
        if file is not None:
            path = tmp_path / "hr.csv"
            path.write_bytes(file.encode("utf-8-sig"))
            args = (*args, str(path))
        return runner.invoke(main, list(args), obj=info, catch_exceptions=False)

    return invoke


def skills_of(sub):
    db.session.expire_all()
    user = User.query.filter_by(sub=sub).one()
    return sorted((s.skill, s.level) for s in OrgSkill.query.filter_by(user_id=user.id))


def test_a_skills_file_from_a_flemish_spreadsheet_is_imported(run, launches):
    known = launches.user(launches.platform(), sub="u-17", name="Lotte Janssens")
    db.session.commit()
    result = run("org", "skills", "import", "--issuer", ISSUER,
                 file="User;Skill;Level\r\nu-17;Excel;4\r\nu-17;Zorgdossier;\r\nu-99;Subsidies;5\r\n;;\r\n")
    assert result.exit_code == 0, result.output
    assert "Imported 3 skills for 2 people" in result.output
    assert skills_of("u-17") == [("Excel", 4), ("Zorgdossier", None)] and known.sub == "u-17"
    assert skills_of("u-99") == [("Subsidies", 5)]  # not launched yet: a user row without a name
    # A new file replaces the old one whole.
    assert run("org", "skills", "import", "--issuer", ISSUER, file="user,skill\nu-99,Excel\n").exit_code == 0
    assert skills_of("u-17") == [] and skills_of("u-99") == [("Excel", None)]


def test_a_file_with_bad_rows_is_refused_with_every_line_and_nothing_changes(run):
    assert run("org", "skills", "import", "--issuer", ISSUER, file="user,skill,level\nu-1,Planning,3\n").exit_code == 0
    bad = ("user,skill,level\n"
           "u-2,Excel,4\n"            # line 2: fine
           "lotte@example.org,Excel,\n"  # 3: an e-mail address
           "u-3,,2\n"                 # 4: no skill
           "u-4,Planning,7\n"         # 5: level out of range
           "u-2,excel,1\n"            # 6: the same person and skill as line 2
           "u-5,Lean\n")              # 7: a value missing
    result = run("org", "skills", "import", "--issuer", ISSUER, file=bad)
    assert result.exit_code == 1
    said = result.output
    lines = [line for line in said.splitlines() if line.startswith("line ")]
    assert [line.split(":")[0] for line in lines] == ["line 3", "line 4", "line 5", "line 6", "line 7"], said
    assert "e-mail" in lines[0] and "from 1 to 5" in lines[2] and "line 2" in lines[3]
    assert "5 problem(s)" in said and "nothing was imported" in said
    assert skills_of("u-1") == [("Planning", 3)] and User.query.filter_by(sub="u-2").first() is None


@pytest.mark.parametrize("text, problem", [
    ("person,skill\nu-1,Excel\n", "Missing column(s): user; unknown column(s): person"),
    ("user,skill\n", "The file has no rows"),
])
def test_a_file_without_the_columns_or_rows_says_so(run, text, problem):
    result = run("org", "skills", "import", "--issuer", ISSUER, file=text)
    assert result.exit_code == 1 and problem in result.output


def test_leaving_dates_in_either_form_and_a_bad_one(run):
    result = run("org", "skills", "import", "--issuer", ISSUER, "--leaving",
                 file="user;leaving_date\nu-1;2027-06-30\nu-2;31/01/2028\n")
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    assert sorted(str(row.leaving_on) for row in OrgLeaving.query) == ["2027-06-30", "2028-01-31"]
    refused = run("org", "skills", "import", "--issuer", ISSUER, "--leaving", file="user,leaving_date\nu-3,soon\n")
    assert refused.exit_code == 1 and OrgLeaving.query.count() == 2


def test_organisation_admins_are_added_listed_and_removed(run, launches):
    launches.user(launches.platform(), sub="hr-1", name="An Peeters")
    db.session.commit()
    assert "now an organisation admin" in run("org", "admins", "add", "--issuer", ISSUER, "--user", "hr-1").output
    assert "already" in run("org", "admins", "add", "--issuer", ISSUER, "--user", "hr-1").output
    run("org", "admins", "add", "--issuer", ISSUER, "--user", "hr-2")
    listed = run("org", "admins", "list", "--issuer", ISSUER).output.splitlines()
    assert listed == ["hr-1\tAn Peeters", "hr-2\t(has not launched yet)"]
    assert "no longer" in run("org", "admins", "remove", "--issuer", ISSUER, "--user", "hr-2").output
    assert "was not" in run("org", "admins", "remove", "--issuer", ISSUER, "--user", "hr-2").output
    assert OrgAdmin.query.count() == 1


def test_the_registration_must_be_known_and_unambiguous(run, launches):
    assert "no registration" in run("org", "admins", "list", "--issuer", "https://other.test").output
    launches.platform(client_id="client-2")
    db.session.commit()
    assert "add --client-id" in run("org", "admins", "list", "--issuer", ISSUER).output
    assert run("org", "admins", "list", "--issuer", ISSUER, "--client-id", "client-2").exit_code == 0


def test_the_privacy_export_and_erase_cover_the_hr_files_and_the_admin_role(run):
    run("org", "skills", "import", "--issuer", ISSUER, file="user,skill,level\nu-1,Excel,4\nu-2,Lean,2\n")
    run("org", "skills", "import", "--issuer", ISSUER, "--leaving", file="user,leaving_date\nu-1,2027-06-30\n")
    run("org", "admins", "add", "--issuer", ISSUER, "--user", "u-1")
    exported = json.loads(run("privacy", "export", "--issuer", ISSUER, "--user", "u-1").output)
    text = json.dumps(exported)
    assert "Excel" in text and "2027-06-30" in text and "Lean" not in text
    assert run("privacy", "erase", "--issuer", ISSUER, "--user", "u-1", "--yes").exit_code == 0
    db.session.expire_all()
    assert [s.skill for s in OrgSkill.query] == ["Lean"] and OrgLeaving.query.count() == 0
    assert OrgAdmin.query.count() == 0


def test_a_file_that_is_not_csv_or_not_utf8_is_refused_without_a_traceback(run):
    huge = run("org", "skills", "import", "--issuer", ISSUER, file="user,skill\nu-1," + "x" * 200_000 + "\n")
    assert huge.exit_code == 1 and "line 2: Not readable as CSV" in huge.output
    assert run("org", "skills", "import", "--issuer", ISSUER, file="user,skill\nu-1,Excel\n").exit_code == 0
    from activities.network.organisation.hr_files import read_skills

    latin = read_skills("user,skill\nu-1,Café\n".encode("latin-1"))  # an old spreadsheet's "CSV"
    assert not latin.ok and "UTF-8" in str(latin.problems[0][1])
