"""Routes of the start board: the page, its live updates, posting cards and spending dots."""
from flask import abort, g, redirect, render_template, request
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import func, select

from activities.expectations import bp, cards, dots, pages
from activities.expectations import settings as exp_settings
from activities.expectations.cards import Refused
from activities.expectations.models import Card
from activities.expectations.state import current_version, state_for
from lti_tool.extensions import db
from lti_tool.forms import REFUSED_CHARACTER
from lti_tool.input_policy import acceptable_text
from lti_tool.live import conditional, offer
from lti_tool.saving import save_with_participation
from lti_tool.session import launch_required, launch_url

MAX_CARDS_PER_PERSON = 40


def board_template():
    """The facilitator's board or the participant's board."""
    return "activities/expectations/" + ("facilitator.html" if g.launch.is_instructor else "index.html")


def render_board(instance, status=200, notice=None, kind=None, **extra):
    """The board page for whoever launched, optionally with an error or notice."""
    offer(_live_tag(instance))
    return render_template(board_template(), notice=notice, notice_kind=kind,
                           **pages.board_page(g.launch, instance, **extra)), status


def _live_tag(instance):
    return f"b{current_version(instance.id)}-{g.launch.user_id}-{g.launch.role}-{get_locale()}"


@bp.get("/<id:iid>")
@launch_required()
def index(instance):
    """The start board: participants post and vote; the facilitator moderates, clusters and confirms."""
    notice, kind = pages.notice_for(request.args.get("done"))
    return render_board(instance, notice=notice, kind=kind)


@bp.get("/<id:iid>/live")
@launch_required()
def live(instance):
    """The board's changing regions as JSON; an unchanged board answers 304 after one small read."""
    tag = _live_tag(instance)

    def render():
        state = state_for(instance)
        html = render_template("activities/expectations/live.html", **pages.board_page(g.launch, instance))
        return dict(version=state.version, posting_open=state.posting_open, voting=state.voting, html=html,
                    live_url=launch_url("expectations.live"))

    return conditional(tag, render, page="expectations.index")


@bp.post("/<id:iid>/cards")
@launch_required(role="learner")
def post_card(instance):
    """A participant adds a short card to a column."""
    config = exp_settings.load(instance.settings)
    column = request.form.get("column", "")
    if column not in config.column_keys:
        abort(400)
    text = " ".join((request.form.get("text") or "").split())
    error = None
    if not state_for(instance).posting_open:
        return render_board(instance, 409, notice=_("Posting is closed, so your card was not added."),
                            kind="warning")
    if not text:
        error = _("Write something on your card.")
    elif not acceptable_text(text):
        error, text = str(REFUSED_CHARACTER), ""
    elif len(text) > config.card_length:
        error = _("Keep your card under %(max)d characters (now %(count)d).", max=config.card_length, count=len(text))
    elif db.session.execute(select(func.count(Card.id)).filter_by(
            activity_instance_id=instance.id, user_id=g.launch.user_id)).scalar() >= MAX_CARDS_PER_PERSON:
        error = _("You have posted the maximum of %(max)d cards.", max=MAX_CARDS_PER_PERSON)
    if error:
        return render_board(instance, 400, card_error={"column": column, "message": error, "text": text})
    card = save_with_participation(instance, lambda: cards.post(instance, g.launch.user_id, column, text))
    return redirect(launch_url("expectations.index", done="held" if card.held else "posted",
                               _anchor=f"column-{column}"), code=303)


@bp.post("/<id:iid>/cards/<id:cid>/withdraw")
@launch_required()
def withdraw(instance, cid):
    """A participant removes one of their own cards."""
    try:
        save_with_participation(instance, lambda: cards.withdraw(instance, g.launch.user_id, cid))
    except Refused as refused:
        db.session.rollback()
        return render_board(instance, refused.status, notice=refused.message, kind="warning")
    return redirect(launch_url("expectations.index", done="withdrawn"), code=303)


def _allocation(form):
    """{theme id: dots} from the dots_<id> fields; None when a value is not a whole number."""
    allocation = {}
    for name, value in form.items():
        if not name.startswith("dots_"):
            continue
        theme_id, value = name[5:], value.strip()
        if not theme_id.isdigit() or (value and not value.isdigit()) or len(value) > 3:
            return None
        allocation[int(theme_id)] = int(value or 0)
    return allocation


@bp.post("/<id:iid>/dots")
@launch_required(role="learner")
def vote(instance):
    """A participant spends their dots (replacing earlier ones) with their participation, in one commit."""
    config = exp_settings.load(instance.settings)
    allocation = _allocation(request.form)
    if allocation is None:
        return render_board(instance, 400, dots_error=_("Dots are whole numbers from 0 up."))
    try:
        save_with_participation(instance, lambda: dots.save(instance, config, g.launch.user_id, allocation))
    except Refused as refused:
        db.session.rollback()
        return render_board(instance, refused.status, dots_error=refused.message, dots_sent=allocation)
    return redirect(launch_url("expectations.index", done="voted", _anchor="dots"), code=303)
