"""A large organisation's view is computed by the worker: the page shows progress, then the stored result, which
says exactly what the view computed on a request says; opt-outs, HR files and new settings ask for a new run; a
failed run keeps the last figures."""
import html
import io
import json
import zlib

import pytest

from activities.network.organisation import background, records
from activities.network.organisation.models import OrgSkill
from lti_tool import jobs
from lti_tool.extensions import db
from lti_tool.launch import ADMIN
from lti_tool.models import ActivityInstance, BackgroundJob
from tests.activities.network.org_world import open_view
from tests.support.html import page_text, soup, texts

EXPORTS = ("risks.csv", "people.csv", "ties.csv", "network.graphml")


@pytest.fixture
def large(app):
    """Every organisation with more than three ties counts as large (the fixture's has eleven)."""
    before = app.config["ORG_VIEW_BACKGROUND_TIES"]
    app.config["ORG_VIEW_BACKGROUND_TIES"] = 3
    yield
    app.config["ORG_VIEW_BACKGROUND_TIES"] = before


def strings_in(value):
    """Every string in a JSON value, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def page_and_exports(client, launches, view, **launch):
    page = open_view(client, launches, view, **launch).get_data(as_text=True)
    return page, {name: open_view(client, launches, view, path=f"/export/{name}", **launch).get_data(as_text=True)
                  for name in EXPORTS}


def main_of(page):
    """The page's figures without the background card (which only the large organisation has)."""
    found = soup(page).select_one("main")
    for box in found.select("#org-job, #hr-files"):
        box.decompose()
    return " ".join(found.get_text(" ").split())


def test_the_worker_computes_what_the_page_would_and_the_page_serves_it(client, launches, org, app):
    _platform, _people, view = org
    now_page, now_exports = page_and_exports(client, launches, view)  # small: computed on the request
    assert not soup(now_page).select("#org-job")
    before, app.config["ORG_VIEW_BACKGROUND_TIES"] = app.config["ORG_VIEW_BACKGROUND_TIES"], 3
    try:
        first = open_view(client, launches, view).get_data(as_text=True)
        job = jobs.state(view.id, background.KIND)
        assert job.status == "queued" and job.result is None
        assert texts(first, "#org-job [data-stage]") == ["Waiting to start"]
        assert soup(first).select_one("#org-job progress")["value"] == "0" and not soup(first).select(".org-risk")
        refused = open_view(client, launches, view, path="/export/risks.csv")
        assert refused.status_code == 409 and "still being computed" in html.unescape(refused.get_data(as_text=True))

        seen = []
        real = jobs.HANDLERS[background.KIND]

        def watched(instance_id, params, report):
            def spy(percent, stage):
                report(percent, stage)
                with db.engine.connect() as other:  # committed at once: another process sees it mid-run
                    seen.append(other.execute(db.select(BackgroundJob.progress, BackgroundJob.stage)).one())
            return real(instance_id, params, spy)

        jobs.HANDLERS[background.KIND] = watched
        try:
            assert jobs.run_one() == job.id
        finally:
            jobs.HANDLERS[background.KIND] = real
        assert seen == [(5, "reading"), (35, "merging"), (50, "risks"), (70, "groups"), (90, "saving")]
        assert jobs.run_one() is None  # nothing else due
        stored_page, stored_exports = page_and_exports(client, launches, view)
        assert "Figures computed on" in html.unescape(stored_page)
        assert main_of(stored_page) == main_of(now_page)
        assert stored_exports == now_exports
        progress = client.get(f"/organisation/{view.id}/progress",
                              query_string=launches.launch(view, role=ADMIN).params()).get_json()
        assert progress["status"] == "done" and progress["progress"] == 100 and progress["result_at"]
    finally:
        app.config["ORG_VIEW_BACKGROUND_TIES"] = before


