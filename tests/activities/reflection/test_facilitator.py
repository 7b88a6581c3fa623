"""The facilitator's dashboard: progress per learner, grades, exports (aggregate and personal data), erasure."""
import csv
import io

import pytest
from sqlalchemy import select

from activities.reflection import ReflectionActivity
from activities.reflection.models import Action, Factor, FactorTag, Situation, TrustScore
from lti_tool.keys import jwks
from lti_tool.models import ScoreOutbox
from lti_tool.models.outbox import FAILED, SENT
from tests.activities.reflection.conftest import GROUP_KEYS, PARTS, action, factors, trust
from tests.support.html import forms_on
from tests.support.platform_services import INSTRUCTOR_ROLE, PlatformServices, member, services_session

NRPS_URL = "https://lms.test/nrps/course-1/memberships"


def _csv(response):
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def test_dashboard_shows_who_has_not_started_is_busy_or_done(room, launches):
    room.answer(room.learner(user=launches.user(name="Ans Klaar")))
    room.answer(room.learner(user=launches.user(name="Bert Bezig")), ["trust"])
    room.learner(user=launches.user(name="Carla Nog Niet"))
    page = room.page(room.facilitator)
    assert "Hinders and drivers · facilitator" in page and "Board hidden from learners" in page
    rows = {name: page.split(name, 1)[1].split("</tr>", 1)[0] for name in ("Ans Klaar", "Bert Bezig", "Carla Nog Niet")}
    assert "Done" in rows["Ans Klaar"] and "5 of 5 parts" in rows["Ans Klaar"]
    assert "Busy" in rows["Bert Bezig"] and "1 of 5 parts" in rows["Bert Bezig"]
    assert "Not started" in rows["Carla Nog Niet"] and "Erase answers" not in rows["Carla Nog Niet"]
    stats = page.split('class="refl-stats"', 1)[1].split("</dl>", 1)[0]
    assert [s.split("<strong>")[1].split("<")[0] for s in stats.split("refl-stat refl-stat--")[1:4]] == ["1", "1", "1"]
    assert "learners who opened this activity" in page


@pytest.fixture
def nrps(app):
    platform = PlatformServices(jwks())
    app.config["LTI_REQUESTS_SESSION"] = services_session(platform)
    yield platform
    app.config["LTI_REQUESTS_SESSION"] = None


def test_progress_list_comes_from_the_roster(client, launches, nrps):
    from tests.activities.reflection.conftest import Room

    room = Room(client, launches)
    room.facilitator = launches.instructor(room.instance, locale="en", nrps_url=NRPS_URL)
    room.answer(room.learner(user=launches.user(sub="sub-1", name="Anna de Vries")), ["action"])
    nrps.members = [member("sub-1", "Anna de Vries"), member("sub-2", "Bram Docent", role=INSTRUCTOR_ROLE),
                    member("sub-3", "Cor Bakker"), member("sub-4", "Dewi Weg", status="Inactive")]
    page = room.page(room.facilitator)
    assert "participant list." in page and "opened this activity" not in page
    assert "Cor Bakker" in page.split("Cor Bakker", 1)[0] + "Cor Bakker"  # never launched: still listed
    assert "Not started" in page.split("Cor Bakker", 1)[1].split("</tr>", 1)[0]
    assert "Busy" in page.split("Anna de Vries", 1)[1].split("</tr>", 1)[0]
    assert "Bram Docent" not in page and "Dewi Weg" not in page


def test_grade_status_per_learner(room, db):
    ok, failing, waiting = room.crowd(3, parts=["action"])
    rows = {r.user_id: r for r in db.session.execute(select(ScoreOutbox)).scalars()}
    rows[ok.user.id].status = SENT
    rows[failing.user.id].status = FAILED
    rows[failing.user.id].last_error = "403 from the platform: line item closed"
    db.session.commit()
    page = room.page(room.facilitator)
    assert page.count("badge badge--sent") == 1 and page.count("badge badge--failed") == 1
    assert page.count("badge badge--pending") == 1
    assert "403 from the platform: line item closed" in page


def test_facilitator_actions_are_refused_to_learners(room):
    learner = room.learner()
    room.answer(learner, ["action"])
    for path in ("/export/aggregate.csv", "/export/personal-data.csv", f"/participants/{learner.user.id}/erase"):
        assert room.get(learner, path).status_code == 403
    assert room.client.post(f"{room.url}/control", data=learner.form(action="reveal")).status_code == 403


