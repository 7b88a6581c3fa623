"""The facilitator's routes on the board: phases, moderation, clustering, learning goals and the charter."""
from flask import abort, jsonify, redirect, request
from flask_babel import gettext as _

from activities.expectations import bp, cards, themes
from activities.expectations import settings as exp_settings
from activities.expectations.cards import Refused
from activities.expectations.state import control as apply_control
from activities.expectations.state import current_version
from activities.expectations.views import render_board
from lti_tool.extensions import db
from lti_tool.forms import REFUSED_CHARACTER
from lti_tool.input_policy import acceptable_text, bounded_int
from lti_tool.session import launch_required, launch_url

MAX_SELECTED = 500


def wants_json():
    """Whether the board's script sent this (drag and drop) and expects JSON back."""
    return request.accept_mimetypes.best == "application/json"


def done(instance, code, anchor=None, endpoint="expectations.index"):
    """Commit, then PRG back to the page with a notice (or a small JSON answer for the script)."""
    db.session.commit()
    if wants_json():
        return jsonify(ok=True, version=current_version(instance.id))
    return redirect(launch_url(endpoint, done=code, _anchor=anchor), code=303)


def refuse(instance, refused):
    """Show why an action did not apply, with a 4xx, keeping the board as it was."""
    db.session.rollback()
    if wants_json():
        return jsonify(error=refused.message), refused.status
    return render_board(instance, refused.status, error=refused.message)


def to_int(value):
    """A form value as a whole number id (abort 400 otherwise)."""
    number = bounded_int(value)
    if number is None:
        abort(400)
    return number


def text_field(name, limit, empty_message, long_message):
    """A short text from the form, white space normalised; Refused when empty or too long."""
    text = " ".join((request.form.get(name) or "").split())
    if not text:
        raise Refused(empty_message)
    if not acceptable_text(text):
        raise Refused(str(REFUSED_CHARACTER))
    if len(text) > limit:
        raise Refused(long_message)
    return text


def _selected(instance):
    ids = request.form.getlist("card")
    if len(ids) > MAX_SELECTED:
        abort(400)
    ids = {to_int(i) for i in ids}
    found = cards.cards_by_ids(instance, ids)
    if len(found) != len(ids):
        raise Refused(_("Some selected cards are no longer on the board. Look again and select."), status=409)
    return found


@bp.post("/<id:iid>/control")
@launch_required(role="facilitator")
def control(instance):
    """Open or close posting, dot voting and the closing evaluation."""
    action = request.form.get("action", "")
    applied = apply_control(instance, action)
    back = "expectations.closing_page" if action.endswith("_closing") else "expectations.index"
    return done(instance, action if applied else "stale", endpoint=back)


@bp.post("/<id:iid>/cluster")
@launch_required(role="facilitator")
def cluster(instance):
    """Act on the selected cards: group into a new theme, add to a theme, take out, merge, hide, show."""
    op = request.form.get("op", "")
    if op not in ("group", "add", "take_out", "merge", "hide", "show"):
        abort(400)
    try:
        selected = _selected(instance)
        if not selected:
            raise Refused(_("Select one or more cards first."))
        if op == "group":
            name = " ".join((request.form.get("name") or "").split())
            if not acceptable_text(name):
                raise Refused(str(REFUSED_CHARACTER))
            if len(name) > themes.MAX_THEME_NAME:
                raise Refused(_("Keep the theme name under %(max)d characters.", max=themes.MAX_THEME_NAME))
            themes.group(instance, selected, name)
        elif op == "add":
            theme = themes.theme_by_id(instance, to_int(request.form.get("theme")) if request.form.get("theme")
                                       else None)
            if theme is None:
                raise Refused(_("Choose the theme to add the cards to."))
            themes.add(instance, theme, selected)
        elif op == "take_out":
            themes.take_out(instance, selected)
        elif op == "merge":
            cards.merge(instance, selected)
        else:
            cards.set_hidden(instance, selected, op == "hide")
    except Refused as refused:
        return refuse(instance, refused)
    codes = {"group": "grouped", "add": "added", "take_out": "taken_out", "merge": "merged", "hide": "hidden",
             "show": "shown"}
    return done(instance, codes[op], anchor=f"column-{selected[0].column_key}")


@bp.post("/<id:iid>/cards/<id:cid>/moderate")
@launch_required(role="facilitator")
def moderate(instance, cid):
    """One card: edit its text (marked as edited), hide or show it, or separate its merged duplicates."""
    found = cards.cards_by_ids(instance, {cid})
    if not found:
        abort(404)
    card, op = found[0], request.form.get("op", "")
    config = exp_settings.load(instance.settings)
    try:
        if op == "edit":
            cards.edit(instance, card, text_field("text", config.card_length, _("A card cannot be empty."),
                                             _("Keep the card under %(max)d characters.", max=config.card_length)))
        elif op in ("hide", "show"):
            cards.set_hidden(instance, [card], op == "hide")
        elif op == "unmerge":
            cards.unmerge(instance, card)
        else:
            abort(400)
    except Refused as refused:
        return refuse(instance, refused)
    codes = {"edit": "edited", "hide": "hidden", "show": "shown", "unmerge": "unmerged"}
    return done(instance, codes[op], anchor=f"card-{card.id}")


@bp.post("/<id:iid>/themes/<id:tid>")
@launch_required(role="facilitator")
def theme(instance, tid):
    """Rename or remove a theme."""
    found = themes.theme_by_id(instance, tid)
    if found is None:
        abort(404)
    op = request.form.get("op", "")
    try:
        if op == "rename":
            themes.rename(instance, found, text_field("name", themes.MAX_THEME_NAME, _("Give the theme a name."),
                                                 _("Keep the theme name under %(max)d characters.",
                                                   max=themes.MAX_THEME_NAME)))
        elif op == "remove":
            themes.remove(instance, found)
        else:
            abort(400)
    except Refused as refused:
        return refuse(instance, refused)
    return done(instance, "renamed" if op == "rename" else "theme_removed", anchor=f"column-{found.column_key}")


@bp.post("/<id:iid>/columns/<column>/singletons")
@launch_required(role="facilitator")
def singletons(instance, column):
    """Every loose card of a column becomes a theme of its own (to vote on cards as they are)."""
    if column not in exp_settings.load(instance.settings).column_keys:
        abort(404)
    themes.each_card_a_theme(instance, column)
    return done(instance, "singletons", anchor=f"column-{column}")