def test_a_named_admin_reads_names_from_the_stored_result(client, launches, org, large):
    platform, people, view = org
    records.add_admin(platform, people["Hanne"].sub)
    db.session.commit()
    open_view(client, launches, view)
    jobs.run_one()
    as_admin = page_text(open_view(client, launches, view, role="learner", user=people["Hanne"]))
    as_lms_admin = page_text(open_view(client, launches, view))
    assert "Ann" in as_admin and "Ann" not in as_lms_admin
    # The stored result holds LMS user ids and no name (read from the JSON: compressed bytes never spell one).
    stored = json.loads(zlib.decompress(jobs.state(view.id, background.KIND).result))
    assert set(strings_in(stored)) & {person.name for person in people.values()} == set()
    assert people["Ann"].sub in stored["people"]


def test_an_opt_out_an_hr_file_and_new_settings_ask_for_a_new_run(client, launches, org, large):
    _platform, people, view = org
    open_view(client, launches, view)
    jobs.run_one()
    assert jobs.state(view.id, background.KIND).status == "done"
    # Ann leaves herself out from her course's page: a new run is queued, and after it she is gone.
    course = ActivityInstance.query.filter_by(title="Netwerk course-a").one()
    learner = launches.launch(course, user=people["Ann"], locale="en")
    client.post(f"/network/{course.id}/organisation", data=learner.form(choice="out"),
                query_string={"lt": learner.token})
    db.session.expire_all()
    assert jobs.state(view.id, background.KIND).status == "queued"
    jobs.run_one()
    assert "Subsidies" not in html.unescape(open_view(client, launches, view).get_data(as_text=True))
    # An HR file imported on the page queues one too.
    handle = launches.launch(view, role=ADMIN, locale="en")
    client.post(f"/organisation/{view.id}/import/skills", content_type="multipart/form-data",
                data=handle.form(**{"skills-file": (io.BytesIO(b"user,skill\nsub-Bob,Lean\n"), "hr.csv")}),
                query_string={"lt": handle.token})
    assert OrgSkill.query.count() == 1 and jobs.state(view.id, background.KIND).status == "queued"
    jobs.run_one()
    # New settings make the stored result stale: the next look asks for a run with them.
    view.settings = {**view.settings, "min_group_size": 6}
    db.session.commit()
    open_view(client, launches, view)
    job = jobs.state(view.id, background.KIND)
    assert job.status == "queued" and job.params["settings"]["min_group"] == 6


def test_a_failed_run_keeps_the_last_figures_and_offers_a_new_one(client, launches, org, large):
    _platform, _people, view = org
    open_view(client, launches, view)
    jobs.run_one()
    real = jobs.HANDLERS[background.KIND]
    jobs.HANDLERS[background.KIND] = lambda *args: 1 / 0
    try:
        handle = launches.launch(view, role=ADMIN, locale="en")
        client.post(f"/organisation/{view.id}/recompute", data=handle.form(), query_string={"lt": handle.token})
        jobs.run_one()
    finally:
        jobs.HANDLERS[background.KIND] = real
    job = jobs.state(view.id, background.KIND)
    assert job.status == "failed" and "ZeroDivisionError" in job.error and job.result
    page = html.unescape(open_view(client, launches, view).get_data(as_text=True))
    assert "The last computation failed" in page and "Compute again now" in page
    assert soup(page).select(".org-risk")  # the last figures are still shown
    assert jobs.state(view.id, background.KIND).status == "failed"  # looking does not start a run that may fail again


def test_a_first_run_that_fails_says_there_are_no_figures_yet(client, launches, org, large):
    _platform, _people, view = org
    open_view(client, launches, view)
    real = jobs.HANDLERS[background.KIND]
    jobs.HANDLERS[background.KIND] = lambda *args: 1 / 0
    try:
        jobs.run_one()
    finally:
        jobs.HANDLERS[background.KIND] = real
    page = html.unescape(open_view(client, launches, view).get_data(as_text=True))
    assert "The computation failed, so there are no figures yet." in page and "Compute again now" in page
    assert not soup(page).select(".org-risk")