def test_aggregate_export_is_anonymous(room, launches):
    for i in range(5):
        handle = room.learner(user=launches.user(name=f"Naam{i} Privé"))
        room.answer(handle, PARTS, factors=factors(brake_text=f"Privé rem {i}" if i else "Gedeeld", engine_text="Gedeeld",
                                                   shared=i == 0),
                    trust=trust(scores={"leadership": (7, 2 + i)}), action=action("=cmd|' /C calc'!A0", shared=True))
    response = room.get(room.facilitator, "/export/aggregate.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == \
        f'attachment; filename="reflection-{room.instance.id}-aggregate.csv"'
    text = response.get_data(as_text=True)
    assert "Naam" not in text and "P-" not in text and "Privé rem" not in text
    rows = _csv(response)
    assert list(rows[0]) == ["section", "item", "measure", "count", "median", "distribution", "text"]
    assert rows[0]["count"] == "5"
    leadership = [r for r in rows if r["item"] == "Leadership" and r["measure"] == "trust received"][0]
    assert leadership["median"] == "4" and leadership["distribution"].startswith("1:0 2:1 3:1 4:1 5:1 6:1")
    assert {"section": "factors", "item": "Time", "measure": "hinder", "count": "5"}.items() <= \
        [r for r in rows if r["item"] == "Time" and r["measure"] == "hinder" and r["count"]][0].items()
    assert any(r["text"] == "Gedeeld" for r in rows)
    assert any(r["text"] == "'=cmd|' /C calc'!A0" for r in rows)  # no formula runs in a spreadsheet


def test_personal_data_export_has_names_and_private_answers(room, launches):
    anna = room.learner(user=launches.user(name="Anna de Vries"))
    room.answer(anna, PARTS, factors=factors(brake_text="Privé rem", brake_own="werkdruk"))
    response = room.get(room.facilitator, "/export/personal-data.csv")
    assert response.status_code == 200 and "personal-data" in response.headers["Content-Disposition"]
    rows = _csv(response)
    assert list(rows[0]) == ["name", "participant", "part", "item", "question", "answer", "shared_with_group",
                             "hidden_by_facilitator", "updated"]
    assert {r["name"] for r in rows} == {"Anna de Vries"}
    brake = [r for r in rows if r["part"] == "factors" and r["item"] == "brake"]
    assert {(r["question"], r["answer"], r["shared_with_group"]) for r in brake} == {
        ("text", "Privé rem", "no"), ("tags", "Time; werkdruk", "no")}
    page = room.page(room.facilitator)
    assert "All answers: personal data" in page and "including answers they kept private" in page


def test_export_through_the_contract_is_pseudonymous(room, launches):
    room.answer(room.learner(user=launches.user(name="Anna de Vries")), ["action"])
    rows = ReflectionActivity.export(room.instance)
    assert len(rows) == 1 and rows[0]["participant"].startswith("P-") and "name" not in rows[0]
    assert rows[0]["answer"] == "Elke week iemand van een andere afdeling iets vragen."


def test_erase_asks_first_then_removes_the_learners_answers(room, db, launches):
    keep = room.crowd(1)[0]
    gone = room.learner(user=launches.user(name="Wis Mij"))
    room.answer(gone)
    url = f"{room.url}/participants/{gone.user.id}/erase"
    confirm = room.get(room.facilitator, f"/participants/{gone.user.id}/erase")
    html = confirm.get_data(as_text=True)
    assert confirm.status_code == 200 and "Erase the answers of Wis Mij?" in html
    assert room.client.post(url, data=room.facilitator.form()).status_code == 400  # no confirmation
    ((action_url, hidden),) = forms_on(html)
    response = room.client.post(action_url, data=hidden)
    assert response.status_code == 303 and "done=erased" in response.headers["Location"]
    for model in (Situation, Factor, TrustScore, Action):
        assert db.session.execute(select(model).filter_by(user_id=gone.user.id)).first() is None
        assert db.session.execute(select(model).filter_by(user_id=keep.user.id)).first() is not None
    assert db.session.execute(select(FactorTag)).first() is not None  # only the erased learner's tags went


def test_erase_is_limited_to_the_facilitators_own_course(room, launches):
    other_course = launches.context(context_id="course-2")
    outsider = launches.launch(launches.instance("reflection", context=other_course))
    assert room.get(room.facilitator, f"/participants/{outsider.user.id}/erase").status_code == 404
    assert room.get(room.facilitator, "/participants/999999/erase").status_code == 404


def test_erase_through_the_contract(room, db):
    learner = room.learner()
    room.answer(learner)
    assert ReflectionActivity.erase(room.instance, learner.user) == 2 + 2 + 6 + 3 + 1
    db.session.commit()
    assert ReflectionActivity.participation(room.instance, learner.user).fraction == 0.0


def test_aggregate_export_hides_what_the_board_hides(room, launches):
    """Five learners score every group but one scores 'leadership' only: the export, like the board, gives
    that group's count and nothing that could show the one person's score."""
    others = [key for key in GROUP_KEYS if key != "leadership"]
    for i in range(4):
        room.answer(room.learner(), ["trust"], trust=dict(trust(given=7, received=8 if i % 2 else 7, keys=others),
                                                          na_leadership="y"))
    room.answer(room.learner(), ["trust"], trust=trust(scores={"leadership": (2, 9)}, given=8, received=8))
    rows = _csv(room.get(room.facilitator, "/export/aggregate.csv"))
    leadership = [r for r in rows if r["item"] == "Leadership"]
    assert leadership and all(r["median"] == "" and r["distribution"] == "" for r in leadership)
    assert {r["count"] for r in leadership if r["measure"].startswith("trust")} == {"1"}
    assert "2:" not in " ".join(r["distribution"] for r in leadership)
    team = {r["measure"]: r for r in rows if r["item"] == "Colleagues in my team"}
    assert team["trust given"]["median"] == "7" and team["trust received"]["median"] == "8"
    assert team["trust received"]["distribution"] == "1:0 2:0 3:0 4:0 5:0 6:0 7:2 8:3 9:0 10:0"


def test_aggregate_export_stays_empty_below_the_minimum_group_size(room):
    for _ in range(4):
        room.answer(room.learner(), PARTS, trust=trust(given=6, received=6, shared=True),
                    action=action("Ik deel mijn checklist.", shared=True))
    rows = _csv(room.get(room.facilitator, "/export/aggregate.csv"))
    assert [(r["section"], r["count"]) for r in rows] == [("participants", "4")]


def test_aggregate_export_medians_follow_the_language(room):
    for given in (6, 7, 7, 6, 8, 5):
        room.answer(room.learner(), ["trust"], trust=trust(given=given, received=7))
    dutch = room.launches.instructor(room.instance, locale="nl")
    rows = _csv(room.get(dutch, "/export/aggregate.csv"))
    # Medians read as on the board: 6,5 and 7 (never 7.0), in the reader's language.
    medians = {r["median"] for r in rows if r["median"]}
    assert medians == {"6,5", "7"}
