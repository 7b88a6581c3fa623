"""The list view (the no-JavaScript baseline): add, place, relate, connect, edit and remove contacts."""
from flask import abort, g, redirect, render_template, request
from flask_babel import lazy_gettext as _l

from activities.network import bp, contacts, pages, people
from activities.network.contacts import Refused
from activities.network.forms import ContactForm, MembersForm, options
from activities.network.saving import Conflict, MomentMoved, save
from lti_tool.input_policy import bounded_int
from lti_tool.session import launch_required, launch_url

LIST_TEMPLATE = "activities/network/contacts.html"
EDIT_TEMPLATE = "activities/network/contact_edit.html"


def view_for(instance, moment=None):
    """The learner's view of their drawing at a moment (the open one by default)."""
    return pages.learner_view(g.launch, instance, moment)


def stale_notice(exc):
    """The message for a refused stale save: another tab saved first, or a new moment opened."""
    return pages.MOMENT_MOVED if isinstance(exc, MomentMoved) else pages.CONFLICT


def _available(view):
    """Classmates not yet in the drawing."""
    taken = {c.member_sub for c in view.contacts if c.member_sub}
    return [p for p in people.classmates(g.launch) if p.sub not in taken]


def new_contact_form(view, formdata=None):
    """The form to add a person by hand, with the placement's choices."""
    form = ContactForm(formdata=formdata, data=None if formdata else {"ring": "0", "location": ""})
    return form.configure(view.config, view.language)


def _members_form(view, available, formdata=None):
    form = MembersForm(formdata=formdata)
    form.members.choices = options((p.sub, p.name) for p in available)
    return form


def _render_list(view, add_form=None, members_form=None, status=200, notice=None, kind=None, error=None):
    available = _available(view) if view.editable else []
    return render_template(
        LIST_TEMPLATE, view=view, section="contacts", add_form=add_form or new_contact_form(view),
        members_form=members_form or _members_form(view, available), available=available,
        notice=notice, notice_kind=kind, list_error=error,
        neighbours={c.key: len(contacts.neighbours(view.drawing, c)) for c in view.contacts}), status


@bp.get("/<id:iid>/contacts")
@launch_required(role="learner")
def contacts_page(instance):
    """Every contact with its ring and relations, and forms to add more."""
    view = view_for(instance, request.args.get("moment"))
    notice, kind = pages.notice_for(request.args.get("done"))
    return _render_list(view, notice=notice, kind=kind)


@bp.post("/<id:iid>/contacts")
@launch_required(role="learner")
def add_contact(instance):
    """Add a person by hand (name or initials, role, place, and optionally ring and relations)."""
    view = view_for(instance)
    form = new_contact_form(view, request.form)
    if not form.validate():
        return _render_list(view, add_form=form, status=400)

    def change(drawing):
        contacts.add(drawing, view.config, view.language, form.label.data, role=form.role.data or "",
                     location=form.location.data, ring=int(form.ring.data or 0), relations=form.relations.data)

    try:
        save(view, form.sent_version(), change, form.moment.data)
    except Refused as refused:
        form.label.errors.append(refused.message)
        return _render_list(view_for(instance), add_form=form, status=400)
    except Conflict as exc:
        return _render_list(view_for(instance), add_form=form, status=409, notice=stale_notice(exc), kind="warning")
    if request.args.get("back") == "drawing":  # added on the empty drawing: back there, to the new person
        return redirect(launch_url("network.drawing", done="added"), code=303)  # the script focuses them
    return redirect(launch_url("network.contacts_page", done="added", _anchor="your-contacts"), code=303)


@bp.post("/<id:iid>/contacts/members")
@launch_required(role="learner")
def add_members(instance):
    """Add classmates picked from the course list, linked by their LMS user id."""
    view = view_for(instance)
    available = {p.sub: p for p in _available(view)}
    form = _members_form(view, list(available.values()), request.form)
    picked = [sub for sub in (form.members.data or ()) if sub]
    if not picked or any(sub not in available for sub in picked):
        form.members.errors = [_l("Choose one or more classmates from the list.")] if not picked else [
            _l("Someone you chose is no longer in the course list, or already in your network.")]
        return _render_list(view, members_form=form, status=400)

    def change(drawing):
        contacts.check_room(drawing, len(picked))
        for sub in picked:
            contacts.add(drawing, view.config, view.language, available[sub].name, member_sub=sub)

    try:
        save(view, form.sent_version(), change, form.moment.data)
    except Refused as refused:
        form.members.errors = [refused.message]
        return _render_list(view_for(instance), members_form=form, status=400)
    except Conflict as exc:
        return _render_list(view_for(instance), status=409, notice=stale_notice(exc), kind="warning")
    return redirect(launch_url("network.contacts_page", done="added_many", _anchor="your-contacts"), code=303)


def _bulk_values(view):
    """{key: (ring, relations)} from the list form; None when something was not a valid choice."""
    rings = {str(n) for n in range(view.config.ring_count + 1)}
    relations = set(view.config.relation_keys())
    found = {}
    for key in request.form.getlist("contact"):
        ring = request.form.get(f"ring-{key}", "0")
        chosen = request.form.getlist(f"rel-{key}")
        if ring not in rings or set(chosen) - relations:
            return None
        found[key] = (int(ring), chosen)
    return found


@bp.post("/<id:iid>/contacts/bulk")
@launch_required(role="learner")
def save_list(instance):
    """Save the rings and relations of every contact in the list at once."""
    view = view_for(instance)
    values = _bulk_values(view)
    version = bounded_int(request.form.get("version"), low=0)
    if values is None or version is None:
        abort(400)

    def change(drawing):
        for key, (ring, chosen) in values.items():
            contact = contacts.contact_or_404(drawing, key)
            contacts.place(contact, ring, contact.angle, view.config.ring_count)
            contact.relations = chosen

    try:
        save(view, version, change, request.form.get("moment"))
    except Conflict as exc:
        return _render_list(view_for(instance), status=409, notice=stale_notice(exc), kind="warning")
    return redirect(launch_url("network.contacts_page", done="saved", _anchor="your-contacts"), code=303)


from activities.network.views import contact  # noqa: E402,F401  (one contact's page)
