"""Own knowledge (offers, needs, consent to be suggested) and the reflection questions."""
from flask import g, redirect, render_template, request

from activities.network import bp, convert, service, tag_links
from activities.network.analysis import matching, tags
from activities.network.pages import notice_for
from activities.network.people import own_sub
from activities.network.forms import KnowledgeForm, ReflectionForm
from activities.network.saving import Conflict, save
from activities.network.views.contacts import stale_notice, view_for
from lti_tool.session import launch_required, launch_url

KNOWLEDGE_TEMPLATE = "activities/network/knowledge.html"
REFLECTION_TEMPLATE = "activities/network/reflection.html"


def _knowledge_data(view):
    d = view.drawing
    base = {"version": str(view.version), "moment": view.moment.key}
    if d is None:
        return base
    return dict(base, offer_tags=tags.as_text(d.offer_tags), offer_note=d.offer_note,
                need_tags=tags.as_text(d.need_tags), need_note=d.need_note, suggest_consent=d.suggest_consent)


def suggestions(view, launch):
    """(course matches, own contacts who know) for the learner's needs at the shown moment."""
    if view.drawing is None or not view.drawing.need_tags:
        return None, {}
    me = own_sub(launch)
    mine = convert.ego(view.drawing, me, launch.user_name or "", view.config)
    how = tag_links.links_for(view.instance).how
    own = matching.contacts_who_know(mine, how)
    if not view.config.matching:
        return None, own
    egos = convert.egos_at(view.instance, view.moment.key, view.config)
    consenting = {u.sub for d, u in convert.moment_drawings(view.instance, view.moment.key) if d.suggest_consent}
    found = matching.match_needs(egos, consenting, how).get(me, ())
    return found, own


def _render_knowledge(view, launch, form, status=200, notice=None, kind=None):
    course, own = suggestions(view, launch)
    return render_template(KNOWLEDGE_TEMPLATE, view=view, section="knowledge", form=form, matches=course,
                           own_matches=own, notice=notice, notice_kind=kind), status


@bp.route("/<id:iid>/knowledge", methods=["GET", "POST"])
@launch_required(role="learner")
def knowledge(instance):
    """What I could share and for whom, what I need and who could help; and the consent to be suggested."""
    view = view_for(instance, request.args.get("moment") if request.method == "GET" else None)
    if request.method == "GET":
        notice, kind = notice_for(request.args.get("done"))
        return _render_knowledge(view, g.launch, KnowledgeForm(data=_knowledge_data(view)), notice=notice, kind=kind)
    form = KnowledgeForm(formdata=request.form)
    if not form.validate():
        return _render_knowledge(view, g.launch, form, status=400)

    def change(drawing):
        drawing.offer_tags, drawing.offer_note = form.offer_tags.tags, form.offer_note.data or ""
        drawing.need_tags, drawing.need_note = form.need_tags.tags, form.need_note.data or ""
        drawing.suggest_consent = bool(form.suggest_consent.data)

    try:
        save(view, form.sent_version(), change, form.moment.data)
    except Conflict as exc:
        fresh = view_for(instance)
        form.version.data, form.moment.data = str(fresh.version), fresh.moment.key
        return _render_knowledge(fresh, g.launch, form, status=409, notice=stale_notice(exc), kind="warning")
    return redirect(launch_url("network.knowledge", done="saved"), code=303)


@bp.route("/<id:iid>/reflection", methods=["GET", "POST"])
@launch_required(role="learner")
def reflection(instance):
    """What makes it hard to call on others, and how the learner will tackle it."""
    view = view_for(instance, request.args.get("moment") if request.method == "GET" else None)
    if request.method == "GET":
        notice, kind = notice_for(request.args.get("done"))
        d = view.drawing
        data = {"version": str(view.version), "moment": view.moment.key,
                "reflection_hard": d.reflection_hard if d else "", "reflection_plan": d.reflection_plan if d else ""}
        return render_template(REFLECTION_TEMPLATE, view=view, section="reflection", form=ReflectionForm(data=data),
                               earlier=_earlier_reflection(view), notice=notice, notice_kind=kind)
    form = ReflectionForm(formdata=request.form)
    if not form.validate():
        return render_template(REFLECTION_TEMPLATE, view=view, section="reflection", form=form,
                               earlier=_earlier_reflection(view)), 400

    def change(drawing):
        drawing.reflection_hard = form.reflection_hard.data or ""
        drawing.reflection_plan = form.reflection_plan.data or ""

    try:
        save(view, form.sent_version(), change, form.moment.data)
    except Conflict as exc:
        fresh = view_for(instance)
        form.version.data, form.moment.data = str(fresh.version), fresh.moment.key
        return render_template(REFLECTION_TEMPLATE, view=fresh, section="reflection", form=form,
                               earlier=_earlier_reflection(fresh), notice=stale_notice(exc),
                               notice_kind="warning"), 409
    return redirect(launch_url("network.reflection", done="saved"), code=303)


def _earlier_reflection(view):
    """The learner's reflection at the previous moment they drew, to look back on (or None)."""
    earlier = service.earlier_drawing(view.instance, g.launch.user_id, view.config, view.moment.key)
    if earlier is None or not (earlier.reflection_hard or earlier.reflection_plan):
        return None
    return earlier
