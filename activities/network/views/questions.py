"""All contacts on one screen: add several people at once and answer the three questions for each."""
from flask import redirect, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from activities.network import bp, contacts, pages
from activities.network.content import text_of
from activities.network.contacts import Refused
from activities.network.forms import QuestionsRow
from activities.network.saving import Conflict, save
from activities.network.views.contacts import stale_notice, view_for
from lti_tool.input_policy import bounded_int
from lti_tool.session import launch_required, launch_url

TEMPLATE = "activities/network/questions.html"
MAX_NEW_AT_ONCE = 15


def _rows(view, formdata=None):
    """{contact key: QuestionsRow}, filled from the request or from the saved contacts."""
    rows = {}
    for c in view.contacts:
        data = None if formdata else {"knows": ", ".join(c.knows or []), "access": c.access,
                                      "cost_effort": str(c.cost_effort or ""), "cost_note": c.cost_note}
        rows[c.key] = QuestionsRow(formdata=formdata, prefix=f"q-{c.key}-", data=data)
    return rows


def _counts(view, contact):
    """Whether the settings require the questions for this contact (placed, with a relation)."""
    return view.config.questions_required and bool(contact.relations) and contact.ring > 0


def _render(view, rows=None, status=200, notice=None, kind=None, add_error=None, names="", place=""):
    places = [(loc["key"], text_of(loc, view.language)) for loc in view.config.locations]
    return render_template(TEMPLATE, view=view, section="contacts", rows=rows or _rows(view), places=places,
                           notice=notice, notice_kind=kind, add_error=add_error, names=names, place=place,
                           max_new=MAX_NEW_AT_ONCE), status


@bp.get("/<id:iid>/questions")
@launch_required(role="learner")
def questions_page(instance):
    """The grid: every contact with the three questions, and a box to add several people."""
    view = view_for(instance, request.args.get("moment"))
    notice, kind = pages.notice_for(request.args.get("done"))
    return _render(view, notice=notice, kind=kind)


@bp.post("/<id:iid>/questions")
@launch_required(role="learner")
def save_questions(instance):
    """Save the three questions of every contact in the grid at once."""
    view = view_for(instance)
    rows = _rows(view, request.form)
    valid = all([row.validate() for row in rows.values()])  # every row, so every error shows at once
    by_key = {c.key: c for c in view.contacts}
    if valid:
        valid = all([row.require_questions() for key, row in rows.items() if _counts(view, by_key[key])])
    if not valid:
        return _render(view, rows, status=400)

    def change(drawing):
        for key, row in rows.items():
            contact = contacts.contact_or_404(drawing, key)
            contacts.update(drawing, view.config, view.language, contact, knows=row.knows.tags,
                            access=row.access.data or "", cost_effort=row.effort(), cost_note=row.cost_note.data or "")

    try:
        save(view, bounded_int(request.form.get("version"), low=0), change, request.form.get("moment"))
    except Conflict as exc:
        return _render(view_for(instance), rows, status=409, notice=stale_notice(exc), kind="warning")
    return redirect(launch_url("network.questions_page", done="saved", _anchor="grid"), code=303)


def _names(raw):
    names, seen = [], set()
    for line in (raw or "").splitlines():
        name = " ".join(line.split())
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names


@bp.post("/<id:iid>/questions/people")
@launch_required(role="learner")
def add_people(instance):
    """Add several people by hand, one per line, all in the same place."""
    view = view_for(instance)
    raw, place = request.form.get("names", ""), request.form.get("place", "")
    names = _names(raw)
    error = (_l("Write one name, initials or pseudonym per line.") if not names else
             _("Add at most %(max)d people at once.", max=MAX_NEW_AT_ONCE) if len(names) > MAX_NEW_AT_ONCE else
             _("Keep each name under %(max)d characters.", max=120) if any(len(n) > 120 for n in names) else
             _l("Choose where these people are.") if place not in view.config.location_keys() else None)
    if error:
        return _render(view, status=400, add_error=error, names=raw[:4000], place=place)

    def change(drawing):
        contacts.check_room(drawing, len(names))
        for name in names:
            contacts.add(drawing, view.config, view.language, name, location=place)

    try:
        save(view, bounded_int(request.form.get("version"), low=0), change, request.form.get("moment"))
    except Refused as refused:
        return _render(view_for(instance), status=400, add_error=refused.message, names=raw[:4000], place=place)
    except Conflict as exc:
        return _render(view_for(instance), status=409, notice=stale_notice(exc), kind="warning", names=raw[:4000],
                       place=place)
    return redirect(launch_url("network.questions_page", done="added", _anchor="grid"), code=303)
