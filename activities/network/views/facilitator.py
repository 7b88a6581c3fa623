"""Facilitator routes: open the next moment, the course network, needs and offers, exports, erase."""
from flask import abort, g, redirect, render_template, request

from activities.network import bp, convert, course_view, dashboard, exports, forms, moments, pages, tag_links
from activities.network.analysis import course_change, matching
from activities.network import settings as network_settings
from lti_tool.csv_export import download
from lti_tool.extensions import db
from lti_tool.participant_codes import participant_code
from lti_tool.session import launch_required, launch_url
from lti_tool.i18n import current_language

FORMATS = {
    "graphml": ("application/graphml+xml", "graphml"),
    "nodes.csv": ("text/csv", "nodes.csv"),
    "edges.csv": ("text/csv", "edges.csv"),
    "json": ("application/json", "json"),
}


def _setup(instance):
    config = network_settings.load(instance.settings)
    return instance, config, moments.listing(instance, config, current_language())


def _moment_or_404(listing, key):
    current = next(m for m in listing if m.is_current)
    moment = current if not key else next((m for m in listing if m.key == key), None)
    if moment is None:
        abort(404)
    return moment


@bp.post("/<id:iid>/moments")
@launch_required(role="facilitator")
def open_moment(instance):
    """Open a moment (normally the next one); learners then start from a copy of their earlier drawing."""
    instance, config, _listing = _setup(instance)
    key, expected = request.form.get("moment", ""), request.form.get("current", "")
    if config.moment(key) is None:
        abort(400)
    if request.form.get("confirm") != "1":  # irreversible: only with the facilitator's explicit yes
        return redirect(launch_url("network.index", done="confirm_open"), code=303)
    applied = moments.open_moment(instance, config, key, expected)
    db.session.commit()
    return redirect(launch_url("network.index", done="opened" if applied else "stale"), code=303)


@bp.get("/<id:iid>/course")
@launch_required(role="facilitator")
def course(instance):
    """The merged course network at a moment: drawing, knowledge holders, brokers, isolates, communities."""
    instance, config, listing = _setup(instance)
    moment = _moment_or_404(listing, request.args.get("moment"))
    members = dashboard.members_map(g.launch, instance)
    language = current_language()
    network, measures = course_view.network_at(instance, config, moment.key, members, language)
    nodes, lines, view_box = course_view.layout(network, measures)
    labels = {n.id: n.label for n in network.nodes}
    comparison, before = None, None
    earlier = [m for m in listing if m.index < moment.index]
    if earlier:
        before = next((m for m in earlier if m.key == request.args.get("from")), earlier[-1])
        old_network, old_measures = course_view.network_at(instance, config, before.key, members, language)
        comparison = course_change.compare_moments(old_network, network, old_measures, measures)
    return render_template("activities/network/course.html", instance=instance, config=config, moments=listing,
                           moment=moment, network=network, measures=measures, nodes=nodes, lines=lines,
                           view_box=view_box,
                           labels=labels, comparison=comparison, before=before, earlier=earlier)


@bp.get("/<id:iid>/matches")
@launch_required(role="facilitator")
def matches(instance):
    """For each participant's needs, who in the course offers that knowledge."""
    instance, config, listing = _setup(instance)
    moment = _moment_or_404(listing, request.args.get("moment"))
    pairs = convert.moment_drawings(instance, moment.key)
    egos = [convert.ego(d, u.sub, u.name or "", config) for d, u in pairs]
    consenting = {u.sub for d, u in pairs if d.suggest_consent}
    found = matching.match_needs(egos, {e.owner_sub for e in egos}, tag_links.links_for(instance).how)
    rows = [(e, found.get(e.owner_sub, ())) for e in sorted(egos, key=lambda e: e.owner_label.casefold())]
    notice, kind = pages.notice_for(request.args.get("done"))
    return render_template("activities/network/matches.html", instance=instance, config=config, moments=listing,
                           moment=moment, rows=rows, consenting=consenting, pairs=_suggested_pairs(rows),
                           confirmed=tag_links.CONFIRMED, notice=notice, notice_kind=kind)


def _suggested_pairs(rows):
    """(need, offer tag, how) of the tool's own suggestions on this page, once each, for the facilitator to judge."""
    seen, pairs = set(), []
    for _ego, needs in rows:
        for need in needs:
            for offer in need.offers:
                key = tag_links.pair_key(need.need, offer.tag)
                if offer.how in tag_links.SUGGESTED + (tag_links.CONFIRMED,) and key not in seen:
                    seen.add(key)
                    pairs.append((need.need, offer.tag, offer.how))
    return pairs


@bp.post("/<id:iid>/tag-links")
@launch_required(role="facilitator")
def tag_link(instance):
    """The facilitator says two tags are the same knowledge, are not, or takes that back."""
    instance, _config, listing = _setup(instance)
    form = forms.TagLinkForm(request.form)
    if not form.validate() or not tag_links.decide(instance, form.first.data, form.second.data,
                                                   forms.TAG_VERDICTS[form.verdict.data]):
        abort(400)
    db.session.commit()
    return redirect(launch_url("network.matches", moment=request.form.get("moment") or None,
                               done="linked", _anchor="tag-links"), code=303)


@bp.get("/<id:iid>/export/<moment_key>/<fmt>")
@launch_required(role="facilitator", fresh=True)
def export(instance, moment_key, fmt):
    """The course network at a moment as GraphML, CSV nodes, CSV edges or JSON (codes; names on request)."""
    instance, config, listing = _setup(instance)
    moment = _moment_or_404(listing, moment_key)
    if fmt not in FORMATS:
        abort(404)
    members = dashboard.members_map(g.launch, instance)
    network, measures = course_view.network_at(instance, config, moment.key, members, current_language())
    codes = {n.id: participant_code(instance.context_id, n.id) for n in network.members()}
    names = {n.id: n.label for n in network.members()} if request.args.get("names") == "1" else None
    if fmt == "graphml":
        body = exports.to_graphml(network, measures, codes, names)
    elif fmt == "nodes.csv":
        body = exports.nodes_csv(network, measures, codes, names)
    elif fmt == "edges.csv":
        body = exports.edges_csv(network, codes)
    else:
        body = exports.to_json(network, measures, codes, names)
    mimetype, suffix = FORMATS[fmt]
    filename = f"network-{instance.id}-{moment.key}{'-names' if names else ''}.{suffix}"
    return download(body, filename, mimetype)
