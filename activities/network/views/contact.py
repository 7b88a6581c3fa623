"""One contact's page: who, where, how close, relations, the three questions, who knows them; remove."""
from flask import redirect, render_template, request
from flask_babel import gettext as _

from activities.network import bp, contacts
from activities.network.analysis import tags
from activities.network.forms import ContactForm
from activities.network.saving import Conflict, save
from activities.network.views.contacts import EDIT_TEMPLATE, stale_notice, view_for
from lti_tool.input_policy import bounded_int
from lti_tool.session import launch_required, launch_url


def _data(view, contact):
    return {
        "label": contact.label, "role": contact.role, "location": contact.location, "ring": str(contact.ring),
        "relations": list(contact.relations or ()), "knows": tags.as_text(contact.knows),
        "access": contact.access, "cost_effort": "" if contact.cost_effort is None else str(contact.cost_effort),
        "cost_note": contact.cost_note, "knows_contacts": sorted(contacts.neighbours(view.drawing, contact)),
        "version": str(view.version), "moment": view.moment.key,
    }


def _form(view, contact, formdata=None):
    others = [c for c in view.contacts if c.key != contact.key]
    form = ContactForm(formdata=formdata, data=None if formdata else _data(view, contact))
    return form.configure(view.config, view.language, others=others, member=contact.is_member)


def _render(view, contact, form, status=200, notice=None, kind=None):
    return render_template(EDIT_TEMPLATE, view=view, section="contacts", contact=contact, form=form,
                           notice=notice, notice_kind=kind), status


@bp.get("/<id:iid>/contacts/<key>")
@launch_required(role="learner")
def contact_page(instance, key):
    """Edit one contact (read-only at an earlier moment)."""
    view = view_for(instance, request.args.get("moment"))
    contact = contacts.contact_or_404(view.drawing, key)
    return _render(view, contact, _form(view, contact))


@bp.post("/<id:iid>/contacts/<key>")
@launch_required(role="learner")
def save_contact(instance, key):
    """Save one contact; errors come back on the same page with the learner's input kept."""
    view = view_for(instance)
    contact = contacts.contact_or_404(view.drawing, key)
    form = _form(view, contact, request.form)
    valid = form.validate()
    if valid and view.config.questions_required and form.relations.data and form.ring.data not in ("", "0"):
        valid = form.require_questions()
    if not valid:
        return _render(view, contact, form, status=400)
    wanted = [k for k in (form.knows_contacts.data or ()) if k]

    def change(drawing):
        target = contacts.contact_or_404(drawing, key)
        contacts.update(drawing, view.config, view.language, target,
                        label=None if target.is_member else form.label.data, role=form.role.data or "",
                        location=form.location.data or "", relations=form.relations.data or [],
                        knows=form.knows.tags, access=form.access.data or "", cost_effort=form.effort(),
                        cost_note=form.cost_note.data or "")
        contacts.place(target, int(form.ring.data or 0), target.angle, view.config.ring_count)
        known = {c.key for c in drawing.contacts}
        if set(wanted) - known:
            raise contacts.Refused(_("Someone you chose is no longer in your network. Look at the list again."),
                                   field="knows_contacts")
        contacts.set_ties_of(drawing, target, wanted)

    try:
        save(view, form.sent_version(), change, form.moment.data)
    except contacts.Refused as refused:
        form[refused.field].errors.append(refused.message)
        return _render(view_for(instance), contact, form, status=400)
    except Conflict as exc:
        fresh = view_for(instance)
        current = contacts.contact_or_404(fresh.drawing, key)
        form.version.data = str(fresh.version)
        return _render(fresh, current, form, status=409, notice=stale_notice(exc), kind="warning")
    return redirect(launch_url("network.contacts_page", done="saved", _anchor=f"contact-{key}"), code=303)


@bp.post("/<id:iid>/contacts/<key>/delete")
@launch_required(role="learner")
def delete_contact(instance, key):
    """Remove a contact (and their ties) from the open moment's drawing."""
    view = view_for(instance)
    contacts.contact_or_404(view.drawing, key)
    version = bounded_int(request.form.get("version"), low=0)

    def change(drawing):
        contacts.remove(drawing, contacts.contact_or_404(drawing, key))

    try:
        save(view, version, change, request.form.get("moment"))
    except Conflict as exc:
        fresh = view_for(instance)
        current = next((c for c in fresh.contacts if c.key == key), None)
        if current is None:
            return redirect(launch_url("network.contacts_page", done="removed"), code=303)
        return _render(fresh, current, _form(fresh, current), status=409, notice=stale_notice(exc), kind="warning")
    return redirect(launch_url("network.contacts_page", done="removed", _anchor="your-contacts"), code=303)
