"""The organisation view's page, its HR file imports, its background computation and its exports, for
administrators only."""
from datetime import date

from flask import abort, g, jsonify, redirect, render_template, request
from werkzeug.datastructures import CombinedMultiDict

from activities.network.organisation import background, exports, hr_import, page, records
from activities.network.organisation.activity import load, may_open, org_bp
from activities.network.organisation.forms import HrFileForm
from activities.network.organisation.guide import GUIDE
from lti_tool.csv_export import download
from lti_tool.errors import error_response, new_reference
from lti_tool.extensions import db
from lti_tool.session import launch_required, launch_url

EXPORTS = {"risks.csv": "text/csv", "people.csv": "text/csv", "ties.csv": "text/csv",
           "network.graphml": "application/graphml+xml"}
REPORT_RISKS = 10
REPORT_AGREEMENTS = 5  # blank rows to fill in during the conversation, for the most exposed skills
MAX_HR_FILE = 16 * 1024 * 1024  # 200,000 rows of a skills file; everything else keeps the app's 1 MB


@org_bp.before_request
def _room_for_hr_files():
    if request.endpoint == "organisation.import_file":
        request.max_content_length = MAX_HR_FILE


def _refused():
    return error_response(403, exports.REFUSED_TITLE, exports.REFUSED_MESSAGE, new_reference())


def _view(instance):
    """(view, job): computed now for a small organisation (job None); for a large one the last stored result
    (None before the first) and the background job that computes the next."""
    with_names = records.is_admin(g.launch.user_id)
    if not background.large(instance.platform_id):
        horizon, min_group = load(instance.settings)
        return page.build(instance.platform_id, horizon, min_group, with_names=with_names), None
    job = background.current(instance)
    db.session.commit()
    return background.read(job, instance.platform_id, with_names), job


def _page(instance, status=200, forms=None, **report):
    view, job = _view(instance)
    chosen = view.risk_of(request.args.get("skill")) if view else None
    imported = request.args.get("done") if request.args.get("done") in hr_import.KINDS else None
    forms = forms or {kind: HrFileForm(prefix=kind) for kind in hr_import.KINDS}
    return render_template("activities/organisation/index.html", instance=instance, view=view, chosen=chosen,
                           picture=view.picture(chosen) if chosen else None, forms=forms, imported=imported,
                           hr=records.hr_counts(instance.platform_id), max_shown=hr_import.MAX_SHOWN,
                           outcome=report.get("outcome"), filename=report.get("filename"), job=job,
                           stages=background.STAGES), status


@org_bp.get("/<id:iid>")
@launch_required()
def index(instance):
    """Who knows what across the courses that take part, and where knowledge may be lost."""
    return _page(instance) if may_open(g.launch) else _refused()


@org_bp.post("/<id:iid>/import/<kind>")
@launch_required()
def import_file(instance, kind):
    """Replace the skills or the leaving dates by an uploaded CSV file, or say per line why nothing changed."""
    if not may_open(g.launch):
        return _refused()
    if kind not in hr_import.KINDS:
        abort(404)
    form = HrFileForm(CombinedMultiDict((request.files, request.form)), prefix=kind)
    if not form.validate():
        forms = {other: HrFileForm(prefix=other) for other in hr_import.KINDS} | {kind: form}
        return _page(instance, 422, forms=forms)
    outcome = hr_import.import_file(instance.platform_id, kind, form.file.data.read())
    if not outcome.ok:
        db.session.rollback()  # nothing of a refused file stays, whatever the checks touched
        return _page(instance, 422, outcome=outcome, filename=(form.file.data.filename or "")[:100])
    background.refresh_platform(instance.platform_id)
    db.session.commit()
    return redirect(launch_url("organisation.index", done=kind, _anchor="hr-files"), code=303)


@org_bp.post("/<id:iid>/recompute")
@launch_required()
def recompute(instance):
    """Ask the worker for fresh figures now (a large organisation's view is otherwise recomputed hourly)."""
    if not may_open(g.launch):
        return _refused()
    background.request(instance)
    db.session.commit()
    return redirect(launch_url("organisation.index"), code=303)


@org_bp.get("/<id:iid>/progress")
@launch_required()
def progress(instance):
    """How far the background computation is, for the page's progress bar (JSON)."""
    if not may_open(g.launch):
        return jsonify(ok=False), 403
    job = background.job_of(instance)
    if job is None:
        return jsonify(ok=True, status="none")
    return jsonify(ok=True, status=job.status, progress=job.progress, stage=str(background.STAGES.get(job.stage, "")),
                   result_at=job.result_at.isoformat() if job.result_at else None)


@org_bp.get("/<id:iid>/report")
@launch_required()
def report(instance):
    """A printable report for the HR conversation: the most exposed skills, who holds them, blank agreements."""
    if not may_open(g.launch):
        return _refused()
    view, _job = _view(instance)
    if view is None:
        return error_response(409, background.NOT_YET_TITLE, background.NOT_YET_MESSAGE, new_reference())
    risks = view.risk_rows(limit=REPORT_RISKS)
    return render_template("activities/organisation/report.html", instance=instance, view=view, risks=risks,
                           agreements=risks[:REPORT_AGREEMENTS], today=date.today(), guide=GUIDE)


@org_bp.get("/<id:iid>/export/<name>")
@launch_required()
def export(instance, name):
    """One table of the view (risks, people, ties) as CSV, or the network as GraphML; the page's privacy."""
    if not may_open(g.launch):
        return _refused()
    if name not in EXPORTS:
        abort(404)
    view, _job = _view(instance)
    if view is None:  # a large organisation's first computation is still running
        return error_response(409, background.NOT_YET_TITLE, background.NOT_YET_MESSAGE, new_reference())
    return download(exports.render(name, view), f"organisation-{instance.id}-{name}", EXPORTS[name])
